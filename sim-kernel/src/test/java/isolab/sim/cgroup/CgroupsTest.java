package isolab.sim.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.CgroupVersion;
import isolab.api.CommandResult;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.sim.Machine;
import isolab.sim.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cgroup core on a v1 machine: hierarchy rules, cgroup.procs and tasks, mounts. Each
 * expectation was measured on Linux 6.18 (cgroup v1, under /sys/fs/cgroup/pids/isolab) first.
 */
class CgroupsTest {

    private static final String PIDS = "/sys/fs/cgroup/pids";

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    private void fails(String line, String output, int status) {
        CommandResult r = m.run(line);
        assertEquals(output, r.output(), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void a_new_cgroup_has_the_core_and_pids_files_and_an_empty_cgroup_procs() {
        m.out("mkdir " + PIDS + "/a");
        assertEquals("cgroup.clone_children\ncgroup.procs\nnotify_on_release\npids.current\npids.events\npids.max\npids.peak\ntasks\n", m.out("ls " + PIDS + "/a | cat"));
        assertEquals("", m.out("cat " + PIDS + "/a/cgroup.procs " + PIDS + "/a/tasks"));
        assertEquals("0\n0\n", m.out("cat " + PIDS + "/a/cgroup.clone_children " + PIDS + "/a/notify_on_release"));
        // The machine's root is the sandbox's cgroup, a child on the host: no root-only files (measured).
        assertEquals("a\ncgroup.clone_children\ncgroup.procs\nnotify_on_release\npids.current\npids.events\npids.max\npids.peak\ntasks\n", m.out("ls " + PIDS + " | cat"));
        fails("echo /bin/true > " + PIDS + "/release_agent", "bash: " + PIDS + "/release_agent: Permission denied\n", 1);
    }

    @Test
    void rmdir_is_ebusy_while_the_cgroup_has_a_task_or_a_child() {
        m.out("mkdir -p " + PIDS + "/a/b " + PIDS + "/c; echo $$ > " + PIDS + "/c/cgroup.procs");
        fails("rmdir " + PIDS + "/a", "rmdir: failed to remove '" + PIDS + "/a': Device or resource busy\n", 1);
        fails("rmdir " + PIDS + "/c", "rmdir: failed to remove '" + PIDS + "/c': Device or resource busy\n", 1);
        m.out("echo $$ > " + PIDS + "/cgroup.procs; rmdir " + PIDS + "/c " + PIDS + "/a/b " + PIDS + "/a");
        assertEquals("cgroup.clone_children\ncgroup.procs\nnotify_on_release\npids.current\npids.events\npids.max\npids.peak\ntasks\n", m.out("ls " + PIDS + " | cat"));
    }

    @Test
    void a_child_starts_in_its_parent_s_cgroups_and_a_move_takes_only_that_task_and_hierarchy() {
        m.out("mkdir " + PIDS + "/a " + PIDS + "/b; echo $$ > " + PIDS + "/a/cgroup.procs");
        String sleep = m.out("sleep 100 & echo $!").lines().reduce((first, second) -> second).orElseThrow();
        assertEquals("8:pids:/a\n4:memory:/\n", m.out("grep -E 'pids|memory' /proc/" + sleep + "/cgroup"));
        m.out("echo $$ > " + PIDS + "/b/cgroup.procs");
        assertEquals(sleep + "\n", m.out("cat " + PIDS + "/a/cgroup.procs"));
        assertEquals("2\n", m.out("cat " + PIDS + "/b/tasks | head -1"));
    }

    @Test
    void cgroup_procs_takes_one_pid_per_write_and_0_is_the_writer() {
        m.out("mkdir " + PIDS + "/a");
        fails("/usr/bin/printf '2\\n3\\n' > " + PIDS + "/a/cgroup.procs", "/usr/bin/printf: write error: Invalid argument\n", 1);
        fails("echo 99999 > " + PIDS + "/a/cgroup.procs", "bash: echo: write error: No such process\n", 1);
        fails("echo -1 > " + PIDS + "/a/tasks", "bash: echo: write error: Invalid argument\n", 1);
        m.out("echo 0x2 > " + PIDS + "/a/cgroup.procs");
        assertEquals("8:pids:/a\n", m.out("grep pids /proc/$$/cgroup"));
        m.out("sh -c 'echo 0 > " + PIDS + "/cgroup.procs; grep pids /proc/self/cgroup'");
        assertEquals("8:pids:/a\n", m.out("grep pids /proc/self/cgroup"));
    }

    @Test
    void an_exited_task_leaves_its_cgroup_even_as_a_zombie() {
        m.out("mkdir " + PIDS + "/a");
        m.out("sh -c 'sleep 0.1 & echo $! > " + PIDS + "/a/cgroup.procs; echo $! > /tmp/pid; cat " + PIDS
                + "/a/cgroup.procs > /tmp/before; exec sleep 1'");
        assertEquals(m.out("cat /tmp/pid"), m.out("cat /tmp/before"));
        assertEquals("", m.out("cat " + PIDS + "/a/cgroup.procs"));
        m.out("rmdir " + PIDS + "/a");
    }

    @Test
    void a_zombie_shows_the_root_of_a_v1_hierarchy_in_proc_pid_cgroup() {
        // kernel/cgroup/cgroup.c: proc_cgroup_show prints "/" for an exiting task on v1 (measured).
        m.out("mkdir " + PIDS + "/a");
        m.out("sh -c 'sleep 0.1 & echo $! > /tmp/p; echo $! > " + PIDS + "/a/cgroup.procs; exec sleep 2' &");
        assertEquals("Z (zombie)\n8:pids:/\n", m.out("sleep 0.5; grep State /proc/$(cat /tmp/p)/status | cut -f2;"
                + " grep pids /proc/$(cat /tmp/p)/cgroup"));
    }

    @Test
    void pids_are_listed_as_the_reader_s_pid_namespace_numbers_them() {
        m.out("mkdir " + PIDS + "/a");
        m.out("unshare --pid --fork --mount-proc sh -c 'echo $$ > " + PIDS + "/a/cgroup.procs; exec sleep 100' &");
        // A control file's size is 0 (as on Linux): wait for a line instead.
        m.out("until grep -q . " + PIDS + "/a/cgroup.procs; do :; done");
        // bash 2, mkdir 3, unshare 4, its child sh 5 (PID 1 inside).
        assertEquals("5\n", m.out("cat " + PIDS + "/a/cgroup.procs"));
        assertEquals("1\n", m.out("nsenter -t 5 -p cat " + PIDS + "/a/cgroup.procs"));
    }

    @Test
    void a_file_of_a_removed_cgroup_is_enodev() {
        m.out("mkdir " + PIDS + "/a");
        fails("exec 3>" + PIDS + "/a/cgroup.procs; rmdir " + PIDS + "/a; echo 0 >&3", "bash: echo: write error: No such device\n", 1);
    }

    @Test
    void control_file_names_are_taken() {
        m.out("mkdir " + PIDS + "/a");
        fails("mkdir " + PIDS + "/a/tasks", "mkdir: cannot create directory '" + PIDS + "/a/tasks': File exists\n", 1);
        fails("rmdir " + PIDS + "/a/tasks", "rmdir: failed to remove '" + PIDS + "/a/tasks': Not a directory\n", 1);
    }

    @Test
    void a_hierarchy_mounted_again_is_the_same_one_and_a_new_one_cannot_be_made() {
        m.out("mkdir " + PIDS + "/a /tmp/cg /tmp/sd; mount -t cgroup -o pids cgroup /tmp/cg; mount -t cgroup -o none,name=systemd x /tmp/sd");
        assertEquals("/tmp/cg/a/\n", m.out("ls -d /tmp/cg/*/"));
        assertEquals("rw,pids\nrw,name=systemd\n", m.out("grep /tmp/ /proc/self/mountinfo | cut -d' ' -f10"));
        // Measured in the sandbox: a new hierarchy needs the initial cgroup namespace (EPERM).
        assertEquals(32, m.run("mount -t cgroup -o pids,memory cgroup /mnt").status());
        assertEquals(32, m.run("mount -t cgroup cgroup /mnt").status());
        assertEquals(32, m.run("mount -t cgroup -o none cgroup /mnt").status());
        assertEquals("hugetlb\n", m.out("mount -t cgroup2 none /mnt; cat /mnt/cgroup.controllers; umount /mnt"));
        assertEquals("", m.out("cat /proc/self/mounts | grep ' /mnt '; true"));
    }

    @Test
    void proc_cgroups_counts_the_cgroups_of_each_controller_s_hierarchy() {
        m.out("mkdir -p " + PIDS + "/a/b");
        assertEquals("pids\t8\t3\t1\n", m.out("grep pids /proc/cgroups"));
        assertEquals("memory\t4\t1\t1\n", m.out("grep memory /proc/cgroups"));
    }

    @Test
    void path_from_climbs_to_the_common_ancestor_with_dot_dot() {
        Cgroups cgroups = new Cgroups(CgroupVersion.V1);
        Hierarchy pids = cgroups.hierarchyOf("pids");
        Cgroup a = cgroups.mkdir(pids.root(), "a", 0, 0);
        Cgroup b = cgroups.mkdir(a, "b", 0, 0);
        Cgroup c = cgroups.mkdir(a, "c", 0, 0);
        assertEquals("/", Cgroups.pathFrom(b, b));
        assertEquals("/a/b", Cgroups.pathFrom(pids.root(), b));
        assertEquals("/..", Cgroups.pathFrom(a, pids.root()));
        assertEquals("/../c", Cgroups.pathFrom(b, c));
        assertEquals("/../..", Cgroups.pathFrom(b, pids.root()));
    }

    @Test
    void a_v2_machine_has_the_default_hierarchy_only() {
        try (SimulatedHost host = new SimulatedHost(new MachineConfig(CgroupVersion.V2, 0))) {
            Terminal t = host.terminal("main");
            assertEquals("0::/\n", t.run("cat /proc/self/cgroup").output());
            assertEquals("cpuset cpu io memory hugetlb pids\n", t.run("cat /sys/fs/cgroup/cgroup.controllers").output());
            t.run("mkdir /sys/fs/cgroup/a; echo $$ > /sys/fs/cgroup/a/cgroup.procs");
            assertEquals("0::/a\n", t.run("cat /proc/self/cgroup").output());
            assertEquals("populated 1\nfrozen 0\ndomain\n", t.run("cat /sys/fs/cgroup/a/cgroup.events /sys/fs/cgroup/a/cgroup.type").output());
        }
    }

    @Test
    void v2_children_get_only_the_controllers_their_parent_enables_and_no_internal_processes() {
        // Documentation/admin-guide/cgroup-v2.rst 2-4; KERNEL-SEMANTICS.md section 4 (measured).
        try (SimulatedHost host = new SimulatedHost(new MachineConfig(CgroupVersion.V2, 0))) {
            Terminal t = host.terminal("main");
            t.run("cd /sys/fs/cgroup; mkdir -p a/b; echo '+memory +pids' > cgroup.subtree_control");
            assertEquals("memory pids\nmemory pids\n", t.run("cat cgroup.subtree_control a/cgroup.controllers").output());
            assertEquals("", t.run("cat a/b/cgroup.controllers | tr -d '\\n'").output());
            t.run("echo $$ > a/cgroup.procs");
            CommandResult busy = t.run("echo +pids > a/cgroup.subtree_control");
            assertEquals("bash: echo: write error: Device or resource busy\n", busy.output());
            t.run("echo $$ > cgroup.procs; echo +pids > a/cgroup.subtree_control");
            assertEquals("pids\n", t.run("cat a/b/cgroup.controllers").output());
            assertEquals("bash: echo: write error: Device or resource busy\n"
                    + "bash: echo: write error: Device or resource busy\n"
                    + "bash: echo: write error: No such file or directory\n"
                    + "bash: echo: write error: Invalid argument\n",
                    t.run("echo $$ > a/cgroup.procs; echo -pids > cgroup.subtree_control; echo +cpu > a/cgroup.subtree_control;"
                            + " echo foo > cgroup.subtree_control").output());
        }
    }
}
