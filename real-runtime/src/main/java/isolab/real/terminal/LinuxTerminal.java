package isolab.real.terminal;

import isolab.api.CommandResult;
import isolab.api.Terminal;
import isolab.real.launch.ExitStatus;
import isolab.real.launch.Pty;
import isolab.real.launch.PtyRequest;
import isolab.real.launch.Sandbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A terminal of a real sandbox: an interactive bash on a pty of the sandbox, driven like a person
 * at a keyboard. A command line is typed with Enter ({@code \r}); its continuation lines are
 * typed when the shell shows PS2; the command is over when a shell shows PS1, whose token carries
 * {@code $?} (see {@link PromptProtocol}). A command running past its timeout gets Ctrl-C; if no
 * prompt follows within {@link #GRACE}, its foreground process group gets SIGKILL; if still none,
 * the terminal is hung up. When the terminal's own bash ends, the next command starts a new one.
 */
public final class LinuxTerminal implements Terminal {

    /** The terminal's size, as MACHINE.md gives it. */
    public static final int ROWS = 50;
    public static final int COLS = 200;
    /** How long each step of interrupting a command that ran out of time may take. */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** How long to wait for the prompt after Ctrl-C abandoned an unfinished command, before pressing it again. */
    static final Duration GIVE_UP_AGAIN = Duration.ofMillis(500);
    private static final int MAX_GIVE_UPS = 5;
    /** How long a new bash may take to show its first prompt. */
    static final Duration STARTUP = Duration.ofSeconds(15);

    private static final byte[] CTRL_C = {0x03};

    private final String name;
    private final Sandbox sandbox;
    private final PromptProtocol protocol;
    private final boolean initSession;
    private Pty pty;
    private PromptScanner scanner;

    /**
     * A terminal called {@code name} whose first bash starts now; {@code first} for the machine's
     * first terminal, whose pty is init's controlling terminal and whose bash is in init's session.
     */
    public LinuxTerminal(String name, Sandbox sandbox, PromptProtocol protocol, boolean first) {
        this.name = Objects.requireNonNull(name, "name");
        this.sandbox = sandbox;
        this.protocol = protocol;
        this.initSession = first;
        startShell();
    }

    @Override
    public String name() {
        return name;
    }

    /** The environment of the terminal's bash: MACHINE.md's, plus the prompt protocol's. */
    public List<String> environment() {
        List<String> env = new ArrayList<>(List.of(
                "HOME=/root",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "TERM=dumb",
                "SHELL=/bin/bash",
                "USER=root",
                "LOGNAME=root"));
        env.addAll(protocol.environment());
        return env;
    }

    /** The PID, in the sandbox, of the terminal's own bash; empty until the next command starts one. */
    public synchronized Optional<Integer> shellPid() {
        return Optional.ofNullable(pty).map(Pty::sandboxPid);
    }

    @Override
    public synchronized CommandResult run(String line, Duration timeout) {
        Objects.requireNonNull(line, "line");
        long start = System.nanoTime();
        if (pty == null) {
            startShell();
        }
        List<String> lines = List.of(line.split("\n", -1));
        discardStaleOutput();
        CommandOutput output = new CommandOutput();
        type(lines.get(0) + "\r");
        int typed = 1;
        long deadline = start + timeout.toNanos();
        int interrupts = 0;
        boolean running = false;
        long giveUpAgainAt = Long.MAX_VALUE;
        int giveUps = 0;
        Integer status = null;
        while (status == null) {
            PromptScanner.Event event = scanner.next();
            if (event == null) {
                Optional<Integer> ended = receive(Math.min(deadline, giveUpAgainAt));
                long now = System.nanoTime();
                if (ended.isPresent()) {
                    output.text(scanner.rest());
                    status = ended.get();
                } else if (now >= deadline) {
                    interrupts++;
                    deadline = now + GRACE.toNanos();
                    status = interrupt(interrupts);
                } else if (now >= giveUpAgainAt) {
                    // Bash now and then misses a Ctrl-C at PS2 (it echoes ^C and reads on); a person presses it again.
                    type(CTRL_C);
                    giveUpAgainAt = ++giveUps < MAX_GIVE_UPS ? now + GIVE_UP_AGAIN.toNanos() : Long.MAX_VALUE;
                }
            } else if (event instanceof PromptScanner.Text text) {
                output.text(text.bytes());
            } else if (event instanceof PromptScanner.Run) {
                output.run();
                running = true;
            } else if (event instanceof PromptScanner.More) {
                output.more();
                // The rest of the command, or, when there is none, Ctrl-C as a person would give up;
                // once bash runs the command, a PS2 can only be a program printing one.
                if (!running && typed < lines.size()) {
                    type(lines.get(typed++) + "\r");
                } else if (!running) {
                    type(CTRL_C);
                    giveUps = 1;
                    giveUpAgainAt = System.nanoTime() + GIVE_UP_AGAIN.toNanos();
                }
            } else if (event instanceof PromptScanner.Prompt prompt) {
                status = prompt.status();
            }
        }
        return new CommandResult(line, output.render(lines), status,
                Duration.ofNanos(System.nanoTime() - start), interrupts > 0, List.of());
    }

    /**
     * Drops what the terminal displayed since the last prompt: output of background jobs that a
     * person would have seen scroll by before typing. Exactly one prompt ends each command, so
     * none may be pending here; one that is was not the answer to anything typed.
     */
    private void discardStaleOutput() {
        byte[] stale;
        try {
            stale = pty.take(pty.await(0, System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        scanner.feed(stale);
        while (scanner.next() != null) {
            // discarded
        }
    }

    /** Hangs the terminal up; its shell and the jobs on it get SIGHUP. */
    public synchronized void hangup() {
        if (pty != null) {
            pty.hangup();
            pty = null;
        }
    }

    /**
     * Moves what the pty displayed into the scanner, waiting until {@code deadline} for some.
     * Returns the shell's status once it has ended and everything it displayed has been read.
     */
    private Optional<Integer> receive(long deadline) {
        try {
            int available = pty.await(0, deadline);
            if (available > 0) {
                scanner.feed(pty.take(available));
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for terminal " + name, e);
        }
        Optional<ExitStatus> exit = pty.exit();
        if (exit.isPresent()) {
            pty = null;
            return Optional.of(exit.get().shellStatus());
        }
        return Optional.empty();
    }

    /** The {@code n}th step of interrupting a command; returns a status once the shell is gone. */
    private Integer interrupt(int n) {
        if (n == 1) {
            type(CTRL_C);
        } else if (n == 2) {
            ForegroundJob.kill(sandbox.hostPid(pty));
        } else {
            pty.hangup();
            pty = null;
            return 128 + 9;
        }
        return null;
    }

    private void startShell() {
        Pty started = sandbox.open(new PtyRequest(ROWS, COLS, initSession, "/root", "/bin/bash", List.of("bash"), environment()));
        PromptScanner fresh = new PromptScanner(protocol);
        CommandOutput before = new CommandOutput();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try {
            while (true) {
                PromptScanner.Event event = fresh.next();
                if (event instanceof PromptScanner.Prompt) {
                    break;
                }
                if (event instanceof PromptScanner.Text text) {
                    before.text(text.bytes()); // not a command's output; kept to explain a failure
                    continue;
                }
                int available = started.await(0, deadline);
                if (available > 0) {
                    fresh.feed(started.take(available));
                } else if (started.exit().isPresent() || System.nanoTime() >= deadline) {
                    started.hangup();
                    throw new IllegalStateException("terminal " + name + ": bash showed no prompt"
                            + started.exit().map(e -> " and ended with status " + e.shellStatus()).orElse(" within " + STARTUP)
                            + "; the terminal showed: " + before.render(List.of()).strip());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting terminal " + name, e);
        }
        pty = started;
        scanner = fresh;
    }

    private void type(String text) {
        type(text.getBytes(StandardCharsets.UTF_8));
    }

    private void type(byte[] bytes) {
        if (pty != null) {
            pty.type(bytes);
        }
    }
}
