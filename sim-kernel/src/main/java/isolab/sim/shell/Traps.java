package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.syscall.Syscalls;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shell's traps (bash trap.c, dash trap.c): a command per signal, run by the shell between
 * commands once the signal has arrived. The kernel side is a caught disposition; the handler is
 * the shell noticing the pending signal at its next step, so a trap runs after the command during
 * which its signal came, as both shells do. {@code EXIT} runs when the shell leaves.
 *
 * <p>Simplifies: no {@code ERR}, {@code DEBUG} or {@code RETURN} pseudo-signals (they say so).
 */
final class Traps {

    private final Shell sh;
    /** Commands by signal number; an empty command ignores the signal. */
    private final Map<Integer, String> commands = new TreeMap<>();
    /** Signals that arrived while the shell could not run traps (waiting, or inside a trap). */
    private long deferred;
    private boolean running;

    Traps(Shell sh) {
        this.sh = sh;
    }

    /** Whether any signal has a command (bash then forks where it would exec, to run it). */
    boolean any() {
        for (String command : commands.values()) {
            if (!command.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code sig} has a command. */
    boolean has(int sig) {
        String command = commands.get(sig);
        return command != null && !command.isEmpty();
    }

    /** The ignored traps only: what a forked child keeps (commands are reset to default there). */
    void copyIgnoredTo(Traps child) {
        commands.forEach((sig, command) -> {
            if (command.isEmpty()) {
                child.commands.put(sig, command);
            }
        });
    }

    /** The signals with a command, as a mask: a forked child resets them to their default action. */
    long caught() {
        long mask = 0;
        for (Map.Entry<Integer, String> e : commands.entrySet()) {
            if (!e.getValue().isEmpty()) {
                mask |= Signal.bit(e.getKey());
            }
        }
        return mask;
    }

    /** In a forked child: the signals of {@code caught} go back to their default action. */
    static void resetInChild(Syscalls sys, long caught) {
        for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
            if ((caught & Signal.bit(sig)) != 0) {
                sys.sigaction(sig, Syscalls.Disposition.DEFAULT);
            }
        }
    }

    /**
     * A blocking builtin (wait, read) was interrupted by a caught signal: runs the traps and
     * returns the builtin's status, 128 + the signal, or 0 when only SIGCHLD came (keep waiting).
     */
    int interrupted(long signals) {
        handle(signals);
        for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
            if ((signals & Signal.bit(sig)) != 0 && sig != Signal.SIGCHLD && has(sig)) {
                return 128 + sig;
            }
        }
        return 0;
    }

    /** Caught signals taken during a wait for a foreground job: kept for later, but for SIGINT without a trap. */
    void deferDuringWait(long signals) {
        if (!has(Signal.SIGINT)) {
            signals &= ~Signal.bit(Signal.SIGINT);
        }
        deferred |= signals;
    }

    /**
     * Acts on {@code signals} (taken from the kernel) and on deferred ones: runs their traps in
     * signal order; an untrapped SIGINT abandons the command line ({@link Shell.Interrupt}).
     */
    void handle(long signals) {
        signals |= deferred;
        deferred = 0;
        if (signals == 0) {
            return;
        }
        if (running) {
            deferred = signals;
            return;
        }
        if ((signals & Signal.bit(Signal.SIGINT)) != 0 && !has(Signal.SIGINT)) {
            throw new Shell.Interrupt();
        }
        for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
            if ((signals & Signal.bit(sig)) != 0 && has(sig)) {
                run(commands.get(sig));
            }
        }
    }

    /** Runs a trap's command; {@code $?} is the same before and after it, as in both shells. */
    private void run(String command) {
        int saved = sh.lastStatus;
        running = true;
        try {
            Node node = Parser.parse(command + "\n", sh.dialect.bash(), 1);
            if (node != null) {
                sh.run(node, false);
            }
        } catch (Parser.Incomplete | Parser.SyntaxError | Parser.BadSubstitution | Parser.ArraysNotModelled e) {
            // a trap that does not parse runs nothing
        } finally {
            running = false;
            sh.lastStatus = saved;
        }
    }

    // ---- the builtin -------------------------------------------------------------------------

    /** {@code trap [-lp] [[action] condition...]}. */
    static int builtin(Shell sh, List<String> w) {
        List<String> args = w.subList(1, w.size());
        if (!args.isEmpty() && sh.dialect.bash() && args.get(0).equals("-l")) {
            return JobBuiltins.listSignals(sh, List.of());
        }
        boolean print = false;
        if (!args.isEmpty() && sh.dialect.bash() && args.get(0).equals("-p")) {
            print = true;
            args = args.subList(1, args.size());
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty() || print) {
            return Builtins.out(sh, sh.traps.listing(args)) ? 0 : 1;
        }
        String action = args.get(0);
        List<String> conditions = args.subList(1, args.size());
        if (action.matches("\\d+")) {
            // POSIX: an unsigned integer first means every operand is a condition to reset.
            conditions = args;
            action = "-";
        }
        if (conditions.isEmpty()) {
            // A single operand is a condition to reset, in both shells.
            conditions = args;
            action = "-";
        }
        int status = 0;
        for (String condition : conditions) {
            int sig = number(condition);
            if (sig == -2) {
                sh.error("trap: " + condition + ": not modelled in isolab");
                status = 2;
                continue;
            }
            if (sig < 0) {
                if (sh.dialect.bash()) {
                    sh.error("trap: " + condition + ": invalid signal specification");
                } else {
                    sh.proc.err("trap: " + condition + ": bad trap\n");
                }
                status = 1;
                continue;
            }
            sh.traps.set(sig, action);
        }
        return status;
    }

    /** The signal of a trap condition: 0 for EXIT, -2 for bash's unmodelled pseudo-signals, -1 if invalid. */
    private static int number(String condition) {
        String upper = condition.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("EXIT") || upper.equals("0") || upper.equals("SIGEXIT")) {
            return 0;
        }
        if (upper.equals("ERR") || upper.equals("DEBUG") || upper.equals("RETURN")) {
            return -2;
        }
        return VariableBuiltins.signalNumber(condition);
    }

    /** Sets the trap of {@code sig} (0 = EXIT): {@code -} resets, an empty action ignores. */
    private void set(int sig, String action) {
        if (sig == 0) {
            sh.exitTrap = action.equals("-") ? null : action;
            return;
        }
        if (action.equals("-")) {
            commands.remove(sig);
            sh.sys.sigaction(sig, shellOwnDisposition(sig));
            return;
        }
        commands.put(sig, action);
        if (sig != Signal.SIGKILL && sig != Signal.SIGSTOP) {
            sh.sys.sigaction(sig, action.isEmpty() ? Syscalls.Disposition.IGNORE : Syscalls.Disposition.CATCH);
        }
    }

    /** What an interactive shell does with a signal when no trap is set (ShellSession's start-up). */
    private Syscalls.Disposition shellOwnDisposition(int sig) {
        if (!sh.interactive) {
            return Syscalls.Disposition.DEFAULT;
        }
        if (sig == Signal.SIGINT) {
            return Syscalls.Disposition.CATCH;
        }
        boolean ignored = sig == Signal.SIGQUIT || sig == Signal.SIGTSTP || sig == Signal.SIGTTIN || sig == Signal.SIGTTOU
                || (sig == Signal.SIGTERM && sh.dialect.bash());
        return ignored ? Syscalls.Disposition.IGNORE : Syscalls.Disposition.DEFAULT;
    }

    /** {@code trap} with no action: {@code trap -- 'cmd' SIGINT} lines, EXIT first (bash names SIG*, dash bare). */
    private String listing(List<String> only) {
        StringBuilder s = new StringBuilder();
        if (sh.exitTrap != null && (only.isEmpty() || only.stream().anyMatch(c -> number(c) == 0))) {
            s.append("trap -- ").append(quote(sh.exitTrap)).append(" EXIT\n");
        }
        commands.forEach((sig, command) -> {
            if (only.isEmpty() || only.stream().anyMatch(c -> number(c) == sig)) {
                s.append("trap -- ").append(quote(command)).append(' ')
                        .append(sh.dialect.bash() ? "SIG" : "").append(Signal.name(sig)).append('\n');
            }
        });
        return s.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
