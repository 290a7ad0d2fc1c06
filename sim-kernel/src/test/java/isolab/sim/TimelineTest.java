package isolab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.api.Event;
import isolab.api.HostView;
import isolab.api.NamespaceEvent;
import isolab.api.NamespaceType;
import isolab.api.ProcessEvent;
import isolab.api.ProcessView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kernel decision of a command is a typed event, in order; the view shows the result. */
class TimelineTest {

    @Test
    void a_command_reports_the_fork_exec_exit_and_reap_of_its_process() {
        try (Machine m = new Machine()) {
            List<Event> events = m.run("/usr/bin/true").events();
            assertTrue(events.get(0) instanceof ProcessEvent.Forked f && f.parent() == 2 && f.pid() == 3, events.toString());
            assertTrue(events.get(1) instanceof ProcessEvent.Execed e && e.argv().equals(List.of("/usr/bin/true")), events.toString());
            assertTrue(events.get(2) instanceof ProcessEvent.Exited x && x.code() == 0, events.toString());
            assertTrue(events.stream().anyMatch(e -> e instanceof ProcessEvent.Reaped r && r.pid() == 3), events.toString());
        }
    }

    @Test
    void unshare_reports_the_namespaces_it_creates_and_the_hostname_change() {
        try (Machine m = new Machine()) {
            List<Event> events = m.run("unshare --uts --pid --fork hostname inner").events();
            long created = events.stream().filter(e -> e instanceof NamespaceEvent.Created).count();
            assertEquals(2, created, events.toString());
            assertTrue(events.stream().anyMatch(e -> e instanceof NamespaceEvent.HostnameChanged h && h.after().equals("inner")));
            assertTrue(events.stream().anyMatch(e -> e instanceof NamespaceEvent.Destroyed d && d.type() == NamespaceType.UTS),
                    events.toString());
        }
    }

    @Test
    void cgroups_made_moved_into_and_removed_are_events() {
        try (Machine m = new Machine()) {
            List<Event> events = m.run("mkdir /sys/fs/cgroup/pids/a; echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs;"
                    + " echo $$ > /sys/fs/cgroup/pids/cgroup.procs; rmdir /sys/fs/cgroup/pids/a").events();
            List<Event> cgroup = events.stream().filter(e -> e instanceof isolab.api.CgroupEvent).toList();
            assertEquals(List.of(new isolab.api.CgroupEvent.Created("pids", "/a", 3),
                    new isolab.api.CgroupEvent.Attached(2, "pids", "/a", 2), new isolab.api.CgroupEvent.Attached(2, "pids", "/", 2),
                    new isolab.api.CgroupEvent.Removed("pids", "/a", 4)), cgroup);
            assertEquals("process 2 moved 2 to cgroup pids:/a", cgroup.get(1).summary());
        }
    }

    @Test
    void writing_an_id_map_is_an_event() {
        try (Machine m = new Machine()) {
            List<Event> events = m.run("unshare --user --map-root-user true").events();
            assertTrue(events.stream().anyMatch(e -> e instanceof NamespaceEvent.IdMapWritten w && w.file().equals("uid_map")
                    && w.summary().endsWith("uid_map of user:[" + w.inode() + "]: 0 0 1")), events.toString());
        }
    }

    @Test
    void the_view_shows_per_namespace_pids_and_namespace_levels() {
        try (Machine m = new Machine()) {
            m.out("unshare --pid --fork --mount-proc sh");
            HostView view = m.host().view();
            ProcessView sh = view.processes().stream().filter(p -> p.comm().equals("sh")).findFirst().orElseThrow();
            assertEquals(2, sh.nsPids().size());
            assertEquals(1, sh.innermostPid());
            assertEquals("isolab", view.hostname());
            long pidNamespaces = view.namespaces().stream().filter(n -> n.type() == NamespaceType.PID).count();
            assertEquals(2, pidNamespaces);
            long mntNamespaces = view.mounts().stream().map(mv -> mv.mntNamespace()).distinct().count();
            assertEquals(2, mntNamespaces);
        }
    }

    @Test
    void closing_the_host_ends_every_thread_of_the_machine() throws Exception {
        java.util.Set<Thread> before = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        Machine m = new Machine();
        m.run("sleep 100 &");
        m.run("sleep 100 | cat &");
        m.close();
        Thread.sleep(50);
        long left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("isolab-") && t.isAlive() && !before.contains(t)).count();
        assertEquals(0, left);
    }

    @Test
    void a_closed_host_refuses_commands() {
        Machine m = new Machine();
        m.close();
        CommandResult[] none = new CommandResult[1];
        try {
            none[0] = m.terminal("main").run("true");
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("ran on a closed host: " + none[0]);
    }
}
