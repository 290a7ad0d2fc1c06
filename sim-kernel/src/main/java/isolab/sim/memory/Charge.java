package isolab.sim.memory;

import isolab.api.MemoryEvent;
import isolab.sim.process.Signal;
import isolab.sim.process.Task;
import java.util.List;

/**
 * Charging a memcg for new pages (mm/memcontrol.c: try_charge_memcg; KERNEL-SEMANTICS.md 1.2):
 * try the hierarchical charge; when a counter is at its max, reclaim in the subtree of the memcg
 * that owns that counter, retry, and after {@link #MAX_RECLAIM_RETRIES} rounds that free nothing
 * call that memcg's OOM killer, then try again with fresh retries.
 *
 * <p>v1 charges the memory+swap counter first, then memory; reclaim never swaps (there is no
 * swap), so it is the same whichever fails.
 *
 * <p>Simplifies: no per-CPU charge stock (MEMCG_CHARGE_BATCH), so usage is exact and each failed
 * attempt is one page's.
 */
public final class Charge {

    /** mm/internal.h: MAX_RECLAIM_RETRIES. */
    static final int MAX_RECLAIM_RETRIES = 16;

    /** PAGE_ALLOC_COSTLY_ORDER as pages: charges up to this retry while reclaim makes any progress. */
    static final int COSTLY_PAGES = 8;

    private Charge() {
    }

    /** What a charge came to. */
    public enum Result {
        /** The pages are charged. */
        CHARGED,
        /** No room, and this task is the OOM victim or nothing could be killed: -ENOMEM. */
        NOMEM,
        /** The memcg is under OOM with the killer disabled and the charge is not a user fault: -ENOMEM. */
        OOM_DISABLED
    }

    /**
     * try_charge_memcg: charges {@code pages} to {@code memcg} on behalf of {@code task}, reclaiming
     * and OOM-killing as Linux does; a memcg that is not charged (the host's root) always succeeds.
     * With the OOM killer disabled, a user fault ({@code userFault}) waits in state D until memory
     * is uncharged or the limit raised and then tries again (mem_cgroup_oom_synchronize); any other
     * charge fails.
     */
    public static Result tryCharge(Memory memory, Task task, Memcg memcg, int pages, boolean userFault) {
        if (!memory.charges(memcg)) {
            return Result.CHARGED;
        }
        int retries = MAX_RECLAIM_RETRIES;
        boolean passedOom = false;
        boolean reported = false;
        while (true) {
            // v1 charges memory+swap first, then memory (do_memsw_account).
            PageCounter fail = memcg.memsw.tryCharge(pages);
            if (fail == null) {
                fail = memcg.memory.tryCharge(pages);
                if (fail == null) {
                    return Result.CHARGED;
                }
                memcg.memsw.uncharge(pages);
            }
            Memcg overLimit = fail.owner();
            if (!reported) {
                memory.emit(new MemoryEvent.LimitHit(task.pid(), overLimit.path(), fail.usage(), fail.max()));
                reported = true;
            }
            long reclaimed = Reclaim.tryToFreeMemCgroupPages(memory, overLimit, pages);
            if (Math.min(overLimit.memory.margin(), overLimit.memsw.margin()) >= pages) {     // mem_cgroup_margin
                continue;
            }
            if (reclaimed > 0 && pages <= COSTLY_PAGES) {
                continue;       // progress: retry without consuming a retry
            }
            if (retries-- > 0) {
                continue;
            }
            if (passedOom && dying(task)) {
                return Result.NOMEM;
            }
            switch (OomKill.memCgroupOom(memory, overLimit, task)) {
                case KILLED, WAIT_FOR_VICTIM -> {
                    passedOom = true;
                    retries = MAX_RECLAIM_RETRIES;
                    if (!dying(task)) {
                        task.kernel().scheduler().yieldNow();   // let the victim run to its exit
                    }
                }
                case DISABLED -> {
                    if (!userFault) {
                        return Result.OOM_DISABLED;
                    }
                    waitForMemory(memory, overLimit, task);
                    retries = MAX_RECLAIM_RETRIES;
                }
                case NONE -> {
                    return Result.NOMEM;
                }
            }
        }
    }

    /**
     * memcg1_oom_prepare and mem_cgroup_oom_synchronize: the subtree is marked under_oom while the
     * task sleeps killable until an uncharge, a raised limit or oom_kill_disable=0 wakes it.
     */
    private static void waitForMemory(Memory memory, Memcg overLimit, Task task) {
        List<Memcg> subtree = overLimit.subtree();
        for (Memcg m : subtree) {
            m.underOom++;
        }
        memory.emit(new MemoryEvent.OomWaiting(overLimit.path(), task.pid()));
        try {
            task.sleepKillable(memory.oomWait);
        } finally {
            for (Memcg m : subtree) {
                m.underOom--;
            }
        }
    }

    /** task_is_dying: the task has a fatal signal pending or is exiting. */
    static boolean dying(Task task) {
        return task.exiting() || (task.pendingSignals() & Signal.bit(Signal.SIGKILL)) != 0;
    }
}
