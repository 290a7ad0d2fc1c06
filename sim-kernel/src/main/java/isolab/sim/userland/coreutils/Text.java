package isolab.sim.userland.coreutils;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/** The text filters of coreutils: cut and tr (and the input helpers {@link Sort} shares). */
public final class Text {

    private Text() {
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static String readInputs(Proc p, List<String> files, int[] status) {
        StringBuilder all = new StringBuilder();
        for (String f : files.isEmpty() ? List.of("-") : files) {
            String text = Inputs.readAll(p, f);
            if (text == null) {
                status[0] = 1;
                continue;
            }
            all.append(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                all.append('\n');
            }
        }
        return all.toString();
    }

    /** /usr/bin/cut: -f LIST with -d, -c LIST, -b LIST; -s. */
    public static int cut(Proc p) {
        String list = null;
        String mode = null;
        String delimiter = "\t";
        boolean onlyDelimited = false;
        List<String> files = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-f") || a.startsWith("-c") || a.startsWith("-b")) {
                mode = a.substring(1, 2);
                list = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                if (list == null) {
                    return Usage.tryHelp(p, "option requires an argument -- '" + mode + "'", 1);
                }
            } else if (a.startsWith("-d")) {
                delimiter = a.length() > 2 ? a.substring(2) : i + 1 < args.size() ? args.get(++i) : null;
                if (delimiter == null) {
                    return Usage.tryHelp(p, "option requires an argument -- 'd'", 1);
                }
                if (delimiter.length() != 1) {
                    return Usage.tryHelp(p, "the delimiter must be a single character", 1);
                }
            } else if (a.equals("-s")) {
                onlyDelimited = true;
            } else if (a.startsWith("--")) {
                return Usage.notModelled(p, a);
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 1);
            } else {
                files.add(a);
            }
        }
        if (mode == null) {
            return Usage.tryHelp(p, "you must specify a list of bytes, characters, or fields", 1);
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : list.split(",")) {
            try {
                if (part.contains("-")) {
                    String lo = part.substring(0, part.indexOf('-'));
                    String hi = part.substring(part.indexOf('-') + 1);
                    ranges.add(new int[] {lo.isEmpty() ? 1 : Integer.parseInt(lo), hi.isEmpty() ? Integer.MAX_VALUE
                            : Integer.parseInt(hi)});
                } else {
                    int n = Integer.parseInt(part);
                    ranges.add(new int[] {n, n});
                }
            } catch (NumberFormatException e) {
                return Usage.tryHelp(p, "invalid field value " + Usage.quote(part), 1);
            }
            if (ranges.get(ranges.size() - 1)[0] < 1) {
                return Usage.tryHelp(p, (mode.equals("f") ? "fields" : "byte/character positions") + " are numbered from 1", 1);
            }
        }
        int[] status = {0};
        String text = readInputs(p, files, status);
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            if (mode.equals("f")) {
                if (!line.contains(delimiter)) {
                    if (!onlyDelimited) {
                        out.append(line).append('\n');
                    }
                    continue;
                }
                String[] fields = line.split(java.util.regex.Pattern.quote(delimiter), -1);
                List<String> picked = new ArrayList<>();
                for (int f = 1; f <= fields.length; f++) {
                    if (selected(ranges, f)) {
                        picked.add(fields[f - 1]);
                    }
                }
                out.append(String.join(delimiter, picked)).append('\n');
            } else {
                StringBuilder s = new StringBuilder();
                for (int c = 1; c <= line.length(); c++) {
                    if (selected(ranges, c)) {
                        s.append(line.charAt(c - 1));
                    }
                }
                out.append(s).append('\n');
            }
        }
        p.out(out.toString());
        return status[0];
    }

    private static boolean selected(List<int[]> ranges, int n) {
        for (int[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** /usr/bin/tr: translate SET1 to SET2, -d delete, -s squeeze; ranges and [:classes:]. */
    public static int tr(Proc p) {
        boolean delete = false;
        boolean squeeze = false;
        List<String> sets = new ArrayList<>();
        for (String a : p.args()) {
            if (a.startsWith("-") && a.length() > 1 && sets.isEmpty()) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'd' -> delete = true;
                        case 's' -> squeeze = true;
                        case 'c', 'C', 't' -> {
                            return Usage.notModelled(p, "-" + c);
                        }
                        default -> {
                            return Usage.tryHelp(p, "invalid option -- '" + c + "'", 1);
                        }
                    }
                }
            } else {
                sets.add(a);
            }
        }
        if (sets.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        if (!delete && !squeeze && sets.size() < 2) {
            return Usage.tryHelp(p, "missing operand after " + Usage.quote(sets.get(0))
                    + "\nTwo strings must be given when translating.", 1);
        }
        String set1 = expandSet(sets.get(0));
        String set2 = sets.size() > 1 ? expandSet(sets.get(1)) : "";
        String input = p.readAll(0);
        StringBuilder out = new StringBuilder();
        char last = 0;
        boolean haveLast = false;
        String squeezeSet = delete ? set2 : sets.size() > 1 ? set2 : set1;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (delete && set1.indexOf(c) >= 0) {
                continue;
            }
            if (!delete && sets.size() > 1) {
                int at = set1.lastIndexOf(c);
                if (at >= 0 && !set2.isEmpty()) {
                    c = set2.charAt(Math.min(at, set2.length() - 1));
                }
            }
            if (squeeze && haveLast && c == last && squeezeSet.indexOf(c) >= 0) {
                continue;
            }
            out.append(c);
            last = c;
            haveLast = true;
        }
        p.out(out.toString());
        return 0;
    }

    private static String expandSet(String set) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '[' && set.startsWith("[:", i)) {
                int end = set.indexOf(":]", i);
                if (end > 0) {
                    String name = set.substring(i + 2, end);
                    for (char x = 0; x < 128; x++) {
                        boolean in = switch (name) {
                            case "lower" -> Character.isLowerCase(x);
                            case "upper" -> Character.isUpperCase(x);
                            case "digit" -> Character.isDigit(x);
                            case "alpha" -> Character.isLetter(x);
                            case "alnum" -> Character.isLetterOrDigit(x);
                            case "space" -> Character.isWhitespace(x);
                            case "blank" -> x == ' ' || x == '\t';
                            case "punct" -> x > 32 && x < 127 && !Character.isLetterOrDigit(x);
                            default -> false;
                        };
                        if (in) {
                            s.append(x);
                        }
                    }
                    i = end + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < set.length() && set.charAt(i + 1) >= '0' && set.charAt(i + 1) <= '7') {
                int v = 0;
                int digits = 0;
                while (i + 1 < set.length() && digits < 3 && set.charAt(i + 1) >= '0' && set.charAt(i + 1) <= '7') {
                    v = v * 8 + (set.charAt(++i) - '0');
                    digits++;
                }
                s.append((char) v);
                continue;
            }
            if (c == '\\' && i + 1 < set.length()) {
                char n = set.charAt(++i);
                s.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '\\' -> '\\';
                    default -> n;
                });
                continue;
            }
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char hi = set.charAt(i + 2);
                for (char x = c; x <= hi; x++) {
                    s.append(x);
                }
                i += 2;
                continue;
            }
            s.append(c);
        }
        return s.toString();
    }
}
