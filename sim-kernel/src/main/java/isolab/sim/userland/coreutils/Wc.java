package isolab.sim.userland.coreutils;

import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/wc (coreutils): lines, words, bytes (and -m characters, -L longest line). Column
 * width as GNU computes it: 1 for a single count of a single input, 7 when an input is not a
 * regular file, otherwise the digits of the total size.
 */
public final class Wc {

    private static final Getopt OPTIONS = new Getopt("clLmw", List.of(
            Getopt.opt("bytes", Getopt.Arg.NONE, "c"), Getopt.opt("chars", Getopt.Arg.NONE, "m"),
            Getopt.opt("lines", Getopt.Arg.NONE, "l"), Getopt.opt("words", Getopt.Arg.NONE, "w"),
            Getopt.opt("max-line-length", Getopt.Arg.NONE, "L"), Getopt.opt("files0-from", Getopt.Arg.REQUIRED, "files0-from"),
            Getopt.opt("total", Getopt.Arg.REQUIRED, "total"), Getopt.opt("help", Getopt.Arg.NONE, "help"),
            Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private Wc() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        boolean lines = parsed.has("l");
        boolean words = parsed.has("w");
        boolean bytes = parsed.has("c");
        boolean chars = parsed.has("m");
        boolean longest = parsed.has("L");
        for (Getopt.Opt o : parsed.options()) {
            if (o.key().length() > 1) {
                return Usage.notModelled(p, o.spelled());
            }
        }
        if (!lines && !words && !bytes && !chars && !longest) {
            lines = true;
            words = true;
            bytes = true;
        }
        List<String> files = parsed.operands().isEmpty() ? List.of("-") : parsed.operands();
        List<long[]> counts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int status = 0;
        boolean nonRegular = false;
        long totalSize = 0;
        for (String file : files) {
            int fd = Inputs.open(p, file);
            if (fd < 0) {
                status = 1;
                continue;
            }
            try {
                Stat st = p.sys().fstat(fd);
                if (!st.isRegular()) {
                    nonRegular = true;
                } else {
                    totalSize += st.size();
                }
                String text = p.readAll(fd);
                counts.add(count(text));
                names.add(file.equals("-") && parsed.operands().isEmpty() ? null : file);
            } catch (SysException e) {
                p.error(file + ": " + e.strerror());
                status = 1;
            } finally {
                Inputs.close(p, fd);
            }
        }
        int selected = (lines ? 1 : 0) + (words ? 1 : 0) + (bytes ? 1 : 0) + (chars ? 1 : 0) + (longest ? 1 : 0);
        int width;
        if (selected == 1 && files.size() == 1) {
            width = 1;
        } else if (nonRegular) {
            width = 7;
        } else {
            width = Math.max(1, String.valueOf(totalSize).length());
        }
        long[] total = new long[5];
        for (int i = 0; i < counts.size(); i++) {
            long[] c = counts.get(i);
            for (int k = 0; k < 5; k++) {
                total[k] = k == 4 ? Math.max(total[k], c[k]) : total[k] + c[k];
            }
            p.out(format(c, names.get(i), width, lines, words, chars, bytes, longest));
        }
        if (files.size() > 1) {
            p.out(format(total, "total", width, lines, words, chars, bytes, longest));
        }
        return status;
    }

    private static long[] count(String text) {
        long lines = 0;
        long words = 0;
        long longest = 0;
        long current = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines++;
                longest = Math.max(longest, current);
                current = 0;
            } else {
                current += c == '\t' ? 8 - current % 8 : 1;
            }
            boolean space = Character.isWhitespace(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        longest = Math.max(longest, current);
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return new long[] {lines, words, text.codePointCount(0, text.length()), bytes, longest};
    }

    private static String format(long[] c, String name, int width, boolean lines, boolean words, boolean chars,
            boolean bytes, boolean longest) {
        List<String> cells = new ArrayList<>();
        String f = "%" + width + "d";
        if (lines) {
            cells.add(String.format(f, c[0]));
        }
        if (words) {
            cells.add(String.format(f, c[1]));
        }
        if (chars) {
            cells.add(String.format(f, c[2]));
        }
        if (bytes) {
            cells.add(String.format(f, c[3]));
        }
        if (longest) {
            cells.add(String.format(f, c[4]));
        }
        return String.join(" ", cells) + (name == null ? "" : " " + name) + "\n";
    }
}
