package isolab.sim.kernel;

import isolab.sim.namespace.TimeNamespace;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * Writing /proc/PID/timens_offsets (kernel/time/namespace.c: proc_timens_set_offset): lines
 * {@code <clock> <seconds> <nanoseconds>} for monotonic (1) or boottime (7), into the task's
 * time namespace for children, allowed only while no process has entered it (EACCES after) and
 * with CAP_SYS_TIME over it.
 */
public final class TimeOffsets {

    /** CAP_SYS_TIME. */
    private static final int CAP_SYS_TIME = 25;

    private TimeOffsets() {
    }

    /** KTIME_SEC_MAX: the largest number of seconds a ktime_t holds (include/linux/time64.h). */
    private static final long KTIME_SEC_MAX = Long.MAX_VALUE / 1_000_000_000L;

    /** One parsed line: which clock, and its offset. */
    private record Offset(boolean boottime, long seconds, long nanos) {
    }

    /**
     * Writes {@code text} for {@code writer} in proc_timens_set_offset's order: EPERM without
     * CAP_SYS_TIME over the namespace, EINVAL for a bad line, ERANGE for an offset that would take
     * the clock below 0 or past KTIME_SEC_MAX/2, EACCES once a process has entered the namespace.
     */
    public static void write(Kernel kernel, Task writer, String text) {
        TimeNamespace ns = (TimeNamespace) writer.nsproxy().timeForChildren();
        if (!writer.cred().capableIn(ns.owner(), CAP_SYS_TIME)) {
            throw new SysException(Errno.EPERM);
        }
        java.util.List<Offset> offsets = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                offsets.add(parse(line));
            }
        }
        long nowSeconds = kernel.clock().nowTicks() / 1000;
        for (Offset o : offsets) {
            if (o.seconds() > KTIME_SEC_MAX || o.seconds() < -KTIME_SEC_MAX
                    || nowSeconds + o.seconds() < 0 || nowSeconds + o.seconds() > KTIME_SEC_MAX / 2) {
                throw new SysException(Errno.ERANGE);
            }
        }
        if (ns.entered()) {
            throw new SysException(Errno.EACCES);
        }
        for (Offset o : offsets) {
            ns.setOffset(o.boottime(), o.seconds(), o.nanos());
        }
    }

    /** fs/proc/base.c: timens_offsets_write: {@code <clock> <seconds> <nanoseconds>}, clock by name or id. */
    private static Offset parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 3) {
            throw new SysException(Errno.EINVAL);
        }
        boolean boottime;
        switch (f[0]) {
            case "monotonic", "1" -> boottime = false;
            case "boottime", "7" -> boottime = true;
            default -> throw new SysException(Errno.EINVAL);
        }
        try {
            long seconds = Long.parseLong(f[1]);
            long nanos = Long.parseLong(f[2]);
            if (nanos < 0 || nanos >= 1_000_000_000L) {
                throw new SysException(Errno.EINVAL);
            }
            return new Offset(boottime, seconds, nanos);
        } catch (NumberFormatException e) {
            throw new SysException(Errno.EINVAL);
        }
    }
}
