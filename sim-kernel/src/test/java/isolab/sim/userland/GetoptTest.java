package isolab.sim.userland;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptTest {

    private final Getopt getopt = new Getopt("ab:c", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "a"), Getopt.opt("block", Getopt.Arg.REQUIRED, "b"),
            Getopt.opt("block-size", Getopt.Arg.REQUIRED, "B")));

    @Test
    void short_options_cluster_and_take_attached_or_separate_arguments() {
        Getopt.Parsed p = getopt.parse(List.of("-ac", "-b5", "x", "-b", "6"));
        assertEquals(List.of("a", "c", "b", "b"), p.options().stream().map(Getopt.Opt::key).toList());
        assertEquals("6", p.last("b"));
        assertEquals(List.of("x"), p.operands());
    }

    @Test
    void long_options_take_equals_or_the_next_word_and_exact_names_beat_prefixes() {
        Getopt.Parsed p = getopt.parse(List.of("--block=1", "--all", "--block", "2"));
        assertEquals("2", p.last("b"));
        assertEquals("a", p.options().get(1).key());
    }

    @Test
    void errors_carry_glibc_s_messages() {
        assertEquals("invalid option -- 'z'", assertThrows(Getopt.UsageError.class, () -> getopt.parse(List.of("-z"))).getMessage());
        assertEquals("unrecognized option '--zz'",
                assertThrows(Getopt.UsageError.class, () -> getopt.parse(List.of("--zz"))).getMessage());
        assertEquals("option requires an argument -- 'b'",
                assertThrows(Getopt.UsageError.class, () -> getopt.parse(List.of("-b"))).getMessage());
        assertEquals("option '--all' doesn't allow an argument",
                assertThrows(Getopt.UsageError.class, () -> getopt.parse(List.of("--all=1"))).getMessage());
        assertEquals("option '--bl' is ambiguous; possibilities: '--block' '--block-size'",
                assertThrows(Getopt.UsageError.class, () -> getopt.parse(List.of("--bl"))).getMessage());
    }

    @Test
    void a_double_dash_ends_the_options() {
        assertEquals(List.of("-a"), getopt.parse(List.of("--", "-a")).operands());
    }
}
