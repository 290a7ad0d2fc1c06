/**
 * Scheduling as baton passing: each {@link isolab.sim.sched.Fiber} is a Java thread that runs
 * only while it holds its semaphore; the {@link isolab.sim.sched.Scheduler} hands the baton to
 * runnable fibers in FIFO order, to the earliest timer when none is runnable, and back to the
 * driver (the thread typing into a terminal) when the stop condition holds, the deadline comes or
 * the step budget is spent. {@link isolab.sim.sched.WaitQueue} is include/linux/wait.h.
 *
 * <p>CPU time: a fiber that runs a whole slice (64 steps) without blocking has used one tick, the
 * clock advances and due timers fire, so a loop that polls for a background {@code sleep} to end
 * sees it end. A fiber that runs {@link isolab.sim.sched.Scheduler#RUNAWAY_STEPS} steps while no
 * other fiber can run and no timer is due before the driver's deadline is a runaway: the driver
 * gets the baton back at once (as for a spent budget) instead of after the command's whole budget.
 *
 * <p>Invariants: at most one fiber is RUNNING; a fiber is in the run queue iff RUNNABLE; a
 * blocked fiber has at most one timer. Simplifies: no priorities, no CFS (issue 3 adds shares
 * and quotas), a fixed slice of 64 steps, bursts shorter than a slice take no time.
 */
package isolab.sim.sched;
