package isolab.sim.sched;

import java.util.concurrent.Semaphore;

/**
 * One flow of control of the simulated machine: a Java thread that runs only while it holds the
 * baton its {@link Scheduler} passes around, so exactly one fiber runs at a time.
 */
public final class Fiber {

    /** Where a fiber is in its life. */
    public enum State { NEW, RUNNABLE, RUNNING, BLOCKED, DEAD }

    /** Java stack of a fiber: deep enough for the shell's recursion on ordinary scripts. */
    static final long STACK_BYTES = 4L << 20;

    final Semaphore baton = new Semaphore(0);
    final Thread thread;
    final String name;
    State state = State.NEW;
    long wakeAtTick = -1;
    boolean timerFired;

    Fiber(String name, Runnable body) {
        this.name = name;
        this.thread = new Thread(null, body, "isolab-" + name, STACK_BYTES);
        this.thread.setDaemon(true);
    }

    /** Where the fiber is in its life. */
    public State state() {
        return state;
    }

    /** Whether the last {@link Scheduler#sleepUntil(long)} ended because its time came. */
    public boolean timerFired() {
        return timerFired;
    }

    /** The name the fiber's thread carries, for debugging. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name + "(" + state + ")";
    }
}
