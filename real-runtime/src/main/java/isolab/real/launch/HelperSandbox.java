package isolab.real.launch;

import isolab.real.cgroup.Hierarchy;
import isolab.real.proc.ProcStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sandbox built by the C launcher: the launcher makes and enters the session's cgroups,
 * unshares the PID namespace and forks init, which builds the machine and then serves terminals
 * over frames ({@link Frame}) on the launcher's stdin and stdout. One reader thread dispatches
 * init's frames; writers share the launcher's stdin under a lock.
 */
public final class HelperSandbox implements Sandbox {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final SandboxSpec spec;
    private final Process launcher;
    private final OutputStream requests;
    private final Thread reader;
    private final CompletableFuture<Long> hello = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<Pty>> opening = new ConcurrentHashMap<>();
    private final Map<Integer, Pty> ptys = new ConcurrentHashMap<>();
    private final AtomicInteger channels = new AtomicInteger();
    private volatile CompletableFuture<String> hostnameReply;
    private volatile boolean ended;
    private boolean closed;

    private HelperSandbox(SandboxSpec spec, Process launcher) {
        this.spec = spec;
        this.launcher = launcher;
        this.requests = launcher.getOutputStream();
        this.reader = new Thread(this::readFrames, "isolab-init-" + spec.cgroups().name());
        this.reader.setDaemon(true);
    }

    /**
     * Starts the launcher {@code binary} for {@code spec} and waits until the machine is built.
     * A failed step comes back as an {@link IllegalStateException} with the launcher's reason.
     */
    public static HelperSandbox start(Path binary, SandboxSpec spec, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), spec.cgroups().name().toString(),
                Long.toString(spec.memoryLimitBytes()), Integer.toString(spec.pidsMax()), spec.hostname()));
        for (Hierarchy hierarchy : spec.cgroups().hierarchies()) {
            command.add(hierarchy.mountPoint() + "=" + hierarchy.name());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        HelperSandbox sandbox;
        try {
            sandbox = new HelperSandbox(spec, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the isolab launcher " + binary, e);
        }
        sandbox.reader.start();
        try {
            sandbox.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return sandbox;
        } catch (ExecutionException failed) {
            sandbox.close(Duration.ofSeconds(5));
            throw new IllegalStateException("the isolab sandbox did not start: " + failed.getCause().getMessage());
        } catch (TimeoutException slow) {
            sandbox.close(Duration.ofSeconds(5));
            throw new IllegalStateException("the isolab sandbox did not start within " + timeout);
        } catch (InterruptedException e) {
            sandbox.close(Duration.ofSeconds(5));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the isolab sandbox", e);
        }
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.HELPER;
    }

    @Override
    public long initHostPid() {
        return hello.getNow(-1L);
    }

    @Override
    public Pty open(PtyRequest request) {
        int channel = channels.incrementAndGet();
        CompletableFuture<Pty> opened = new CompletableFuture<>();
        opening.put(channel, opened);
        send(Frame.open(channel, request));
        return await(opened, "open a terminal");
    }

    @Override
    public String hostname() {
        synchronized (this) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            hostnameReply = reply;
            send(new Frame(Frame.HOSTNAME, 0, new byte[0]));
            return await(reply, "read the hostname");
        }
    }

    @Override
    public boolean alive() {
        return !ended && launcher.isAlive();
    }

    @Override
    public void close(Duration patience) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            send(new Frame(Frame.QUIT, 0, new byte[0]));
        } catch (IllegalStateException gone) {
            // Init already ended.
        }
        try {
            requests.close();
        } catch (IOException ignored) {
            // The pipe is gone already.
        }
        if (!waitForLauncher(patience)) {
            // Killing PID 1 from the parent namespace always works (kernel/signal.c: sig_task_ignored).
            long init = initHostPid();
            if (init > 0) {
                ProcessHandle.of(init).ifPresent(ProcessHandle::destroyForcibly);
            }
            launcher.destroyForcibly();
            waitForLauncher(patience);
        }
        try {
            reader.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The launcher removes the session's cgroups when init ends; this covers a launcher that was killed.
        spec.cgroups().destroy(patience);
    }

    private boolean waitForLauncher(Duration patience) {
        try {
            return launcher.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends one frame; a sandbox that stopped reading is gone. */
    private void send(Frame frame) {
        synchronized (requests) {
            try {
                frame.writeTo(requests);
            } catch (IOException e) {
                throw new IllegalStateException("the isolab sandbox " + spec.cgroups().name() + " is gone", e);
            }
        }
    }

    private void type(int channel, byte[] bytes) {
        for (int from = 0; from < bytes.length; from += Frame.MAX_PAYLOAD) {
            int to = Math.min(bytes.length, from + Frame.MAX_PAYLOAD);
            send(new Frame(Frame.INPUT, channel, Arrays.copyOfRange(bytes, from, to)));
        }
    }

    private void hangup(int channel) {
        Pty pty = ptys.remove(channel);
        if (pty != null) {
            send(new Frame(Frame.CLOSE, channel, new byte[0]));
            pty.exited(new ExitStatus(0, 1));
        }
    }

    /** Init's child whose innermost PID is the pty's program's. */
    @Override
    public long hostPid(Pty pty) {
        return ProcessHandle.of(initHostPid()).stream()
                .flatMap(ProcessHandle::children)
                .mapToLong(ProcessHandle::pid)
                .filter(pid -> ProcStatus.of(pid).map(s -> !s.nsPids().isEmpty()
                        && s.nsPids().get(s.nsPids().size() - 1) == pty.sandboxPid()).orElse(false))
                .findFirst()
                .orElse(-1);
    }

    private <T> T await(CompletableFuture<T> reply, String what) {
        try {
            return reply.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new IllegalStateException("cannot " + what + ": " + failed.getCause().getMessage());
        } catch (TimeoutException slow) {
            throw new IllegalStateException("cannot " + what + ": init did not answer within " + REPLY_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
    }

    /** The reader thread: dispatches init's frames until the launcher's stdout ends. */
    private void readFrames() {
        InputStream replies = launcher.getInputStream();
        try {
            for (Optional<Frame> next = Frame.readFrom(replies); next.isPresent(); next = Frame.readFrom(replies)) {
                dispatch(next.get());
            }
        } catch (IOException | RuntimeException broken) {
            // Treated as the end of the sandbox below.
        } finally {
            ended = true;
            IllegalStateException gone = new IllegalStateException("the sandbox ended");
            ready.completeExceptionally(gone);
            opening.values().forEach(f -> f.completeExceptionally(gone));
            CompletableFuture<String> reply = hostnameReply;
            if (reply != null) {
                reply.completeExceptionally(gone);
            }
            ptys.values().forEach(p -> p.exited(new ExitStatus(0, 9)));
        }
    }

    private void dispatch(Frame frame) {
        switch (frame.type()) {
            case Frame.HELLO -> hello.complete(Long.parseLong(frame.text().trim()));
            case Frame.READY -> ready.complete(null);
            case Frame.ERROR -> {
                IllegalStateException error = new IllegalStateException(frame.text());
                if (frame.channel() == 0) {
                    ready.completeExceptionally(error);
                } else {
                    Optional.ofNullable(opening.remove(frame.channel())).ifPresent(f -> f.completeExceptionally(error));
                }
            }
            case Frame.OPENED -> {
                String[] words = frame.text().trim().split(" ");
                int channel = frame.channel();
                Pty pty = new Pty(Integer.parseInt(words[0]), Integer.parseInt(words[1]),
                        bytes -> type(channel, bytes), () -> hangup(channel));
                ptys.put(channel, pty);
                Optional.ofNullable(opening.remove(channel)).ifPresent(f -> f.complete(pty));
            }
            case Frame.DATA -> Optional.ofNullable(ptys.get(frame.channel())).ifPresent(p -> p.displayed(frame.payload()));
            case Frame.EXITED -> Optional.ofNullable(ptys.remove(frame.channel()))
                    .ifPresent(p -> p.exited(ExitStatus.parse(frame.text())));
            case Frame.NAME -> {
                CompletableFuture<String> reply = hostnameReply;
                if (reply != null) {
                    reply.complete(frame.text());
                }
            }
            default -> throw new IllegalStateException("unknown frame '" + frame.type() + "' from init");
        }
    }
}
