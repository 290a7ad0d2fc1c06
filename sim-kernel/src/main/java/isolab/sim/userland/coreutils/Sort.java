package isolab.sim.userland.coreutils;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * /usr/bin/sort (coreutils 9.1, src/sort.c) in the POSIX locale: lines compared by their keys in
 * order, then - unless {@code -u} or {@code -s} - by the whole line, byte by byte. A key
 * ({@code -k POS1[,POS2]}, POS = {@code F[.C][bnr]}) runs from field F to field POS2's end, or to
 * the end of the line; without {@code -t} a field is a run of blanks and the non-blanks after it,
 * so a key keeps its leading blanks unless {@code b} or {@code -b} drops them. {@code -n} compares
 * the leading number (blanks skipped; no number is 0). Options {@code -n -r -u -b -s -t -k}.
 */
public final class Sort {

    /** One {@code -k}: fields and characters counted from 1; endField 0 means the end of the line. */
    private record Key(int startField, int startChar, int endField, int endChar, boolean numeric, boolean reverse,
            boolean blanks) {
    }

    private final List<Key> keys = new ArrayList<>();
    private boolean numeric;
    private boolean reverse;
    private boolean unique;
    private boolean stable;
    private boolean blanks;
    private Character separator;

    private Sort() {
    }

    public static int main(Proc p) {
        Sort sort = new Sort();
        List<String> files = new ArrayList<>();
        int bad = sort.options(p, files);
        if (bad >= 0) {
            return bad;
        }
        int[] status = {0};
        String text = Text.readInputs(p, files, status);
        if (status[0] != 0) {
            return 2;
        }
        List<String> lines = Text.lines(text);
        Comparator<String> order = sort.order();
        lines.sort(order);
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (sort.unique && previous != null && sort.keyOrder().compare(previous, line) == 0) {
                continue;
            }
            out.append(line).append('\n');
            previous = line;
        }
        p.out(out.toString());
        return 0;
    }

    /** Reads the options; returns an exit status to stop with, or -1. */
    private int options(Proc p, List<String> files) {
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                files.addAll(args.subList(i + 1, args.size()));
                return -1;
            }
            if (a.startsWith("--")) {
                return Usage.notModelled(p, a);
            }
            if (!a.startsWith("-") || a.length() == 1) {
                files.add(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'k' || c == 't') {
                    String value = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null) {
                        return Usage.tryHelp(p, "option requires an argument -- '" + c + "'", 2);
                    }
                    int status = c == 'k' ? key(p, value) : separator(p, value);
                    if (status >= 0) {
                        return status;
                    }
                    break;
                }
                switch (c) {
                    case 'n' -> numeric = true;
                    case 'r' -> reverse = true;
                    case 'u' -> unique = true;
                    case 's' -> stable = true;
                    case 'b' -> blanks = true;
                    case 'h', 'g', 'M', 'V', 'f', 'd', 'i', 'R', 'z', 'c', 'C', 'm', 'o', 'T', 'S' -> {
                        return Usage.notModelled(p, "-" + c);
                    }
                    default -> {
                        return Usage.tryHelp(p, "invalid option -- '" + c + "'", 2);
                    }
                }
            }
        }
        return -1;
    }

    private int separator(Proc p, String value) {
        if (value.length() != 1) {
            p.error(value.isEmpty() ? "empty tab" : "multi-character tab " + Usage.quote(value));
            return 2;
        }
        separator = value.charAt(0);
        return -1;
    }

    /** Parses {@code POS1[,POS2]}; coreutils' messages for a bad one. */
    private int key(Proc p, String spec) {
        String[] parts = spec.split(",", 2);
        int[] start = position(parts[0]);
        if (start == null) {
            p.error("invalid number at field start: invalid count at start of " + Usage.quote(parts[0]));
            return 2;
        }
        if (start[0] == 0) {
            p.error("field number is zero: invalid field specification " + Usage.quote(spec));
            return 2;
        }
        int[] end = parts.length > 1 ? position(parts[1]) : new int[] {0, 0};
        if (end == null) {
            p.error("invalid number after ',': invalid count at start of " + Usage.quote(parts[1]));
            return 2;
        }
        String flags = parts[0].replaceAll("[0-9.]", "") + (parts.length > 1 ? parts[1].replaceAll("[0-9.]", "") : "");
        for (char c : flags.toCharArray()) {
            if ("nrb".indexOf(c) < 0) {
                return Usage.notModelled(p, "-k ..." + c);
            }
        }
        keys.add(new Key(start[0], Math.max(start[1], 1), end[0], end[1], flags.contains("n"), flags.contains("r"),
                flags.contains("b")));
        return -1;
    }

    /** {@code F[.C]} followed by option letters: {field, char}, or null if it does not start with a number. */
    private static int[] position(String pos) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)(?:\\.(\\d+))?[a-zA-Z]*$").matcher(pos);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
    }

    /** The order of lines: the keys, then (unless -u or -s) the whole line. */
    private Comparator<String> order() {
        Comparator<String> byKeys = keyOrder();
        if (unique || stable) {
            return byKeys;
        }
        Comparator<String> last = Comparator.naturalOrder();
        return byKeys.thenComparing(reverse ? last.reversed() : last);
    }

    private Comparator<String> keyOrder() {
        if (keys.isEmpty()) {
            return compareBy(new Key(1, 1, 0, 0, numeric, reverse, blanks), true);
        }
        Comparator<String> c = null;
        for (Key k : keys) {
            boolean inherit = !k.numeric() && !k.reverse() && !k.blanks();
            Key effective = inherit ? new Key(k.startField(), k.startChar(), k.endField(), k.endChar(), numeric, reverse,
                    blanks) : k;
            Comparator<String> next = compareBy(effective, false);
            c = c == null ? next : c.thenComparing(next);
        }
        return c;
    }

    private Comparator<String> compareBy(Key key, boolean wholeLine) {
        Comparator<String> c = (x, y) -> {
            String a = wholeLine ? x : extract(x, key);
            String b = wholeLine ? y : extract(y, key);
            return key.numeric() ? number(a).compareTo(number(b)) : a.compareTo(b);
        };
        return key.reverse() ? c.reversed() : c;
    }

    /** The text of {@code key} in {@code line} (sort.c: begfield, limfield). */
    private String extract(String line, Key key) {
        int begin = fieldStart(line, key.startField());
        if (key.blanks() || blanks) {
            while (begin < line.length() && isBlank(line.charAt(begin))) {
                begin++;
            }
        }
        begin = Math.min(line.length(), begin + key.startChar() - 1);
        int end = line.length();
        if (key.endField() > 0) {
            end = key.endChar() == 0 ? fieldEnd(line, key.endField()) : Math.min(line.length(),
                    fieldStart(line, key.endField()) + key.endChar());
        }
        return begin >= end ? "" : line.substring(begin, end);
    }

    /** Where field {@code n} starts: after n-1 separators, or at the blanks before the n-th run of non-blanks. */
    private int fieldStart(String line, int n) {
        int i = 0;
        for (int f = 1; f < n && i < line.length(); f++) {
            if (separator != null) {
                int next = line.indexOf(separator, i);
                i = next < 0 ? line.length() : next + 1;
            } else {
                i = pastField(line, i);
            }
        }
        return i;
    }

    private int fieldEnd(String line, int n) {
        int i = fieldStart(line, n);
        if (separator != null) {
            int next = line.indexOf(separator, i);
            return next < 0 ? line.length() : next;
        }
        return pastField(line, i);
    }

    /** The index past the field at {@code i} when blanks separate fields: its leading blanks, then its non-blanks. */
    private static int pastField(String line, int i) {
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        while (i < line.length() && !isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** sort -n's value: blanks, an optional minus, digits with an optional fraction; anything else is 0. */
    private static BigDecimal number(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[ \\t]*(-?(\\d+(\\.\\d*)?|\\.\\d+))").matcher(s);
        if (!m.find()) {
            return BigDecimal.ZERO;
        }
        String n = m.group(1);
        return new BigDecimal(n.endsWith(".") ? n.substring(0, n.length() - 1) : n.startsWith("-.") ? "-0" + n.substring(1)
                : n.startsWith(".") ? "0" + n : n);
    }
}
