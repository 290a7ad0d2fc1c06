package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The shells' builtin commands: they run inside the shell process, without a fork (which is why
 * {@code cd} and {@code export} can change the shell). Each dialect has its own list, as
 * {@code type NAME} reports on Debian; builtins the model does not implement say so.
 */
final class Builtins {

    /** A builtin: runs in {@code shell} with {@code words} (the name first); returns the status. */
    @FunctionalInterface
    interface Builtin {
        int run(Shell shell, List<String> words);
    }

    private static final Set<String> SPECIAL = Set.of(
            ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift",
            "times", "trap", "unset", "source");

    private static final Set<String> BASH_ONLY = Set.of(
            "source", "bind", "builtin", "caller", "compgen", "complete", "compopt", "declare", "typeset", "dirs",
            "pushd", "popd", "disown", "enable", "fc", "history", "help", "let", "logout", "mapfile", "readarray",
            "shopt", "suspend");

    private static final Set<String> DASH_ONLY = Set.of("chdir");

    private static final Set<String> NOT_MODELLED = Set.of(
            "alias", "unalias", "bind", "builtin", "caller", "compgen", "complete", "compopt", "declare", "typeset",
            "dirs", "pushd", "popd", "disown", "enable", "fc", "history", "help", "logout", "mapfile", "readarray",
            "shopt", "suspend", "getopts", "hash", "ulimit", "bg");

    private static final Map<String, Builtin> ALL = new TreeMap<>();

    static {
        ALL.put(":", (sh, w) -> 0);
        ALL.put("true", (sh, w) -> 0);
        ALL.put("false", (sh, w) -> 1);
        ALL.put("echo", Builtins::echo);
        ALL.put("printf", Printf::run);
        ALL.put("cd", Builtins::cd);
        ALL.put("chdir", Builtins::cd);
        ALL.put("pwd", Builtins::pwd);
        ALL.put("exit", Builtins::exit);
        ALL.put("export", Builtins::export);
        ALL.put("readonly", Builtins::readonly);
        ALL.put("unset", Builtins::unset);
        ALL.put("set", Builtins::set);
        ALL.put("shift", Builtins::shift);
        ALL.put("read", Builtins::read);
        ALL.put("test", Test::run);
        ALL.put("[", Test::run);
        ALL.put("type", Builtins::type);
        ALL.put("command", Builtins::command);
        ALL.put("kill", Builtins::kill);
        ALL.put("wait", Builtins::waitBuiltin);
        ALL.put("jobs", Builtins::jobs);
        ALL.put("fg", Builtins::fg);
        ALL.put("eval", Builtins::eval);
        ALL.put(".", Builtins::source);
        ALL.put("source", Builtins::source);
        ALL.put("exec", Builtins::exec);
        ALL.put("return", Builtins::returnBuiltin);
        ALL.put("break", (sh, w) -> loopControl(sh, w, true));
        ALL.put("continue", (sh, w) -> loopControl(sh, w, false));
        ALL.put("local", Builtins::local);
        ALL.put("umask", Builtins::umask);
        ALL.put("times", Builtins::times);
        ALL.put("trap", Builtins::trap);
        ALL.put("let", Builtins::let);
        for (String name : NOT_MODELLED) {
            ALL.putIfAbsent(name, Builtins::notModelled);
        }
    }

    private Builtins() {
    }

    /** The builtin called {@code name} in {@code dialect}, or null. */
    static Builtin find(Dialect dialect, String name) {
        if (!dialect.bash() && BASH_ONLY.contains(name)) {
            return null;
        }
        if (dialect.bash() && DASH_ONLY.contains(name)) {
            return null;
        }
        return ALL.get(name);
    }

    /** Whether {@code name} is a POSIX special builtin (found before functions, assignments persist). */
    static boolean isSpecial(Dialect dialect, String name) {
        return SPECIAL.contains(name) && find(dialect, name) != null;
    }

    static boolean out(Shell sh, String text) {
        try {
            sh.sys.write(1, text);
            return true;
        } catch (SysException e) {
            sh.error(sh.dialect.bash() ? "write error: " + e.strerror() : "I/O error");
            return false;
        }
    }

    static int usage(Shell sh, String name, String message, int status) {
        sh.error(name + ": " + message);
        return status;
    }

    private static int notModelled(Shell sh, List<String> w) {
        sh.error(w.get(0) + ": not modelled in isolab");
        return 2;
    }

    // ---- echo, pwd, cd -----------------------------------------------------------------------

    private static int echo(Shell sh, List<String> w) {
        boolean newline = true;
        boolean escapes = !sh.dialect.bash();
        int i = 1;
        while (i < w.size()) {
            String a = w.get(i);
            if (sh.dialect.bash() && a.length() > 1 && a.startsWith("-") && a.substring(1).matches("[neE]+")) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'n') {
                        newline = false;
                    } else if (c == 'e') {
                        escapes = true;
                    } else {
                        escapes = false;
                    }
                }
                i++;
            } else if (!sh.dialect.bash() && a.equals("-n")) {
                newline = false;
                i++;
            } else {
                break;
            }
        }
        StringBuilder s = new StringBuilder();
        for (int k = i; k < w.size(); k++) {
            if (k > i) {
                s.append(' ');
            }
            if (escapes) {
                if (Printf.escapes(w.get(k), s)) {
                    return out(sh, s.toString()) ? 0 : 1;
                }
            } else {
                s.append(w.get(k));
            }
        }
        if (newline) {
            s.append('\n');
        }
        return out(sh, s.toString()) ? 0 : 1;
    }

    private static int pwd(Shell sh, List<String> w) {
        String pwd = sh.getVar("PWD");
        try {
            String real = sh.sys.getcwd();
            if (pwd == null || !sameDir(sh, pwd, real)) {
                pwd = real;
            }
        } catch (SysException e) {
            sh.error(sh.dialect.bash() ? "pwd: error retrieving current directory: getcwd: cannot access parent directories: "
                    + e.strerror() : "pwd: getcwd() failed: " + e.strerror());
            return 1;
        }
        return out(sh, pwd + "\n") ? 0 : 1;
    }

    private static boolean sameDir(Shell sh, String a, String b) {
        try {
            Stat x = sh.sys.stat(a);
            Stat y = sh.sys.stat(b);
            return x.ino() == y.ino() && x.device().equals(y.device());
        } catch (SysException e) {
            return false;
        }
    }

    private static int cd(Shell sh, List<String> w) {
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        while (!args.isEmpty() && (args.get(0).equals("-L") || args.get(0).equals("-P"))) {
            args.remove(0);
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args.remove(0);
        }
        if (args.size() > 1 && sh.dialect.bash()) {
            sh.error("cd: too many arguments");
            return 1;
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = sh.getVar("HOME");
            if (target == null) {
                sh.error("cd: HOME not set");
                return 1;
            }
        } else if (args.get(0).equals("-")) {
            target = sh.getVar("OLDPWD");
            if (target == null) {
                sh.error("cd: OLDPWD not set");
                return 1;
            }
            print = true;
        } else {
            target = args.get(0);
        }
        String old = sh.getVar("PWD");
        String logical = logicalPath(old, target);
        try {
            sh.sys.chdir(target);
        } catch (SysException e) {
            if (sh.dialect.bash()) {
                sh.error("cd: " + target + ": " + e.strerror());
            } else {
                sh.error("cd: can't cd to " + target);
            }
            return sh.dialect.bash() ? 1 : 2;
        }
        String now = logical;
        if (!sameDir(sh, now, ".")) {
            try {
                now = sh.sys.getcwd();
            } catch (SysException e) {
                now = target;
            }
        }
        if (old != null) {
            sh.setVar("OLDPWD", old, sh.dialect.bash());
        }
        sh.setVar("PWD", now, true);
        if (print) {
            out(sh, now + "\n");
        }
        return 0;
    }

    private static String logicalPath(String pwd, String target) {
        String base = target.startsWith("/") || pwd == null ? "" : pwd;
        List<String> parts = new ArrayList<>();
        for (String p : (base + "/" + target).split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    // ---- exit, return, break -----------------------------------------------------------------

    private static int exit(Shell sh, List<String> w) {
        int status = sh.lastStatus;
        if (sh.interactive && sh.dialect.bash()) {
            sh.proc.err("exit\n");
        }
        if (w.size() > 1) {
            try {
                status = (int) (Long.parseLong(w.get(1)) & 0xff);
            } catch (NumberFormatException e) {
                if (sh.dialect.bash()) {
                    sh.error("exit: " + w.get(1) + ": numeric argument required");
                } else {
                    sh.error("exit: Illegal number: " + w.get(1));
                }
                status = 2;
            }
        }
        throw new Shell.ExitShell(status);
    }

    private static int returnBuiltin(Shell sh, List<String> w) {
        int status = sh.lastStatus;
        if (w.size() > 1) {
            try {
                status = (int) (Long.parseLong(w.get(1)) & 0xff);
            } catch (NumberFormatException e) {
                sh.error(sh.dialect.bash() ? "return: " + w.get(1) + ": numeric argument required"
                        : "return: Illegal number: " + w.get(1));
                status = 2;
            }
        }
        if (sh.functionDepth == 0 && sh.dialect.bash()) {
            sh.error("return: can only `return' from a function or sourced script");
            return 1;
        }
        throw new Shell.Return(status);
    }

    private static int loopControl(Shell sh, List<String> w, boolean isBreak) {
        int levels = 1;
        if (w.size() > 1) {
            try {
                levels = Integer.parseInt(w.get(1));
            } catch (NumberFormatException e) {
                sh.error(w.get(0) + ": " + w.get(1) + ": numeric argument required");
                return 1;
            }
        }
        throw new Shell.LoopControl(isBreak, Math.max(1, levels));
    }

    // ---- variables ---------------------------------------------------------------------------

    private static int export(Shell sh, List<String> w) {
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        if (!args.isEmpty() && args.get(0).equals("-p")) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Shell.Var> e : new TreeMap<>(sh.vars).entrySet()) {
                if (e.getValue().exported) {
                    s.append(sh.dialect.bash() ? "declare -x " + e.getKey() + "=\"" + e.getValue().value + "\"\n"
                            : "export " + e.getKey() + "='" + e.getValue().value + "'\n");
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        int status = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Parser.isName(name)) {
                sh.error(sh.dialect.bash() ? "export: `" + a + "': not a valid identifier" : "export: " + a + ": bad variable name");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), true);
            } else if (sh.vars.containsKey(name)) {
                sh.vars.get(name).exported = true;
            } else {
                Shell.Var v = new Shell.Var(null, true);
                sh.vars.put(name, v);
            }
        }
        return status;
    }

    private static int readonly(Shell sh, List<String> w) {
        for (String a : w.subList(1, w.size())) {
            if (a.startsWith("-")) {
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), false);
            }
            sh.vars.computeIfAbsent(name, n -> new Shell.Var(null, false)).readonly = true;
        }
        return 0;
    }

    private static int unset(Shell sh, List<String> w) {
        boolean functions = false;
        int status = 0;
        for (String a : w.subList(1, w.size())) {
            if (a.equals("-f")) {
                functions = true;
                continue;
            }
            if (a.equals("-v")) {
                functions = false;
                continue;
            }
            if (functions) {
                sh.functions.remove(a);
                continue;
            }
            try {
                sh.unsetVar(a);
            } catch (Shell.ReadonlyError e) {
                sh.error(sh.dialect.bash() ? "unset: " + a + ": cannot unset: readonly variable" : "unset: " + a + ": is read only");
                status = 1;
            }
        }
        return status;
    }

    private static int set(Shell sh, List<String> w) {
        if (w.size() == 1) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Shell.Var> e : new TreeMap<>(sh.vars).entrySet()) {
                if (e.getValue().value != null) {
                    s.append(e.getKey()).append('=').append(quote(e.getValue().value)).append('\n');
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        int i = 1;
        for (; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) {
                sh.positional = new ArrayList<>(w.subList(i + 1, w.size()));
                return 0;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.startsWith("-");
                if (a.substring(1).equals("o")) {
                    if (i + 1 < w.size()) {
                        String option = w.get(++i);
                        switch (option) {
                            case "errexit" -> sh.errexit = on;
                            case "xtrace" -> sh.xtrace = on;
                            case "nounset" -> sh.nounset = on;
                            case "noglob" -> sh.noglob = on;
                            case "pipefail" -> {
                                sh.error("set: -o pipefail: not modelled in isolab");
                                return 2;
                            }
                            default -> {
                                sh.error(sh.dialect.bash() ? "set: " + option + ": invalid option name"
                                        : "set: Illegal option -o " + option);
                                return sh.dialect.bash() ? 1 : 2;
                            }
                        }
                    }
                    continue;
                }
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e' -> sh.errexit = on;
                        case 'x' -> sh.xtrace = on;
                        case 'u' -> sh.nounset = on;
                        case 'f' -> sh.noglob = on;
                        case 'm', 'b', 'h', 'C', 'a', 'v', 'n', 'B', 'H', 'P', 'T', 'E' -> {
                        }
                        default -> {
                            sh.error(sh.dialect.bash() ? "set: -" + c + ": invalid option" : "set: Illegal option -" + c);
                            return 2;
                        }
                    }
                }
                continue;
            }
            break;
        }
        if (i < w.size()) {
            sh.positional = new ArrayList<>(w.subList(i, w.size()));
        }
        return 0;
    }

    static String quote(String value) {
        if (value.matches("[A-Za-z0-9_./:,@%+=-]*") && !value.isEmpty()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static int shift(Shell sh, List<String> w) {
        int n = 1;
        if (w.size() > 1) {
            try {
                n = Integer.parseInt(w.get(1));
            } catch (NumberFormatException e) {
                sh.error(sh.dialect.bash() ? "shift: " + w.get(1) + ": numeric argument required" : "shift: Illegal number: " + w.get(1));
                return sh.dialect.bash() ? 1 : 2;
            }
        }
        if (n > sh.positional.size()) {
            if (!sh.dialect.bash()) {
                sh.error("shift: can't shift that many");
                return 2;
            }
            return 1;
        }
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        return 0;
    }

    private static int local(Shell sh, List<String> w) {
        for (String a : w.subList(1, w.size())) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!sh.makeLocal(name)) {
                sh.error(sh.dialect.bash() ? "local: can only be used in a function" : "local: not in a function");
                return sh.dialect.bash() ? 1 : 2;
            }
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), false);
            } else if (!sh.vars.containsKey(name) && sh.dialect.bash()) {
                sh.vars.put(name, new Shell.Var(null, false));
            }
        }
        return 0;
    }

    private static int let(Shell sh, List<String> w) {
        if (w.size() < 2) {
            sh.error("let: expression expected");
            return 1;
        }
        long value = 0;
        for (String expr : w.subList(1, w.size())) {
            try {
                value = Arith.eval(expr, new Arith.Vars() {
                    @Override
                    public String get(String name) {
                        return sh.getVar(name);
                    }

                    @Override
                    public void set(String name, String v) {
                        sh.setVar(name, v, false);
                    }
                });
            } catch (Arith.Error e) {
                sh.error("let: " + expr + ": " + e.getMessage());
                return 1;
            }
        }
        return value == 0 ? 1 : 0;
    }

    private static int umask(Shell sh, List<String> w) {
        if (w.size() == 1) {
            int mask = sh.sys.umask(0);
            sh.sys.umask(mask);
            return out(sh, String.format("%04o%n", mask)) ? 0 : 1;
        }
        try {
            sh.sys.umask(Integer.parseInt(w.get(1), 8));
            return 0;
        } catch (NumberFormatException e) {
            sh.error(sh.dialect.bash() ? "umask: " + w.get(1) + ": octal number out of range" : "umask: Illegal number: " + w.get(1));
            return 1;
        }
    }

    private static int times(Shell sh, List<String> w) {
        return out(sh, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n") ? 0 : 1;
    }

    private static int trap(Shell sh, List<String> w) {
        if (w.size() >= 3 && (w.get(1).isEmpty() || w.get(1).equals("-"))) {
            for (String spec : w.subList(2, w.size())) {
                int sig = signalNumber(spec);
                if (sig <= 0) {
                    sh.error(sh.dialect.bash() ? "trap: " + spec + ": invalid signal specification" : "trap: " + spec + ": bad trap");
                    return 1;
                }
                sh.sys.sigaction(sig, w.get(1).isEmpty() ? isolab.sim.syscall.Syscalls.Disposition.IGNORE
                        : isolab.sim.syscall.Syscalls.Disposition.DEFAULT);
            }
            return 0;
        }
        sh.error("trap: handlers are not modelled in isolab");
        return 2;
    }

    private static int signalNumber(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return Signal.valid(n) ? n : -1;
        }
        return Signal.number(spec.toUpperCase(java.util.Locale.ROOT));
    }

    // ---- read --------------------------------------------------------------------------------

    private static int read(Shell sh, List<String> w) {
        boolean raw = false;
        String prompt = null;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < w.size()) {
                prompt = w.get(++i);
            } else if (a.startsWith("-") && a.length() > 1 && names.isEmpty()) {
                sh.error("read: " + a + ": not modelled in isolab");
                return 2;
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        if (prompt != null && sh.sys.isatty(0)) {
            sh.proc.err(prompt);
        }
        StringBuilder line = new StringBuilder();
        byte[] one = new byte[1];
        boolean eof = false;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        while (true) {
            int n;
            try {
                n = sh.sys.read(0, one, 0, 1);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    throw new Shell.Interrupt();
                }
                sh.error("read: read error: 0: " + e.strerror());
                return 1;
            }
            if (n <= 0) {
                eof = true;
                break;
            }
            if (one[0] == '\n') {
                String sofar = bytes.toString(StandardCharsets.UTF_8);
                if (!raw && sofar.endsWith("\\") && !sofar.endsWith("\\\\")) {
                    bytes.reset();
                    bytes.writeBytes(sofar.substring(0, sofar.length() - 1).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                break;
            }
            bytes.write(one[0]);
        }
        line.append(bytes.toString(StandardCharsets.UTF_8));
        String text = line.toString();
        if (!raw) {
            text = text.replaceAll("\\\\(.)", "$1");
        }
        String ifs = sh.getVar("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<String> fields = splitRead(text, ifs, names.size());
        for (int i = 0; i < names.size(); i++) {
            sh.setVar(names.get(i), i < fields.size() ? fields.get(i) : "", false);
        }
        return eof && text.isEmpty() ? 1 : eof ? 1 : 0;
    }

    private static List<String> splitRead(String text, String ifs, int count) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < n) {
            if (fields.size() == count - 1) {
                String rest = text.substring(i);
                int end = rest.length();
                while (end > 0 && ifs.indexOf(rest.charAt(end - 1)) >= 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                fields.add(rest.substring(0, end));
                return fields;
            }
            int start = i;
            while (i < n && ifs.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            fields.add(text.substring(start, i));
            while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < n && ifs.indexOf(text.charAt(i)) >= 0) {
                i++;
                while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
        }
        return fields;
    }

    // ---- type, command -----------------------------------------------------------------------

    private static String pathLookup(Shell sh, String name) {
        if (name.contains("/")) {
            return name;
        }
        String path = sh.getVar("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                Stat st = sh.sys.stat(candidate);
                if (st.isRegular() && (st.mode() & 0111) != 0) {
                    return candidate;
                }
            } catch (SysException e) {
                // keep looking
            }
        }
        return null;
    }

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for",
            "while", "until", "do", "done", "in", "{", "}", "!");

    private static int type(Shell sh, List<String> w) {
        int status = 0;
        for (String name : w.subList(1, w.size())) {
            if (name.startsWith("-") && sh.dialect.bash()) {
                sh.error("type: " + name + ": not modelled in isolab");
                return 2;
            }
            String what;
            if (KEYWORDS.contains(name)) {
                what = name + " is a shell keyword";
            } else if (sh.functions.containsKey(name)) {
                what = name + " is a " + (sh.dialect.bash() ? "function" : "shell function");
            } else if (find(sh.dialect, name) != null) {
                what = name + " is a " + (isSpecial(sh.dialect, name) && !sh.dialect.bash() ? "special shell builtin"
                        : "shell builtin");
            } else {
                String path = pathLookup(sh, name);
                if (path == null) {
                    if (sh.dialect.bash()) {
                        sh.error("type: " + name + ": not found");
                        status = 1;
                    } else {
                        out(sh, name + ": not found\n");
                        status = 127;
                    }
                    continue;
                }
                what = name + " is " + path;
            }
            out(sh, what + "\n");
        }
        return status;
    }

    private static int command(Shell sh, List<String> w) {
        if (w.size() < 2) {
            return 0;
        }
        if (w.get(1).equals("-v") || w.get(1).equals("-V")) {
            int status = 0;
            for (String name : w.subList(2, w.size())) {
                if (find(sh.dialect, name) != null || KEYWORDS.contains(name) || sh.functions.containsKey(name)) {
                    out(sh, name + "\n");
                } else {
                    String path = pathLookup(sh, name);
                    if (path == null) {
                        status = 1;
                    } else {
                        out(sh, path + "\n");
                    }
                }
            }
            return status;
        }
        List<String> rest = w.subList(1, w.size());
        Builtin builtin = find(sh.dialect, rest.get(0));
        if (builtin != null) {
            return builtin.run(sh, rest);
        }
        int pid = sh.forkChild(child -> child.execCommand(rest, Map.of()), true, 0);
        return sh.waitForeground(List.of(pid), String.join(" ", rest));
    }

    // ---- eval, source, exec ------------------------------------------------------------------

    private static int eval(Shell sh, List<String> w) {
        String text = String.join(" ", w.subList(1, w.size()));
        if (text.isBlank()) {
            return 0;
        }
        Node node;
        try {
            node = Parser.parse(text + "\n", sh.dialect.bash(), sh.currentLine);
        } catch (Parser.Incomplete | Parser.SyntaxError | Parser.BadSubstitution e) {
            sh.error(sh.dialect.bash() ? "eval: syntax error" : "Syntax error");
            return 2;
        }
        return node == null ? 0 : sh.run(node, false);
    }

    private static int source(Shell sh, List<String> w) {
        if (w.size() < 2) {
            sh.error(sh.dialect.bash() ? w.get(0) + ": filename argument required" : w.get(0) + ": not enough arguments");
            return 2;
        }
        String text;
        try {
            text = sh.proc.readFile(w.get(1));
        } catch (SysException e) {
            sh.error(sh.dialect.bash() ? w.get(1) + ": " + e.strerror() : w.get(0) + ": cannot open " + w.get(1) + ": "
                    + Shell.dashOpenError(e));
            return sh.dialect.bash() ? 1 : 2;
        }
        Node node;
        try {
            node = Parser.parse(text.endsWith("\n") ? text : text + "\n", sh.dialect.bash(), 1);
        } catch (Parser.Incomplete | Parser.SyntaxError | Parser.BadSubstitution e) {
            sh.error("syntax error in " + w.get(1));
            return 2;
        }
        if (node == null) {
            return 0;
        }
        sh.functionDepth++;
        try {
            return sh.run(node, false);
        } catch (Shell.Return r) {
            return r.status;
        } finally {
            sh.functionDepth--;
        }
    }

    private static int exec(Shell sh, List<String> w) {
        if (w.size() == 1) {
            return 0;
        }
        return (int) sh.execCommand(w.subList(1, w.size()), Map.of()) == 0 ? 0 : exitAfterExec(sh, w);
    }

    private static int exitAfterExec(Shell sh, List<String> w) {
        throw new Shell.ExitShell(127);
    }

    // ---- jobs, kill, wait --------------------------------------------------------------------

    private static int kill(Shell sh, List<String> w) {
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        if (args.isEmpty()) {
            if (sh.dialect.bash()) {
                sh.proc.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n");
            } else {
                sh.error("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]");
            }
            return 2;
        }
        int sig = Signal.SIGTERM;
        String first = args.get(0);
        if (first.equals("-l") || first.equals("-L")) {
            return listSignals(sh, args.subList(1, args.size()));
        }
        if (first.equals("-s") || first.equals("-n")) {
            if (args.size() < 2) {
                sh.error("kill: " + first + ": option requires an argument");
                return 2;
            }
            sig = signalNumber(args.get(1));
            if (sig < 0) {
                sh.error(sh.dialect.bash() ? "kill: " + args.get(1) + ": invalid signal specification"
                        : "kill: invalid signal number or name: " + args.get(1));
                return 1;
            }
            args = args.subList(2, args.size());
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            sig = signalNumber(first.substring(1));
            if (sig < 0 && !first.substring(1).equals("0")) {
                sh.error(sh.dialect.bash() ? "kill: " + first.substring(1) + ": invalid signal specification"
                        : "kill: invalid signal number or name: " + first.substring(1));
                return 1;
            }
            if (first.equals("-0")) {
                sig = 0;
            }
            args = args.subList(1, args.size());
        } else if (first.equals("--")) {
            args = args.subList(1, args.size());
        }
        int status = 0;
        for (String target : args) {
            List<Integer> pids = new ArrayList<>();
            if (target.startsWith("%")) {
                Jobs.Job job = jobSpec(sh, target);
                if (job == null) {
                    sh.error(sh.dialect.bash() ? "kill: " + target + ": no such job" : "kill: No such job: " + target);
                    status = 1;
                    continue;
                }
                pids.add(-job.pids.get(0));
            } else {
                try {
                    pids.add(Integer.parseInt(target));
                } catch (NumberFormatException e) {
                    sh.error(sh.dialect.bash() ? "kill: " + target + ": arguments must be process or job IDs"
                            : "kill: Illegal number: " + target);
                    status = sh.dialect.bash() ? 1 : 2;
                    continue;
                }
            }
            for (int pid : pids) {
                try {
                    try {
                        sh.sys.kill(pid, sig);
                    } catch (SysException e) {
                        if (pid < 0 && e.errno() == Errno.ESRCH) {
                            sh.sys.kill(-pid, sig);
                        } else {
                            throw e;
                        }
                    }
                } catch (SysException e) {
                    if (sh.dialect.bash()) {
                        sh.error("kill: (" + Math.abs(pid) + ") - " + e.strerror());
                    } else {
                        sh.error("kill: " + e.strerror());
                    }
                    status = 1;
                }
            }
        }
        return status;
    }

    private static int listSignals(Shell sh, List<String> args) {
        if (!args.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (String a : args) {
                try {
                    int n = Integer.parseInt(a);
                    if (n > 128) {
                        n -= 128;
                    }
                    s.append(Signal.valid(n) ? Signal.name(n) : "?").append('\n');
                } catch (NumberFormatException e) {
                    s.append(signalNumber(a)).append('\n');
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        StringBuilder s = new StringBuilder();
        if (sh.dialect.bash()) {
            for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
                s.append(String.format("%2d) %-8s", sig, "SIG" + Signal.name(sig)));
                s.append(sig % 5 == 0 || sig == Signal.NSIG_STANDARD ? "\n" : "\t");
            }
        } else {
            s.append("0\n");
            for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
                s.append(Signal.name(sig)).append('\n');
            }
        }
        return out(sh, s.toString()) ? 0 : 1;
    }

    private static Jobs.Job jobSpec(Shell sh, String spec) {
        String body = spec.substring(1);
        if (body.isEmpty() || body.equals("+") || body.equals("%")) {
            return sh.jobs.current();
        }
        try {
            return sh.jobs.byNumber(Integer.parseInt(body));
        } catch (NumberFormatException e) {
            for (Jobs.Job job : sh.jobs.all()) {
                if (job.text.startsWith(body)) {
                    return job;
                }
            }
            return null;
        }
    }

    private static int waitBuiltin(Shell sh, List<String> w) {
        if (w.size() == 1) {
            while (true) {
                try {
                    Wait.Reaped r = sh.sys.wait4(-1, 0);
                    sh.jobs.childExited(r.pid(), r.status());
                } catch (SysException e) {
                    if (e.errno() == Errno.EINTR) {
                        throw new Shell.Interrupt();
                    }
                    return 0;
                }
            }
        }
        int status = 0;
        for (String target : w.subList(1, w.size())) {
            int pid;
            if (target.startsWith("%")) {
                Jobs.Job job = jobSpec(sh, target);
                if (job == null) {
                    sh.error(sh.dialect.bash() ? "wait: " + target + ": no such job" : "wait: No such job: " + target);
                    status = 127;
                    continue;
                }
                pid = job.pids.get(job.pids.size() - 1);
            } else {
                try {
                    pid = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    sh.error(sh.dialect.bash() ? "wait: `" + target + "': not a pid or valid job spec" : "wait: Illegal number: " + target);
                    status = sh.dialect.bash() ? 1 : 2;
                    continue;
                }
            }
            Jobs.Job job = sh.jobs.byPid(pid);
            if (job != null && job.done()) {
                int i = job.pids.indexOf(pid);
                status = Shell.shellStatus(job.statuses[i]);
                continue;
            }
            try {
                Wait.Reaped r = sh.sys.wait4(pid, 0);
                sh.jobs.childExited(r.pid(), r.status());
                status = Shell.shellStatus(r.status());
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    throw new Shell.Interrupt();
                }
                if (sh.dialect.bash()) {
                    sh.error("wait: pid " + pid + " is not a child of this shell");
                }
                status = 127;
            }
        }
        return status;
    }

    private static int jobs(Shell sh, List<String> w) {
        sh.reapJobs(false);
        StringBuilder s = new StringBuilder();
        for (Jobs.Job job : sh.jobs.all()) {
            String state = job.done() ? Jobs.stateOf(job.lastStatus()) : "Running";
            s.append('[').append(job.number).append(']').append(sh.jobs.marker(job)).append("  ")
                    .append(Shell.pad(state, 24)).append(job.text).append(job.done() ? "" : " &").append('\n');
            if (job.done()) {
                job.notified = true;
            }
        }
        return out(sh, s.toString()) ? 0 : 1;
    }

    private static int fg(Shell sh, List<String> w) {
        Jobs.Job job = w.size() > 1 ? jobSpec(sh, w.get(1)) : sh.jobs.current();
        if (job == null) {
            sh.error(sh.dialect.bash() ? "fg: " + (w.size() > 1 ? w.get(1) : "current") + ": no such job" : "fg: No current job");
            return 1;
        }
        out(sh, job.text + "\n");
        try {
            sh.sys.tcsetpgrp(0, job.pids.get(0));
        } catch (SysException e) {
            // the job may already be gone
        }
        int status = 0;
        for (int pid : job.pids) {
            try {
                Wait.Reaped r = sh.sys.wait4(pid, 0);
                status = Shell.shellStatus(r.status());
            } catch (SysException e) {
                int i = job.pids.indexOf(pid);
                status = job.statuses[i] >= 0 ? Shell.shellStatus(job.statuses[i]) : 0;
            }
        }
        try {
            sh.sys.tcsetpgrp(0, sh.sys.getpid());
        } catch (SysException e) {
            // terminal gone
        }
        sh.jobs.remove(job);
        return status;
    }

    /** Opens for the shell's use; kept for builtins that read files. */
    static int openRead(Shell sh, String path) {
        return sh.sys.open(path, OpenFile.O_RDONLY, 0);
    }
}
