package isolab.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** procfs and the mount table, in Linux's formats (proc(5)), measured in a real sandbox first. */
class ProcFsTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void proc_self_is_the_reader_s_pid() {
        String pid = m.out("sh -c 'echo $$; readlink /proc/self'");
        String[] lines = pid.split("\n");
        assertEquals(Integer.parseInt(lines[0]) + 1, Integer.parseInt(lines[1]));
    }

    @Test
    void every_namespace_kind_has_a_link_in_proc_pid_ns() {
        String links = m.out("for n in cgroup ipc mnt net pid pid_for_children time time_for_children user uts; do "
                + "readlink /proc/self/ns/$n; done");
        assertTrue(links.matches("(?s)cgroup:\\[\\d+]\nipc:\\[\\d+]\nmnt:\\[\\d+]\nnet:\\[\\d+]\npid:\\[\\d+]\npid:\\[\\d+]\n"
                + "time:\\[4026531834]\ntime:\\[4026531834]\nuser:\\[4026531837]\nuts:\\[\\d+]\n"), links);
    }

    @Test
    void the_status_file_has_linux_s_lines_in_linux_s_order() {
        String status = m.out("cat /proc/self/status");
        assertTrue(status.startsWith("Name:\tcat\nUmask:\t0022\nState:\tR (running)\nTgid:\t"), status);
        assertTrue(status.contains("\nCapEff:\t000001fffeffffff\n"), status);
        assertTrue(status.contains("\nNSpid:\t"), status);
    }

    @Test
    void mountinfo_lists_the_machine_s_mounts_from_id_21() {
        String info = m.out("cat /proc/self/mountinfo");
        assertTrue(info.startsWith("21 20 0:21 / / rw,relatime - overlay overlay rw,lowerdir=/,upperdir=/run/isolab/upper,"
                + "workdir=/run/isolab/work,uuid=on\n22 21 0:22 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"), info);
        assertTrue(info.contains(" / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,memory\n"), info);
        assertEquals("17 /proc/mounts\n", m.out("wc -l /proc/mounts"));
    }

    @Test
    void proc_mounts_combines_mount_and_superblock_options() {
        String mounts = m.out("grep -E ' /dev | /tmp ' /proc/mounts");
        assertEquals("tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0\ntmpfs /tmp tmpfs rw,nosuid,nodev 0 0\n", mounts);
    }

    @Test
    void mount_proc_in_a_new_mount_namespace_adds_a_proc_mount_only_there() {
        String inside = m.out("unshare --mount-proc --pid --fork cat /proc/self/mountinfo | tail -1");
        assertTrue(inside.matches("\\d+ \\d+ 0:\\d+ / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"), inside);
        assertEquals("17 /proc/mounts\n", m.out("wc -l /proc/mounts"));
        assertEquals("18 /proc/mounts\n", m.out("unshare --mount-proc --pid --fork wc -l /proc/mounts"));
    }

    @Test
    void dotdot_climbs_out_of_a_mount_to_the_parent_mount() {
        assertEquals("/\n", m.out("cd /proc/.. && pwd"));
        assertEquals("/sys/fs\n", m.out("cd /sys/fs/cgroup/memory/../.. && pwd"));
    }

    @Test
    void symlinks_are_followed_and_loops_end_in_eloop() {
        assertEquals("usr/bin\n", m.out("readlink /bin"));
        assertEquals("/usr/bin/dash\n", m.out("readlink -f /bin/sh"));
        m.out("ln -s /tmp/loop /tmp/loop");
        var loop = m.run("cat /tmp/loop");
        assertEquals("cat: /tmp/loop: Too many levels of symbolic links\n", loop.output());
        assertEquals(1, loop.status());
    }

    @Test
    void the_hostname_is_also_in_proc_sys_kernel() {
        assertEquals("isolab\n", m.out("cat /proc/sys/kernel/hostname"));
        assertEquals("4194304\n", m.out("cat /proc/sys/kernel/pid_max"));
    }

    @Test
    void the_cgroup_file_shows_every_v1_hierarchy_at_the_namespace_root() {
        // measured in the real sandbox: the kernel's named systemd hierarchy is listed too
        assertEquals("9:name=systemd:/\n8:pids:/\n7:blkio:/\n6:freezer:/\n5:devices:/\n4:memory:/\n3:cpuset:/\n2:cpuacct:/\n1:cpu:/\n0::/\n",
                m.out("cat /proc/self/cgroup"));
    }
}
