package isolab.labs.cli;

import isolab.labs.match.Screen;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Step;
import isolab.labs.model.TranscriptStep;
import isolab.labs.run.CommandRun;
import isolab.labs.run.PredictionKeys;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints a lab run the way a transcript reads: a header per step, then each command with its
 * prompt, its output, {@code [N]} for a non-zero status, and whether it matched.
 */
final class TranscriptPrinter {

    private final BoundLab lab;
    private final PrintWriter out;
    private final IntFunction<String> predictionKey;
    private final boolean events;
    private int printedSteps;

    TranscriptPrinter(BoundLab lab, PrintWriter out, IntFunction<String> predictionKey, boolean events) {
        this.lab = lab;
        this.out = out;
        this.predictionKey = predictionKey;
        this.events = events;
    }

    /** Prints {@code run}, after the headers of every step up to its own. */
    void print(CommandRun run) {
        headersThrough(run.step());
        List<String> display = run.command().map(c -> c.displayLines()).orElse(List.of(run.line()));
        String prompt = run.command().map(c -> c.prompt()).orElse("$");
        for (int i = 0; i < display.size(); i++) {
            out.println((i == 0 ? prompt + " " : "> ") + display.get(i));
        }
        for (String line : Screen.lines(run.result().output())) {
            out.println(line);
        }
        if (run.result().status() != 0) {
            out.println("[" + run.result().status() + "]");
        }
        if (run.result().timedOut()) {
            out.println("  (timed out)");
        }
        if (events) {
            run.result().events().forEach(event -> out.println("  ~ " + event.summary()));
        }
        if (run.checked()) {
            out.println(run.match().passed() ? "  -> ok" : "  -> FAILED: " + run.match().describe());
        }
        out.flush();
    }

    /** Prints the headers of the steps no command has shown yet (predictions at the end). */
    void finish() {
        headersThrough(lab.steps().size() - 1);
    }

    private void headersThrough(int step) {
        while (printedSteps <= step) {
            header(printedSteps, lab.steps().get(printedSteps));
            printedSteps++;
        }
    }

    private void header(int index, Step step) {
        StringBuilder h = new StringBuilder("== step ").append(index + 1).append(": ").append(step.kind().word());
        if (step instanceof CheckStep check) {
            if (!check.title().isEmpty()) {
                h.append(" \"").append(check.title()).append('"');
            }
            h.append(" (").append(check.points()).append(check.points() == 1 ? " point" : " points")
                    .append(check.hidden() ? ", hidden" : "").append(')');
        }
        if (step instanceof TranscriptStep transcript) {
            h.append(", terminal ").append(transcript.terminal());
        }
        if (step instanceof PredictStep predict) {
            h.append(" (").append(predict.points()).append(predict.points() == 1 ? " point" : " points").append(')');
        }
        h.append("  [").append(lab.where(step.line())).append(']');
        out.println(h);
        if (step instanceof PredictStep predict) {
            out.println("   question: " + predict.prediction().question());
            out.println("   key: " + predictionKey.apply(index));
        }
        out.flush();
    }

    /** The key of prediction {@code index}, or why there is none, for printing. */
    static String key(PredictionKeys keys, BoundLab lab, int index) {
        try {
            return keys.key(lab, index).key();
        } catch (PredictionKeys.KeyException e) {
            return "FAILED: " + e.getMessage();
        } catch (RuntimeException e) {
            return "FAILED: " + e.getMessage();
        }
    }
}
