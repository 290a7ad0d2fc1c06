package isolab.api;

/**
 * Events of memory cgroups and reclaim (mm/memcontrol.c, mm/vmscan.c, mm/oom_kill.c).
 * {@code cgroup} is a memory cgroup's path from the memory hierarchy's root on the machine;
 * {@code pages} are 4 KiB pages. Charges and reclaim are reported per batch (one fault burst, one
 * read call, one reclaim pass over one cgroup), not per page.
 */
public sealed interface MemoryEvent extends Event {

    /** Process {@code pid} had {@code pages} new pages of {@code kind} ("anon", "file", "shmem") charged to {@code cgroup}. */
    record PagesCharged(int pid, String cgroup, String kind, long pages) implements MemoryEvent {
        @Override
        public String summary() {
            return "process " + pid + " charged " + pages + " " + kind + " pages to memory:" + cgroup;
        }
    }

    /** {@code pages} pages of {@code kind} charged to {@code cgroup} were freed (exit, file removal). */
    record PagesUncharged(String cgroup, String kind, long pages) implements MemoryEvent {
        @Override
        public String summary() {
            return pages + " " + kind + " pages uncharged from memory:" + cgroup;
        }
    }

    /** A charge by process {@code pid} found {@code cgroup} at its limit (the lowest ancestor over it). */
    record LimitHit(int pid, String cgroup, long usagePages, long maxPages) implements MemoryEvent {
        @Override
        public String summary() {
            return "process " + pid + " hit the limit of memory:" + cgroup + " (" + usagePages + " of " + maxPages + " pages)";
        }
    }

    /** Reclaim on behalf of {@code target} freed {@code pages} pages from {@code lru} of {@code cgroup}. */
    record PagesReclaimed(String target, String cgroup, String lru, long pages) implements MemoryEvent {
        @Override
        public String summary() {
            return "reclaim for memory:" + target + " freed " + pages + " pages of " + lru + " in memory:" + cgroup;
        }
    }

    /** Reclaim moved {@code pages} pages of {@code cgroup} from an active list to the inactive one. */
    record PagesDeactivated(String target, String cgroup, String lru, long pages) implements MemoryEvent {
        @Override
        public String summary() {
            return "reclaim for memory:" + target + " deactivated " + pages + " pages of " + lru + " in memory:" + cgroup;
        }
    }

    /** A second access moved {@code pages} pages of {@code cgroup} to an active list (folio_mark_accessed). */
    record PagesActivated(int pid, String cgroup, String lru, long pages) implements MemoryEvent {
        @Override
        public String summary() {
            return "process " + pid + " activated " + pages + " pages to " + lru + " of memory:" + cgroup;
        }
    }

    /** The OOM killer of {@code cgroup} killed process {@code pid} ({@code comm}, {@code rssPages} resident). */
    record OomKilled(String cgroup, int pid, String comm, long rssPages, String victimCgroup) implements MemoryEvent {
        @Override
        public String summary() {
            return "memory:" + cgroup + " out of memory: killed process " + pid + " (" + comm + "), " + rssPages
                    + " pages resident, in memory:" + victimCgroup;
        }
    }

    /** {@code cgroup} is under OOM with the OOM killer disabled: process {@code pid} waits (state D). */
    record OomWaiting(String cgroup, int pid) implements MemoryEvent {
        @Override
        public String summary() {
            return "memory:" + cgroup + " out of memory, OOM killer disabled: process " + pid + " waits";
        }
    }
}
