package isolab.sim.determinism;

/**
 * The project's pseudo-random number generator: SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), the same on every machine and JVM.
 * One root generator per boot, seeded from the run's seed; every subsystem and every lab
 * parameter draws from its own stream made by {@link #split()}, so adding a draw in one place
 * never shifts the numbers drawn in another.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose sequence is fully determined by {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** A uniformly distributed integer in {@code [0, bound)}; {@code bound} must be positive. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Rejection sampling keeps the distribution exactly uniform (no modulo bias).
        long limit = Long.remainderUnsigned(-bound, bound);
        while (true) {
            long bits = nextLong();
            if (Long.compareUnsigned(bits, limit) >= 0 || limit == 0) {
                return Long.remainderUnsigned(bits, bound);
            }
        }
    }

    /** A uniformly distributed integer in {@code [0, bound)}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** A new, independent generator; this one advances by one draw. */
    public SplitMix64 split() {
        return new SplitMix64(nextLong());
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
