package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.shell.Shell.ChildBody;
import isolab.sim.shell.Shell.ExitShell;
import isolab.sim.shell.Shell.LoopControl;
import isolab.sim.shell.Shell.Return;
import isolab.sim.shell.Shell.Var;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the shell forks for (dash jobs.c: forkshell): a copy of the shell for the child,
 * process groups and the terminal's foreground under job control, subshells, pipelines (every
 * element a child), background jobs, and command substitutions read through a pipe. A fork that
 * fails ends the shell as each real one does (bash: status 254, dash: 2).
 */
final class Forks {

    private final Shell sh;

    Forks(Shell sh) {
        this.sh = sh;
    }

    /** A copy of this shell for a forked child, taken now (the parent goes on changing its own). */
    private Shell copyForChild() {
        Shell copy = new Shell(sh.dialect, sh.proc);
        for (Map.Entry<String, Var> e : sh.vars.entrySet()) {
            Var v = new Var(e.getValue().value, e.getValue().exported);
            v.readonly = e.getValue().readonly;
            copy.vars.put(e.getKey(), v);
        }
        copy.functions.putAll(sh.functions);
        copy.hashed.putAll(sh.hashed);
        copy.positional = new ArrayList<>(sh.positional);
        copy.arg0 = sh.arg0;
        copy.lastStatus = sh.lastStatus;
        copy.lastBackground = sh.lastBackground;
        copy.secondsBase = sh.secondsBase;
        copy.secondsValue = sh.secondsValue;
        copy.shellPid = sh.shellPid;
        copy.parentPid = sh.parentPid;
        copy.interactive = false;
        copy.interactiveShell = sh.interactiveShell;
        copy.subshell = true;
        copy.errexit = sh.errexit;
        copy.xtrace = sh.xtrace;
        copy.nounset = sh.nounset;
        copy.noglob = sh.noglob;
        copy.scriptName = sh.scriptName;
        copy.currentLine = sh.currentLine;
        copy.jobsControlParent = sh.interactive;
        copy.busybox = sh.busybox;
        sh.traps.copyIgnoredTo(copy.traps);
        return copy;
    }

    /** Forks a child that runs {@code body} in a copy of this shell; returns its PID. */
    int forkChild(ChildBody body, boolean foregroundGroupOfItsOwn, int joinGroup) {
        return forkChild(body, foregroundGroupOfItsOwn, joinGroup, false);
    }

    /**
     * {@link #forkChild(ChildBody, boolean, int)}; {@code listElement}: for a pipeline element or a
     * background job, whose failed fork dash reports at line 0 (measured: its NBACKGND and NPIPE
     * nodes carry no line number).
     */
    private int forkChild(ChildBody body, boolean foregroundGroupOfItsOwn, int joinGroup, boolean listElement) {
        Shell copy = copyForChild();
        boolean jobControl = sh.monitor && joinGroup >= 0;
        boolean foreground = foregroundGroupOfItsOwn && joinGroup == 0;
        long trapped = sh.traps.caught();
        int pid = makeChild(childSys -> runChild(copy.attach(childSys), body, jobControl, foreground, joinGroup, trapped),
                listElement);
        sh.lastForked = pid;
        if (jobControl) {
            try {
                sh.sys.setpgid(pid, joinGroup == 0 ? pid : joinGroup);
            } catch (SysException e) {
                // the child did it already, or has exited
            }
        }
        return pid;
    }

    /** bash's jobs.c: FORKSLEEP_MAX: the sleeps between tries double from 1 second up to 8. */
    private static final int FORKSLEEP_MAX = 16;

    /**
     * fork(2) as each shell calls it. bash's make_child retries EAGAIN (a pids limit): it reaps
     * what children it can, says {@code fork: retry: Resource temporarily unavailable}, sleeps 1,
     * 2, 4, then 8 seconds, and after the fifth refusal gives up (measured: 4 retries in 15
     * seconds). dash gives up at once.
     */
    private int makeChild(java.util.function.ToIntFunction<Syscalls> child, boolean listElement) {
        int forksleep = 1;
        while (true) {
            try {
                return sh.sys.fork(child);
            } catch (SysException e) {
                if (!sh.dialect.bash() || e.errno() != Errno.EAGAIN || forksleep >= FORKSLEEP_MAX) {
                    throw forkFailed(e, listElement);
                }
                sh.reapJobs(false);
                sh.messages.sysError("fork: retry: " + e.strerror());
                if (!sleepBeforeRetry(forksleep)) {
                    throw forkFailed(e, listElement);
                }
                forksleep <<= 1;
            }
        }
    }

    /**
     * make_child's {@code sleep(forksleep)}, with SIGCHLD unblocked: a child's exit interrupts
     * it, bash's handler reaps the child (so its pids charge goes), and sleep(3) returns the
     * whole seconds left, so bash goes on only if less than a second was left (measured: a
     * child ending 0.5 s before the end of the 2-second sleep lets the next try succeed at
     * once). A Ctrl-C ends the retries. Returns whether to try again.
     */
    private boolean sleepBeforeRetry(int seconds) {
        long deadline = sh.sys.monotonicTicks() + seconds * 1000L;
        boolean catching = !sh.traps.has(Signal.SIGCHLD);
        if (catching) {
            sh.sys.sigaction(Signal.SIGCHLD, Syscalls.Disposition.CATCH);
        }
        try {
            sh.sys.nanosleep(seconds * 1000L);
            return true;
        } catch (SysException e) {
            if (e.errno() != Errno.EINTR) {
                throw e;
            }
            long signals = sh.sys.takeSignals();
            sh.reapJobs(false);
            long leftSeconds = (deadline - sh.sys.monotonicTicks()) / 1000;
            sh.traps.deferDuringWait(catching ? signals & ~Signal.bit(Signal.SIGCHLD) : signals);
            return leftSeconds == 0 && (signals & Signal.bit(Signal.SIGINT)) == 0;
        } finally {
            if (catching) {
                sh.sys.sigaction(Signal.SIGCHLD, Syscalls.Disposition.DEFAULT);
            }
        }
    }

    /**
     * What a failed fork does (measured in a PID namespace whose init has exited, where fork gets
     * ENOMEM, and under a pids limit, EAGAIN): bash says {@code bash: fork: Cannot allocate
     * memory} (no line number: error.c: sys_error), status 254, dash {@code sh: N: Cannot fork},
     * status 2; a script or {@code -c} string ends there, an interactive shell abandons the line
     * and reads the next. bash 5.2 then still looks for the last child it made
     * ({@link #waitForLostChild}).
     */
    private RuntimeException forkFailed(SysException e, boolean listElement) {
        int status = sh.dialect.bash() ? 254 : 2;
        if (sh.dialect.bash()) {
            sh.messages.sysError("fork: " + e.strerror());
        } else if (sh.busybox) {
            sh.error("can't fork: " + e.strerror());   // busybox ash (measured: `sh: can't fork: ...`, 2)
        } else if (listElement) {
            sh.error("Cannot fork", 0);
        } else {
            sh.error("Cannot fork");
        }
        if (!sh.interactive) {
            return new ExitShell(status);
        }
        if (sh.dialect.bash()) {
            sh.lostChild = sh.lastForked;
        }
        return new Shell.AbortLine(status);
    }

    /**
     * bash 5.2 after a fork failed in an interactive shell (execute_cmd.c, cm_simple): the failure
     * left already_making_children set, so the next simple command that makes no child of its own
     * ends with wait_for(last_made_pid), the last child made before the failure (measured: `echo
     * a; echo b` prints a, then the message, then b). A child still running is waited for, and
     * its status is the command's; one already gone gives {@code wait_for: No record of process
     * N}, status 127. A command that forks is waited for as usual, and the matter ends there.
     */
    int waitForLostChild(int status) {
        int lost = sh.lostChild;
        sh.lostChild = 0;
        if (sh.lastForked != lost) {
            return status;
        }
        while (true) {
            try {
                Wait.Reaped r = sh.sys.wait4(lost, 0);
                sh.jobs.childExited(lost, r.status());
                sh.reapJobs(true);
                return JobStatus.shellStatus(r.status());
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    sh.traps.deferDuringWait(sh.sys.takeSignals());   // bash waits on through Ctrl-C (measured)
                    continue;
                }
                Jobs.Job job = sh.jobs.byPid(lost);
                if (job != null && job.done()) {
                    return JobStatus.shellStatus(job.lastStatus());
                }
                sh.error("wait_for: No record of process " + lost);
                return 127;
            }
        }
    }

    /**
     * In the child: joins its process group (and takes the terminal's foreground) under job
     * control, resets the signals its parent handled, runs {@code body} and exits with its status.
     */
    private static int runChild(Shell child, ChildBody body, boolean jobControl, boolean foreground, int joinGroup,
            long trapped) {
        if (jobControl) {
            try {
                child.sys.setpgid(0, joinGroup);
            } catch (SysException e) {
                // the parent did it first
            }
            if (foreground) {
                try {
                    child.sys.tcsetpgrp(0, child.sys.getpid());
                } catch (SysException e) {
                    // no terminal
                }
            }
        }
        child.resetSignalsForChild();
        Traps.resetInChild(child.sys, trapped);
        try {
            return child.exitWith(body.run(child));
        } catch (ExitShell exit) {
            return child.exitWith(exit.status);
        } catch (LoopControl | Return stray) {
            return child.exitWith(child.lastStatus);
        }
    }

    /**
     * Runs {@code node} in a child forked for it (a pipeline element, a background job): a
     * subshell is that child itself, not a fork of it (measured: {@code (ps; true) | cat} and
     * {@code (ps; true) &} show one shell for the parentheses), and the child exits after.
     */
    private static int runForked(Shell child, Node node) {
        if (node instanceof Node.Subshell sub) {
            return child.withRedirects(sub.redirects(), () -> child.run(sub.body(), true));
        }
        return child.run(node, true);
    }

    int runSubshell(Node.Subshell sub) {
        int pid = forkChild(child -> child.withRedirects(sub.redirects(), () -> child.run(sub.body(), true)), true, 0);
        return sh.jobStatus.waitForeground(List.of(pid), "(" + "...)");
    }

    int runPipeline(Node.Pipeline pipeline) {
        List<Node> commands = pipeline.commands();
        if (commands.size() == 1) {
            return sh.run(commands.get(0), false);
        }
        return sh.jobStatus.waitForeground(startPipeline(commands, true), null);
    }

    /**
     * Forks every element of a pipeline from this shell, each a child of it in one process group
     * under job control; returns their PIDs. A foreground pipeline's first element takes the
     * terminal; a background one's elements are set up as any background job's.
     */
    private List<Integer> startPipeline(List<Node> commands, boolean foreground) {
        boolean jobControl = sh.monitor;
        List<Integer> pids = new ArrayList<>();
        int previousRead = -1;
        int group = 0;
        for (int i = 0; i < commands.size(); i++) {
            int[] pipe = i < commands.size() - 1 ? sh.sys.pipe(false) : null;
            Node command = commands.get(i);
            int in = previousRead;
            int[] out = pipe;
            boolean first = i == 0;
            int pid = forkChild(child -> {
                if (!foreground && !jobControl) {
                    asBackgroundJob(child, first);
                }
                if (in >= 0) {
                    child.sys.dup2(in, 0);
                    child.sys.close(in);
                }
                if (out != null) {
                    child.sys.close(out[0]);
                    child.sys.dup2(out[1], 1);
                    child.sys.close(out[1]);
                }
                return runForked(child, command);
            }, foreground && first, group, true);
            if (first) {
                group = sh.monitor ? pid : 0;
            }
            pids.add(pid);
            if (previousRead >= 0) {
                sh.sys.close(previousRead);
            }
            if (pipe != null) {
                sh.sys.close(pipe[1]);
                previousRead = pipe[0];
            }
        }
        return pids;
    }

    /**
     * A background job without job control (execute_cmd.c: the async case): SIGINT and SIGQUIT
     * ignored, and standard input from /dev/null for the job's first process.
     */
    private static void asBackgroundJob(Shell child, boolean stdinFromNull) {
        child.sys.sigaction(Signal.SIGINT, Syscalls.Disposition.IGNORE);
        child.sys.sigaction(Signal.SIGQUIT, Syscalls.Disposition.IGNORE);
        if (!stdinFromNull) {
            return;
        }
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

    /**
     * A background job ({@code &}): one child, or for a pipeline one child per element forked by
     * this shell itself, as both shells do (measured: {@code sleep 1 | sleep 2 &} makes two
     * children of the shell, and bash announces the last one's PID).
     */
    int runBackground(Node.Item item) {
        boolean jobControl = sh.monitor;
        List<Integer> pids;
        if (item.node() instanceof Node.Pipeline p && p.commands().size() > 1 && !p.bang()) {
            pids = startPipeline(p.commands(), false);
        } else {
            pids = List.of(forkChild(child -> {
                if (!jobControl) {
                    asBackgroundJob(child, true);
                }
                return runForked(child, item.node());
            }, false, 0, true));
        }
        int pid = pids.get(pids.size() - 1);
        sh.lastBackground = pid;
        Jobs.Job job = sh.jobs.add(pids, item.text());
        if (sh.interactive) {
            if (sh.dialect.bash()) {
                sh.proc.err("[" + job.number + "] " + pid + "\n");
            }
            // dash announces nothing when it starts a background job (measured).
        }
        return 0;
    }

    /** Runs a command substitution: forks, collects standard output, strips trailing newlines. */
    String commandSubstitution(Node body) {
        if (body == null) {
            return "";
        }
        int[] pipe = sh.sys.pipe(false);
        int pid = forkChild(child -> {
            child.sys.close(pipe[0]);
            if (pipe[1] != 1) {
                child.sys.dup2(pipe[1], 1);
                child.sys.close(pipe[1]);
            }
            return child.run(body, true);
        }, false, -1);
        sh.sys.close(pipe[1]);
        String output;
        try {
            output = sh.proc.readAll(pipe[0]);
        } finally {
            sh.sys.close(pipe[0]);
        }
        int status = 0;
        while (true) {
            try {
                Wait.Reaped r = sh.sys.wait4(pid, 0);
                status = sh.jobStatus.shellStatus(r.status());
                break;
            } catch (SysException e) {
                if (e.errno() != Errno.EINTR) {
                    break;
                }
                sh.traps.deferDuringWait(sh.sys.takeSignals());
            }
        }
        sh.lastSubstStatus = status;
        sh.lastStatus = status;
        int end = output.length();
        while (end > 0 && output.charAt(end - 1) == '\n') {
            end--;
        }
        return output.substring(0, end);
    }
}
