package isolab.sim.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * Fibers sleeping until something happens (data in a pipe, a child's exit), woken in the order
 * they went to sleep (include/linux/wait.h, without exclusive waiters).
 */
public final class WaitQueue {

    private final List<Fiber> sleepers = new ArrayList<>();
    private Scheduler scheduler;

    /** Puts the current fiber to sleep on this queue until woken, by this queue or directly. */
    public void sleep(Scheduler scheduler) {
        Fiber self = scheduler.current();
        this.scheduler = scheduler;
        sleepers.add(self);
        try {
            scheduler.block();
        } finally {
            sleepers.remove(self);
        }
    }

    /** Makes every sleeper runnable. */
    public void wakeAll(Scheduler scheduler) {
        for (Fiber fiber : List.copyOf(sleepers)) {
            scheduler.wake(fiber);
        }
    }

    /**
     * Makes every sleeper runnable, through the scheduler the sleepers registered with; for
     * callers that have no scheduler at hand (releasing a file on close).
     */
    public void wakeAllQuietly() {
        if (scheduler != null) {
            wakeAll(scheduler);
        }
    }

    /** Whether some fiber sleeps here now. */
    public boolean hasSleepers() {
        return !sleepers.isEmpty();
    }

    /** The fibers sleeping here, oldest first. */
    public List<Fiber> sleepers() {
        return List.copyOf(sleepers);
    }
}
