package isolab.sim.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void the_sequence_matches_the_reference_implementation() {
        // Reference values of splitmix64.c (Vigna, prng.di.unimi.it) for seed 1234567.
        SplitMix64 random = new SplitMix64(1234567L);
        assertEquals(6457827717110365317L, random.nextLong());
        assertEquals(3203168211198807973L, random.nextLong());
        assertEquals(-8629252141511181193L, random.nextLong());
    }

    @Test
    void the_same_seed_gives_the_same_numbers() {
        SplitMix64 a = new SplitMix64(42);
        SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void a_split_stream_differs_from_its_parent() {
        SplitMix64 parent = new SplitMix64(7);
        SplitMix64 child = parent.split();
        assertNotEquals(parent.nextLong(), child.nextLong());
    }

    @Test
    void bounded_draws_stay_in_range_and_reach_every_value() {
        SplitMix64 random = new SplitMix64(99);
        boolean[] seen = new boolean[6];
        for (int i = 0; i < 600; i++) {
            int value = random.nextInt(6);
            assertTrue(value >= 0 && value < 6, "out of range: " + value);
            seen[value] = true;
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
    }

    @Test
    void a_non_positive_bound_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMix64(1).nextLong(0));
    }
}
