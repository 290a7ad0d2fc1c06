package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shell's life from its command line to its exit: option parsing ({@code -c}, {@code -i},
 * scripts, {@code --norc}), the variables a shell sets up at start, and the loops that read
 * commands - interactively from a terminal (with job notifications before each prompt and PS2
 * continuation), from a pipe line by line, or from a script or {@code -c} string at once.
 */
final class ShellSession {

    private final Shell sh;

    ShellSession(Shell sh) {
        this.sh = sh;
    }

    // ---- start-up ----------------------------------------------------------------------------

    int main() {
        List<String> args = sh.proc.args();
        sh.arg0 = sh.proc.argv().isEmpty() ? (sh.dialect.bash() ? "bash" : "sh") : sh.proc.argv().get(0);
        String command = null;
        boolean forceInteractive = false;
        boolean readStdin = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (sh.dialect.bash() && a.startsWith("--")) {
                switch (a) {
                    case "--norc", "--noprofile", "--login", "--posix", "--noediting", "--restricted" -> {
                        continue;
                    }
                    case "--version" -> {
                        sh.proc.out("GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n");
                        return sh.proc.exit(0);
                    }
                    default -> {
                        sh.proc.err(sh.arg0 + ": " + a + ": invalid option\n");
                        sh.proc.err("Usage:\t" + sh.arg0 + " [GNU long option] [option] ...\n\t" + sh.arg0
                                + " [GNU long option] [option] script-file ...\n");
                        return 2;
                    }
                }
            }
            if (a.length() > 1 && (a.charAt(0) == '-' || a.charAt(0) == '+') && !a.equals("-")) {
                boolean on = a.charAt(0) == '-';
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    switch (c) {
                        case 'c' -> command = "";
                        case 'i' -> forceInteractive = on;
                        case 's' -> readStdin = true;
                        case 'e' -> sh.errexit = on;
                        case 'x' -> sh.xtrace = on;
                        case 'u' -> sh.nounset = on;
                        case 'f' -> sh.noglob = on;
                        case 'l', 'm', 'p', 'h', 'v', 'n', 'a', 'b', 'C', 'E', 'T', 'P', 'H', 'B', 'k', 't' -> {
                        }
                        default -> {
                            if (sh.dialect.bash()) {
                                sh.proc.err(sh.arg0 + ": -" + c + ": invalid option\n");
                                sh.proc.err("Usage:\t" + sh.arg0 + " [GNU long option] [option] ...\n\t" + sh.arg0
                                        + " [GNU long option] [option] script-file ...\n");
                            } else {
                                sh.proc.err(sh.arg0 + ": 0: Illegal option -" + c + "\n");
                            }
                            return 2;
                        }
                    }
                }
                continue;
            }
            break;
        }
        List<String> rest = args.subList(Math.min(i, args.size()), args.size());
        setUpVariables();
        if (command != null) {
            if (rest.isEmpty()) {
                sh.proc.err(sh.arg0 + (sh.dialect.bash() ? ": -c: option requires an argument\n" : ": 0: -c requires an argument\n"));
                return 2;
            }
            String text = rest.get(0);
            if (rest.size() > 1) {
                sh.arg0 = rest.get(1);
                sh.positional = new ArrayList<>(rest.subList(2, rest.size()));
            }
            sh.execLast = sh.dialect.bash();
            sh.commandString = true;
            return finish(runString(text, true));
        }
        if (!rest.isEmpty() && !readStdin) {
            sh.scriptName = rest.get(0);
            sh.arg0 = sh.scriptName;
            sh.positional = new ArrayList<>(rest.subList(1, rest.size()));
            return finish(runScriptFile(sh.scriptName));
        }
        sh.positional = new ArrayList<>(rest);
        sh.interactive = forceInteractive || sh.sys.isatty(0) && sh.sys.isatty(2);
        sh.interactiveShell = sh.interactive;
        sh.monitor = sh.interactive;
        if (sh.interactive) {
            return finish(interactiveLoop());
        }
        return finish(readLoop());
    }

    /** Runs the EXIT trap, if one was set, and leaves with {@code status}. */
    private int finish(int status) {
        if (sh.exitTrap != null) {
            String trap = sh.exitTrap;
            sh.exitTrap = null;
            sh.lastStatus = status;
            try {
                Node node = Parser.parse(trap + "\n", sh.dialect.bash(), 1);
                if (node != null) {
                    sh.run(node, false);
                }
            } catch (RuntimeException e) {
                // a broken trap does not change the exit status
            }
        }
        return status;
    }

    void setUpVariables() {
        for (Map.Entry<String, String> e : sh.proc.env().entrySet()) {
            if (Parser.isName(e.getKey())) {
                sh.vars.put(e.getKey(), new Shell.Var(e.getValue(), true));
            }
        }
        sh.shellPid = sh.sys.getpid();
        sh.parentPid = sh.sys.getppid();
        sh.setVar("IFS", " \t\n", false);
        sh.setVar("PPID", String.valueOf(sh.parentPid), false);
        if (!sh.vars.containsKey("PS1")) {
            sh.setVar("PS1", sh.sys.geteuid() == 0 ? "# " : "$ ", false);
        }
        sh.setVar("PS2", "> ", false);
        sh.setVar("OPTIND", "1", false);
        try {
            String cwd = sh.sys.getcwd();
            Shell.Var pwd = sh.vars.get("PWD");
            if (pwd == null || !pwd.value.equals(cwd)) {
                sh.setVar("PWD", cwd, sh.dialect.bash() || pwd != null);
            }
            if (!sh.dialect.bash()) {
                sh.vars.get("PWD").exported = true;
            }
        } catch (SysException e) {
            // cwd unreachable: leave PWD alone
        }
        if (sh.dialect.bash()) {
            int level = 0;
            try {
                level = Integer.parseInt(sh.vars.containsKey("SHLVL") ? sh.vars.get("SHLVL").value : "0");
            } catch (NumberFormatException e) {
                level = 0;
            }
            sh.setVar("SHLVL", String.valueOf(level + 1), true);
            sh.setVar("UID", String.valueOf(sh.sys.getuid()), false);
            sh.setVar("EUID", String.valueOf(sh.sys.geteuid()), false);
            sh.setVar("HOSTNAME", sh.sys.uname().nodename(), false);
            sh.setVar("BASH", "/usr/bin/bash", false);
            sh.setVar("BASH_VERSION", "5.2.15(1)-release", false);
            sh.setVar("HOSTTYPE", "x86_64", false);
            sh.setVar("OSTYPE", "linux-gnu", false);
            sh.setVar("MACHTYPE", "x86_64-pc-linux-gnu", false);
        }
    }

    // ---- input loops -------------------------------------------------------------------------

    private int interactiveLoop() {
        // bash keeps its terminal open on fd 255 and dash on fd 10, both close-on-exec
        // (measured in /proc/PID/fd); a child's fd table keeps that size (FDSize 256 under bash).
        try {
            sh.sys.dupAtLeast(0, sh.dialect.bash() ? 255 : 10, true);
        } catch (SysException e) {
            // no terminal on fd 0
        }
        sh.initialTtyPgrp = safeTcgetpgrp();
        for (int sig : new int[] {Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGTSTP, Signal.SIGTTIN, Signal.SIGTTOU}) {
            if (sig != Signal.SIGTERM || sh.dialect.bash()) {
                sh.sys.sigaction(sig, Syscalls.Disposition.IGNORE);
            }
        }
        sh.sys.sigaction(Signal.SIGINT, Syscalls.Disposition.CATCH);
        try {
            sh.sys.setpgid(0, 0);
        } catch (SysException e) {
            // already a group leader (the terminal's session leader)
        }
        try {
            sh.sys.tcsetpgrp(0, sh.sys.getpid());
        } catch (SysException e) {
            // not our terminal to take
        }
        StringBuilder pending = new StringBuilder();
        int linesRead = 0;
        while (true) {
            if (pending.length() == 0) {
                runTrapsAtPrompt(sh.sys.takeSignals());
                // Measured: a job that changes state as a result of the command just sh.run (kill %1,
                // a background job just started) is reported after the next command, because bash
                // shows its prompt before the child gets to run; so no yield here.
                sh.reapJobs(true);
            }
            String line;
            try {
                sh.sys.promptStatus(sh.lastStatus, pending.length() == 0);
                line = readLine(0);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    runTrapsAtPrompt(sh.sys.takeSignals());
                    pending.setLength(0);
                    continue;
                }
                line = null;
            } finally {
                sh.sys.promptDone();
            }
            if (line == null) {
                if (sh.dialect.bash()) {
                    sh.proc.err("exit\n");
                }
                return finish(exitShell(sh.lastStatus));
            }
            linesRead++;
            pending.append(line);
            Node node;
            try {
                node = Parser.parse(pending.toString(), sh.dialect.bash(), linesRead - Words.count(pending, '\n') + 1);
            } catch (Parser.Incomplete more) {
                continue;
            } catch (Parser.SyntaxError err) {
                sh.syntaxError(err, pending.toString().trim(), linesRead);
                sh.lastStatus = err.conditionalMessage() != null ? sh.lastStatus : 2;
                pending.setLength(0);
                continue;
            } catch (Parser.BadSubstitution bad) {
                sh.error("${...}: bad substitution", linesRead);
                sh.lastStatus = 1;
                pending.setLength(0);
                continue;
            } catch (Parser.ArraysNotModelled arrays) {
                sh.error("arrays are not modelled in isolab", linesRead);
                sh.lastStatus = 2;
                pending.setLength(0);
                continue;
            }
            pending.setLength(0);
            sh.lineBase = 0;
            sh.reapJobs(false);
            if (node == null) {
                continue;
            }
            try {
                sh.lastStatus = sh.run(node, false);
            } catch (Shell.ExitShell exit) {
                return finish(exitShell(exit.status));
            } catch (Shell.Interrupt interrupt) {
                sh.proc.err("\n");
                sh.lastStatus = 130;
            } catch (Shell.AbortLine abort) {
                sh.lastStatus = abort.status;
            } catch (Shell.LoopControl | Shell.Return stray) {
                // break/continue/return outside their construct: ignored, as bash does
            }
        }
    }

    /** At the prompt: traps run; a SIGINT without one only discards what was typed. */
    private void runTrapsAtPrompt(long signals) {
        try {
            sh.traps.handle(signals);
        } catch (Shell.Interrupt interrupt) {
            // Ctrl-C at the prompt: a fresh line, nothing else
        } catch (Shell.ExitShell exit) {
            throw exit;
        }
    }

    private int safeTcgetpgrp() {
        try {
            return sh.sys.tcgetpgrp(0);
        } catch (SysException e) {
            return -1;
        }
    }

    /** Leaves an sh.interactive shell: dash gives the terminal back to its original process group. */
    private int exitShell(int status) {
        if (sh.interactive && !sh.dialect.bash() && sh.initialTtyPgrp >= 0) {
            try {
                sh.sys.tcsetpgrp(0, sh.initialTtyPgrp);
            } catch (SysException e) {
                // dash sh.jobs.c: setjobctl(0) -> xtcsetpgrp, reported as an error.
                sh.proc.err(sh.arg0 + ": " + currentLineForDash() + ": Cannot set tty process group (" + e.strerror() + ")\n");
                return 2;
            }
        }
        return status;
    }

    private int currentLineForDash() {
        return sh.currentLine;
    }

    /** Reads commands from a non-terminal standard input, one line at a time, running each. */
    private int readLoop() {
        StringBuilder pending = new StringBuilder();
        int linesRead = 0;
        while (true) {
            String line = readLine(0);
            if (line == null) {
                if (pending.length() > 0) {
                    try {
                        Parser.parse(pending.toString(), sh.dialect.bash(), linesRead);
                    } catch (Parser.Incomplete more) {
                        sh.syntaxEof(more, linesRead);
                        return 2;
                    } catch (RuntimeException ignored) {
                        return 2;
                    }
                }
                return sh.lastStatus;
            }
            linesRead++;
            pending.append(line);
            Node node;
            try {
                node = Parser.parse(pending.toString(), sh.dialect.bash(), linesRead - Words.count(pending, '\n') + 1);
            } catch (Parser.Incomplete more) {
                continue;
            } catch (Parser.SyntaxError err) {
                sh.syntaxError(err, pending.toString().trim(), linesRead);
                return 2;
            } catch (Parser.BadSubstitution bad) {
                sh.error("Bad substitution", linesRead);
                return 2;
            } catch (Parser.ArraysNotModelled arrays) {
                sh.error("arrays are not modelled in isolab", linesRead);
                return 2;
            }
            pending.setLength(0);
            if (node != null) {
                try {
                    sh.lastStatus = sh.run(node, false);
                } catch (Shell.ExitShell exit) {
                    return exit.status;
                } catch (Shell.LoopControl | Shell.Return stray) {
                    // ignored outside their construct
                }
            }
        }
    }

    int runScriptFile(String path) {
        String text;
        try {
            text = sh.proc.readFile(path);
        } catch (SysException e) {
            if (sh.dialect.bash()) {
                sh.proc.err(sh.proc.argv().get(0) + ": " + path + ": " + e.strerror() + "\n");
            } else {
                sh.proc.err(sh.proc.argv().get(0) + ": 0: cannot open " + path + ": " + Shell.dashOpenError(e) + "\n");
            }
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        return runString(text, false);
    }

    /** Parses and runs a whole string (the argument of -c, a script, eval). */
    int runString(String text, boolean commandString) {
        Node node;
        try {
            node = Parser.parse(text.endsWith("\n") ? text : text + "\n", sh.dialect.bash(), 1);
        } catch (Parser.Incomplete more) {
            int lines = Words.count(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, '\n') + 1;
            sh.syntaxEof(sh.dialect.bash() ? more : new Parser.Incomplete(more.expecting(), Math.min(more.line(), lines)),
                    lines + (sh.dialect.bash() ? 1 : 0));
            return 2;
        } catch (Parser.SyntaxError err) {
            sh.syntaxError(err, lineOf(text, err.line()), err.line());
            return err.conditionalMessage() != null ? sh.lastStatus : 2;
        } catch (Parser.BadSubstitution bad) {
            if (sh.dialect.bash()) {
                sh.error("${...}: bad substitution", bad.line());
            } else {
                sh.error("Bad substitution", bad.line());
            }
            return 2;
        } catch (Parser.ArraysNotModelled arrays) {
            sh.error("arrays are not modelled in isolab", arrays.line());
            return 2;
        }
        if (node == null) {
            return 0;
        }
        try {
            sh.lastStatus = sh.run(node, sh.execLast && sh.exitTrap == null && !sh.traps.any());
        } catch (Shell.ExitShell exit) {
            return exit.status;
        } catch (Shell.LoopControl | Shell.Return stray) {
            return sh.lastStatus;
        } catch (Shell.AbortLine abort) {
            return abort.status;
        }
        return sh.lastStatus;
    }

    private static String lineOf(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line - 1 < lines.length && line >= 1 ? lines[line - 1] : text;
    }

    /** Reads one line (with its newline) from {@code fd}; null at end of input. */
    String readLine(int fd) {
        if (sh.sys.isatty(fd)) {
            byte[] buffer = new byte[4096];
            int n = sh.sys.read(fd, buffer, 0, buffer.length);
            if (n <= 0) {
                return null;
            }
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            int n = sh.sys.read(fd, one, 0, 1);
            if (n <= 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            line.write(one[0]);
            if (one[0] == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
        }
    }

}
