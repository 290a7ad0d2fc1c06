package isolab.labs.diff;

import isolab.labs.match.Screen;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Step;
import isolab.labs.model.Tolerance;
import isolab.labs.model.TranscriptStep;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two transcripts of the same lab and seed command by command. Commands pair up by
 * position (both hosts ran the same steps). A pair agrees when both ran the same line, neither
 * or both timed out, the exit statuses are equal, and the outputs, read as a person reads the
 * screen and normalised by {@link Normaliser#ALL}, are equal line for line — numbers within the
 * step's {@code tolerance=} where the author stated one.
 */
public final class TranscriptDiffer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private TranscriptDiffer() {
    }

    /**
     * What the differ normalises before comparing, one sentence per rule in the order they apply,
     * each with the names it gives values; numbers within a step's {@code tolerance=} come last.
     */
    public static List<String> normalisations() {
        List<String> rules = new ArrayList<>(Normaliser.ALL.stream().map(Normaliser::what).toList());
        rules.add("numbers in the output of a block that states tolerance=N or tolerance=N%, within that tolerance");
        return List.copyOf(rules);
    }

    /** {@code left} and {@code right}, two runs of {@code lab}, compared. */
    public static DiffReport compare(BoundLab lab, Transcript left, Transcript right) {
        Names leftNames = new Names();
        Names rightNames = new Names();
        List<Comparison> comparisons = new ArrayList<>();
        int count = Math.max(left.runs().size(), right.runs().size());
        for (int i = 0; i < count; i++) {
            Optional<CommandRun> a = i < left.runs().size() ? Optional.of(left.runs().get(i)) : Optional.empty();
            Optional<CommandRun> b = i < right.runs().size() ? Optional.of(right.runs().get(i)) : Optional.empty();
            List<String> aLines = a.map(run -> normalise(run, leftNames)).orElse(List.of());
            List<String> bLines = b.map(run -> normalise(run, rightNames)).orElse(List.of());
            comparisons.add(new Comparison(i, a, b, aLines, bLines, disagreement(lab, left, right, a, b, aLines, bLines)));
        }
        return new DiffReport(lab.id(), lab.seed(), left.host(), right.host(), comparisons);
    }

    private static List<String> normalise(CommandRun run, Names names) {
        return Screen.lines(run.result().output()).stream().map(line -> Normaliser.normalise(line, names)).toList();
    }

    private static Optional<String> disagreement(BoundLab lab, Transcript left, Transcript right, Optional<CommandRun> a,
            Optional<CommandRun> b, List<String> aLines, List<String> bLines) {
        String l = left.host().flag();
        String r = right.host().flag();
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.of("only " + (a.isPresent() ? l : r) + " ran this command");
        }
        if (!a.get().line().equals(b.get().line())) {
            return Optional.of("the hosts ran different commands here");
        }
        if (a.get().result().timedOut() != b.get().result().timedOut()) {
            return Optional.of("it timed out on " + (a.get().result().timedOut() ? l : r) + " only");
        }
        Tolerance tolerance = tolerance(lab, a.get().step());
        int lines = Math.max(aLines.size(), bLines.size());
        for (int k = 0; k < lines; k++) {
            String x = k < aLines.size() ? aLines.get(k) : null;
            String y = k < bLines.size() ? bLines.get(k) : null;
            if (x == null || y == null || !sameLine(x, y, tolerance)) {
                return Optional.of("output line " + (k + 1) + ": " + l + " " + show(x) + ", " + r + " " + show(y));
            }
        }
        if (a.get().result().status() != b.get().result().status()) {
            return Optional.of("exit status: " + l + " " + a.get().result().status() + ", " + r + " " + b.get().result().status());
        }
        return Optional.empty();
    }

    /** Whether two normalised lines agree: equal, or equal but for numbers within {@code tolerance}. */
    static boolean sameLine(String x, String y, Tolerance tolerance) {
        if (x.equals(y)) {
            return true;
        }
        if (tolerance.exact()) {
            return false;
        }
        Matcher mx = NUMBER.matcher(x);
        Matcher my = NUMBER.matcher(y);
        int ix = 0;
        int iy = 0;
        while (true) {
            boolean fx = mx.find();
            boolean fy = my.find();
            if (fx != fy) {
                return false;
            }
            if (!fx) {
                return x.substring(ix).equals(y.substring(iy));
            }
            if (!x.substring(ix, mx.start()).equals(y.substring(iy, my.start()))
                    || !tolerance.accepts(Double.parseDouble(mx.group()), Double.parseDouble(my.group()))) {
                return false;
            }
            ix = mx.end();
            iy = my.end();
        }
    }

    private static Tolerance tolerance(BoundLab lab, int stepIndex) {
        if (stepIndex < 0 || stepIndex >= lab.steps().size()) {
            return Tolerance.EXACT;
        }
        Step step = lab.steps().get(stepIndex);
        return step instanceof TranscriptStep transcript ? transcript.tolerance() : Tolerance.EXACT;
    }

    private static String show(String line) {
        return line == null ? "(no line)" : "\"" + line + "\"";
    }
}
