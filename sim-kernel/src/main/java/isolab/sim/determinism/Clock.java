package isolab.sim.determinism;

/**
 * The virtual clock: time advances only through {@link #advanceTo(long)}, never by itself.
 *
 * <p>One tick is one millisecond of simulated time ({@link #NANOS_PER_TICK}). The machine boots
 * at tick 0, which is {@link #BOOT_EPOCH_SECONDS} on the wall clock the machine shows
 * (2025-01-06 09:00:00 UTC), so dates and {@code ps} start times are the same on every run.
 */
public final class Clock {

    /** Length of one tick in nanoseconds: 1 ms. */
    public static final long NANOS_PER_TICK = 1_000_000L;

    /** Ticks per second. */
    public static final long TICKS_PER_SECOND = 1_000L;

    /** USER_HZ, the unit of times in /proc/PID/stat (include/asm-generic/param.h). */
    public static final long USER_HZ = 100L;

    /** Wall-clock seconds since the Unix epoch at which the machine booted (tick 0). */
    public static final long BOOT_EPOCH_SECONDS = 1_736_154_000L;

    private long nowTicks;

    /** The current virtual time in ticks since boot. */
    public long nowTicks() {
        return nowTicks;
    }

    /** Moves time forward to {@code ticks}; time never goes back. */
    public void advanceTo(long ticks) {
        if (ticks < nowTicks) {
            throw new IllegalArgumentException("time goes forward only: " + ticks + " < " + nowTicks);
        }
        nowTicks = ticks;
    }

    /** Wall-clock seconds since the epoch at {@code ticks}. */
    public static long epochSecondsAt(long ticks) {
        return BOOT_EPOCH_SECONDS + ticks / TICKS_PER_SECOND;
    }

    /** The ticks at wall-clock second {@code epochSeconds} (before boot: negative). */
    public static long ticksAt(long epochSeconds) {
        return (epochSeconds - BOOT_EPOCH_SECONDS) * TICKS_PER_SECOND;
    }
}
