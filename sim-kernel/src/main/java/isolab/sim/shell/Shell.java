package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell: a user program that reads command lines, parses them into a {@link Node} tree and
 * runs it with system calls only (xv6's sh.c, grown to POSIX sh). One class serves bash and dash;
 * the {@link Dialect} decides their differences. This class is the state of one running shell
 * (parameters, options, functions, jobs, traps) and the entry points of both programs; the work
 * is done by its parts: {@link ShellSession} (start-up and input loops), {@link Parser},
 * {@link Eval} (the command tree), {@link SimpleCommand}, {@link Forks}, {@link JobStatus},
 * {@link Variables}, {@link Messages}, {@link Traps} and the builtins.
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
    /** The PID of the last child this shell forked. */
    int lastForked;
    /** bash after a failed fork: the child it will look for, in vain, after the next command line (0: none). */
    int lostChild;
    /** set -m: job control (process groups, the terminal's foreground, job notices); on in an interactive shell. */
    boolean monitor;
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
    /** Whether the shell runs a -c string (for $-). */
    boolean commandString;
    /** The command of {@code trap '...' EXIT}, run when the shell exits; null if none. */
    String exitTrap;
    /** Whether the parent of this subshell was an interactive shell with job control. */
    boolean jobsControlParent;

    final Traps traps = new Traps(this);
    final Messages messages = new Messages(this);
    final Variables variables = new Variables(this);
    final Eval eval = new Eval(this);
    final SimpleCommand simple = new SimpleCommand(this);
    final Forks forks = new Forks(this);
    final JobStatus jobStatus = new JobStatus(this);

    Shell(Dialect dialect, Proc proc) {
        this.dialect = dialect;
        this.proc = proc;
        this.sys = proc.sys();
        this.secondsBase = sys.monotonicTicks() / 1000;
    }

    /** bash's SECONDS (variables.c: get_seconds): the value last assigned plus whole clock seconds since. */
    long secondsBase;
    long secondsValue;

    /** The program {@code /bin/bash}. */
    public static int bash(Proc proc) {
        return new ShellSession(new Shell(Dialect.BASH, proc)).main();
    }

    /** The program {@code /bin/sh} (dash). */
    public static int dash(Proc proc) {
        return new ShellSession(new Shell(Dialect.DASH, proc)).main();
    }

    /**
     * busybox's ash (a static busybox run as {@code sh}): dash's grammar and builtins, busybox's
     * error prefix ({@code /bin/sh: cat: not found}); busybox's own applets are not modelled.
     */
    public static int busyboxAsh(Proc proc) {
        Shell sh = new Shell(Dialect.DASH, proc);
        sh.busybox = true;
        return new ShellSession(sh).main();
    }

    /** Whether this is busybox's ash rather than dash. */
    boolean busybox;

    /** An error that abandons the rest of the command line (an unbound variable, ${x?}): status, then the next prompt. */
    static final class AbortLine extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        AbortLine(int status) {
            super(null, null, false, false);
            this.status = status;
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

    /** A piece of work run with redirections in place. */
    interface Body {
        int run();
    }

    /** What a forked child of the shell runs. */
    interface ChildBody {
        int run(Shell child);
    }

    // ---- the parts, as the builtins and the session call them ---------------------------------

    /** Prints a runtime error the way the dialect does ({@link Messages}). */
    void error(String message) {
        messages.error(message);
    }

    void error(String message, int line) {
        messages.error(message, line);
    }

    void syntaxError(Parser.SyntaxError err, String text, int line) {
        messages.syntaxError(err, text, line);
    }

    void syntaxEof(Parser.Incomplete more, int line) {
        messages.syntaxEof(more, line);
    }

    static String dashOpenError(isolab.sim.syscall.SysException e) {
        return Messages.dashOpenError(e);
    }

    /** The shell's variables as arithmetic reads and assigns them: {@code $((x += 1))} sets x. */
    Arith.Vars arithVars() {
        return new Arith.Vars() {
            @Override
            public String get(String name) {
                return getVar(name);
            }

            @Override
            public void set(String name, String value) {
                setVar(name, value, false);
            }
        };
    }

    /** The value of a variable or special parameter, or null if unset ({@link Variables}). */
    String getVar(String name) {
        return variables.getVar(name);
    }

    void setVar(String name, String value, boolean export) {
        variables.setVar(name, value, export);
    }

    void unsetVar(String name) {
        variables.unsetVar(name);
    }

    boolean makeLocal(String name) {
        return variables.makeLocal(name);
    }

    List<String> environment(Map<String, String> extra) {
        return variables.environment(extra);
    }

    /** Runs {@code node} ({@link Eval}); {@code last} says the shell will exit right after. */
    int run(Node node, boolean last) {
        return eval.run(node, last);
    }

    int withRedirects(List<Node.Redirect> redirects, Body body) {
        return eval.withRedirects(redirects, body);
    }

    int forkChild(ChildBody body, boolean foregroundGroupOfItsOwn, int joinGroup) {
        return forks.forkChild(body, foregroundGroupOfItsOwn, joinGroup);
    }

    String commandSubstitution(Node body) {
        return forks.commandSubstitution(body);
    }

    int execCommand(List<String> words, Map<String, String> assigns) {
        return simple.execCommand(words, assigns);
    }

    int execInPlace(List<String> words, Map<String, String> assigns, List<Node.Redirect> redirects) {
        return simple.execInPlace(words, assigns, redirects);
    }

    int waitForeground(List<Integer> pids, String text) {
        return jobStatus.waitForeground(pids, text);
    }

    void backgroundReaped(int pid, int waitStatus) {
        jobStatus.backgroundReaped(pid, waitStatus);
    }

    void reapJobs(boolean notify) {
        jobStatus.reapJobs(notify);
    }

    String jobLine(Jobs.Job job, String state, String text) {
        return jobStatus.jobLine(job, state, text);
    }

    /** The shell's view of a wait status: the exit code, or 128 + the signal. */
    static int shellStatus(int waitStatus) {
        return JobStatus.shellStatus(waitStatus);
    }

    // ---- a forked child's copy -----------------------------------------------------------------

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

    /** Flushes the child's buffered output and returns its exit status. */
    int exitWith(int status) {
        proc.flush();
        return status;
    }
}
