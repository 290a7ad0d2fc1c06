package isolab.labs.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.sim.determinism.SplitMix64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DrawTest {

    static final ParamSpec LIMIT = new ParamSpec.IntParam("limit_mb", 8, 32, 96, 16);
    static final ParamSpec GROUP = new ParamSpec.PickParam("group", 9, List.of("alpha", "beta", "gamma"));
    static final ParamSpec BYTES = expr("limit_b", "limit_mb * 1048576");

    static ParamSpec expr(String name, String text) {
        try {
            return new ParamSpec.ExprParam(name, 10, text, ExprParser.parse(text));
        } catch (ExprParser.SyntaxError e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_same_seed_gives_the_same_values() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(Draw.values(List.of(LIMIT, GROUP, BYTES), seed), Draw.values(List.of(LIMIT, GROUP, BYTES), seed));
        }
    }

    @Test
    void each_parameter_draws_from_its_own_split_of_the_root_stream_in_declaration_order() throws Exception {
        long seed = 12345;
        SplitMix64 root = new SplitMix64(seed);
        long limit = 32 + 16 * root.split().nextLong(5);
        String group = List.of("alpha", "beta", "gamma").get(root.split().nextInt(3));
        ParamValues values = Draw.values(List.of(LIMIT, GROUP, BYTES), seed);
        assertEquals(Long.toString(limit), values.get("limit_mb").orElseThrow());
        assertEquals(group, values.get("group").orElseThrow());
        assertEquals(Long.toString(limit * 1048576), values.get("limit_b").orElseThrow());
    }

    @Test
    void the_values_of_seed_1_never_change() throws Exception {
        // A golden record: if this fails, every student's parameters changed. Never update it lightly.
        assertEquals("limit_mb=80 group=gamma limit_b=83886080", Draw.values(List.of(LIMIT, GROUP, BYTES), 1).toString());
    }

    @Test
    void an_int_stays_on_its_steps_within_its_range_and_reaches_every_value() throws Exception {
        Set<String> seen = new TreeSet<>();
        for (long seed = 0; seed < 200; seed++) {
            long value = Long.parseLong(Draw.values(List.of(LIMIT), seed).get("limit_mb").orElseThrow());
            assertTrue(value >= 32 && value <= 96 && (value - 32) % 16 == 0, "value " + value);
            seen.add(Long.toString(value));
        }
        assertEquals(Set.of("32", "48", "64", "80", "96"), seen);
    }

    @Test
    void adding_a_parameter_at_the_end_keeps_the_values_of_the_others() throws Exception {
        ParamValues before = Draw.values(List.of(LIMIT, GROUP), 99);
        ParamValues after = Draw.values(List.of(LIMIT, GROUP, new ParamSpec.IntParam("extra", 11, 0, 1000, 1)), 99);
        assertEquals(before.get("limit_mb"), after.get("limit_mb"));
        assertEquals(before.get("group"), after.get("group"));
    }

    @Test
    void different_seeds_give_different_values() throws Exception {
        ParamSpec wide = new ParamSpec.IntParam("n", 1, 0, 1_000_000, 1);
        assertNotEquals(Draw.values(List.of(wide), 1), Draw.values(List.of(wide), 2));
    }

    @Test
    void an_expr_that_divides_by_zero_is_an_error_for_that_seed() {
        ParamSpec zero = new ParamSpec.IntParam("z", 1, 0, 0, 1);
        Draw.DrawError error = assertThrows(Draw.DrawError.class,
                () -> Draw.values(List.of(zero, expr("q", "10 / z")), 3));
        assertEquals("expr '10 / z' of 'q': division by zero", error.getMessage());
    }
}
