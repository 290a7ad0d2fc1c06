package isolab.sim;

import isolab.api.CommandResult;
import isolab.api.Event;
import isolab.api.Terminal;
import isolab.sim.determinism.Clock;
import isolab.sim.fs.OpenFile;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Fork;
import isolab.sim.process.Signal;
import isolab.sim.process.Signals;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import isolab.sim.sched.Fiber;
import isolab.sim.sched.Scheduler;
import isolab.sim.syscall.Syscalls;
import isolab.sim.tty.Tty;
import java.time.Duration;
import java.util.List;

/**
 * A terminal of the simulated machine: a pseudo-terminal with an interactive bash, a child of
 * PID 1 and leader of its own session (docs/MACHINE.md). A command line is typed into the
 * terminal, and the machine runs until whatever reads the terminal waits for the next line: the
 * shell at its prompt, a nested shell, or a program reading standard input. If the command takes
 * longer than its timeout (in virtual time) or runs away (a step budget), the terminal types
 * Ctrl-C, as a person would, and then kills the foreground job if it still does not stop.
 */
final class SimTerminal implements Terminal {

    /** The environment of the terminal's bash (docs/MACHINE.md). */
    static final List<String> ENVIRONMENT = List.of(
            "HOME=/root", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=dumb",
            "SHELL=/bin/bash", "USER=root", "LOGNAME=root");

    /** Scheduling steps one command line may take before it counts as a runaway. */
    static final long STEP_BUDGET = 2_000_000;

    /** Steps background work gets after the foreground is done, before the command completes. */
    static final long GRACE_STEPS = 20_000;

    private final SimulatedHost host;
    private final Kernel kernel;
    private final String name;
    private final Tty tty;
    private Task shell;
    private int shellExitStatus = -1;

    SimTerminal(SimulatedHost host, String name, Tty tty) {
        this.host = host;
        this.kernel = host.kernel();
        this.name = name;
        this.tty = tty;
        kernel.onExit(task -> {
            if (task == shell) {
                int status = task.waitStatus();
                shellExitStatus = (status & 0x7f) != 0 ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
            }
        });
        startShell();
    }

    @Override
    public String name() {
        return name;
    }

    /** The terminal's pseudo-terminal. */
    Tty tty() {
        return tty;
    }

    /**
     * Starts the terminal's bash. The first terminal's pty is init's controlling terminal and its
     * bash stays in init's session (so a plain {@code ps} there lists init, as on the real
     * sandbox); every other terminal's bash leads a session of its own.
     */
    private void startShell() {
        String device = "/dev/pts/" + tty.index();
        boolean initSession = tty.index() == 0;
        shellExitStatus = -1;
        Task init = host.init();
        if (initSession && init.tty() == null) {
            init.setTty(tty);
            tty.setSession(init.pid());
            tty.setForegroundPgrp(init.pgid());
        }
        shell = Fork.clone(kernel, init, 0, task -> {
            Syscalls sys = new Syscalls(kernel, task);
            if (!initSession) {
                sys.setsid();
            }
            int fd = sys.open(device, OpenFile.O_RDWR, 0);
            if (fd != 0) {
                sys.dup2(fd, 0);
                sys.close(fd);
            }
            sys.dup2(0, 1);
            sys.dup2(0, 2);
            if (!initSession) {
                sys.setControllingTty(0);
            }
            sys.chdir("/root");
            sys.execve("/bin/bash", List.of("bash"), ENVIRONMENT);
            return 127;
        });
        kernel.scheduler().run(this::idle, kernel.clock().nowTicks(), STEP_BUDGET, GRACE_STEPS);
    }

    @Override
    public synchronized CommandResult run(String line, Duration timeout) {
        synchronized (host) {
            host.checkOpen();
            if (shell == null || shell.state() == TaskState.ZOMBIE || shell.state() == TaskState.DEAD) {
                startShell();
            }
            int mark = kernel.events().mark();
            long start = kernel.clock().nowTicks();
            long deadline = start + Math.max(1, timeout.toMillis() * Clock.TICKS_PER_SECOND / 1000);
            tty.drainScreen();
            tty.type(line.endsWith("\n") ? line : line + "\n", kernel.scheduler());
            Scheduler.Outcome outcome = kernel.scheduler().run(this::idle, deadline, STEP_BUDGET, GRACE_STEPS);
            boolean timedOut = false;
            if (outcome != Scheduler.Outcome.STOPPED) {
                timedOut = true;
                interrupt(outcome, deadline);
            }
            String output = tty.drainScreen();
            int status = status();
            long elapsed = kernel.clock().nowTicks() - start;
            List<Event> events = kernel.events().since(mark);
            return new CommandResult(line, output, status, Duration.ofMillis(elapsed), timedOut, events);
        }
    }

    /** Ctrl-C, then SIGKILL to the foreground group, then to the whole session, until the terminal is idle. */
    private void interrupt(Scheduler.Outcome outcome, long deadline) {
        if (outcome == Scheduler.Outcome.DEADLINE && kernel.clock().nowTicks() < deadline) {
            kernel.clock().advanceTo(deadline);
        }
        tty.echo("^C");
        signalForeground(Signal.SIGINT);
        long now = kernel.clock().nowTicks();
        if (kernel.scheduler().run(this::idle, now, STEP_BUDGET / 10, GRACE_STEPS) == Scheduler.Outcome.STOPPED) {
            return;
        }
        signalForeground(Signal.SIGKILL);
        if (kernel.scheduler().run(this::idle, now, STEP_BUDGET / 10, GRACE_STEPS) == Scheduler.Outcome.STOPPED) {
            return;
        }
        for (Task t : kernel.pids().all()) {
            if (t.sid() == shell.pid() && t != shell) {
                Signals.send(kernel, t, Signal.SIGKILL, null);
            }
        }
        kernel.scheduler().run(this::idle, now, STEP_BUDGET / 10, GRACE_STEPS);
    }

    private void signalForeground(int sig) {
        int pgrp = tty.foregroundPgrp();
        for (Task t : kernel.pids().all()) {
            if (t.pgid() == pgrp && t.state() != TaskState.ZOMBIE) {
                Signals.send(kernel, t, sig, null);
            }
        }
    }

    /** Whether the command line is done: the terminal's reader waits for a line, or its shell is gone. */
    private boolean idle() {
        if (shell.state() == TaskState.ZOMBIE || shell.state() == TaskState.DEAD) {
            return true;
        }
        return tty.hasReader() && !tty.hasInput();
    }

    /** The task sleeping in a read of this terminal, or null. */
    private Task reader() {
        List<Fiber> sleepers = tty.readers();
        if (sleepers.isEmpty()) {
            return null;
        }
        Fiber fiber = sleepers.get(sleepers.size() - 1);
        for (Task t : kernel.pids().all()) {
            if (t.fiber() == fiber) {
                return t;
            }
        }
        return null;
    }

    /** $? as the terminal's prompt protocol would read it back. */
    private int status() {
        if (shell.state() == TaskState.ZOMBIE || shell.state() == TaskState.DEAD) {
            return shellExitStatus < 0 ? 0 : shellExitStatus;
        }
        Task reader = reader();
        return reader == null ? 0 : reader.promptStatus();
    }
}
