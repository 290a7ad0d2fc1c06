package isolab.web.compare;

import isolab.api.Host;
import isolab.api.HostView;
import isolab.api.MachineConfig;
import isolab.grading.gradebook.RealReplay;
import isolab.grading.gradebook.RealReplays;
import isolab.labs.diff.Comparison;
import isolab.labs.diff.DiffReport;
import isolab.labs.diff.TranscriptDiffer;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.HostFactory;
import isolab.labs.run.Plan;
import isolab.labs.run.Session;
import isolab.web.picture.MemcgSvg;
import isolab.web.picture.Pictures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays students' logs on a fresh simulated machine and a fresh real sandbox, at most
 * {@code slots} at once and {@code waitingMax} more waiting, each within the time limit, and
 * stores every result. Every host a replay opens is closed when it ends, fails or runs out of
 * time — whether or not anyone still waits for the answer — and when the queue closes.
 */
public final class ReplayQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayQueue.class);

    /** The pictures stored of each machine, by name, as the player draws them. */
    static final List<String> PICTURES = List.of("processes", "namespaces", "mounts", "memory");

    /** What the page shows for a command of a hidden check, as the player's terminal does. */
    static final String HIDDEN_CHECK = "[a hidden check ran]";

    /** What to replay: the attempt, its lab bound to the student's seed, and the live actions. */
    public record Request(long attemptId, BoundLab lab, List<Action> actions) {

        public Request {
            actions = List.copyOf(actions);
        }

        /** The digest naming this version of the log. */
        public String digest() {
            return LogDigest.of(lab.id(), lab.seed(), actions);
        }
    }

    /** Every slot is busy and the waiting line is full. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full(int slots, int waiting) {
            super("all " + slots + " real sandboxes of this server are busy and " + waiting
                    + " more replays wait for one; try again in a minute");
        }
    }

    private record Key(long attemptId, String digest) {
    }

    private final RealHost.On real;
    private final HostFactory sim;
    private final RealReplays store;
    private final Clock clock;
    private final ThreadPoolExecutor slots;
    private final ScheduledExecutorService alarms;
    private final Map<Key, CompletableFuture<RealReplay>> running = new ConcurrentHashMap<>();
    private final Set<OpenHosts> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger busyMax = new AtomicInteger();

    public ReplayQueue(RealHost.On real, HostFactory sim, RealReplays store, Clock clock) {
        this.real = real;
        this.sim = sim;
        this.store = store;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.slots = new ThreadPoolExecutor(real.slots(), real.slots(), 0, TimeUnit.MILLISECONDS,
                real.waitingMax() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(real.waitingMax()),
                r -> daemon(r, "isolab-replay-" + threads.incrementAndGet()));
        this.alarms = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "isolab-replay-alarm"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * The replay of {@code request}: the one already running or waiting for the same log, or a
     * new one. Throws {@link Full} when no slot and no place in the line is free.
     */
    public CompletableFuture<RealReplay> submit(Request request) {
        Key key = new Key(request.attemptId(), request.digest());
        synchronized (running) {
            CompletableFuture<RealReplay> same = running.get(key);
            if (same != null) {
                return same;
            }
            CompletableFuture<RealReplay> result = new CompletableFuture<>();
            running.put(key, result);
            try {
                slots.execute(() -> {
                    try {
                        RealReplay done = run(request, key);
                        running.remove(key);
                        result.complete(done);
                    } catch (Throwable e) {
                        running.remove(key);
                        result.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                running.remove(key);
                throw new Full(real.slots(), real.waitingMax());
            }
            return result;
        }
    }

    /** The replay of this log running or waiting now, if there is one. */
    public Optional<CompletableFuture<RealReplay>> inProgress(long attemptId, String digest) {
        return Optional.ofNullable(running.get(new Key(attemptId, digest)));
    }

    /** The most replays that ran at the same moment so far (for tests and the log). */
    public int busyMax() {
        return busyMax.get();
    }

    /** The settings this queue runs with. */
    public RealHost.On settings() {
        return real;
    }

    private RealReplay run(Request request, Key key) {
        int now = busy.incrementAndGet();
        busyMax.accumulateAndGet(now, Math::max);
        Instant started = clock.instant();
        OpenHosts hosts = new OpenHosts();
        open.add(hosts);
        ScheduledFuture<?> alarm = alarms.schedule(hosts::expire, real.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        try {
            return store.record(compare(request, key, started, hosts));
        } catch (RuntimeException e) {
            return store.record(failure(request, key, started, hosts.expired() ? RealReplay.Outcome.TIMED_OUT
                    : RealReplay.Outcome.FAILED, reason(e, hosts)));
        } finally {
            alarm.cancel(false);
            hosts.closeAll();
            open.remove(hosts);
            busy.decrementAndGet();
        }
    }

    private RealReplay compare(Request request, Key key, Instant started, OpenHosts hosts) {
        BoundLab lab = request.lab();
        MachineConfig config = new MachineConfig(lab.front().cgroup(), lab.seed());
        Host simHost = hosts.add(sim.open(config));
        Session simSession = Session.replay(lab, simHost, Plan.WITHOUT_SOLUTIONS, request.actions());
        HostView simView = simHost.view();
        Pictures simPictures = Pictures.of(simView);
        Host realHost = hosts.add(real.hosts().open(config));
        Session realSession = Session.replay(lab, realHost, Plan.WITHOUT_SOLUTIONS, request.actions());
        HostView realView = realHost.view();
        Pictures realPictures = Pictures.of(realView);
        if (hosts.expired()) {
            throw new OpenHosts.Expired();
        }
        DiffReport report = TranscriptDiffer.compare(lab, simSession.transcript(), realSession.transcript());
        List<RealReplay.Command> commands = new ArrayList<>();
        for (Comparison c : report.comparisons()) {
            commands.add(hiddenCheck(lab, c) ? masked(c) : new RealReplay.Command(c.index(), c.terminal(), c.line(),
                    output(c.left()), status(c.left()), output(c.right()), status(c.right()),
                    String.join("\n", c.leftLines()), String.join("\n", c.rightLines()), c.disagreement().orElse("")));
        }
        List<RealReplay.Picture> pictures = new ArrayList<>();
        pictures.addAll(pictures("sim", simPictures));
        pictures.addAll(pictures("real", realPictures));
        if (simPictures.hasMemory() || realPictures.hasMemory()) { // both, so the two machines can be compared
            pictures.add(new RealReplay.Picture("sim", PICTURES.get(3), MemcgSvg.render(simView)));
            pictures.add(new RealReplay.Picture("real", PICTURES.get(3), MemcgSvg.render(realView)));
        }
        return new RealReplay(0, key.attemptId(), key.digest(), request.actions().size(), started, clock.instant(),
                RealReplay.Outcome.COMPARED, "", commands, pictures);
    }

    /** Whether {@code c} is a command of a hidden check, whose line and output the student must not see. */
    private static boolean hiddenCheck(BoundLab lab, Comparison c) {
        int step = c.left().or(() -> c.right()).map(CommandRun::step).orElse(-1);
        return step >= 0 && step < lab.steps().size() && lab.steps().get(step) instanceof CheckStep check
                && check.hidden();
    }

    /** {@code c} as the player masks a hidden check: that it ran and whether the hosts agree, nothing more. */
    private static RealReplay.Command masked(Comparison c) {
        return new RealReplay.Command(c.index(), c.terminal(), HIDDEN_CHECK, "", status(c.left()), "", status(c.right()),
                "", "", c.agrees() ? "" : "the hosts disagree on a hidden check (its output is not shown)");
    }

    private static List<RealReplay.Picture> pictures(String host, Pictures pictures) {
        return List.of(new RealReplay.Picture(host, PICTURES.get(0), pictures.processTree()),
                new RealReplay.Picture(host, PICTURES.get(1), pictures.namespaces()),
                new RealReplay.Picture(host, PICTURES.get(2), pictures.mounts()));
    }

    private static String output(Optional<CommandRun> run) {
        return run.map(r -> r.result().output()).orElse("");
    }

    private static Integer status(Optional<CommandRun> run) {
        return run.map(r -> r.result().status()).orElse(null);
    }

    private RealReplay failure(Request request, Key key, Instant started, RealReplay.Outcome outcome, String reason) {
        return new RealReplay(0, key.attemptId(), key.digest(), request.actions().size(), started, clock.instant(),
                outcome, reason, List.of(), List.of());
    }

    private String reason(RuntimeException e, OpenHosts hosts) {
        if (hosts.expired()) {
            return "the replay ran past its time limit of " + real.timeLimit().toSeconds()
                    + " s, so its sandboxes were closed";
        }
        if (e instanceof Hosts.Unavailable) {
            return "the real host cannot run this lab: " + e.getMessage();
        }
        LOG.warn("a real replay failed", e);
        return "the replay failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /**
     * Stops taking replays, drops those waiting, closes every host of those running (their commands
     * then fail and the replays end, stored as failed) and waits a little for them. Threads are not
     * interrupted: an interrupt would close the embedded database's file under a replay storing its result.
     */
    @Override
    public void close() {
        List<Runnable> dropped = new ArrayList<>();
        slots.getQueue().drainTo(dropped);
        slots.shutdown();
        alarms.shutdownNow();
        open.forEach(OpenHosts::expire);
        running.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the server is stopping")));
        try {
            slots.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(OpenHosts::expire);
    }
}
