package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Catalog;
import isolab.sim.userland.Proc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell: a user program that reads command lines, parses them into a {@link Node} tree and
 * runs it with system calls only (xv6's sh.c, grown to POSIX sh). One class serves bash and dash;
 * the {@link Dialect} decides their differences. Forking follows the real shells, measured on
 * Linux: every pipeline element, background job, subshell and command substitution is a child;
 * a subshell or substitution execs its last simple command instead of forking it; bash -c also
 * execs the last simple command of its string, dash -c does not.
 */
public final class Shell {

    /** Thrown to leave the shell with a status (exit builtin, fatal errors). */
    static final class ExitShell extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitShell(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** break and continue, with their level count. */
    static final class LoopControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean isBreak;
        int levels;

        LoopControl(boolean isBreak, int levels) {
            super(null, null, false, false);
            this.isBreak = isBreak;
            this.levels = levels;
        }
    }

    /** return from a function or a sourced file. */
    static final class Return extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Return(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** SIGINT reached an interactive shell: abandon the command line. */
    static final class Interrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupt() {
            super(null, null, false, false);
        }
    }

    /** A shell variable. */
    static final class Var {
        String value;
        boolean exported;
        boolean readonly;

        Var(String value, boolean exported) {
            this.value = value;
            this.exported = exported;
        }
    }

    final Dialect dialect;
    Proc proc;
    Syscalls sys;
    final Map<String, Var> vars = new LinkedHashMap<>();
    final Map<String, Node> functions = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    String arg0;
    int lastStatus;
    int lastBackground;
    int shellPid;
    int parentPid;
    boolean interactive;
    /** bash's interactive_shell: the shell was started interactive; its subshells keep this, unlike {@link #interactive}. */
    boolean interactiveShell;
    boolean subshell;
    boolean execLast;
    boolean errexit;
    boolean xtrace;
    boolean nounset;
    boolean noglob;
    String scriptName;
    int lineBase;
    int currentLine = 1;
    int lastSubstStatus = -1;
    int functionDepth;
    String runningBuiltin;
    /** The command hash table (bash hashlib/hashcmd.c, dash exec.c cmdtable): name to path found on PATH. */
    final Map<String, String> hashed = new LinkedHashMap<>();
    int initialTtyPgrp;
    Jobs jobs = new Jobs();
    private final List<Map<String, Var>> localFrames = new ArrayList<>();

    Shell(Dialect dialect, Proc proc) {
        this.dialect = dialect;
        this.proc = proc;
        this.sys = proc.sys();
    }

    /** The program {@code /bin/bash}. */
    public static int bash(Proc proc) {
        return new ShellSession(new Shell(Dialect.BASH, proc)).main();
    }

    /** The program {@code /bin/sh} (dash). */
    public static int dash(Proc proc) {
        return new ShellSession(new Shell(Dialect.DASH, proc)).main();
    }

    // ---- errors ------------------------------------------------------------------------------

    /** Prints a runtime error the way the dialect does: bash {@code bash: msg}, dash {@code sh: N: msg}. */
    void error(String message) {
        error(message, currentLine);
    }

    void error(String message, int line) {
        if (dialect.bash()) {
            if (scriptName != null) {
                proc.err(scriptName + ": line " + line + ": " + message + "\n");
            } else if (!interactiveShell) {
                // error.c: error_prolog: a shell not started interactive (bash -c, bash < file) names the line.
                proc.err(arg0 + ": line " + line + ": " + message + "\n");
            } else {
                proc.err(shellName() + ": " + message + "\n");
            }
        } else {
            proc.err(arg0 + ": " + line + ": " + message + "\n");
        }
    }

    String shellName() {
        return proc.argv().isEmpty() ? "bash" : proc.argv().get(0);
    }

    void syntaxError(Parser.SyntaxError err, String text, int line) {
        if (dialect.bash()) {
            String where = interactive ? "" : scriptName != null ? scriptName + ": line " + err.line() + ": "
                    : shellName() + ": -c: line " + err.line() + ": ";
            String prefix = interactive ? shellName() + ": " : where;
            proc.err(prefix + "syntax error near unexpected token `" + err.token() + "'\n");
            proc.err(prefix + "`" + text + "'\n");
        } else {
            String token = err.token().equals("newline") ? "newline" : "\"" + err.token() + "\"";
            proc.err(arg0 + ": " + (interactive ? line : err.line()) + ": Syntax error: " + token + " unexpected\n");
        }
    }

    void syntaxEof(Parser.Incomplete more, int line) {
        if (dialect.bash()) {
            String prefix = scriptName != null ? scriptName + ": line " + line + ": " : shellName() + ": -c: line " + line + ": ";
            String expecting = more.expecting();
            if ("\"".equals(expecting) || "'".equals(expecting) || "`".equals(expecting) || "}".equals(expecting) && false) {
                proc.err(prefix.replace("line " + line, "line " + more.line()) + "unexpected EOF while looking for matching `"
                        + expecting + "'\n");
            } else if ("}".equals(expecting) || ")".equals(expecting)) {
                proc.err(prefix.replace("line " + line, "line " + more.line()) + "unexpected EOF while looking for matching `"
                        + expecting + "'\n");
            } else {
                proc.err(prefix + "syntax error: unexpected end of file\n");
            }
        } else {
            String expecting = more.expecting();
            if ("\"".equals(expecting) || "'".equals(expecting)) {
                proc.err(arg0 + ": " + more.line() + ": Syntax error: Unterminated quoted string\n");
            } else if ("}".equals(expecting)) {
                proc.err(arg0 + ": " + more.line() + ": Syntax error: Missing '}'\n");
            } else if (expecting != null) {
                proc.err(arg0 + ": " + more.line() + ": Syntax error: end of file unexpected (expecting \"" + expecting + "\")\n");
            } else {
                proc.err(arg0 + ": " + more.line() + ": Syntax error: end of file unexpected\n");
            }
        }
    }

    static String dashOpenError(SysException e) {
        return e.errno() == Errno.ENOENT ? "No such file" : e.strerror();
    }

    // ---- variables ---------------------------------------------------------------------------

    /** The value of a variable or special parameter, or null if unset. */
    String getVar(String name) {
        switch (name) {
            case "?":
                return String.valueOf(lastStatus);
            case "$":
                return String.valueOf(shellPid);
            case "!":
                return lastBackground == 0 ? (dialect.bash() ? null : "") : String.valueOf(lastBackground);
            case "#":
                return String.valueOf(positional.size());
            case "0":
                return arg0;
            case "@":
            case "*":
                return String.join(" ", positional);
            case "-":
                return flags();
            default:
                break;
        }
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            int n = Integer.parseInt(name);
            return n >= 1 && n <= positional.size() ? positional.get(n - 1) : null;
        }
        if (dialect.bash()) {
            switch (name) {
                case "BASHPID":
                    return String.valueOf(sys.getpid());
                case "RANDOM":
                    return String.valueOf((int) (sys.monotonicTicks() * 1103515245L + 12345L >>> 16) & 0x7fff);
                case "LINENO":
                    return String.valueOf(currentLine);
                case "SECONDS":
                    return String.valueOf(sys.monotonicTicks() / 1000);
                default:
                    break;
            }
        }
        Var v = vars.get(name);
        return v == null ? null : v.value;
    }

    /**
     * $-: the shell's option letters in bash's order (flags.c: e f h i m u x, then B H, then s for
     * commands from standard input or c for -c), measured: "himBHs" at the terminal, "hBc" for -c.
     */
    private String flags() {
        StringBuilder f = new StringBuilder();
        if (errexit) {
            f.append('e');
        }
        if (noglob) {
            f.append('f');
        }
        if (dialect.bash()) {
            f.append('h');
        }
        if (interactive) {
            f.append("im");
        }
        if (nounset) {
            f.append('u');
        }
        if (xtrace) {
            f.append('x');
        }
        if (dialect.bash()) {
            f.append('B');
            if (interactive) {
                f.append('H');
            }
            f.append(commandString ? "c" : scriptName == null ? "s" : "");
        }
        return f.toString();
    }

    /** Whether the shell runs a -c string (for $-). */
    boolean commandString;

    /** The command of {@code trap '...' EXIT}, run when the shell exits; null if none. */
    String exitTrap;

    /** An error that abandons the rest of the command line (an unbound variable, ${x?}): status, then the next prompt. */
    static final class AbortLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        AbortLine(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Sets a variable; EXIT-free error for a readonly one. */
    void setVar(String name, String value, boolean export) {
        Var v = vars.get(name);
        if (v == null) {
            vars.put(name, new Var(value, export));
            return;
        }
        if (v.readonly) {
            throw new ReadonlyError(name);
        }
        v.value = value;
        if (export) {
            v.exported = true;
        }
    }

    /** Assignment to a readonly variable. */
    static final class ReadonlyError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        ReadonlyError(String name) {
            super(null, null, false, false);
            this.name = name;
        }
    }

    void unsetVar(String name) {
        Var v = vars.get(name);
        if (v != null && v.readonly) {
            throw new ReadonlyError(name);
        }
        vars.remove(name);
    }

    /**
     * The environment for a new program: exported variables, then {@code extra} on top, in the
     * order the real shell's variable table yields them - bash: FNV-1 hash buckets of 1024
     * (hashlib.c), then {@code _} set to the program's path; dash: its 39-bucket table (var.c).
     */
    List<String> environment(Map<String, String> extra, String program) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Var> e : vars.entrySet()) {
            if (e.getValue().exported && e.getValue().value != null) {
                env.put(e.getKey(), e.getValue().value);
            }
        }
        env.putAll(extra);
        env.remove("_");
        List<String> names = new ArrayList<>(env.keySet());
        names.sort(java.util.Comparator.comparingInt(this::bucket));
        List<String> list = new ArrayList<>();
        for (String name : names) {
            list.add(name + "=" + env.get(name));
        }
        if (dialect.bash() && program != null) {
            list.add("_=" + program);
        }
        return list;
    }

    List<String> environment(Map<String, String> extra) {
        return environment(extra, null);
    }

    private int bucket(String name) {
        if (dialect.bash()) {
            int h = 0x811c9dc5;
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                h *= 16777619;
                h ^= b;
            }
            return h & 1023;
        }
        int h = (name.charAt(0) & 0xff) << 4;
        for (int i = 0; i < name.length(); i++) {
            h += name.charAt(i) & 0xff;
        }
        return h % 39;
    }

    void pushLocals() {
        localFrames.add(new LinkedHashMap<>());
    }

    void popLocals() {
        Map<String, Var> frame = localFrames.remove(localFrames.size() - 1);
        for (Map.Entry<String, Var> e : frame.entrySet()) {
            if (e.getValue() == null) {
                vars.remove(e.getKey());
            } else {
                vars.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Makes {@code name} local to the running function. */
    boolean makeLocal(String name) {
        if (localFrames.isEmpty()) {
            return false;
        }
        Map<String, Var> frame = localFrames.get(localFrames.size() - 1);
        if (!frame.containsKey(name)) {
            Var old = vars.get(name);
            frame.put(name, old == null ? null : new Var(old.value, old.exported));
        }
        return true;
    }

    // ---- running -----------------------------------------------------------------------------

    /** A scheduling point; an interactive shell turns a pending SIGINT into {@link Interrupt}. */
    void step() {
        sys.step();
        if (sys.signalPending()) {
            long signals = sys.takeSignals();
            if ((signals & Signal.bit(Signal.SIGINT)) != 0) {
                throw new Interrupt();
            }
        }
    }

    /** Runs {@code node}; {@code last} says the shell will exit right after, so it may exec instead of fork. */
    int run(Node node, boolean last) {
        if (node instanceof Node.Sequence seq) {
            return runSequence(seq, last);
        }
        if (node instanceof Node.AndOr andOr) {
            int left = run(andOr.left(), false);
            lastStatus = left;
            if ((left == 0) == andOr.and()) {
                return run(andOr.right(), last);
            }
            return left;
        }
        if (node instanceof Node.Pipeline pipeline) {
            int status = runPipeline(pipeline);
            return pipeline.bang() ? (status == 0 ? 1 : 0) : status;
        }
        if (node instanceof Node.Simple simple) {
            int status = runSimple(simple, last);
            lastStatus = status;
            if (errexit && status != 0) {
                throw new ExitShell(status);
            }
            return status;
        }
        if (node instanceof Node.Subshell sub) {
            return runSubshell(sub);
        }
        if (node instanceof Node.Timed timed) {
            long start = sys.monotonicTicks();
            int status = run(timed.pipeline(), false);
            long ms = sys.monotonicTicks() - start;
            // bash's time keyword (execute_cmd.c: time_command) with TIMEFORMAT unset; CPU time is not modelled.
            proc.err(String.format("%nreal\t%dm%d.%03ds%nuser\t0m0.000s%nsys\t0m0.000s%n", ms / 60000, ms / 1000 % 60, ms % 1000));
            return status;
        }
        if (node instanceof Node.Group group) {
            return withRedirects(group.redirects(), () -> run(group.body(), false));
        }
        if (node instanceof Node.If ifNode) {
            return withRedirects(ifNode.redirects(), () -> runIf(ifNode));
        }
        if (node instanceof Node.Loop loop) {
            return withRedirects(loop.redirects(), () -> runLoop(loop));
        }
        if (node instanceof Node.For forNode) {
            return withRedirects(forNode.redirects(), () -> runFor(forNode));
        }
        if (node instanceof Node.Case caseNode) {
            return withRedirects(caseNode.redirects(), () -> runCase(caseNode));
        }
        if (node instanceof Node.Function function) {
            functions.put(function.name(), function.body());
            return 0;
        }
        throw new IllegalStateException("unknown node " + node);
    }

    private int runSequence(Node.Sequence seq, boolean last) {
        int status = 0;
        List<Node.Item> items = seq.items();
        for (int i = 0; i < items.size(); i++) {
            Node.Item item = items.get(i);
            if (item.async()) {
                status = runBackground(item);
            } else {
                status = run(item.node(), last && i == items.size() - 1);
            }
            lastStatus = status;
        }
        return status;
    }

    private int runIf(Node.If node) {
        for (int i = 0; i < node.conditions().size(); i++) {
            boolean saved = errexit;
            errexit = false;
            int cond;
            try {
                cond = run(node.conditions().get(i), false);
            } finally {
                errexit = saved;
            }
            if (cond == 0) {
                return run(node.bodies().get(i), false);
            }
        }
        return node.otherwise() == null ? 0 : run(node.otherwise(), false);
    }

    private int runLoop(Node.Loop loop) {
        int status = 0;
        while (true) {
            step();
            boolean saved = errexit;
            errexit = false;
            int cond;
            try {
                cond = run(loop.condition(), false);
            } catch (LoopControl control) {
                if (--control.levels > 0) {
                    throw control;
                }
                if (control.isBreak) {
                    break;
                }
                continue;
            } finally {
                errexit = saved;
            }
            if ((cond == 0) == loop.until()) {
                break;
            }
            try {
                status = run(loop.body(), false);
            } catch (LoopControl control) {
                if (--control.levels > 0) {
                    throw control;
                }
                if (control.isBreak) {
                    break;
                }
            }
        }
        return status;
    }

    private int runFor(Node.For node) {
        List<String> values = node.words() == null ? new ArrayList<>(positional) : expandWords(node.words());
        int status = 0;
        for (String value : values) {
            step();
            setVar(node.name(), value, false);
            try {
                status = run(node.body(), false);
            } catch (LoopControl control) {
                if (--control.levels > 0) {
                    throw control;
                }
                if (control.isBreak) {
                    break;
                }
            }
        }
        return status;
    }

    private int runCase(Node.Case node) {
        String subject = new Expander(this).expandSingle(node.subject(), false);
        for (Node.CaseItem item : node.items()) {
            for (Word pattern : item.patterns()) {
                String p = new Expander(this).expandPattern(pattern);
                if (Glob.match(p, subject)) {
                    return item.body() == null ? 0 : run(item.body(), false);
                }
            }
        }
        return 0;
    }

    interface Body {
        int run();
    }

    /** Runs {@code body} with {@code redirects} applied, then undoes them. */
    int withRedirects(List<Node.Redirect> redirects, Body body) {
        if (redirects.isEmpty()) {
            return body.run();
        }
        List<int[]> saved = new ArrayList<>();
        try {
            if (!new Redirections(this).apply(redirects, saved)) {
                return 1;
            }
            return body.run();
        } finally {
            Redirections.restore(sys, saved);
        }
    }

    /** A copy of this shell for a forked child, taken now (the parent goes on changing its own). */
    Shell copyForChild() {
        Shell copy = new Shell(dialect, proc);
        for (Map.Entry<String, Var> e : vars.entrySet()) {
            Var v = new Var(e.getValue().value, e.getValue().exported);
            v.readonly = e.getValue().readonly;
            copy.vars.put(e.getKey(), v);
        }
        copy.functions.putAll(functions);
        copy.hashed.putAll(hashed);
        copy.positional = new ArrayList<>(positional);
        copy.arg0 = arg0;
        copy.lastStatus = lastStatus;
        copy.lastBackground = lastBackground;
        copy.shellPid = shellPid;
        copy.parentPid = parentPid;
        copy.interactive = false;
        copy.interactiveShell = interactiveShell;
        copy.subshell = true;
        copy.errexit = errexit;
        copy.xtrace = xtrace;
        copy.nounset = nounset;
        copy.noglob = noglob;
        copy.scriptName = scriptName;
        copy.currentLine = currentLine;
        copy.jobsControlParent = interactive;
        return copy;
    }

    /** Whether the parent of this subshell was an interactive shell with job control. */
    boolean jobsControlParent;

    /** Binds a copied shell to the child's system calls. */
    Shell attach(Syscalls childSys) {
        this.sys = childSys;
        this.proc = new Proc(childSys, proc.argv(), List.of());
        return this;
    }

    /** In a child of an interactive shell: default signal handling again, as before the shell changed it. */
    void resetSignalsForChild() {
        if (jobsControlParent) {
            for (int sig : new int[] {Signal.SIGINT, Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGTSTP, Signal.SIGTTIN,
                Signal.SIGTTOU}) {
                sys.sigaction(sig, Syscalls.Disposition.DEFAULT);
            }
        }
    }

    /** Forks a child that runs {@code body} in a copy of this shell; returns its PID. */
    int forkChild(ChildBody body, boolean foregroundGroupOfItsOwn, int joinGroup) {
        Shell copy = copyForChild();
        boolean jobControl = interactive;
        int pid;
        try {
            pid = sys.fork(childSys -> {
            Shell child = copy.attach(childSys);
            if (jobControl && joinGroup >= 0) {
                try {
                    childSys.setpgid(0, joinGroup);
                } catch (SysException e) {
                    // the parent did it first
                }
                if (foregroundGroupOfItsOwn && joinGroup == 0) {
                    try {
                        childSys.tcsetpgrp(0, childSys.getpid());
                    } catch (SysException e) {
                        // no terminal
                    }
                }
            }
            child.resetSignalsForChild();
            try {
                return child.exitWith(body.run(child));
            } catch (ExitShell exit) {
                return child.exitWith(exit.status);
            } catch (LoopControl | Return stray) {
                return child.exitWith(child.lastStatus);
            }
        });
        } catch (SysException e) {
            // bash: "bash: fork: Cannot allocate memory", exit 254; dash: "sh: 1: Cannot fork", exit 2.
            if (dialect.bash()) {
                error("fork: " + e.strerror());
                throw new ExitShell(254);
            }
            error("Cannot fork");
            throw new ExitShell(2);
        }
        if (jobControl && joinGroup >= 0) {
            try {
                sys.setpgid(pid, joinGroup == 0 ? pid : joinGroup);
            } catch (SysException e) {
                // the child did it already, or has exited
            }
        }
        return pid;
    }

    private int exitWith(int status) {
        proc.flush();
        return status;
    }

    /** What a forked child of the shell runs. */
    interface ChildBody {
        int run(Shell child);
    }

    private int runSubshell(Node.Subshell sub) {
        int pid = forkChild(child -> child.withRedirects(sub.redirects(), () -> child.run(sub.body(), true)), true, 0);
        return waitForeground(List.of(pid), "(" + "...)");
    }

    private int runPipeline(Node.Pipeline pipeline) {
        List<Node> commands = pipeline.commands();
        if (commands.size() == 1) {
            return run(commands.get(0), false);
        }
        List<Integer> pids = new ArrayList<>();
        int previousRead = -1;
        int group = 0;
        for (int i = 0; i < commands.size(); i++) {
            int[] pipe = i < commands.size() - 1 ? sys.pipe(false) : null;
            Node command = commands.get(i);
            int in = previousRead;
            int[] out = pipe;
            int pid = forkChild(child -> {
                if (in >= 0) {
                    child.sys.dup2(in, 0);
                    child.sys.close(in);
                }
                if (out != null) {
                    child.sys.close(out[0]);
                    child.sys.dup2(out[1], 1);
                    child.sys.close(out[1]);
                }
                return child.run(command, true);
            }, i == 0, group);
            if (i == 0) {
                group = interactive ? pid : 0;
            }
            pids.add(pid);
            if (previousRead >= 0) {
                sys.close(previousRead);
            }
            if (pipe != null) {
                sys.close(pipe[1]);
                previousRead = pipe[0];
            }
        }
        return waitForeground(pids, null);
    }

    private int runBackground(Node.Item item) {
        boolean jobControl = interactive;
        int pid = forkChild(child -> {
            if (!jobControl) {
                child.sys.sigaction(Signal.SIGINT, Syscalls.Disposition.IGNORE);
                child.sys.sigaction(Signal.SIGQUIT, Syscalls.Disposition.IGNORE);
                try {
                    int fd = child.sys.open("/dev/null", OpenFile.O_RDONLY, 0);
                    if (fd != 0) {
                        child.sys.dup2(fd, 0);
                        child.sys.close(fd);
                    }
                } catch (SysException e) {
                    // no /dev/null: keep stdin
                }
            }
            return child.run(item.node(), true);
        }, false, 0);
        lastBackground = pid;
        Jobs.Job job = jobs.add(List.of(pid), item.text());
        if (interactive) {
            if (dialect.bash()) {
                proc.err("[" + job.number + "] " + pid + "\n");
            }
            // dash announces nothing when it starts a background job (measured).
        }
        return 0;
    }

    /** Waits for a foreground job's processes; returns the shell status of the last one. */
    int waitForeground(List<Integer> pids, String text) {
        List<Integer> remaining = new ArrayList<>(pids);
        int[] statuses = new int[pids.size()];
        while (!remaining.isEmpty()) {
            Wait.Reaped reaped;
            try {
                reaped = sys.wait4(-1, 0);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    long signals = sys.takeSignals();
                    continue;
                }
                break;
            }
            int index = pids.indexOf(reaped.pid());
            if (index >= 0) {
                statuses[index] = reaped.status();
                remaining.remove(Integer.valueOf(reaped.pid()));
            } else {
                backgroundReaped(reaped.pid(), reaped.status());
            }
        }
        if (interactive) {
            try {
                sys.tcsetpgrp(0, sys.getpid());
            } catch (SysException e) {
                // terminal gone
            }
        }
        int last = statuses[statuses.length - 1];
        reportSignal(last, pids.get(pids.size() - 1), text);
        return shellStatus(last);
    }

    /** The shell's view of a wait status: the exit code, or 128 + the signal. */
    static int shellStatus(int waitStatus) {
        int sig = waitStatus & 0x7f;
        return sig != 0 ? 128 + sig : (waitStatus >> 8) & 0xff;
    }

    /**
     * What the shells print when a foreground job dies of a signal, measured: interactive shells
     * print the signal's description (a newline for SIGINT); non-interactive bash reports
     * {@code bash: line N:     PID Killed                  cmd} for signals other than SIGINT,
     * SIGTERM and SIGPIPE (jobs.c: notify_of_job_status, Debian builds with DONT_REPORT_SIGTERM and
     * DONT_REPORT_SIGPIPE) and the description alone for SIGTERM; dash prints the description.
     */
    private void reportSignal(int waitStatus, int pid, String text) {
        int sig = waitStatus & 0x7f;
        if (sig == 0 || sig == 0x7f || sig == Signal.SIGPIPE) {
            return;
        }
        String what = Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : "");
        if (sig == Signal.SIGINT) {
            if (interactive) {
                proc.err("\n");
            }
            return;
        }
        if (dialect.bash() && !interactive && sig != Signal.SIGTERM && text != null) {
            reportNonInteractive(pid, what, text);
            return;
        }
        proc.err(what + "\n");
    }

    /** bash, not interactive: {@code NAME: line N: %5d STATE(24) COMMAND}. */
    private void reportNonInteractive(int pid, String what, String text) {
        String name = scriptName != null ? scriptName : shellName();
        proc.err(name + ": line " + currentLine + ": " + String.format("%5d ", pid) + pad(what, 24) + text + "\n");
    }

    /**
     * A background child was reaped while the shell waited for something else: its job is updated
     * and non-interactive bash reports it if a signal other than SIGINT, SIGTERM or SIGPIPE killed it.
     */
    void backgroundReaped(int pid, int waitStatus) {
        jobs.childExited(pid, waitStatus);
        int sig = waitStatus & 0x7f;
        if (!interactive && dialect.bash() && sig != 0 && sig != 0x7f && sig != Signal.SIGINT && sig != Signal.SIGTERM
                && sig != Signal.SIGPIPE) {
            Jobs.Job job = jobs.byPid(pid);
            reportNonInteractive(pid, Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : ""),
                    job == null ? "" : job.text);
            if (job != null) {
                job.notified = true;
            }
        }
    }

    /**
     * A job as the shell lists it: bash {@code [1]+  Done                    sleep 1} (jobs.c:
     * pretty_print_job), dash {@code [1] + Done                       sleep 1} (jobs.c: showjob,
     * the command in column 33).
     */
    String jobLine(Jobs.Job job, String state, String text) {
        if (dialect.bash()) {
            return "[" + job.number + "]" + jobs.marker(job) + "  " + pad(state, 24) + text;
        }
        return pad("[" + job.number + "] " + jobs.marker(job) + " " + state, 33) + text;
    }

    static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    /** Reaps finished background jobs without sleeping; reports them (bash) when {@code notify}. */
    void reapJobs(boolean notify) {
        while (true) {
            Wait.Reaped reaped;
            try {
                reaped = sys.wait4(-1, Wait.WNOHANG | Wait.WUNTRACED);
            } catch (SysException e) {
                break;
            }
            if (reaped.pid() == 0) {
                break;
            }
            jobs.childExited(reaped.pid(), reaped.status());
        }
        if (!notify) {
            return;
        }
        for (Jobs.Job job : jobs.all()) {
            if (job.stopped && !job.stopNotified && !job.done()) {
                // bash starts a fresh line before it reports a stopped job (jobs.c: notify_of_job_status).
                proc.err(dialect.bash() ? "\n" + jobLine(job, "Stopped", job.text) + "\n"
                        : jobLine(job, "Stopped", job.text) + "\n");
                job.stopNotified = true;
                continue;
            }
            if (job.done()) {
                if (!job.notified) {
                    proc.err(jobLine(job, Jobs.stateOf(job.lastStatus()), job.text) + "\n");
                }
                jobs.remove(job);
            }
        }
    }

    // ---- simple commands ---------------------------------------------------------------------

    List<String> expandWords(List<Word> words) {
        return new Expander(this).expandFields(words);
    }

    private int runSimple(Node.Simple cmd, boolean last) {
        currentLine = lineBase + cmd.line();
        step();
        lastSubstStatus = -1;
        List<String> words;
        try {
            words = expandWords(cmd.words());
        } catch (Expander.ExpansionError e) {
            error(e.getMessage());
            if (!interactive) {
                throw new ExitShell(e.unbound && dialect.bash() ? 127 : e.status);
            }
            throw new AbortLine(e.status);
        }
        Map<String, String> assigns = new LinkedHashMap<>();
        try {
            for (Node.Assign a : cmd.assignments()) {
                assigns.put(a.name(), new Expander(this).expandSingle(a.value(), true));
            }
        } catch (Expander.ExpansionError e) {
            error(e.getMessage());
            return e.status;
        }
        if (xtrace) {
            trace(assigns, words);
        }
        if (words.isEmpty()) {
            int status = lastSubstStatus >= 0 ? lastSubstStatus : 0;
            try {
                for (Map.Entry<String, String> a : assigns.entrySet()) {
                    setVar(a.getKey(), a.getValue(), false);
                }
            } catch (ReadonlyError e) {
                error(dialect.bash() ? e.name + ": readonly variable" : e.name + ": is read only");
                return 1;
            }
            if (!cmd.redirects().isEmpty()) {
                return withRedirects(cmd.redirects(), () -> status);
            }
            return status;
        }
        String name = words.get(0);
        Builtins.Builtin builtin = Builtins.find(dialect, name);
        if (builtin != null && Builtins.isSpecial(dialect, name)) {
            return runBuiltin(builtin, words, assigns, cmd.redirects(), true);
        }
        Node function = functions.get(name);
        if (function != null) {
            return runFunction(function, words, cmd.redirects());
        }
        if (builtin != null) {
            return runBuiltin(builtin, words, assigns, cmd.redirects(), false);
        }
        if (last && !subshellHasTraps()) {
            return execInPlace(words, assigns, cmd.redirects());
        }
        // Both shells search PATH in the parent, before forking, and remember what they found.
        if (!name.contains("/") && !assigns.containsKey("PATH")) {
            String found = searchPath(name);
            if (found != null) {
                hashed.put(name, found);
            }
        }
        int pid = forkChild(child -> child.execInPlace(words, assigns, cmd.redirects()), true, 0);
        return waitForeground(List.of(pid), sourceText(cmd));
    }

    /** The first executable regular file called {@code name} on PATH, or null. */
    String searchPath(String name) {
        String path = getVar("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                isolab.sim.syscall.Stat st = sys.stat(candidate);
                if (st.isRegular() && (st.mode() & 0111) != 0) {
                    return candidate;
                }
            } catch (SysException e) {
                // not here
            }
        }
        return null;
    }

    /** A simple command as bash prints it in job reports: its words as written. */
    static String sourceText(Node.Simple cmd) {
        List<String> parts = new ArrayList<>();
        for (Node.Assign a : cmd.assignments()) {
            parts.add(a.name() + "=" + a.value().source());
        }
        for (Word w : cmd.words()) {
            parts.add(w.source());
        }
        return String.join(" ", parts);
    }

    private boolean subshellHasTraps() {
        return false;
    }

    private void trace(Map<String, String> assigns, List<String> words) {
        StringBuilder s = new StringBuilder(dialect.bash() ? "+ " : "+ ");
        List<String> parts = new ArrayList<>();
        assigns.forEach((k, v) -> parts.add(k + "=" + v));
        parts.addAll(words);
        s.append(String.join(" ", parts)).append('\n');
        proc.err(s.toString());
    }

    private int runBuiltin(Builtins.Builtin builtin, List<String> words, Map<String, String> assigns,
            List<Node.Redirect> redirects, boolean special) {
        Map<String, Var> restore = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : assigns.entrySet()) {
            if (!special) {
                restore.put(a.getKey(), vars.get(a.getKey()));
            }
            setVar(a.getKey(), a.getValue(), !special);
        }
        try {
            return withRedirects(redirects, () -> {
                try {
                    runningBuiltin = words.get(0);
                    return builtin.run(this, words);
                } catch (ReadonlyError e) {
                    error(dialect.bash() ? e.name + ": readonly variable" : e.name + ": is read only");
                    return 1;
                }
            });
        } finally {
            for (Map.Entry<String, Var> r : restore.entrySet()) {
                if (r.getValue() == null) {
                    vars.remove(r.getKey());
                } else {
                    vars.put(r.getKey(), r.getValue());
                }
            }
        }
    }

    private int runFunction(Node body, List<String> words, List<Node.Redirect> redirects) {
        List<String> savedPositional = positional;
        positional = new ArrayList<>(words.subList(1, words.size()));
        functionDepth++;
        pushLocals();
        try {
            return withRedirects(redirects, () -> run(body, false));
        } catch (Return r) {
            return r.status;
        } finally {
            popLocals();
            functionDepth--;
            positional = savedPositional;
        }
    }

    /** In the process that will become the command: redirect, then exec; returns only on failure. */
    int execInPlace(List<String> words, Map<String, String> assigns, List<Node.Redirect> redirects) {
        if (!new Redirections(this).apply(redirects, null)) {
            return 1;
        }
        return execCommand(words, assigns);
    }

    /** execve the command {@code words}, searching PATH; prints the shell's error and returns 126/127 on failure. */
    int execCommand(List<String> words, Map<String, String> assigns) {
        String name = words.get(0);
        List<String> env = environment(assigns, name);
        proc.flush();
        if (name.contains("/")) {
            try {
                sys.execve(name, words, env);
            } catch (SysException e) {
                return execFailed(name, words, env, e);
            }
        }
        SysException denied = null;
        String path = assigns.containsKey("PATH") ? assigns.get("PATH") : getVar("PATH");
        if (path == null) {
            path = "/usr/local/bin:/usr/bin:/bin";
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                if (!sys.stat(candidate).isRegular()) {
                    continue;
                }
            } catch (SysException e) {
                continue;
            }
            try {
                sys.execve(candidate, words, environment(assigns, candidate));
            } catch (SysException e) {
                if (e.errno() == Errno.EACCES) {
                    denied = e;
                    continue;
                }
                return execFailed(candidate, words, env, e);
            }
        }
        if (denied != null) {
            error(dialect.bash() ? name + ": Permission denied" : name + ": Permission denied");
            return 126;
        }
        return commandNotFound(name);
    }

    private int commandNotFound(String name) {
        if (Catalog.isKnownUnmodelled(name)) {
            error(name + ": not modelled in isolab");
            return 127;
        }
        if (dialect.bash()) {
            error(name + ": command not found");
        } else {
            error(name + ": not found");
        }
        return 127;
    }

    private int execFailed(String path, List<String> words, List<String> env, SysException e) {
        String name = words.get(0);
        if (e.errno() == Errno.ENOEXEC) {
            Shell script = new Shell(dialect, new Proc(sys, words, env));
            ShellSession session = new ShellSession(script);
            session.setUpVariables();
            script.scriptName = path;
            script.arg0 = path;
            script.positional = new ArrayList<>(words.subList(1, words.size()));
            return session.runScriptFile(path);
        }
        if (e.errno() == Errno.ENOENT) {
            if (dialect.bash()) {
                error(name + ": No such file or directory");
            } else {
                error(name + ": not found");
            }
            return 127;
        }
        if (e.errno() == Errno.EACCES && dialect.bash()) {
            try {
                if (sys.stat(path).isDirectory()) {
                    error(name + ": Is a directory");
                    return 126;
                }
            } catch (SysException ignored) {
                // fall through to the plain message
            }
        }
        error(name + ": " + e.strerror());
        return e.errno() == Errno.ENOENT ? 127 : 126;
    }

    /** Runs a command substitution: forks, collects standard output, strips trailing newlines. */
    String commandSubstitution(Node body) {
        if (body == null) {
            return "";
        }
        int[] pipe = sys.pipe(false);
        int pid = forkChild(child -> {
            child.sys.close(pipe[0]);
            if (pipe[1] != 1) {
                child.sys.dup2(pipe[1], 1);
                child.sys.close(pipe[1]);
            }
            return child.run(body, true);
        }, false, -1);
        sys.close(pipe[1]);
        String output;
        try {
            output = proc.readAll(pipe[0]);
        } finally {
            sys.close(pipe[0]);
        }
        int status = 0;
        while (true) {
            try {
                Wait.Reaped r = sys.wait4(pid, 0);
                status = shellStatus(r.status());
                break;
            } catch (SysException e) {
                if (e.errno() != Errno.EINTR) {
                    break;
                }
                sys.takeSignals();
            }
        }
        lastSubstStatus = status;
        lastStatus = status;
        int end = output.length();
        while (end > 0 && output.charAt(end - 1) == '\n') {
            end--;
        }
        return output.substring(0, end);
    }
}
