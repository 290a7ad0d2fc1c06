package isolab.api;

/**
 * Events of cgroups (kernel/cgroup/cgroup.c): cgroups made and removed, and processes moved
 * between them. {@code hierarchy} names the hierarchy as /proc/PID/cgroup does ({@code pids},
 * {@code name=systemd}, empty for cgroup v2); {@code path} is the cgroup's path from the
 * hierarchy's root on the machine.
 */
public sealed interface CgroupEvent extends Event {

    /** Process {@code pid} made the cgroup {@code path} (mkdir). */
    record Created(String hierarchy, String path, int pid) implements CgroupEvent {
        @Override
        public String summary() {
            return "process " + pid + " made cgroup " + hierarchy + ":" + path;
        }
    }

    /** Process {@code pid} removed the cgroup {@code path} (rmdir). */
    record Removed(String hierarchy, String path, int pid) implements CgroupEvent {
        @Override
        public String summary() {
            return "process " + pid + " removed cgroup " + hierarchy + ":" + path;
        }
    }

    /**
     * The pids controller refused a fork of process {@code pid}, in cgroup {@code path}, because
     * one more task would take {@code overLimit} (the cgroup itself or an ancestor) past its
     * {@code pids.max} of {@code limit}: fork failed with EAGAIN.
     */
    record ForkRefused(int pid, String hierarchy, String path, String overLimit, long limit) implements CgroupEvent {
        @Override
        public String summary() {
            return "process " + pid + " in cgroup " + hierarchy + ":" + path + " may not fork: " + overLimit
                    + " is at its limit of " + limit + " tasks";
        }
    }

    /** Process {@code by} moved process {@code pid} into {@code path} of one hierarchy (cgroup.procs, tasks). */
    record Attached(int pid, String hierarchy, String path, int by) implements CgroupEvent {
        @Override
        public String summary() {
            return "process " + by + " moved " + pid + " to cgroup " + hierarchy + ":" + path;
        }
    }
}
