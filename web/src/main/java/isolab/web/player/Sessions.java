package isolab.web.player;

import isolab.api.MachineConfig;
import isolab.grading.gradebook.LoggedAction;
import isolab.labs.model.BoundLab;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.HostFactory;
import isolab.labs.run.Plan;
import isolab.labs.run.Session;
import isolab.web.picture.MemcgSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live sessions of the player, one per attempt, kept in memory while used. A session is only
 * a cache: it is what replaying the attempt's live actions on a fresh machine of the lab's seed
 * gives, and it is rebuilt that way whenever the cached one does not match the log (after a
 * restart, after stepping back, after eviction).
 *
 * <p>Each cached session also keeps the memory cgroups of its machine after every action
 * ({@link #history}), taken as the actions are applied: during the one replay that builds it, and
 * as the student's actions are applied afterwards. The player plots them over time without
 * replaying anything again; a view of the simulator costs tens of microseconds.
 *
 * <p>Callers hold the attempt's lock ({@link #lock}) across reading the log, using the session and
 * appending to the log, so two requests of one student never interleave.
 */
public final class Sessions implements AutoCloseable {

    /** Students replay without the lab's solutions. */
    public static final Plan PLAN = Plan.WITHOUT_SOLUTIONS;

    private final HostFactory hosts;
    private final int capacity;
    private final LinkedHashMap<Long, Cached> cached = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, ReentrantLock> locks = new LinkedHashMap<>();

    /** A session, the seqs of the logged actions it has applied, in order, and its machine's memory cgroups after each. */
    private record Cached(Session session, List<Integer> applied, List<MemcgSample> history) {
    }

    public Sessions(HostFactory hosts, int capacity) {
        this.hosts = hosts;
        this.capacity = capacity;
    }

    /** The lock of attempt {@code attemptId}; hold it while using the attempt's session. */
    public synchronized ReentrantLock lock(long attemptId) {
        return locks.computeIfAbsent(attemptId, id -> new ReentrantLock());
    }

    /** The session of {@code attemptId} as its live actions leave it: cached, or replayed now. */
    public Session session(long attemptId, BoundLab lab, List<LoggedAction> live) {
        List<Integer> wanted = live.stream().map(LoggedAction::seq).toList();
        synchronized (this) {
            Cached hit = cached.get(attemptId);
            if (hit != null && hit.applied().equals(wanted) && hit.session().lab().seed() == lab.seed()
                    && hit.session().lab().id().equals(lab.id())) {
                return hit.session();
            }
        }
        List<MemcgSample> history = new ArrayList<>();
        Session session = replay(lab, live.stream().map(LoggedAction::action).toList(), history);
        put(attemptId, new Cached(session, new ArrayList<>(wanted), history));
        return session;
    }

    /**
     * Records that the cached session of {@code attemptId} has applied the logged action {@code seq},
     * which ran {@code ran}.
     */
    public void applied(long attemptId, int seq, List<CommandRun> ran) {
        Cached hit;
        synchronized (this) {
            hit = cached.get(attemptId);
        }
        if (hit == null) {
            return;
        }
        // Viewed outside this object's lock: a real host's view reads /proc, and other attempts must not wait for it.
        MemcgSample sample = sample(hit.session(), hit.applied().size() + 1, ran);
        synchronized (this) {
            hit.applied().add(seq);
            hit.history().add(sample);
        }
    }

    /**
     * The memory cgroups of the cached session of {@code attemptId} at the start and after each
     * action it applied, oldest first; empty when none is cached.
     */
    public synchronized List<MemcgSample> history(long attemptId) {
        Cached hit = cached.get(attemptId);
        return hit == null ? List.of() : List.copyOf(hit.history());
    }

    /** A fresh session of {@code lab} on a new machine with {@code actions} replayed; the caller closes its host. */
    public Session replay(BoundLab lab, List<Action> actions) {
        var host = hosts.open(new MachineConfig(lab.front().cgroup(), lab.seed()));
        try {
            return Session.replay(lab, host, PLAN, actions);
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** {@link #replay(BoundLab, List)}, adding the machine's memory cgroups at the start and after each action to {@code history}. */
    private Session replay(BoundLab lab, List<Action> actions, List<MemcgSample> history) {
        var host = hosts.open(new MachineConfig(lab.front().cgroup(), lab.seed()));
        try {
            Session session = Session.start(lab, host, PLAN);
            history.add(sample(session, 0, List.of()));
            for (Action action : actions) {
                List<CommandRun> ran = session.apply(action);
                history.add(sample(session, history.size(), ran));
            }
            return session;
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
    }

    /** The memory cgroups of {@code session}'s machine now, after action number {@code action}, which ran {@code ran}. */
    private static MemcgSample sample(Session session, int action, List<CommandRun> ran) {
        String label = String.join("; ", ran.stream().map(CommandRun::line).toList());
        return new MemcgSample(action, label, session.host().view().memcgs());
    }

    /** Drops the cached session of {@code attemptId} (it may be out of step with the log). */
    public void forget(long attemptId) {
        Cached removed;
        synchronized (this) {
            removed = cached.remove(attemptId);
        }
        if (removed != null) {
            removed.session().host().close();
        }
    }

    private void put(long attemptId, Cached session) {
        List<Cached> evicted = new ArrayList<>();
        synchronized (this) {
            Cached old = cached.put(attemptId, session);
            if (old != null) {
                evicted.add(old);
            }
            var oldest = cached.entrySet().iterator();
            while (cached.size() > capacity && oldest.hasNext()) {
                var entry = oldest.next();
                ReentrantLock other = lock(entry.getKey());
                // A session another request is using stays until that request is done with it.
                if (entry.getKey() != attemptId && other.tryLock()) {
                    try {
                        evicted.add(entry.getValue());
                        oldest.remove();
                    } finally {
                        other.unlock();
                    }
                }
            }
        }
        evicted.forEach(old -> old.session().host().close());
    }

    @Override
    public synchronized void close() {
        cached.values().forEach(c -> c.session().host().close());
        cached.clear();
    }
}
