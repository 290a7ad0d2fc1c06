package isolab.labs.parse;

import isolab.labs.model.Command;
import isolab.labs.model.ExpectedLine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of a transcript block into commands, as LAB-FORMAT.md's "Transcripts" says: a
 * line starting {@code $ } or {@code # } is a command; a command ending in {@code  \} continues on
 * a next line starting {@code > }; the lines up to the next command are its expected output, a
 * last {@code [N]} line its exit status. Blank lines before the first command are skipped; a line
 * that is only a prompt ({@code $} or {@code #}) is an empty command and is skipped too, as a
 * person pasting a terminal would expect.
 */
final class TranscriptParser {

    private static final Pattern STATUS = Pattern.compile("\\[(\\d{1,3})]");

    private final Problems problems;

    TranscriptParser(Problems problems) {
        this.problems = problems;
    }

    /** The commands of {@code lines}, whose first is file line {@code firstLine}. */
    List<Command> parse(List<String> lines, int firstLine) {
        List<Command> commands = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int fileLine = firstLine + i;
            if (isPrompt(line)) {
                i++;
                continue;
            }
            if (!isCommand(line)) {
                if (!line.isBlank()) {
                    problems.add(fileLine, "expected a command starting with '$ ' or '# ', not output before any command");
                }
                i++;
                continue;
            }
            String prompt = line.substring(0, 1);
            StringBuilder text = new StringBuilder(line.substring(2));
            i++;
            while (endsWithContinuation(text) && i <= lines.size()) {
                if (i == lines.size() || !(lines.get(i).startsWith("> ") || lines.get(i).equals(">"))) {
                    problems.add(firstLine + i - 1, "the command continues with ' \\' but the next line does not start with '> '");
                    break;
                }
                text.append('\n').append(lines.get(i).length() > 2 ? lines.get(i).substring(2) : "");
                i++;
            }
            int outputStart = i;
            while (i < lines.size() && !isCommand(lines.get(i)) && !isPrompt(lines.get(i))) {
                i++;
            }
            commands.add(command(fileLine, prompt, text.toString(), lines.subList(outputStart, i), firstLine + outputStart));
        }
        return commands;
    }

    private Command command(int line, String prompt, String text, List<String> output, int outputLine) {
        List<ExpectedLine> expected = new ArrayList<>();
        OptionalInt status = OptionalInt.empty();
        int count = output.size();
        if (count > 0) {
            Matcher m = STATUS.matcher(stripTrailing(output.get(count - 1)));
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n > 255) {
                    problems.add(outputLine + count - 1, "exit status [" + n + "] is not between 0 and 255");
                }
                status = OptionalInt.of(n);
                count--;
            }
        }
        for (int k = 0; k < count; k++) {
            expected.add(expectedLine(outputLine + k, output.get(k)));
        }
        return new Command(line, prompt, text, expected, status);
    }

    /** One expected output line: {@code ...}, a {@code (re)} or {@code (glob)} pattern, or literal text. */
    static ExpectedLine expectedLine(int line, String raw) {
        String text = stripTrailing(raw);
        if (text.equals("...")) {
            return new ExpectedLine.AnyLines(line);
        }
        if (text.endsWith(" (re)")) {
            return new ExpectedLine.Regex(line, text.substring(0, text.length() - 5));
        }
        if (text.endsWith(" (glob)")) {
            return new ExpectedLine.Glob(line, text.substring(0, text.length() - 7));
        }
        return new ExpectedLine.Literal(line, text);
    }

    static boolean isCommand(String line) {
        return line.startsWith("$ ") || line.startsWith("# ");
    }

    private static boolean isPrompt(String line) {
        String t = stripTrailing(line);
        return t.equals("$") || t.equals("#");
    }

    private static boolean endsWithContinuation(CharSequence text) {
        String s = text.toString();
        int lastLine = s.lastIndexOf('\n') + 1;
        return s.substring(lastLine).endsWith(" \\") || s.substring(lastLine).equals("\\");
    }

    static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
