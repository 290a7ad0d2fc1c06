package isolab.sim.sched;

import isolab.sim.determinism.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the machine's fibers one at a time, in a deterministic order, on the virtual clock.
 *
 * <p>The baton passes from the driver (the thread that called {@link #run}) to the first runnable
 * fiber, from fiber to fiber as they block, yield or exit, and back to the driver when the stop
 * condition holds, when nothing can run before the deadline, or when the step budget is spent.
 * When nothing is runnable the clock jumps to the earliest timer. Runnable fibers run in FIFO
 * order; a fiber that takes {@link #SLICE_STEPS} steps without blocking has used a tick of CPU
 * time and yields to the others. A fiber that runs {@link #RUNAWAY_STEPS} steps while nothing
 * else can run ends the run at once, as if its budget were spent.
 */
public final class Scheduler {

    /** Why {@link #run} handed the baton back. */
    public enum Outcome { STOPPED, STUCK, DEADLINE, BUDGET }

    /**
     * Steps a fiber may take before it yields to the other runnable fibers. A whole slice is also
     * one scheduler tick of CPU time (HZ=1000): the clock advances by one tick, so a program that
     * polls in a loop sees time pass and timers fire, as on a real CPU.
     */
    public static final int SLICE_STEPS = 64;

    /**
     * Steps a fiber may take while no other fiber is runnable, and no timer is due before the
     * driver's deadline, before it counts as a runaway (2048 ticks, about 2 s of virtual CPU
     * time): a loop that only another process could end, when no other process can run before
     * the command times out anyway, is stopped at once instead of at the command's step budget.
     */
    public static final long RUNAWAY_STEPS = 2048L * SLICE_STEPS;

    /** Real seconds the driver waits for the baton before it declares the model broken. */
    private static final long WATCHDOG_SECONDS = 120;

    private final Clock clock;
    private final ArrayDeque<Fiber> runQueue = new ArrayDeque<>();
    private final TreeMap<Long, List<Fiber>> timers = new TreeMap<>();
    private final Set<Fiber> alive = new LinkedHashSet<>();
    private final java.util.concurrent.Semaphore driver = new java.util.concurrent.Semaphore(0);

    private Fiber current;
    private BooleanSupplier stop = () -> true;
    private long deadlineTick = Long.MAX_VALUE;
    private long budgetSteps = Long.MAX_VALUE;
    private long steps;
    private int sliceSteps;
    private long soloSteps;
    private long stopSince = -1;
    private boolean stoppedWithRunnable;
    private long graceSteps = Long.MAX_VALUE;
    private Outcome outcome;
    private volatile boolean shuttingDown;
    private volatile Throwable broken;

    public Scheduler(Clock clock) {
        this.clock = clock;
    }

    /** The virtual clock this scheduler advances. */
    public Clock clock() {
        return clock;
    }

    /** Creates a fiber that will run {@code body} once made runnable; it does not run yet. */
    public Fiber create(String name, Runnable body) {
        Fiber[] self = new Fiber[1];
        Fiber fiber = new Fiber(name, () -> enter(self[0], body));
        self[0] = fiber;
        alive.add(fiber);
        fiber.thread.start();
        return fiber;
    }

    private void enter(Fiber fiber, Runnable body) {
        fiber.baton.acquireUninterruptibly();
        if (shuttingDown) {
            return;
        }
        try {
            body.run();
        } catch (Shutdown shutdown) {
            return;
        } catch (Throwable bug) {
            broken = bug;
            fiber.state = Fiber.State.DEAD;
            alive.remove(fiber);
            handBack(Outcome.STOPPED);
            return;
        }
        if (!shuttingDown) {
            exitCurrent();
        }
    }

    /** The fiber holding the baton, or null while the driver holds it. */
    public Fiber current() {
        return current;
    }

    /** Makes a new or blocked fiber runnable; does nothing to a runnable, running or dead one. */
    public void wake(Fiber fiber) {
        if (fiber.state == Fiber.State.NEW || fiber.state == Fiber.State.BLOCKED) {
            cancelTimer(fiber);
            fiber.state = Fiber.State.RUNNABLE;
            runQueue.addLast(fiber);
        }
    }

    /** Blocks the current fiber until something wakes it. */
    public void block() {
        Fiber self = current;
        self.state = Fiber.State.BLOCKED;
        dispatch();
        park(self);
    }

    /** Blocks the current fiber until {@code tick} or until woken earlier; see {@link Fiber#timerFired()}. */
    public void sleepUntil(long tick) {
        Fiber self = current;
        self.timerFired = false;
        if (tick <= clock.nowTicks()) {
            self.timerFired = true;
            yieldNow();
            return;
        }
        self.wakeAtTick = tick;
        timers.computeIfAbsent(tick, t -> new ArrayList<>()).add(self);
        block();
    }

    /** Lets every other runnable fiber run before the current one continues. */
    public void yieldNow() {
        Fiber self = current;
        self.state = Fiber.State.RUNNABLE;
        runQueue.addLast(self);
        dispatch();
        park(self);
    }

    /** Counts one step of the current fiber: it yields when its slice is used up. */
    public void step() {
        steps++;
        soloSteps = runQueue.isEmpty() && nextTimerTick() > deadlineTick ? soloSteps + 1 : 0;
        if (steps > budgetSteps || soloSteps > RUNAWAY_STEPS) {
            Fiber self = current;
            self.state = Fiber.State.RUNNABLE;
            runQueue.addFirst(self);
            handBack(Outcome.BUDGET);
            park(self);
            return;
        }
        if (++sliceSteps >= SLICE_STEPS) {
            sliceSteps = 0;
            cpuTick();
            if (graceSteps != Long.MAX_VALUE && stop.getAsBoolean()) {
                if (stopSince < 0) {
                    stopSince = steps;
                } else if (steps - stopSince > graceSteps) {
                    // Background work past its grace: the command is done; this fiber resumes first next time.
                    Fiber self = current;
                    self.state = Fiber.State.RUNNABLE;
                    runQueue.addFirst(self);
                    stoppedWithRunnable = true;
                    handBack(Outcome.STOPPED);
                    park(self);
                    return;
                }
            }
            if (!runQueue.isEmpty()) {
                yieldNow();
            }
        }
    }

    /**
     * A whole slice of CPU has been used: one tick passes, and fibers whose timers are due become
     * runnable. Time never passes the deadline of the driver's run this way (the command's own
     * step budget ends a loop that would).
     */
    private void cpuTick() {
        long next = clock.nowTicks() + 1;
        if (next > deadlineTick) {
            return;
        }
        clock.advanceTo(next);
        while (!timers.isEmpty() && timers.firstKey() <= next) {
            for (Fiber fiber : timers.remove(timers.firstKey())) {
                fiber.wakeAtTick = -1;
                fiber.timerFired = true;
                fiber.state = Fiber.State.RUNNABLE;
                runQueue.addLast(fiber);
            }
        }
    }

    /** Ends the current fiber: it never runs again and its thread finishes. */
    public void exitCurrent() {
        Fiber self = current;
        self.state = Fiber.State.DEAD;
        alive.remove(self);
        cancelTimer(self);
        dispatch();
    }

    /**
     * Called by the driver: runs fibers until {@code stopWhen} holds while nothing is runnable,
     * until nothing can happen before {@code deadline}, or until {@code budget} steps are taken.
     */
    public Outcome run(BooleanSupplier stopWhen, long deadline, long budget) {
        return run(stopWhen, deadline, budget, Long.MAX_VALUE);
    }

    /**
     * Like {@link #run(BooleanSupplier, long, long)}, but once {@code stopWhen} holds, runnable
     * fibers get only {@code grace} more steps before the baton comes back (background work that
     * never blocks must not keep a command from completing).
     */
    public Outcome run(BooleanSupplier stopWhen, long deadline, long budget, long grace) {
        if (current != null) {
            throw new IllegalStateException("run() called from inside the machine");
        }
        stopSince = -1;
        stoppedWithRunnable = false;
        graceSteps = grace;
        stop = stopWhen;
        deadlineTick = deadline;
        budgetSteps = steps + budget;
        soloSteps = 0;
        outcome = null;
        dispatch();
        try {
            if (!driver.tryAcquire(WATCHDOG_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("simulated machine stopped responding; running: " + current);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the machine ran", interrupted);
        }
        if (broken != null) {
            Throwable bug = broken;
            broken = null;
            throw new IllegalStateException("bug in the simulated machine: " + bug, bug);
        }
        return outcome;
    }

    /**
     * Whether the last {@link #run} stopped while fibers were still runnable, because background
     * work used up its grace steps after the stop condition held.
     */
    public boolean stoppedWithRunnable() {
        return stoppedWithRunnable;
    }

    /** Whether any fiber is runnable now. */
    public boolean hasRunnable() {
        return !runQueue.isEmpty();
    }

    /** The earliest pending timer, or {@link Long#MAX_VALUE}. */
    public long nextTimerTick() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.firstKey();
    }

    /** Steps taken since boot. */
    public long steps() {
        return steps;
    }

    /** Fibers not yet dead, in creation order. */
    public List<Fiber> alive() {
        return List.copyOf(alive);
    }

    /** Ends every fiber's thread; called by the driver when the machine is closed. */
    public void shutdown() {
        shuttingDown = true;
        for (Fiber fiber : List.copyOf(alive)) {
            fiber.baton.release();
            try {
                fiber.thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        alive.clear();
        runQueue.clear();
        timers.clear();
    }

    private void dispatch() {
        while (true) {
            if (graceSteps != Long.MAX_VALUE && !runQueue.isEmpty() && stop.getAsBoolean()) {
                if (stopSince < 0) {
                    stopSince = steps;
                } else if (steps - stopSince > graceSteps) {
                    stoppedWithRunnable = true;
                    handBack(Outcome.STOPPED);
                    return;
                }
            }
            Fiber next = runQueue.pollFirst();
            if (next != null) {
                next.state = Fiber.State.RUNNING;
                current = next;
                sliceSteps = 0;
                soloSteps = 0;
                next.baton.release();
                return;
            }
            if (broken != null || stop.getAsBoolean()) {
                handBack(Outcome.STOPPED);
                return;
            }
            if (timers.isEmpty()) {
                handBack(Outcome.STUCK);
                return;
            }
            long tick = timers.firstKey();
            if (tick > deadlineTick) {
                handBack(Outcome.DEADLINE);
                return;
            }
            clock.advanceTo(tick);
            for (Fiber fiber : timers.remove(tick)) {
                fiber.wakeAtTick = -1;
                fiber.timerFired = true;
                fiber.state = Fiber.State.RUNNABLE;
                runQueue.addLast(fiber);
            }
        }
    }

    private void handBack(Outcome why) {
        outcome = why;
        current = null;
        driver.release();
    }

    private void park(Fiber self) {
        self.baton.acquireUninterruptibly();
        if (shuttingDown) {
            throw new Shutdown();
        }
    }

    private void cancelTimer(Fiber fiber) {
        if (fiber.wakeAtTick >= 0) {
            List<Fiber> at = timers.get(fiber.wakeAtTick);
            if (at != null) {
                at.remove(fiber);
                if (at.isEmpty()) {
                    timers.remove(fiber.wakeAtTick);
                }
            }
            fiber.wakeAtTick = -1;
        }
    }

    /** Timers by tick, for checkers: fiber names in order. */
    public Map<Long, List<String>> timersForCheck() {
        TreeMap<Long, List<String>> copy = new TreeMap<>();
        timers.forEach((tick, fibers) -> copy.put(tick, fibers.stream().map(Fiber::name).toList()));
        return copy;
    }
}
