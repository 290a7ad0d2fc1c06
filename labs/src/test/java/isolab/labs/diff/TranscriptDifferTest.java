package isolab.labs.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.api.HostKind;
import isolab.labs.match.OutputMatcher;
import isolab.labs.model.Command;
import isolab.labs.model.TranscriptStep;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Transcript;
import java.time.Duration;
import java.util.Optional;
import isolab.labs.model.BoundLab;
import isolab.labs.parse.LabParser;
import isolab.labs.testing.ToyHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptDifferTest {

    static BoundLab lab(String body) throws Exception {
        return LabParser.parse("d.lab.md", "---\nid: d\ntitle: D\n---\n" + body).bind(0);
    }

    @Test
    void hosts_that_differ_only_in_inodes_and_clocks_agree() throws Exception {
        BoundLab lab = lab("""
                ```console
                $ readlink /proc/self/ns/uts
                $ unshare --uts sh
                # readlink /proc/self/ns/uts
                # date
                # exit
                $ readlink /proc/self/ns/uts
                ```
                """);
        DiffReport report = LabDiffer.diff(lab, c -> ToyHost.sim(), c -> new ToyHost(HostKind.REAL, 0, 4026532000L));
        assertTrue(report.agrees(), () -> report.disagreements().toString());
        assertEquals("no disagreement: 6 commands agree", report.summary());
    }

    @Test
    void a_pid_of_the_machine_s_own_namespace_that_differs_is_a_disagreement() throws Exception {
        BoundLab lab = lab("""
                ```console
                $ echo $$
                $ hostname
                ```
                """);
        DiffReport report = LabDiffer.diff(lab, c -> ToyHost.sim(), c -> new ToyHost(HostKind.REAL, 3, 4026531000L));
        assertFalse(report.agrees());
        assertEquals(List.of(0), report.disagreements().stream().map(Comparison::index).toList());
        assertEquals("output line 1: sim \"2\", real \"5\"", report.disagreements().get(0).disagreement().orElseThrow());
        assertEquals("1 of 2 commands disagree", report.summary());
    }

    @Test
    void byte_counts_agree_within_the_block_s_tolerance_and_not_without_it() throws Exception {
        BoundLab tolerant = lab("```console tolerance=1%\n$ size\n```\n");
        BoundLab strict = lab("```console\n$ size\n```\n");
        assertTrue(LabDiffer.diff(tolerant, c -> ToyHost.sim(), c -> new ToyHost(HostKind.REAL, 0, 0)).agrees());
        assertFalse(LabDiffer.diff(strict, c -> ToyHost.sim(), c -> new ToyHost(HostKind.REAL, 0, 0)).agrees());
    }

    @Test
    void a_different_exit_status_is_a_disagreement() throws Exception {
        BoundLab lab = lab("```console\n$ grep x /nonexistent\n```\n");
        Transcript sim = transcript(HostKind.SIM, lab, "grep: /nonexistent: No such file or directory\n", 2);
        Transcript real = transcript(HostKind.REAL, lab, "grep: /nonexistent: No such file or directory\n", 1);
        DiffReport report = TranscriptDiffer.compare(lab, sim, real);
        assertEquals("exit status: sim 2, real 1", report.disagreements().get(0).disagreement().orElseThrow());
        assertTrue(TranscriptDiffer.compare(lab, sim, sim).agrees());
    }

    @Test
    void a_transcript_that_ends_early_disagrees_on_the_missing_commands() throws Exception {
        BoundLab lab = lab("```console\n$ grep x /nonexistent\n```\n");
        Transcript sim = transcript(HostKind.SIM, lab, "", 2);
        Transcript empty = new Transcript("d", 0, HostKind.REAL, List.of());
        assertEquals("only sim ran this command",
                TranscriptDiffer.compare(lab, sim, empty).disagreements().get(0).disagreement().orElseThrow());
    }

    static Transcript transcript(HostKind kind, BoundLab lab, String output, int status) {
        Command command = ((TranscriptStep) lab.steps().get(0)).commands().get(0);
        CommandResult result = new CommandResult(command.text(), output, status, Duration.ZERO, false, List.of());
        return new Transcript("d", 0, kind, List.of(new CommandRun(0, CommandRun.Origin.STEP, "main", Optional.of(command),
                result, OutputMatcher.match(command, result))));
    }
}
