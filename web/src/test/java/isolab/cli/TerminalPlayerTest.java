package isolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Command;
import isolab.labs.model.PredictStep;
import isolab.labs.model.SolutionStep;
import isolab.labs.model.Step;
import isolab.labs.parse.LabParser;
import isolab.labs.run.PredictionKeys;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code isolab lab play}: a lab played at a terminal, on the simulator, from a script of typed lines. */
class TerminalPlayerTest {

    static final String LAB = """
            ---
            id: tiny
            title: A tiny lab
            cgroup: v1
            params:
              name: {pick: [alpha, beta]}
            ---
            Hostnames first.

            ```console
            $ hostname
            isolab
            ```

            ```predict points=2
            question: Which hostname will a new UTS namespace start with?
            type: choice
            choices: [isolab, "{{name}}"]
            answer: isolab
            explain: A new UTS namespace is a copy of its parent's.
            ```

            ```solution
            $ hostname {{name}}
            ```

            ```check points=3 title="the machine is named"
            $ hostname
            {{name}}
            ```
            """;

    static String play(BoundLab lab, String... lines) throws Exception {
        return play(HostKind.SIM, lab, lines);
    }

    static String play(HostKind host, BoundLab lab, String... lines) throws Exception {
        StringWriter out = new StringWriter();
        TerminalPlayer player = new TerminalPlayer(lab, Hosts.of(host), new PredictionKeys(Hosts.of(HostKind.SIM)),
                new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), new PrintWriter(out, true), true);
        player.play();
        return out.toString();
    }

    static BoundLab tiny() throws Exception {
        return LabParser.parse("tiny.lab.md", LAB).bind(0);
    }

    static String lastScore(String transcript) {
        List<String> scores = transcript.lines().filter(l -> l.startsWith("score: ")).toList();
        return scores.get(scores.size() - 1);
    }

    @Test
    void enter_runs_the_lab_s_commands_and_a_right_prediction_and_the_work_earn_every_point() throws Exception {
        BoundLab lab = tiny();
        String name = lab.params().get("name").orElseThrow();
        String out = play(lab, "", "", "isolab", "", "hostname " + name, "", ":quit");
        assertTrue(out.contains("(Enter runs: main $ hostname)\nmain $ \nisolab\n"), out);
        assertTrue(out.contains("right: the simulator says isolab (2 of 2)\nA new UTS namespace is a copy of its parent's."), out);
        assertTrue(out.contains("  passed: the machine is named (3 points)"), out);
        assertEquals("score: 5 of 5 points (predictions 2, checks 3)", lastScore(out));
    }

    @Test
    void a_wrong_prediction_earns_nothing_shows_the_key_and_cannot_be_answered_again() throws Exception {
        String name = tiny().params().get("name").orElseThrow();
        String out = play(tiny(), "", "", "nonsense", name, "isolab", "", ":quit");
        assertTrue(out.contains("answer> nonsense\nAnswer with one of: isolab | " + name), out);
        assertTrue(out.contains("not quite: the answer was isolab (0 of 2)"), out);
        assertTrue(out.contains(name + " $ isolab\n") || out.contains("main $ isolab\nbash: isolab: command not found"),
                "after the first answer, a line is a command again: " + out);
        assertTrue(out.contains("-- step 3 of 3: check \"the machine is named\" (3 points) --"), out);
        assertEquals("score: 0 of 5 points (predictions 0, checks 0)", lastScore(out));
    }

    @Test
    void the_player_does_not_go_past_an_unanswered_prediction() throws Exception {
        String out = play(tiny(), "", "", "", ":forward", ":quit");
        assertEquals(2, out.split("Answer the prediction first: the next step reveals it.", -1).length - 1, out);
        assertFalse(out.contains("-- step 3 of 3"), out);
    }

    @Test
    void step_back_rebuilds_the_machine_without_the_newest_command() throws Exception {
        String out = play(tiny(), "hostname other", "hostname", ":back", "hostname", ":back", ":back", ":back", ":quit");
        List<String> lines = out.lines().toList();
        int back = lines.indexOf("(stepped back: 'hostname' in main undone)");
        assertTrue(back > 0, out);
        assertEquals("other", lines.get(lines.subList(0, back).lastIndexOf("main $ hostname") + 1), out);
        assertEquals("other", lines.get(back + lines.subList(back, lines.size()).indexOf("main $ hostname") + 1),
                "the name set before the undone command stays: " + out);
        assertTrue(out.contains("(stepped back: 'hostname other' in main undone)"), out);
        assertTrue(out.contains("You are at the start of the lab."), out);
    }

    @Test
    void check_runs_every_check_on_a_copy_and_says_what_failed() throws Exception {
        String out = play(tiny(), ":check", "hostname", ":quit");
        assertTrue(out.contains("  FAILED: the machine is named (0 of 3 points)\n    $ hostname\n    output line 1 is \"isolab\""), out);
        assertTrue(out.contains("score: 0 of 5 points"), out);
        assertTrue(out.contains(":check\nmain $ hostname\nisolab\n") || out.contains("main $ hostname\nisolab\n"), out);
    }

    @Test
    void typed_commands_go_to_the_terminal_chosen_and_bad_player_commands_are_refused() throws Exception {
        String out = play(tiny(), ":t c1", "unshare --uts sh", "hostname inner", ":t main", "hostname", ":t Bad Name", ":nope",
                ":quit");
        assertTrue(out.contains("(your commands now run in terminal c1)"), out);
        assertTrue(out.contains("main $ hostname\nisolab\n"), "c1's hostname stays in c1's namespace: " + out);
        assertTrue(out.contains("isolab: a terminal name is 1 to 32 characters"), out);
        assertTrue(out.contains("isolab: no player command ':nope' (:help lists them)"), out);
    }

    @Test
    void a_line_ending_in_a_backslash_goes_on_on_the_next_line() throws Exception {
        String out = play(tiny(), "echo one \\", "two", ":quit");
        assertTrue(out.contains("> two\none two\n"), out);
    }

    @Test
    void the_same_lab_plays_on_a_real_linux_sandbox() throws Exception {
        BoundLab lab = tiny();
        String name = lab.params().get("name").orElseThrow();
        String out;
        try {
            out = play(HostKind.REAL, lab, "", "", "isolab", "", "hostname " + name, "hostname nope", ":back", "", ":check", ":quit");
        } catch (Hosts.Unavailable e) {
            Assumptions.abort("no real host here: " + e.getMessage());
            return;
        }
        assertTrue(out.contains("main $ \nisolab\n"), out);
        assertTrue(out.contains("(stepped back: 'hostname nope' in main undone)"), out);
        assertEquals("score: 5 of 5 points (predictions 2, checks 3)", lastScore(out));
    }

    static Stream<String> builtInLabs() {
        return LabCatalog.builtIn().entries().stream().map(CatalogEntry::id);
    }

    /** A student who answers each prediction with its key and types the solution before each check ends at full marks. */
    @ParameterizedTest
    @MethodSource("builtInLabs")
    void every_built_in_lab_can_be_played_to_full_marks(String id) throws Exception {
        BoundLab lab = LabCatalog.builtIn().find(id).orElseThrow().lab().bind(5);
        PredictionKeys keys = new PredictionKeys(Hosts.of(HostKind.SIM));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Step step = lab.steps().get(i);
            if (step instanceof SolutionStep solution) {
                lines.add(":t " + solution.terminal());
                for (Command command : solution.commands()) {
                    lines.addAll(List.of(command.text().split("\n")));
                }
            } else if (step instanceof PredictStep) {
                lines.add(keys.key(lab, i).key().trim());
                lines.add(":forward");
            } else if (step instanceof CheckStep || !step.kind().word().equals("setup")) {
                lines.add(":forward");
            }
        }
        lines.add(":check");
        lines.add(":quit");
        String out = play(lab, lines.toArray(String[]::new));
        assertEquals("score: " + lab.totalPoints() + " of " + lab.totalPoints() + " points", lastScore(out).replaceAll(" \\(.*", ""), out);
    }
}
