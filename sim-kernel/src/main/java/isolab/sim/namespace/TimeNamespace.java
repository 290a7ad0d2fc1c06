package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A time namespace (kernel/time/namespace.c): offsets added to CLOCK_MONOTONIC and
 * CLOCK_BOOTTIME for the processes in it (CLOCK_REALTIME is never offset). The offsets can be
 * written only until the first process enters the namespace; a process enters it at fork or
 * execve after unshare(CLONE_NEWTIME) (exec_task_namespaces).
 */
public final class TimeNamespace extends Namespace {

    private long monotonicSeconds;
    private long monotonicNanos;
    private long boottimeSeconds;
    private long boottimeNanos;
    private boolean entered;

    public TimeNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.TIME, inode, owner);
    }

    /** A new namespace starts with its creator's offsets (copy_time_ns). */
    public TimeNamespace copy(long inode, UserNamespace owner) {
        TimeNamespace ns = new TimeNamespace(inode, owner);
        ns.monotonicSeconds = monotonicSeconds;
        ns.monotonicNanos = monotonicNanos;
        ns.boottimeSeconds = boottimeSeconds;
        ns.boottimeNanos = boottimeNanos;
        return ns;
    }

    public long monotonicSeconds() {
        return monotonicSeconds;
    }

    public long monotonicNanos() {
        return monotonicNanos;
    }

    public long boottimeSeconds() {
        return boottimeSeconds;
    }

    public long boottimeNanos() {
        return boottimeNanos;
    }

    /** The CLOCK_BOOTTIME offset in milliseconds. */
    public long boottimeOffsetMillis() {
        return boottimeSeconds * 1000 + boottimeNanos / 1_000_000;
    }

    /** Whether a process has entered the namespace (its offsets are then fixed). */
    public boolean entered() {
        return entered;
    }

    public void markEntered() {
        entered = true;
    }

    /** Sets one clock's offset; the caller has checked permission and that no process entered yet. */
    public void setOffset(boolean boottime, long seconds, long nanos) {
        if (boottime) {
            boottimeSeconds = seconds;
            boottimeNanos = nanos;
        } else {
            monotonicSeconds = seconds;
            monotonicNanos = nanos;
        }
    }
}
