package isolab.labs.parse;

import isolab.labs.model.BlockOptions;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Command;
import isolab.labs.model.ConsoleStep;
import isolab.labs.model.ExpectedLine;
import isolab.labs.model.FrontMatter;
import isolab.labs.model.Lab;
import isolab.labs.model.LabFormatException;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Prediction;
import isolab.labs.model.SetupStep;
import isolab.labs.model.SolutionStep;
import isolab.labs.model.Step;
import isolab.labs.model.StepKind;
import isolab.labs.model.TranscriptStep;
import isolab.labs.params.ParamSpec;
import isolab.labs.params.Placeholders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads a LabMD file into a {@link Lab}: the front matter through SnakeYAML, the body through
 * commonmark-java (its source spans give every block's line), each runnable fenced block into a
 * step. Every problem of the file is collected and thrown together, each with its line.
 */
public final class LabParser {

    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private final String file;
    private final Problems problems;
    private List<String> bodyLines = List.of();
    private boolean placeholdersKnown = true;
    private int bodyFirstLine;

    private LabParser(String file) {
        this.file = file;
        this.problems = new Problems(file);
    }

    /** The lab in {@code path}, named in messages as the path was given. */
    public static Lab parse(Path path) throws IOException, LabFormatException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    /** The lab whose text is {@code text}; {@code file} names it in messages. */
    public static Lab parse(String file, String text) throws LabFormatException {
        return new LabParser(file).run(text);
    }

    private Lab run(String raw) throws LabFormatException {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        List<String> lines = List.of(text.replace("\r\n", "\n").split("\n", -1));
        int close = frontMatterEnd(lines);
        Optional<FrontMatter> front = Optional.empty();
        if (close < 0) {
            problems.add(1, "a lab starts with a '---' line, its YAML front matter, and another '---' line");
            bodyFirstLine = 1;
            bodyLines = lines;
        } else {
            front = new FrontMatterParser(problems, 2).parse(String.join("\n", lines.subList(1, close)));
            bodyFirstLine = close + 2;
            bodyLines = lines.subList(close + 1, lines.size());
        }
        front.ifPresent(f -> checkPlaceholders(f.params()));
        front.ifPresent(f -> checkFileName(f.id()));
        List<Step> steps = new ArrayList<>();
        String epilogue = steps(steps);
        checkPredictions(steps);
        if (front.isEmpty()) {
            problems.throwIfAny();
        }
        Lab lab = new Lab(file, front.orElseThrow(), steps, epilogue);
        if (placeholdersKnown) {
            validateBinding(lab, 0, problems);
        }
        problems.throwIfAny();
        return lab;
    }

    /** The index of the line closing the front matter, or -1 when there is no front matter. */
    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !TranscriptParser.stripTrailing(lines.get(0)).equals("---")) {
            return -1;
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = TranscriptParser.stripTrailing(lines.get(i));
            if (line.equals("---") || line.equals("...")) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a step per runnable block to {@code steps}; returns the prose after the last one. */
    private String steps(List<Step> steps) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        MARKDOWN.parse(String.join("\n", bodyLines)).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                blocks.add(block);
            }
        });
        int proseStart = 0;
        for (FencedCodeBlock block : blocks) {
            Optional<StepKind> kind = kind(block);
            if (kind.isEmpty()) {
                continue;
            }
            List<SourceSpan> spans = block.getSourceSpans();
            int open = spans.get(0).getLineIndex();
            int end = spans.get(spans.size() - 1).getLineIndex();
            String narrative = prose(proseStart, open);
            proseStart = end + 1;
            int fenceLine = bodyFirstLine + open;
            if (block.getClosingFenceLength() == null) {
                problems.add(fenceLine, "the " + kind.get().word() + " block opened here is never closed");
            }
            step(kind.get(), block, fenceLine, narrative).ifPresent(steps::add);
        }
        return prose(proseStart, bodyLines.size());
    }

    private static Optional<StepKind> kind(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().trim();
        String word = info.split("\\s+", 2)[0];
        for (StepKind kind : StepKind.values()) {
            if (kind.word().equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private Optional<Step> step(StepKind kind, FencedCodeBlock block, int fenceLine, String narrative) {
        String info = block.getInfo().trim();
        String rest = info.length() > kind.word().length() ? info.substring(kind.word().length()) : "";
        BlockAttributes attributes = BlockAttributes.read(kind, rest, fenceLine, problems);
        List<String> content = contentLines(block);
        if (kind == StepKind.PREDICT) {
            Optional<Prediction> prediction = new PredictionParser(problems)
                    .parse(String.join("\n", content), fenceLine + 1, fenceLine);
            return prediction.map(p -> new PredictStep(fenceLine, narrative, attributes.points(),
                    attributes.terminal(), fenceLine + 1, p));
        }
        List<Command> commands = new TranscriptParser(problems).parse(content, fenceLine + 1);
        if (commands.isEmpty()) {
            problems.add(fenceLine, "a " + kind.word() + " block needs at least one command ('$ ' or '# ')");
            return Optional.empty();
        }
        BlockOptions options = attributes.options();
        return Optional.of(switch (kind) {
            case CONSOLE -> new ConsoleStep(fenceLine, narrative, options, commands);
            case SETUP -> new SetupStep(fenceLine, narrative, options, commands);
            case SOLUTION -> new SolutionStep(fenceLine, narrative, options, commands);
            case CHECK -> check(fenceLine, narrative, attributes, commands);
            case PREDICT -> throw new IllegalStateException("handled above");
        });
    }

    private CheckStep check(int fenceLine, String narrative, BlockAttributes attributes, List<Command> commands) {
        if (commands.stream().noneMatch(Command::hasExpectations)) {
            problems.add(fenceLine, "a check block must expect something: output lines or a last [N] status line");
        }
        return new CheckStep(fenceLine, narrative, attributes.options(), attributes.points(), attributes.title(),
                attributes.hidden(), commands);
    }

    private static List<String> contentLines(FencedCodeBlock block) {
        String literal = block.getLiteral() == null ? "" : block.getLiteral();
        if (literal.isEmpty()) {
            return List.of();
        }
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return List.of(body.split("\n", -1));
    }

    /** Body lines {@code [from, to)} as Markdown, without blank lines at either end. */
    private String prose(int from, int to) {
        int start = from;
        int end = Math.min(to, bodyLines.size());
        while (start < end && bodyLines.get(start).isBlank()) {
            start++;
        }
        while (end > start && bodyLines.get(end - 1).isBlank()) {
            end--;
        }
        return String.join("\n", bodyLines.subList(start, end));
    }

    /** Every placeholder of the body must name a declared parameter. */
    private void checkPlaceholders(List<ParamSpec> params) {
        List<String> names = params.stream().map(ParamSpec::name).toList();
        for (int i = 0; i < bodyLines.size(); i++) {
            Placeholders.Scan scan = Placeholders.scan(bodyLines.get(i));
            for (Placeholders.Problem problem : scan.problems()) {
                placeholdersKnown = false;
                problems.add(bodyFirstLine + i, problem.reason());
            }
            for (Placeholders.Placeholder p : scan.placeholders()) {
                if (!names.contains(p.name())) {
                    placeholdersKnown = false;
                    problems.add(bodyFirstLine + i, "unknown parameter '{{" + p.name() + "}}' ("
                            + (names.isEmpty() ? "the lab declares no params" : "declared: " + String.join(", ", names))
                            + "; write \\{{ for a literal {{)");
                }
            }
        }
    }

    private void checkFileName(String id) {
        String name = Path.of(file).getFileName().toString();
        if (name.endsWith(".lab.md") && !name.equals(id + ".lab.md")) {
            problems.add(2, "id '" + id + "' does not match the file name '" + name + "' (expected " + id + ".lab.md)");
        }
    }

    /** A prediction keyed by {@code answer-from} needs a transcript step after it to run first. */
    private void checkPredictions(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof PredictStep predict && predict.prediction().answerFrom().isPresent()) {
                boolean later = steps.subList(i + 1, steps.size()).stream().anyMatch(s -> s instanceof TranscriptStep);
                if (!later) {
                    problems.add(predict.line(), "'answer-from' is run after the next step, but no console, setup, "
                            + "solution or check block follows this prediction");
                }
            }
        }
    }

    /**
     * Every error {@code lab} shows once bound to each seed from 0 to {@code seeds - 1}: exprs that
     * cannot be computed, regexes that do not compile, literal keys that do not fit. The parser
     * checks seed 0; {@code lab lint} checks more.
     */
    public static List<isolab.labs.model.LabError> bindingErrors(Lab lab, int seeds) {
        Problems problems = new Problems(lab.file());
        for (long seed = 0; seed < seeds; seed++) {
            validateBinding(lab, seed, problems);
        }
        return problems.errors().stream().distinct().toList();
    }

    /** Binds {@code seed} and checks what only values can show: regexes and literal keys. */
    private static void validateBinding(Lab lab, long seed, Problems problems) {
        BoundLab bound;
        try {
            bound = lab.bind(seed);
        } catch (LabFormatException e) {
            e.errors().forEach(error -> problems.add(error.line(), error.reason()));
            return;
        }
        for (Step step : bound.steps()) {
            if (step instanceof TranscriptStep transcript) {
                transcript.commands().forEach(command -> checkRegexes(command, problems));
            } else if (step instanceof PredictStep predict) {
                Prediction p = predict.prediction();
                p.answer().ifPresent(answer -> new PredictionParser(problems)
                        .literalAnswerFits(answer, predict.bodyLine(), p.type(), p.choices()));
            }
        }
    }

    private static void checkRegexes(Command command, Problems problems) {
        for (ExpectedLine expected : command.expected()) {
            if (expected instanceof ExpectedLine.Regex regex) {
                try {
                    Pattern.compile(regex.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(regex.line(), "not a Java regular expression: " + e.getDescription()
                            + " near index " + e.getIndex() + " of '" + regex.pattern() + "'");
                }
            }
        }
    }
}
