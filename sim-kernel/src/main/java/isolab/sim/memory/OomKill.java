package isolab.sim.memory;

import isolab.api.MemoryEvent;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Signal;
import isolab.sim.process.Signals;
import isolab.sim.process.Task;

/**
 * The memcg OOM killer (mm/memcontrol.c: mem_cgroup_oom, mem_cgroup_out_of_memory;
 * mm/oom_kill.c: select_bad_process, oom_badness, oom_kill_process; KERNEL-SEMANTICS.md 1.4):
 * among the tasks of the memcg's subtree, the one with the most resident pages gets SIGKILL;
 * on a tie the one scanned later wins. The kill is counted in the victim's own memcg only
 * (v1 does not propagate memory events). With {@code oom_kill_disable} nobody is killed and the
 * charging task waits.
 *
 * <p>Simplifies: oom_score_adj is 0 for every task (not modelled); page-table pages are not
 * counted in the badness; no OOM reaper (a victim frees its memory when it exits).
 */
public final class OomKill {

    private OomKill() {
    }

    /** What the OOM path did. */
    public enum Outcome {
        /** A victim got SIGKILL (or the charging task was already dying). */
        KILLED,
        /** An earlier victim in the subtree has not exited yet: no new kill (oom_evaluate_task aborts). */
        WAIT_FOR_VICTIM,
        /** oom_kill_disable is set: the charging task must wait (memcg1_oom_prepare). */
        DISABLED,
        /** No killable task. */
        NONE
    }

    /** mem_cgroup_oom: the OOM path of {@code memcg}, entered by a charge of {@code current}. */
    static Outcome memCgroupOom(Memory memory, Memcg memcg, Task current) {
        if (memcg.oomKillDisable) {
            return Outcome.DISABLED;
        }
        if (Charge.dying(current)) {
            return Outcome.KILLED;      // mem_cgroup_out_of_memory: task_is_dying()
        }
        Kernel kernel = memory.kernel();
        Task chosen = null;
        long chosenPoints = Long.MIN_VALUE;
        for (Memcg m : memcg.subtree()) {
            if (m.cgroup.isDead()) {
                continue;
            }
            for (Task t : kernel.cgroups().tasks(kernel, m.cgroup)) {
                if (memory.victims.contains(t)) {
                    return Outcome.WAIT_FOR_VICTIM;
                }
                long points = badness(memory, t);
                if (points >= chosenPoints) {       // equal points: the later task replaces
                    chosen = t;
                    chosenPoints = points;
                }
            }
        }
        if (chosen == null) {
            return Outcome.NONE;
        }
        kill(memory, memcg, chosen, chosenPoints, current);
        return Outcome.KILLED;
    }

    /** oom_badness: resident pages (anon, and shmem and file pages mapped), oom_score_adj 0. */
    static long badness(Memory memory, Task t) {
        return memory.rssPages(t);
    }

    /** oom_kill_process / __oom_kill_process: SIGKILL, MEMCG_OOM_KILL in the victim's memcg. */
    private static void kill(Memory memory, Memcg oom, Task victim, long points, Task current) {
        Memcg victimMemcg = memory.memcgOf(victim);
        victimMemcg.oomKill++;
        memory.victims.add(victim);
        memory.emit(new MemoryEvent.OomKilled(oom.path(), victim.pid(), victim.comm(), Math.max(0, points),
                victimMemcg.path()));
        Signals.force(memory.kernel(), victim, Signal.SIGKILL, current);
    }
}
