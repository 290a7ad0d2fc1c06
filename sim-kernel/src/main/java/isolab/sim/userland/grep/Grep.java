package isolab.sim.userland.grep;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * /usr/bin/grep (GNU grep 3.8): prints lines matching a basic (default), extended ({@code -E})
 * or fixed ({@code -F}) pattern, streaming; {@code -c -v -i -q -n -l -h -H -o -w -x -e -s}. Exit
 * status 0 if a line matched, 1 if none, 2 on error.
 */
public final class Grep {

    private static final Getopt OPTIONS = new Getopt("EFGPe:f:iyvwxcLlo qsbHhnTZzrRA:B:C:Uam:", List.of(
            Getopt.opt("extended-regexp", Getopt.Arg.NONE, "E"), Getopt.opt("fixed-strings", Getopt.Arg.NONE, "F"),
            Getopt.opt("basic-regexp", Getopt.Arg.NONE, "G"), Getopt.opt("perl-regexp", Getopt.Arg.NONE, "P"),
            Getopt.opt("regexp", Getopt.Arg.REQUIRED, "e"), Getopt.opt("file", Getopt.Arg.REQUIRED, "f"),
            Getopt.opt("ignore-case", Getopt.Arg.NONE, "i"), Getopt.opt("no-ignore-case", Getopt.Arg.NONE, "no-ignore-case"),
            Getopt.opt("word-regexp", Getopt.Arg.NONE, "w"), Getopt.opt("line-regexp", Getopt.Arg.NONE, "x"),
            Getopt.opt("invert-match", Getopt.Arg.NONE, "v"), Getopt.opt("count", Getopt.Arg.NONE, "c"),
            Getopt.opt("files-without-match", Getopt.Arg.NONE, "L"), Getopt.opt("files-with-matches", Getopt.Arg.NONE, "l"),
            Getopt.opt("only-matching", Getopt.Arg.NONE, "o"), Getopt.opt("quiet", Getopt.Arg.NONE, "q"),
            Getopt.opt("silent", Getopt.Arg.NONE, "q"), Getopt.opt("no-messages", Getopt.Arg.NONE, "s"),
            Getopt.opt("with-filename", Getopt.Arg.NONE, "H"), Getopt.opt("no-filename", Getopt.Arg.NONE, "h"),
            Getopt.opt("line-number", Getopt.Arg.NONE, "n"), Getopt.opt("recursive", Getopt.Arg.NONE, "r"),
            Getopt.opt("max-count", Getopt.Arg.REQUIRED, "m"), Getopt.opt("color", Getopt.Arg.OPTIONAL, "color"),
            Getopt.opt("colour", Getopt.Arg.OPTIONAL, "color"), Getopt.opt("help", Getopt.Arg.NONE, "help"),
            Getopt.opt("version", Getopt.Arg.NONE, "V")));

    private Grep() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed;
        try {
            parsed = OPTIONS.parse(p.args());
        } catch (Getopt.UsageError e) {
            p.error(e.getMessage());
            p.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
            return 2;
        }
        String mode = "G";
        boolean ignoreCase = false;
        boolean invert = false;
        boolean count = false;
        boolean quiet = false;
        boolean lineNumbers = false;
        boolean listFiles = false;
        boolean only = false;
        boolean word = false;
        boolean line = false;
        boolean silent = false;
        long max = Long.MAX_VALUE;
        Boolean withName = null;
        List<String> patterns = new ArrayList<>();
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "E", "F", "G" -> mode = o.key();
                case "i", "y" -> ignoreCase = true;
                case "no-ignore-case" -> ignoreCase = false;
                case "v" -> invert = true;
                case "c" -> count = true;
                case "q" -> quiet = true;
                case "s" -> silent = true;
                case "n" -> lineNumbers = true;
                case "l" -> listFiles = true;
                case "o" -> only = true;
                case "w" -> word = true;
                case "x" -> line = true;
                case "H" -> withName = true;
                case "h" -> withName = false;
                case "e" -> patterns.add(o.arg());
                case "color" -> {
                }
                case "m" -> {
                    try {
                        max = Long.parseLong(o.arg());
                    } catch (NumberFormatException e) {
                        p.error("invalid max count");
                        return 2;
                    }
                }
                default -> {
                    p.error("option '" + o.spelled() + "' is not modelled in isolab");
                    return 2;
                }
            }
        }
        List<String> operands = new ArrayList<>(parsed.operands());
        if (patterns.isEmpty()) {
            if (operands.isEmpty()) {
                p.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
                return 2;
            }
            patterns.addAll(List.of(operands.remove(0).split("\n", -1)));
        }
        Pattern regex;
        try {
            regex = compile(patterns, mode, ignoreCase, word, line);
        } catch (IllegalArgumentException e) {
            p.error(e instanceof PatternSyntaxException ? "Unmatched ( or \\(" : e.getMessage());
            return 2;
        }
        if (operands.isEmpty()) {
            operands.add("-");
        }
        boolean showName = withName != null ? withName : operands.size() > 1;
        boolean matchedAny = false;
        boolean error = false;
        for (String file : operands) {
            int fd = 0;
            String label = file.equals("-") ? "(standard input)" : file;
            if (!file.equals("-")) {
                try {
                    fd = p.sys().open(file, OpenFile.O_RDONLY, 0);
                } catch (SysException e) {
                    if (!silent) {
                        p.error(file + ": " + e.strerror());
                    }
                    error = true;
                    continue;
                }
            }
            long matches = 0;
            try {
                Proc.LineReader reader = p.lines(fd);
                long number = 0;
                for (String text = reader.next(); text != null && matches < max; text = reader.next()) {
                    number++;
                    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                    boolean found = regex.matcher(body).find();
                    if (found == invert) {
                        continue;
                    }
                    matches++;
                    if (quiet) {
                        return 0;
                    }
                    if (count || listFiles) {
                        continue;
                    }
                    String prefix = (showName ? label + ":" : "") + (lineNumbers ? number + ":" : "");
                    if (only && !invert) {
                        var m = regex.matcher(body);
                        while (m.find()) {
                            if (!m.group().isEmpty()) {
                                p.out(prefix + m.group() + "\n");
                            }
                        }
                    } else {
                        p.out(prefix + body + "\n");
                    }
                }
            } catch (SysException e) {
                if (!silent) {
                    p.error(label + ": " + e.strerror());
                }
                error = true;
            } finally {
                if (fd != 0) {
                    p.sys().close(fd);
                }
            }
            if (count) {
                p.out((showName ? label + ":" : "") + matches + "\n");
            }
            if (listFiles && matches > 0) {
                p.out(label + "\n");
            }
            matchedAny |= matches > 0;
        }
        if (error && !(quiet && matchedAny)) {
            return 2;
        }
        return matchedAny ? 0 : 1;
    }

    private static Pattern compile(List<String> patterns, String mode, boolean ignoreCase, boolean word, boolean line) {
        List<String> parts = new ArrayList<>();
        for (String pattern : patterns) {
            String java = switch (mode) {
                case "F" -> Pattern.quote(pattern);
                case "E" -> Regex.ere(pattern);
                default -> Regex.bre(pattern);
            };
            if (word) {
                java = "(?<![\\w])(?:" + java + ")(?![\\w])";
            }
            if (line) {
                java = "^(?:" + java + ")$";
            }
            parts.add(java);
        }
        String joined = parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
        return Pattern.compile(joined, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }
}
