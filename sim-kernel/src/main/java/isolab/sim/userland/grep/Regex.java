package isolab.sim.userland.grep;

/**
 * POSIX regular expressions (basic and extended, with GNU's extensions {@code \+ \? \|} in BRE)
 * translated to java.util.regex: bracket expressions and character classes, anchors, intervals,
 * back-references. Errors carry grep's messages.
 */
final class Regex {

    private Regex() {
    }

    /** A basic regular expression (grep, sed) as a Java pattern. */
    static String bre(String re) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                switch (n) {
                    case '(' -> {
                        out.append('(');
                        depth++;
                    }
                    case ')' -> {
                        if (depth == 0) {
                            throw new IllegalArgumentException("Unmatched ) or \\)");
                        }
                        out.append(')');
                        depth--;
                    }
                    case '{' -> out.append('{');
                    case '}' -> out.append('}');
                    case '|' -> out.append('|');
                    case '+' -> out.append('+');
                    case '?' -> out.append('?');
                    case '<' -> out.append("\\b(?=\\w)");
                    case '>' -> out.append("\\b(?<=\\w)");
                    case 'w', 'W', 's', 'S', 'b', 'B' -> out.append('\\').append(n);
                    default -> {
                        if (Character.isDigit(n)) {
                            out.append('\\').append(n);
                        } else {
                            out.append(java.util.regex.Pattern.quote(String.valueOf(n)));
                        }
                    }
                }
                continue;
            }
            if (c == '\\') {
                throw new IllegalArgumentException("Trailing backslash");
            }
            if (c == '[') {
                i = bracket(re, i, out);
                continue;
            }
            if (c == '*' && (out.length() == 0 || endsWithAnchorOrGroupStart(out))) {
                out.append("\\*");
                continue;
            }
            if (c == '^' && i != 0) {
                out.append("\\^");
                continue;
            }
            if (c == '$' && i != re.length() - 1) {
                out.append("\\$");
                continue;
            }
            if ("(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
                continue;
            }
            out.append(c);
        }
        if (depth > 0) {
            throw new IllegalArgumentException("Unmatched ( or \\(");
        }
        return out.toString();
    }

    private static boolean endsWithAnchorOrGroupStart(StringBuilder out) {
        char last = out.charAt(out.length() - 1);
        return (last == '^' && out.length() == 1) || (last == '(' && (out.length() < 2 || out.charAt(out.length() - 2) != '\\'));
    }

    /** An extended regular expression (grep -E) as a Java pattern. */
    static String ere(String re) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                if (n == '<') {
                    out.append("\\b(?=\\w)");
                } else if (n == '>') {
                    out.append("\\b(?<=\\w)");
                } else if (Character.isLetterOrDigit(n)) {
                    out.append('\\').append(n);
                } else {
                    out.append(java.util.regex.Pattern.quote(String.valueOf(n)));
                }
                continue;
            }
            if (c == '\\') {
                throw new IllegalArgumentException("Trailing backslash");
            }
            if (c == '[') {
                i = bracket(re, i, out);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    out.append("\\)");
                    continue;
                }
                depth--;
            } else if (c == '{' && !(i + 1 < re.length() && Character.isDigit(re.charAt(i + 1)))) {
                out.append("\\{");
                continue;
            } else if (c == '}' && !interval(out)) {
                out.append("\\}");
                continue;
            }
            out.append(c);
        }
        if (depth > 0) {
            throw new IllegalArgumentException("Unmatched ( or \\(");
        }
        return out.toString();
    }

    private static boolean interval(StringBuilder out) {
        int open = out.lastIndexOf("{");
        return open >= 0 && (open == 0 || out.charAt(open - 1) != '\\') && out.substring(open + 1).matches("\\d*,?\\d*");
    }

    /** Translates a bracket expression starting at {@code start}; returns the index of its closing ]. */
    private static int bracket(String re, int start, StringBuilder out) {
        int i = start + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            set.append("\\]");
            i++;
        }
        while (i < re.length() && re.charAt(i) != ']') {
            char c = re.charAt(i);
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("Unmatched [, [^, [:, [., or [=");
                }
                String name = re.substring(i + 2, end);
                set.append(switch (name) {
                    case "alpha" -> "\\p{Alpha}";
                    case "digit" -> "\\p{Digit}";
                    case "alnum" -> "\\p{Alnum}";
                    case "upper" -> "\\p{Upper}";
                    case "lower" -> "\\p{Lower}";
                    case "space" -> "\\s";
                    case "blank" -> " \\t";
                    case "punct" -> "\\p{Punct}";
                    case "print" -> "\\p{Print}";
                    case "graph" -> "\\p{Graph}";
                    case "cntrl" -> "\\p{Cntrl}";
                    case "xdigit" -> "\\p{XDigit}";
                    default -> throw new IllegalArgumentException("Invalid character class name");
                });
                i = end + 2;
                continue;
            }
            if (c == '\\' || c == '[' || c == '&' || c == '~') {
                set.append('\\');
            }
            set.append(c);
            i++;
        }
        if (i >= re.length()) {
            throw new IllegalArgumentException("Unmatched [, [^, [:, [., or [=");
        }
        out.append(set).append(']');
        return i;
    }
}
