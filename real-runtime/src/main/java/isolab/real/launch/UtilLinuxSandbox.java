package isolab.real.launch;

import isolab.real.cgroup.Hierarchy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sandbox built without a C compiler, from util-linux and coreutils driven by {@code sh}: the
 * JVM makes the session's cgroups; {@code sh} enters them and execs {@code unshare}, whose forked
 * child (PID 1) mounts the machine with {@code mount}, {@code pivot_root}s, and then becomes an
 * init: a {@code bash} named {@code init} that ignores signals, reaps orphans (bash waits for any
 * child on SIGCHLD) and ends when the JVM closes its stdin. Each terminal is {@code nsenter}
 * into init's namespaces running {@code script}, which gives the shell a pty of the sandbox's
 * devpts instance.
 *
 * <p>How it differs from the C helper, all visible inside: PID 1's command line is
 * {@code /sbin/init -c ...}; mount, mknod and friends run as PID 1's children before the first
 * terminal, so the first terminal's bash is not PID 2; a terminal's bash is a child of
 * {@code script}, not of PID 1, and {@code script}'s parent is outside the sandbox (PPID 0);
 * {@code stty} sets the terminal size, in a process of its own.
 */
public final class UtilLinuxSandbox implements Sandbox {

    /** Run by {@code sh} as the launcher: enter the cgroups, then unshare and fork PID 1. */
    static final String LAUNCH = """
            for f in $CGROUP_PROCS; do echo $$ > "$f" || exit 1; done
            unset CGROUP_PROCS
            exec setpriv --bounding-set -sys_resource unshare --pid --fork --kill-child --mount --uts --ipc --net --cgroup --propagation private \
                /bin/sh -c "$1" init "$@"
            """;

    /** Run by PID 1: MACHINE.md's mounts, in its order; then the machine's name; then the init loop. */
    static final String INIT = """
            set -e
            shift
            hostname=$1; shift
            mount -t tmpfs -o nosuid,nodev,mode=755 tmpfs /run
            mkdir -p /run/isolab/upper/run /run/isolab/work /run/isolab/root
            setfattr -n trusted.overlay.opaque -v y /run/isolab/upper/run 2>/dev/null \
              || python3 -c 'import os; os.setxattr("/run/isolab/upper/run", "trusted.overlay.opaque", b"y")' 2>/dev/null \
              || :  # without setfattr or python3 the host's /run shows through (documented in the fallback's ledger)
            mount -t overlay -o lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work overlay /run/isolab/root
            cd /run/isolab/root
            mount -t proc -o nosuid,nodev,noexec proc proc
            mount -t tmpfs -o nosuid,strictatime,size=65536k,mode=755 tmpfs dev
            mknod -m 666 dev/null c 1 3; mknod -m 666 dev/zero c 1 5; mknod -m 666 dev/full c 1 7
            mknod -m 666 dev/random c 1 8; mknod -m 666 dev/urandom c 1 9; mknod -m 666 dev/tty c 5 0
            ln -s pts/ptmx dev/ptmx; ln -s /proc/self/fd dev/fd; ln -s /proc/self/fd/0 dev/stdin
            ln -s /proc/self/fd/1 dev/stdout; ln -s /proc/self/fd/2 dev/stderr
            mkdir dev/pts dev/mqueue
            mount -t devpts -o nosuid,noexec,newinstance,gid=5,mode=620,ptmxmode=666 devpts dev/pts
            mount -t mqueue -o nosuid,nodev,noexec mqueue dev/mqueue
            mount -t sysfs -o nosuid,nodev,noexec sysfs sys
            mount -t tmpfs -o nosuid,nodev,noexec,mode=755 tmpfs sys/fs/cgroup
            for c; do mkdir "sys/fs/cgroup/$c"; mount -t cgroup -o "nosuid,nodev,noexec,$c" cgroup "sys/fs/cgroup/$c"; done
            mount -t tmpfs -o nosuid,nodev,strictatime tmpfs tmp
            mount -t tmpfs -o mode=700 tmpfs root
            printf '%s\\n' '# System-wide .bashrc file for interactive bash(1) shells on an isolab machine.' \
                "# isolab's terminals keep the PS1 they were started with (see real-runtime's" \
                '# package-info), so this file, unlike the host'"'"'s, sets nothing.' > etc/bash.bashrc
            pivot_root . .
            umount -l .
            cd /
            echo "$hostname" > /proc/sys/kernel/hostname
            echo '(none)' > /proc/sys/kernel/domainname
            ln -s /bin/bash /dev/init
            echo ready
            exec /bin/bash -c 'exec -a /sbin/init /dev/init -c "rm -f /dev/init; trap \\"\\" INT TERM HUP QUIT USR1 USR2; while read -r _; do :; done"'
            """;

    /**
     * Run by {@code sh} for each terminal: enter the cgroups, then init's namespaces, on a new pty.
     * {@code script} runs its command with {@code $SHELL -c}, and a non-interactive bash would drop
     * PS1 and PS2 from the environment (bash's variables.c), so that shell is dash; the program
     * is found on PATH so that its {@code argv[0]} is its bare name, as MACHINE.md's {@code bash}.
     */
    static final String ENTER = """
            init=$1 rows=$2 cols=$3 cwd=$4 argv0=$5 shell=$SHELL
            for f in $CGROUP_PROCS; do echo $$ > "$f" || exit 1; done
            unset CGROUP_PROCS
            SHELL=/bin/sh exec setpriv --bounding-set -sys_resource nsenter --target "$init" --mount --uts --ipc --net --pid --cgroup --root --wdns=/ \
                script --quiet --flush --return --echo always \
                --command "stty rows $rows cols $cols; cd $cwd && unset OLDPWD && SHELL=$shell exec $argv0" /dev/null
            """;

    private static final List<String> PATH = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private final SandboxSpec spec;
    private final Process launcher;
    private final long initHostPid;
    private final Map<Pty, Process> terminals = new ConcurrentHashMap<>();
    private boolean closed;

    private UtilLinuxSandbox(SandboxSpec spec, Process launcher, long initHostPid) {
        this.spec = spec;
        this.launcher = launcher;
        this.initHostPid = initHostPid;
    }

    /** Builds the machine of {@code spec} with util-linux and waits until PID 1 says it is ready. */
    public static UtilLinuxSandbox start(SandboxSpec spec, Duration timeout) {
        spec.cgroups().create(spec.memoryLimitBytes(), spec.pidsMax());
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", LAUNCH, "isolab-launch", INIT, spec.hostname()));
        spec.cgroups().hierarchies().stream().map(Hierarchy::name).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", PATH.get(0).substring(5));
        builder.environment().put("CGROUP_PROCS", cgroupProcs(spec));
        Process launcher;
        try {
            launcher = builder.start();
        } catch (IOException e) {
            spec.cgroups().destroy(Duration.ofSeconds(2));
            throw new UncheckedIOException("cannot run sh to start the isolab sandbox", e);
        }
        CompletableFuture<List<String>> ready = CompletableFuture.supplyAsync(() -> readUntilReady(launcher));
        try {
            List<String> complaints = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long init = launcher.children().findFirst().map(ProcessHandle::pid).orElse(-1L);
            if (!complaints.isEmpty() || init < 0) {
                throw new IllegalStateException(complaints.isEmpty() ? "PID 1 is gone" : String.join("; ", complaints));
            }
            UtilLinuxSandbox sandbox = new UtilLinuxSandbox(spec, launcher, init);
            drain(launcher.getInputStream(), "isolab-init-" + spec.cgroups().name());
            return sandbox;
        } catch (ExecutionException | TimeoutException | RuntimeException | InterruptedException failed) {
            launcher.destroyForcibly();
            launcher.children().forEach(ProcessHandle::destroyForcibly);
            spec.cgroups().destroy(Duration.ofSeconds(5));
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String reason = failed instanceof TimeoutException ? "it took longer than " + timeout
                    : failed.getCause() != null && failed instanceof ExecutionException ? failed.getCause().getMessage()
                    : failed.getMessage();
            throw new IllegalStateException("the isolab sandbox (util-linux) did not start: " + reason);
        }
    }

    /** Lines PID 1 printed before {@code ready}: each one a complaint of a failed step. */
    private static List<String> readUntilReady(Process launcher) {
        List<String> complaints = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("ready")) {
                    return complaints;
                }
                complaints.add(line);
            }
        } catch (IOException e) {
            complaints.add(e.getMessage());
        }
        if (complaints.isEmpty()) {
            complaints.add("the launcher ended before the machine was ready");
        }
        return complaints;
    }

    private static String cgroupProcs(SandboxSpec spec) {
        return String.join(" ", spec.cgroups().dirs().stream().map(d -> d.resolve("cgroup.procs").toString()).toList());
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.UTIL_LINUX;
    }

    @Override
    public long initHostPid() {
        return initHostPid;
    }

    @Override
    public Pty open(PtyRequest request) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", ENTER, "isolab-enter",
                Long.toString(initHostPid), Integer.toString(request.rows()), Integer.toString(request.cols()),
                request.cwd(), request.argv().get(0)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        for (String variable : request.env()) {
            int eq = variable.indexOf('=');
            builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
        }
        builder.environment().put("CGROUP_PROCS", cgroupProcs(spec));
        builder.environment().putIfAbsent("SHELL", "/bin/bash");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run nsenter to open a terminal", e);
        }
        OutputStream keyboard = process.getOutputStream();
        Pty[] self = new Pty[1];
        Pty pty = new Pty(-1, -1, bytes -> {
            try {
                keyboard.write(bytes);
                keyboard.flush();
            } catch (IOException gone) {
                // The terminal's program has ended; its exit is reported by the reader.
            }
        }, () -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            self[0].exited(new ExitStatus(0, 1));
        });
        self[0] = pty;
        terminals.put(pty, process);
        Thread reader = new Thread(() -> relay(process, pty), "isolab-pty-" + spec.cgroups().name());
        reader.setDaemon(true);
        reader.start();
        return pty;
    }

    /** Copies a terminal process's output to its pty, then reports how it ended. */
    private void relay(Process process, Pty pty) {
        byte[] buffer = new byte[4096];
        try (InputStream out = process.getInputStream()) {
            for (int n = out.read(buffer); n >= 0; n = out.read(buffer)) {
                pty.displayed(java.util.Arrays.copyOf(buffer, n));
            }
            pty.exited(new ExitStatus(process.waitFor(), 0));
        } catch (IOException e) {
            pty.exited(new ExitStatus(0, 9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminals.remove(pty);
        }
    }

    /** The shell on {@code pty}: {@code script}'s child, {@code script} being nsenter's. */
    @Override
    public long hostPid(Pty pty) {
        Process process = terminals.get(pty);
        if (process == null) {
            return -1;
        }
        return process.children().flatMap(ProcessHandle::children).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    @Override
    public String hostname() {
        try {
            Process cat = new ProcessBuilder("nsenter", "--target", Long.toString(initHostPid), "--uts",
                    "cat", "/proc/sys/kernel/hostname").redirectErrorStream(true).start();
            String text = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cat.waitFor() != 0) {
                throw new IllegalStateException("cannot read the sandbox's hostname: " + text.trim());
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public boolean alive() {
        return launcher.isAlive() && ProcessHandle.of(initHostPid).map(ProcessHandle::isAlive).orElse(false);
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
            launcher.getOutputStream().close(); // PID 1's read loop ends, and the namespace with it
        } catch (IOException ignored) {
            // Already closed.
        }
        try {
            if (!launcher.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessHandle.of(initHostPid).ifPresent(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
                launcher.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminals.values().forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        spec.cgroups().destroy(patience);
    }

    private static void drain(InputStream in, String name) {
        Thread drainer = new Thread(() -> {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The launcher ended.
            }
        }, name);
        drainer.setDaemon(true);
        drainer.start();
    }
}
