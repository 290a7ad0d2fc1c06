package isolab.sim.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Word expansion (XCU 2.6): tilde, parameter, command substitution and arithmetic, then field
 * splitting of unquoted expansion results on IFS, then pathname expansion of unquoted pattern
 * characters, then quote removal. Each character remembers whether it was quoted and whether it
 * came from an expansion, because splitting and globbing depend on both.
 */
final class Expander {

    /** An expansion that fails ({@code ${x?msg}}, bad arithmetic); the command fails with {@code status}. */
    static final class ExpansionError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        boolean unbound;

        ExpansionError(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final int QUOTED = 1;
    private static final int EXPANDED = 2;

    private final Shell shell;

    Expander(Shell shell) {
        this.shell = shell;
    }

    /** One word in the making: characters with flags, and field breaks forced by "$@". */
    private static final class Chars {
        final StringBuilder text = new StringBuilder();
        final List<Integer> flags = new ArrayList<>();
        final List<Integer> breaks = new ArrayList<>();
        boolean quotedSeen;
        boolean dropIfEmpty;

        void add(String s, int flag) {
            for (int i = 0; i < s.length(); i++) {
                text.append(s.charAt(i));
                flags.add(flag);
            }
        }
    }

    /** Expands words into fields: splitting and globbing included (a command's arguments). */
    List<String> expandFields(List<Word> words) {
        List<String> fields = new ArrayList<>();
        List<Word> braced = new ArrayList<>();
        for (Word w : words) {
            if (shell.dialect.bash()) {
                braced.addAll(Braces.expand(w));
            } else {
                braced.add(w);
            }
        }
        for (Word w : braced) {
            Chars chars = new Chars();
            expandParts(w.parts(), chars, false);
            for (Chars field : split(chars)) {
                String pattern = pattern(field);
                if (!shell.noglob && Glob.hasMagic(pattern)) {
                    List<String> matches = Glob.expand(shell.sys, pattern);
                    if (!matches.isEmpty()) {
                        fields.addAll(matches);
                        continue;
                    }
                }
                fields.add(field.text.toString());
            }
        }
        return fields;
    }

    /** Expands one word without splitting or globbing (assignments, redirection targets, case subjects). */
    String expandSingle(Word word, boolean assignment) {
        Chars chars = new Chars();
        expandParts(word.parts(), chars, false);
        return chars.text.toString();
    }

    /** Expands a case pattern: quoted characters become literal (backslash-escaped). */
    String expandPattern(Word word) {
        Chars chars = new Chars();
        expandParts(word.parts(), chars, false);
        return pattern(chars);
    }

    /** Expands the right side of {@code =~}: quoted characters match themselves (backslash-escaped). */
    String expandRegex(Word word) {
        Chars chars = new Chars();
        expandParts(word.parts(), chars, false);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < chars.text.length(); i++) {
            char c = chars.text.charAt(i);
            if ((chars.flags.get(i) & QUOTED) != 0 && !Character.isLetterOrDigit(c) && c != ' ') {
                p.append('\\');
            }
            p.append(c);
        }
        return p.toString();
    }

    private static String pattern(Chars chars) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < chars.text.length(); i++) {
            char c = chars.text.charAt(i);
            boolean quoted = (chars.flags.get(i) & QUOTED) != 0;
            if (quoted && "*?[]\\".indexOf(c) >= 0) {
                p.append('\\');
            }
            p.append(c);
        }
        return p.toString();
    }

    private void expandParts(List<Word.Part> parts, Chars out, boolean inQuotes) {
        for (Word.Part part : parts) {
            if (part instanceof Word.Literal l) {
                out.add(l.text(), inQuotes ? QUOTED : 0);
            } else if (part instanceof Word.Quoted q) {
                out.add(q.text(), QUOTED);
                out.quotedSeen = true;
            } else if (part instanceof Word.DoubleQuoted dq) {
                out.quotedSeen = true;
                expandParts(dq.parts(), out, true);
            } else if (part instanceof Word.Tilde t) {
                out.add(tilde(t.user()), QUOTED);
            } else if (part instanceof Word.Param p) {
                param(p, out, inQuotes);
            } else if (part instanceof Word.CommandSub cs) {
                String value = shell.commandSubstitution(cs.body());
                out.add(value, inQuotes ? QUOTED | EXPANDED : EXPANDED);
            } else if (part instanceof Word.Arith a) {
                String expr = expandArithText(a.expression());
                long value;
                try {
                    value = Arith.eval(expr, shell.arithVars());
                } catch (Arith.Error e) {
                    String message = shell.dialect.bash() ? expr.stripLeading() + ": " + e.getMessage()
                            : "arithmetic expression: " + e.dashMessage() + ": \"" + expr + "\"";
                    throw new ExpansionError(message, shell.dialect.bash() ? 1 : 2);
                }
                out.add(Long.toString(value), inQuotes ? QUOTED | EXPANDED : EXPANDED);
            }
        }
    }

    /** The text of an arithmetic expression with its $-expansions done. */
    private String expandArithText(String expression) {
        if (expression.indexOf('$') < 0 && expression.indexOf('`') < 0) {
            return expression;
        }
        Word w = Parser.parseHeredocBody(expression);
        Chars chars = new Chars();
        expandParts(w.parts(), chars, true);
        return chars.text.toString();
    }

    private String tilde(String user) {
        if (user.isEmpty()) {
            String home = shell.getVar("HOME");
            return home == null ? "~" : home;
        }
        try {
            for (String line : shell.proc.readFile("/etc/passwd").split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[0].equals(user)) {
                    return f[5];
                }
            }
        } catch (isolab.sim.syscall.SysException e) {
            // no passwd: leave it
        }
        return "~" + user;
    }

    private void param(Word.Param p, Chars out, boolean inQuotes) {
        String name = p.name();
        int flag = inQuotes ? QUOTED | EXPANDED : EXPANDED;
        if (name.equals("@") && p.op() == null && inQuotes) {
            if (shell.positional.isEmpty()) {
                out.dropIfEmpty = true;
                return;
            }
            for (int i = 0; i < shell.positional.size(); i++) {
                if (i > 0) {
                    out.breaks.add(out.text.length());
                }
                out.add(shell.positional.get(i), flag);
            }
            return;
        }
        String value = shell.getVar(name);
        String op = p.op();
        if (op == null) {
            if (value == null && shell.nounset && !name.equals("@") && !name.equals("*")) {
                ExpansionError e = new ExpansionError(name + ": " + (shell.dialect.bash() ? "unbound variable"
                        : "parameter not set"), 1);
                e.unbound = true;
                throw e;
            }
            if (value != null) {
                out.add(value, flag);
            }
            return;
        }
        if (op.equals("len")) {
            out.add(String.valueOf(value == null ? 0 : value.codePointCount(0, value.length())), flag);
            return;
        }
        boolean colon = op.startsWith(":");
        boolean unset = value == null || (colon && value.isEmpty());
        switch (op) {
            case "-", ":-" -> {
                if (unset) {
                    expandParts(p.arg().parts(), out, inQuotes);
                } else {
                    out.add(value, flag);
                }
            }
            case "=", ":=" -> {
                if (unset) {
                    String assigned = expandSingle(p.arg(), true);
                    shell.setVar(name, assigned, false);
                    out.add(assigned, flag);
                } else {
                    out.add(value, flag);
                }
            }
            case "+", ":+" -> {
                if (!unset) {
                    expandParts(p.arg().parts(), out, inQuotes);
                }
            }
            case "?", ":?" -> {
                if (unset) {
                    String message = expandSingle(p.arg(), false);
                    if (message.isEmpty()) {
                        message = shell.dialect.bash() ? "parameter null or not set" : "parameter not set";
                    }
                    throw new ExpansionError(name + ": " + message, shell.dialect.bash() ? 1 : 2);
                }
                out.add(value, flag);
            }
            case "%", "%%", "#", "##" -> {
                String v = value == null ? "" : value;
                String pattern = expandPattern(p.arg());
                out.add(trim(v, pattern, op), flag);
            }
            case "^", "^^", ",", ",," -> {
                String v = value == null ? "" : value;
                boolean upper = op.startsWith("^");
                String changed;
                if (op.length() == 2) {
                    changed = upper ? v.toUpperCase(java.util.Locale.ROOT) : v.toLowerCase(java.util.Locale.ROOT);
                } else if (v.isEmpty()) {
                    changed = v;
                } else {
                    String first = v.substring(0, 1);
                    changed = (upper ? first.toUpperCase(java.util.Locale.ROOT) : first.toLowerCase(java.util.Locale.ROOT))
                            + v.substring(1);
                }
                out.add(changed, flag);
            }
            case "/", "//" -> {
                String v = value == null ? "" : value;
                String arg = p.arg().source();
                int slash = arg.indexOf('/');
                String patternText = slash < 0 ? arg : arg.substring(0, slash);
                String replacement = slash < 0 ? "" : expandSingle(Parser.parseHeredocBody(arg.substring(slash + 1)), false);
                String pattern = expandPattern(Parser.parseHeredocBody(patternText));
                out.add(substitute(v, pattern, replacement, op.equals("//")), flag);
            }
            case ":" -> {
                String v = value == null ? "" : value;
                String[] parts = p.arg().source().split(":", 2);
                long offset = evalArith(parts[0]);
                int start = (int) (offset < 0 ? Math.max(0, v.length() + offset) : Math.min(offset, v.length()));
                int end = v.length();
                if (parts.length > 1) {
                    long len = evalArith(parts[1]);
                    end = (int) (len < 0 ? Math.max(start, v.length() + len) : Math.min(v.length(), start + len));
                }
                out.add(v.substring(start, end), flag);
            }
            default -> throw new ExpansionError("bad substitution", 1);
        }
    }

    private long evalArith(String expr) {
        try {
            return Arith.eval(expandArithText(expr), shell.arithVars());
        } catch (Arith.Error e) {
            throw new ExpansionError(expr + ": " + e.getMessage(), 1);
        }
    }

    /** bash's ${var/pattern/replacement}: the longest match at the first (or every) position. */
    private static String substitute(String value, String pattern, String replacement, boolean all) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean done = false;
        while (i <= value.length()) {
            int matchEnd = -1;
            if (!done && !pattern.isEmpty()) {
                for (int j = value.length(); j > i; j--) {
                    if (Glob.match(pattern, value.substring(i, j))) {
                        matchEnd = j;
                        break;
                    }
                }
            }
            if (matchEnd > 0) {
                out.append(replacement);
                i = matchEnd;
                done = !all;
                continue;
            }
            if (i < value.length()) {
                out.append(value.charAt(i));
            }
            i++;
        }
        return out.toString();
    }

    private static String trim(String value, String pattern, String op) {
        switch (op) {
            case "#" -> {
                for (int i = 0; i <= value.length(); i++) {
                    if (Glob.match(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            case "##" -> {
                for (int i = value.length(); i >= 0; i--) {
                    if (Glob.match(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            case "%" -> {
                for (int i = value.length(); i >= 0; i--) {
                    if (Glob.match(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
            default -> {
                for (int i = 0; i <= value.length(); i++) {
                    if (Glob.match(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
        }
        return value;
    }

    /** Field splitting: unquoted expansion results split on IFS; "$@" breaks between parameters. */
    private List<Chars> split(Chars chars) {
        String ifs = shell.getVar("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<Chars> fields = new ArrayList<>();
        Chars cur = new Chars();
        boolean curHasContent = false;
        boolean pendingNonWhite = false;
        for (int i = 0; i < chars.text.length(); i++) {
            if (chars.breaks.contains(i)) {
                fields.add(cur);
                cur = new Chars();
                curHasContent = false;
            }
            char c = chars.text.charAt(i);
            int flag = chars.flags.get(i);
            boolean splittable = (flag & EXPANDED) != 0 && (flag & QUOTED) == 0 && ifs.indexOf(c) >= 0;
            if (splittable) {
                boolean white = c == ' ' || c == '\t' || c == '\n';
                if (white) {
                    if (curHasContent) {
                        fields.add(cur);
                        cur = new Chars();
                        curHasContent = false;
                    }
                } else {
                    fields.add(cur);
                    cur = new Chars();
                    curHasContent = false;
                    pendingNonWhite = true;
                }
                continue;
            }
            cur.text.append(c);
            cur.flags.add(flag);
            curHasContent = true;
            pendingNonWhite = false;
        }
        if (curHasContent || (chars.quotedSeen && !chars.dropIfEmpty && fields.isEmpty())) {
            fields.add(cur);
        } else if (pendingNonWhite) {
            // a trailing non-whitespace IFS character ends the last field; no empty field follows
        }
        if (!chars.breaks.isEmpty() || chars.quotedSeen) {
            return fields;
        }
        List<Chars> nonEmpty = new ArrayList<>();
        for (Chars f : fields) {
            if (f.text.length() > 0) {
                nonEmpty.add(f);
            }
        }
        return nonEmpty;
    }
}
