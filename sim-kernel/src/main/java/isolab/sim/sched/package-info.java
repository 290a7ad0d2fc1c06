/**
 * Scheduling as baton passing: each {@link isolab.sim.sched.Fiber} is a Java thread that runs
 * only while it holds its semaphore; the {@link isolab.sim.sched.Scheduler} hands the baton to
 * runnable fibers in FIFO order, to the earliest timer when none is runnable, and back to the
 * driver (the thread typing into a terminal) when the stop condition holds, the deadline comes or
 * the step budget is spent. {@link isolab.sim.sched.WaitQueue} is include/linux/wait.h.
 *
 * <p>Invariants: at most one fiber is RUNNING; a fiber is in the run queue iff RUNNABLE; a
 * blocked fiber has at most one timer. Simplifies: no priorities, no CFS (issue 3 adds shares
 * and quotas), a fixed slice of 64 steps.
 */
package isolab.sim.sched;
