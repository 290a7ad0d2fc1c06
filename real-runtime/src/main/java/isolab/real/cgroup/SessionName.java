package isolab.real.cgroup;

import isolab.real.proc.ProcStat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a session's cgroups, {@code j<pid>-<start>-<serial>}: the PID and start time (clock
 * ticks after boot) of the JVM that owns the session, and the session's serial number in that JVM.
 * PID and start time together name one process for ever, so a sweeper can tell a session whose
 * JVM died (remove it) from a live session of another JVM on the same host (leave it alone).
 *
 * @param ownerPid the owning JVM's PID, in the host's PID namespace
 * @param ownerStartTicks field 22 of the owner's {@code /proc/PID/stat}
 * @param serial the session's number within its JVM, from 1
 */
public record SessionName(long ownerPid, long ownerStartTicks, int serial) {

    private static final Pattern FORMAT = Pattern.compile("j(\\d{1,10})-(\\d{1,20})-(\\d{1,9})");
    private static final AtomicInteger SERIALS = new AtomicInteger();

    /** A new name for a session of this JVM. */
    public static SessionName next() {
        long pid = ProcessHandle.current().pid();
        long start = ProcStat.of(pid).orElseThrow(() -> new IllegalStateException("cannot read /proc/self/stat"))
                .startTicks();
        return new SessionName(pid, start, SERIALS.incrementAndGet());
    }

    /** The name of the directory {@code name}, if isolab made it. */
    public static Optional<SessionName> parse(String name) {
        Matcher m = FORMAT.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SessionName(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** Whether the JVM that owns this session still runs. */
    public boolean ownerAlive() {
        return ProcStat.alive(ownerPid, ownerStartTicks);
    }

    @Override
    public String toString() {
        return "j" + ownerPid + "-" + ownerStartTicks + "-" + serial;
    }
}
