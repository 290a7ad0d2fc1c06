package isolab.sim.process;

import isolab.sim.namespace.PidNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every task by PID, per PID namespace (kernel/pid.c: the pid hash, find_task_by_pid_ns). A task
 * is listed in its own namespace and in every ancestor, under its number there.
 */
public final class PidTable {

    private final TreeMap<Integer, Task> byGlobalPid = new TreeMap<>();
    /** Per PID namespace, keyed by the namespace's inode (unique for the machine's lifetime). */
    private final Map<Long, TreeMap<Integer, Task>> byNamespace = new TreeMap<>();

    /** Lists {@code task} under each of its PIDs. */
    void add(Task task) {
        byGlobalPid.put(task.pid(), task);
        for (PidNamespace ns = task.pidNs(); ns != null; ns = ns.parent()) {
            byNamespace.computeIfAbsent(ns.inode(), n -> new TreeMap<>()).put(task.pidIn(ns), task);
        }
    }

    /** Removes {@code task} and frees its PIDs (release_task). */
    void remove(Task task) {
        byGlobalPid.remove(task.pid());
        for (PidNamespace ns = task.pidNs(); ns != null; ns = ns.parent()) {
            int nr = task.pidIn(ns);
            TreeMap<Integer, Task> map = byNamespace.get(ns.inode());
            if (map != null) {
                map.remove(nr);
            }
            ns.free(nr);
        }
    }

    /** The task with PID {@code nr} in {@code ns}, or null. */
    public Task find(PidNamespace ns, int nr) {
        TreeMap<Integer, Task> map = byNamespace.get(ns.inode());
        return map == null ? null : map.get(nr);
    }

    /** Every task visible in {@code ns}, by PID there. */
    public List<Task> visibleIn(PidNamespace ns) {
        TreeMap<Integer, Task> map = byNamespace.get(ns.inode());
        return map == null ? List.of() : new ArrayList<>(map.values());
    }

    /** Every task, by PID in the initial namespace. */
    public List<Task> all() {
        return new ArrayList<>(byGlobalPid.values());
    }

    /** The task with initial-namespace PID {@code pid}, or null. */
    public Task byPid(int pid) {
        return byGlobalPid.get(pid);
    }

    /** The init (PID 1) of {@code ns}, or null if it has none now. */
    public Task initOf(PidNamespace ns) {
        return find(ns, 1);
    }
}
