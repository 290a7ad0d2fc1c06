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

    public static void write(Kernel kernel, Task writer, String text) {
        TimeNamespace ns = (TimeNamespace) writer.nsproxy().timeForChildren();
        if (!writer.cred().capableIn(ns.owner(), CAP_SYS_TIME)) {
            throw new SysException(Errno.EPERM);
        }
        if (ns.entered()) {
            throw new SysException(Errno.EACCES);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
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
                ns.setOffset(boottime, seconds, nanos);
            } catch (NumberFormatException e) {
                throw new SysException(Errno.EINVAL);
            }
        }
    }
}
