package isolab.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MachineConfig;
import isolab.api.MountView;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import isolab.api.Terminal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the probes of /proc and cgroupfs see of a sandbox from outside it. */
class LinuxHostViewTest {

    private LinuxHost host;
    private Terminal main;

    @BeforeEach
    void boot() {
        host = LinuxHost.start(MachineConfig.defaults());
        main = host.terminal("main");
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void a_fresh_machine_shows_init_and_the_terminal_s_bash_with_the_sandbox_s_pids() {
        HostView view = host.view();
        assertEquals(HostKind.REAL, view.kind());
        assertEquals("isolab", view.hostname());
        assertEquals(2, view.processes().size(), view.processes().toString());
        ProcessView init = view.processes().get(0);
        assertEquals(List.of(1, 0, 0), List.of(init.pid(), init.ppid(), init.uid()));
        assertEquals("init", init.comm());
        assertEquals(List.of("/sbin/init"), init.argv());
        assertEquals(List.of(1), init.nsPids());
        ProcessView bash = view.processes().get(1);
        assertEquals(List.of(2, 1), List.of(bash.pid(), bash.ppid()));
        assertEquals(List.of("bash"), bash.argv());
        assertTrue("SR".indexOf(bash.state()) >= 0, "state " + bash.state()); // R for the moment after it printed its prompt
    }

    @Test
    void the_sandbox_has_namespaces_of_its_own_but_the_host_s_user_and_time() {
        HostView view = host.view();
        assertEquals(NamespaceType.values().length, view.namespaces().size(), view.namespaces().toString());
        ProcessView init = view.processes().get(0);
        for (NamespaceType type : NamespaceType.values()) {
            long jvm = LinuxHostTeardownTest.inode(Path.of("/proc/self/ns", type.procName()));
            if (type == NamespaceType.USER || type == NamespaceType.TIME) {
                assertEquals(jvm, init.namespaces().inode(type), type.procName());
            } else {
                assertNotEquals(jvm, init.namespaces().inode(type), type.procName());
            }
        }
        NamespaceView pid = view.namespaces().stream().filter(n -> n.type() == NamespaceType.PID).findFirst().orElseThrow();
        assertEquals(List.of(0L, 0), List.of(pid.parentInode(), pid.level()));
        long hostUser = LinuxHostTeardownTest.inode(Path.of("/proc/self/ns/user"));
        for (NamespaceView ns : view.namespaces()) {
            assertEquals(ns.type() == NamespaceType.USER ? 0 : hostUser, ns.ownerUserInode(), ns.toString());
        }
    }

    @Test
    void a_nested_user_namespace_owns_what_is_made_with_it_and_its_parent_is_the_host_s() {
        main.run("unshare --user --map-root-user --uts --pid --fork sleep 1000 &");
        main.run("sleep 0.2");
        HostView view = host.view();
        long hostUser = LinuxHostTeardownTest.inode(Path.of("/proc/self/ns/user"));
        ProcessView sleeper = view.processes().stream()
                .filter(p -> p.comm().equals("sleep") && p.nsPids().size() == 2).findFirst().orElseThrow();
        NamespaceView user = find(view, NamespaceType.USER, sleeper.namespaces().user());
        assertEquals(List.of(hostUser, 1L), List.of(user.parentInode(), (long) user.level()));
        assertEquals(user.inode(), find(view, NamespaceType.UTS, sleeper.namespaces().uts()).ownerUserInode());
        assertEquals(user.inode(), find(view, NamespaceType.PID, sleeper.namespaces().pid()).ownerUserInode());
    }

    @Test
    void without_the_c_launcher_a_nested_namespace_s_parent_is_derived_and_owners_are_unknown() {
        try (LinuxHost fallback = LinuxHost.start(MachineConfig.defaults(),
                SandboxOptions.defaults().withLaunch(isolab.real.launch.LaunchMode.UTIL_LINUX))) {
            Terminal terminal = fallback.terminal("main");
            terminal.run("unshare --pid --fork sleep 1000 &");
            terminal.run("sleep 0.2");
            HostView view = fallback.view();
            long machine = view.processes().get(0).namespaces().pid();
            ProcessView sleeper = view.processes().stream()
                    .filter(p -> p.comm().equals("sleep") && p.nsPids().size() == 2).findFirst().orElseThrow();
            NamespaceView nested = find(view, NamespaceType.PID, sleeper.namespaces().pid());
            assertEquals(List.of(machine, 1L, 0L), List.of(nested.parentInode(), (long) nested.level(), nested.ownerUserInode()));
        }
    }

    private static NamespaceView find(HostView view, NamespaceType type, long inode) {
        return view.namespaces().stream().filter(n -> n.type() == type && n.inode() == inode).findFirst().orElseThrow();
    }

    @Test
    void the_machine_s_mounts_are_machine_md_s_in_its_order() {
        long mnt = host.view().processes().get(0).namespaces().mnt();
        List<MountView> mounts = host.view().mounts().stream().filter(m -> m.mntNamespace() == mnt).toList();
        assertEquals(List.of("/", "/proc", "/dev", "/dev/pts", "/dev/mqueue", "/sys", "/sys/fs/cgroup",
                "/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpuacct", "/sys/fs/cgroup/cpuset", "/sys/fs/cgroup/memory",
                "/sys/fs/cgroup/devices", "/sys/fs/cgroup/freezer", "/sys/fs/cgroup/blkio", "/sys/fs/cgroup/pids",
                "/tmp", "/root"), mounts.stream().map(MountView::mountPoint).toList());
        assertEquals("overlay", mounts.get(0).fsType());
        assertEquals("rw,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on", mounts.get(0).superOptions());
        assertEquals("", mounts.get(0).propagation());
    }

    @Test
    void a_nested_pid_namespace_is_one_level_down_and_its_processes_have_a_pid_per_level() {
        main.run("unshare --pid --fork --mount-proc sleep 1000 &");
        main.run("sleep 0.2");
        HostView view = host.view();
        long machine = view.processes().get(0).namespaces().pid();
        ProcessView sleeper = view.processes().stream()
                .filter(p -> p.comm().equals("sleep") && p.nsPids().size() == 2).findFirst().orElseThrow();
        assertEquals(1, sleeper.innermostPid());
        NamespaceView nested = view.namespaces().stream()
                .filter(n -> n.type() == NamespaceType.PID && n.inode() == sleeper.namespaces().pid()).findFirst().orElseThrow();
        assertEquals(List.of(machine, 1L), List.of(nested.parentInode(), (long) nested.level()));
        long nestedMnt = sleeper.namespaces().mnt();
        assertTrue(view.mounts().stream().anyMatch(m -> m.mntNamespace() == nestedMnt && m.mountPoint().equals("/proc")));
    }

    @Test
    void the_hostname_is_read_from_the_machine_s_uts_namespace_now() {
        main.run("hostname changed");
        assertEquals("changed", host.view().hostname());
    }
}
