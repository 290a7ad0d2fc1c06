package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static final List<String> SPECIAL = List.of(
            ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift",
            "times", "trap", "unset", "source");

    private static final List<String> BASH_ONLY = List.of(
            "let", "source", "bind", "builtin", "caller", "compgen", "complete", "compopt", "dirs",
            "pushd", "popd", "disown", "enable", "fc", "history", "help", "let", "logout", "mapfile", "readarray",
            "shopt", "suspend");

    private static final List<String> DASH_ONLY = List.of("chdir");

    private static final List<String> NOT_MODELLED = List.of(
            "bind", "builtin", "caller", "compgen", "complete", "compopt",
            "dirs", "pushd", "popd", "disown", "enable", "fc", "history", "help", "logout", "mapfile", "readarray",
            "shopt", "suspend", "getopts");

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
        ALL.put("export", VariableBuiltins::export);
        ALL.put("readonly", VariableBuiltins::readonly);
        ALL.put("unset", VariableBuiltins::unset);
        ALL.put("set", VariableBuiltins::set);
        ALL.put("shift", VariableBuiltins::shift);
        ALL.put("read", ReadBuiltin::run);
        ALL.put("test", Test::run);
        ALL.put("[", Test::run);
        ALL.put("type", Builtins::type);
        ALL.put("command", Builtins::command);
        ALL.put("kill", JobBuiltins::kill);
        ALL.put("wait", JobBuiltins::waitBuiltin);
        ALL.put("jobs", JobBuiltins::jobs);
        ALL.put("fg", JobBuiltins::fg);
        ALL.put("bg", JobBuiltins::bg);
        ALL.put("eval", Builtins::eval);
        ALL.put(".", Builtins::source);
        ALL.put("source", Builtins::source);
        ALL.put("exec", Builtins::exec);
        ALL.put("return", Builtins::returnBuiltin);
        ALL.put("break", (sh, w) -> loopControl(sh, w, true));
        ALL.put("continue", (sh, w) -> loopControl(sh, w, false));
        ALL.put("local", VariableBuiltins::local);
        ALL.put("umask", VariableBuiltins::umask);
        ALL.put("times", VariableBuiltins::times);
        ALL.put("trap", Traps::builtin);
        ALL.put("let", VariableBuiltins::let);
        ALL.put("alias", Builtins::alias);
        ALL.put("hash", Builtins::hash);
        ALL.put("ulimit", Builtins::ulimit);
        ALL.put("declare", Builtins::declare);
        ALL.put("typeset", Builtins::declare);
        ALL.put("unalias", Builtins::alias);
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

    /**
     * Writes a builtin's output. bash's stdout is line-buffered (shell.c: sh_setlinebuf), so bash
     * writes each line with its own write(2) - which a file taking one write, like
     * /proc/PID/uid_map, notices (measured); dash writes a builtin's output at once.
     */
    static boolean out(Shell sh, String text) {
        try {
            if (!sh.dialect.bash()) {
                sh.sys.write(1, text);
                return true;
            }
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl + 1;
                sh.sys.write(1, text.substring(start, end));
                start = end;
            }
            return true;
        } catch (SysException e) {
            // measured: bash "bash: echo: write error: Operation not permitted"; dash "sh: 1: echo: echo: I/O error"
            String name = sh.runningBuiltin == null ? "echo" : sh.runningBuiltin;
            sh.error(sh.dialect.bash() ? name + ": write error: " + e.strerror() : name + ": " + name + ": I/O error");
            return false;
        }
    }

    static int usage(Shell sh, String name, String message, int status) {
        sh.error(name + ": " + message);
        return status;
    }

    /**
     * alias and unalias: the machine defines no aliases, so listing prints nothing and naming one
     * is "not found"; defining aliases is not modelled.
     */
    private static int alias(Shell sh, List<String> w) {
        int status = 0;
        for (String a : w.subList(1, w.size())) {
            if (a.equals("-p") || a.equals("-a")) {
                continue;
            }
            if (a.contains("=") && w.get(0).equals("alias")) {
                return notModelled(sh, w);
            }
            sh.error(sh.dialect.bash() ? w.get(0) + ": " + a + ": not found" : w.get(0) + ": " + a + " not found");
            status = 1;
        }
        return status;
    }

    /** The resource limits of the lab machines, as bash's {@code ulimit -a} prints them (measured). */
    private static final String[][] LIMITS = {
        {"R", "real-time non-blocking time  (microseconds, -R)", "unlimited"},
        {"c", "core file size              (blocks, -c)", "0"},
        {"d", "data seg size               (kbytes, -d)", "unlimited"},
        {"e", "scheduling priority                 (-e)", "0"},
        {"f", "file size                   (blocks, -f)", "unlimited"},
        {"i", "pending signals                     (-i)", "96365"},
        {"l", "max locked memory           (kbytes, -l)", "8192"},
        {"m", "max memory size             (kbytes, -m)", "unlimited"},
        {"n", "open files                          (-n)", "20000"},
        {"p", "pipe size                (512 bytes, -p)", "8"},
        {"q", "POSIX message queues         (bytes, -q)", "819200"},
        {"r", "real-time priority                  (-r)", "0"},
        {"s", "stack size                  (kbytes, -s)", "8192"},
        {"t", "cpu time                   (seconds, -t)", "unlimited"},
        {"u", "max user processes                  (-u)", "96365"},
        {"v", "virtual memory              (kbytes, -v)", "unlimited"},
        {"x", "file locks                          (-x)", "unlimited"}};

    /** ulimit: prints limits ({@code -a}, one option, default {@code -f}); changing them is not modelled. */
    private static int ulimit(Shell sh, List<String> w) {
        List<String> args = w.subList(1, w.size());
        if (args.size() == 1 && args.get(0).equals("-a")) {
            StringBuilder s = new StringBuilder();
            for (String[] l : LIMITS) {
                s.append(l[1]).append(' ').append(l[2]).append('\n');
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        String flag = args.isEmpty() ? "f" : args.size() == 1 && args.get(0).matches("-[SH]?[A-Za-z]") ? args.get(0)
                .substring(args.get(0).length() - 1) : null;
        if (flag != null) {
            for (String[] l : LIMITS) {
                if (l[0].equals(flag)) {
                    return out(sh, l[2] + "\n") ? 0 : 1;
                }
            }
        }
        return notModelled(sh, w);
    }

    /** declare/typeset (bash): NAME[=VALUE] with {@code -x} (export) or {@code -r} (readonly); other attributes are not modelled. */
    private static int declare(Shell sh, List<String> w) {
        boolean export = false;
        boolean readonly = false;
        int status = 0;
        for (String a : w.subList(1, w.size())) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'x') {
                        export = true;
                    } else if (c == 'r') {
                        readonly = true;
                    } else {
                        return notModelled(sh, w);
                    }
                }
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Parser.isName(name)) {
                sh.error(w.get(0) + ": `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), export);
            } else {
                sh.vars.computeIfAbsent(name, n -> new Shell.Var(null, false));
            }
            if (export) {
                sh.vars.get(name).exported = true;
            }
            if (readonly) {
                sh.vars.get(name).readonly = true;
            }
        }
        return status;
    }

    /** hash: {@code -r} forgets every remembered path; listing the table (with hit counts) is not modelled. */
    private static int hash(Shell sh, List<String> w) {
        if (w.size() == 2 && w.get(1).equals("-r")) {
            sh.hashed.clear();
            return 0;
        }
        return notModelled(sh, w);
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
            if (pwd == null || !Test.sameFile(sh, pwd, real)) {
                pwd = real;
            }
        } catch (SysException e) {
            sh.error(sh.dialect.bash() ? "pwd: error retrieving current directory: getcwd: cannot access parent directories: "
                    + e.strerror() : "pwd: getcwd() failed: " + e.strerror());
            return 1;
        }
        return out(sh, pwd + "\n") ? 0 : 1;
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
        if (!Test.sameFile(sh, now, ".")) {
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

    // ---- type, command -----------------------------------------------------------------------

    private static String pathLookup(Shell sh, String name) {
        return name.contains("/") ? name : SimpleCommand.searchPath(sh, name);
    }

    private static final List<String> KEYWORDS = List.of("if", "then", "else", "elif", "fi", "case", "esac", "for",
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
            } else if (sh.hashed.containsKey(name)) {
                what = sh.dialect.bash() ? name + " is hashed (" + sh.hashed.get(name) + ")"
                        : name + " is a tracked alias for " + sh.hashed.get(name);
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
            // measured: bash succeeds if any name was found; dash fails if any was not
            boolean anyFound = false;
            boolean anyMissing = false;
            for (String name : w.subList(2, w.size())) {
                if (find(sh.dialect, name) != null || KEYWORDS.contains(name) || sh.functions.containsKey(name)) {
                    out(sh, name + "\n");
                    anyFound = true;
                } else {
                    String path = pathLookup(sh, name);
                    if (path == null) {
                        anyMissing = true;
                    } else {
                        out(sh, path + "\n");
                        anyFound = true;
                    }
                }
            }
            return sh.dialect.bash() ? (anyFound ? 0 : 1) : (anyMissing ? 127 : 0);
        }
        List<String> rest = w.subList(1, w.size());
        Builtin builtin = find(sh.dialect, rest.get(0));
        if (builtin != null) {
            return builtin.run(sh, rest);
        }
        int pid = sh.forkChild(child -> child.execCommand(rest, new java.util.LinkedHashMap<>()), true, 0);
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
        } catch (Parser.Incomplete | Parser.SyntaxError | Parser.BadSubstitution | Parser.ArraysNotModelled e) {
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
        } catch (Parser.Incomplete | Parser.SyntaxError | Parser.BadSubstitution | Parser.ArraysNotModelled e) {
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
        return (int) sh.execCommand(w.subList(1, w.size()), new java.util.LinkedHashMap<>()) == 0 ? 0 : exitAfterExec(sh, w);
    }

    private static int exitAfterExec(Shell sh, List<String> w) {
        throw new Shell.ExitShell(127);
    }

    /** Opens for the shell's use; kept for builtins that read files. */
    static int openRead(Shell sh, String path) {
        return sh.sys.open(path, OpenFile.O_RDONLY, 0);
    }
}
