package isolab.sim.userland.utillinux;

import isolab.sim.namespace.IpcNamespace;
import isolab.sim.namespace.IpcNamespace.Kind;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * ipcs' other views (util-linux 2.38 sys-utils/ipcs.c, every column width measured): {@code -t}
 * times, {@code -p} PIDs (message queues and segments only; semaphores print nothing), {@code -c}
 * creators and owners, {@code -l} the namespace's limits, {@code -u} usage, and {@code -i ID} one
 * object in full. Messages, attaching and semaphore operations are not modelled, so their times
 * are "Not set", their PIDs and counts 0, as for objects nobody used yet. Times are UTC.
 */
final class IpcsViews {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** MSGMNB: a new queue's qbytes. */
    private static final int MSGMNB = 16384;

    private IpcsViews() {
    }

    /** One section of {@code format} for {@code kind}, from its title (no leading blank line). */
    static String section(Proc p, Kind kind, Ipcs.Format format) {
        return switch (format) {
            case DEFAULT -> Ipcs.defaultSection(p, kind);
            case TIME -> times(p, kind);
            case PID -> pids(p, kind);
            case CREATOR -> creators(p, kind);
            case LIMITS -> limits(kind);
            case SUMMARY -> summary(p, kind);
        };
    }

    private static String times(Proc p, Kind kind) {
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        StringBuilder out = new StringBuilder();
        List<IpcNamespace.Listed> objects = p.sys().ipcList(kind);
        switch (kind) {
            case MSG -> {
                out.append("------ Message Queues Send/Recv/Change Times --------\n")
                        .append(String.format("%-8s %-10s %-20s %-20s %-20s%n", "msqid", "owner", "send", "recv", "change"));
                for (IpcNamespace.Listed o : objects) {
                    out.append(String.format("%-8d %-10.10s %-20s %-20s %-20s%n", o.id(), Ipcs.owner(users, o), "Not set",
                            "Not set", shortTime(o.ctimeSeconds())));
                }
            }
            case SHM -> {
                out.append("------ Shared Memory Attach/Detach/Change Times --------\n")
                        .append(String.format("%-10s %-10s %-20s %-20s %-20s%n", "shmid", "owner", "attached", "detached", "changed"));
                for (IpcNamespace.Listed o : objects) {
                    out.append(String.format("%-10d %-10.10s %-20s %-20s %-20s%n", o.id(), Ipcs.owner(users, o), "Not set",
                            "Not set", shortTime(o.ctimeSeconds())));
                }
            }
            case SEM -> {
                out.append("------ Semaphore Operation/Change Times --------\n")
                        .append(String.format("%-8s %-10s %-26s %-26s%n", "semid", "owner", "last-op", "last-changed"));
                for (IpcNamespace.Listed o : objects) {
                    out.append(String.format("%-8d %-10.10s  %-26s %-26s%n", o.id(), Ipcs.owner(users, o), "Not set",
                            ctime(o.ctimeSeconds())));
                }
            }
            default -> throw new IllegalStateException();
        }
        return out.toString();
    }

    private static String pids(Proc p, Kind kind) {
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        StringBuilder out = new StringBuilder();
        switch (kind) {
            case MSG -> {
                out.append("------ Message Queues PIDs --------\n")
                        .append(String.format("%-10s %-10s %-10s %-10s%n", "msqid", "owner", "lspid", "lrpid"));
                for (IpcNamespace.Listed o : p.sys().ipcList(kind)) {
                    out.append(String.format("%-8d %-10.10s %6d %9d%n", o.id(), Ipcs.owner(users, o), 0, 0));
                }
            }
            case SHM -> {
                out.append("------ Shared Memory Creator/Last-op PIDs --------\n")
                        .append(String.format("%-10s %-10s %-10s %-10s%n", "shmid", "owner", "cpid", "lpid"));
                for (IpcNamespace.Listed o : p.sys().ipcList(kind)) {
                    out.append(String.format("%-10d %-10.10s %-10d %-10d%n", o.id(), Ipcs.owner(users, o), o.cpid(), 0));
                }
            }
            case SEM -> {
                // measured: semaphores have no PID view; the section is left empty
            }
            default -> throw new IllegalStateException();
        }
        return out.toString();
    }

    private static String creators(Proc p, Kind kind) {
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        String title = switch (kind) {
            case MSG -> "------ Message Queues Creators/Owners --------\n";
            case SHM -> "------ Shared Memory Segment Creators/Owners --------\n";
            case SEM -> "------ Semaphore Arrays Creators/Owners --------\n";
        };
        String id = kind == Kind.MSG ? "msqid" : kind == Kind.SHM ? "shmid" : "semid";
        StringBuilder out = new StringBuilder(title).append(String.format("%-10s %-10s %-10s %-10s %-10s %-10s%n", id, "perms",
                "cuid", "cgid", "uid", "gid"));
        for (IpcNamespace.Listed o : p.sys().ipcList(kind)) {
            String user = Ipcs.owner(users, o);
            String group = group(p, o.gid());
            out.append(String.format("%-10d %-10o %-10s %-10s %-10s %-10s%n", o.id(), o.mode(), user, group, user, group));
        }
        return out.toString();
    }

    /** -l: the IPC namespace's limits, the kernel's defaults (ipc/msg.c, shm.c, sem.c). */
    private static String limits(Kind kind) {
        return switch (kind) {
            case MSG -> """
                    ------ Messages Limits --------
                    max queues system wide = 32000
                    max size of message (bytes) = 8192
                    default max size of queue (bytes) = 16384
                    """;
            case SHM -> """
                    ------ Shared Memory Limits --------
                    max number of segments = 4096
                    max seg size (kbytes) = 18014398509465599
                    max total shared memory (kbytes) = 18446744073709551612
                    min seg size (bytes) = 1
                    """;
            case SEM -> """
                    ------ Semaphore Limits --------
                    max number of arrays = 32000
                    max semaphores per array = 32000
                    max semaphores system wide = 1024000000
                    max ops per semop call = 500
                    semaphore max value = 32767
                    """;
        };
    }

    /** -u: what the namespace's objects use; nothing is ever sent, attached or swapped here. */
    private static String summary(Proc p, Kind kind) {
        List<IpcNamespace.Listed> objects = p.sys().ipcList(kind);
        long total = 0;
        for (IpcNamespace.Listed o : objects) {
            total += kind == Kind.SHM ? (o.size() + 4095) / 4096 : o.size();
        }
        return switch (kind) {
            case MSG -> "------ Messages Status --------\nallocated queues = " + objects.size()
                    + "\nused headers = 0\nused space = 0 bytes\n";
            case SHM -> "------ Shared Memory Status --------\nsegments allocated " + objects.size() + "\npages allocated " + total
                    + "\npages resident  0\npages swapped   0\nSwap performance: 0 attempts\t 0 successes\n";
            case SEM -> "------ Semaphore Status --------\nused arrays = " + objects.size() + "\nallocated semaphores = " + total
                    + "\n";
        };
    }

    /** -i ID: one object in full; {@code ipcs: id N not found} (status 0) if there is none. */
    static int one(Proc p, Kind kind, int id) {
        IpcNamespace.Listed o = null;
        for (IpcNamespace.Listed candidate : p.sys().ipcList(kind)) {
            if (candidate.id() == id) {
                o = candidate;
            }
        }
        if (o == null) {
            p.error("id " + id + " not found");
            return 0;
        }
        String created = String.format("%-26s", ctime(o.ctimeSeconds()));
        String notSet = String.format("%-26s", "Not set");
        String ids = "uid=" + o.uid() + "\tgid=" + o.gid() + "\tcuid=" + o.uid() + "\tcgid=" + o.gid();
        String mode = String.format("%#o", o.mode());
        p.out(switch (kind) {
            case MSG -> "\nMessage Queue msqid=" + id + "\n" + ids + "\tmode=" + mode + "\ncbytes=0\tqbytes=" + MSGMNB
                    + "\tqnum=0\tlspid=0\tlrpid=0\nsend_time=" + notSet + "\nrcv_time=" + notSet + "\nchange_time=" + created + "\n\n";
            case SHM -> "\nShared memory Segment shmid=" + id + "\n" + ids + "\nmode=" + mode + "\taccess_perms=" + mode
                    + "\nbytes=" + o.size() + "\tlpid=0\tcpid=" + o.cpid() + "\tnattch=0\natt_time=" + notSet + "\ndet_time="
                    + notSet + "\nchange_time=" + created + "\n\n";
            case SEM -> semaphore(o, id, mode, created, notSet);
        });
        return 0;
    }

    private static String semaphore(IpcNamespace.Listed o, int id, String mode, String created, String notSet) {
        StringBuilder s = new StringBuilder("\nSemaphore Array semid=" + id + "\nuid=" + o.uid() + "\t gid=" + o.gid()
                + "\t cuid=" + o.uid() + "\t cgid=" + o.gid() + "\nmode=" + mode + ", access_perms=" + mode + "\nnsems = "
                + o.size() + "\notime = " + notSet + "\nctime = " + created + "\n");
        s.append(String.format("%-10s %-10s %-10s %-10s %-10s%n", "semnum", "value", "ncount", "zcount", "pid"));
        for (int i = 0; i < o.size(); i++) {
            s.append(String.format("%-10d %-10d %-10d %-10d %-10d%n", i, 0, 0, 0, 0));
        }
        return s.append('\n').toString();
    }

    private static String group(Proc p, long gid) {
        String name = Passwd.groupName(p, gid);
        return name == null ? String.valueOf(gid) : name;
    }

    /** ctime(3) without its newline: {@code Sun Nov 22 03:50:36 2026}. */
    static String ctime(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
        return String.format("%s %s %2d %02d:%02d:%02d %d", DAYS[t.getDayOfWeek().getValue() - 1],
                MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getYear());
    }

    /** {@code ctime + 4} cut to 16 characters: {@code Nov 22 03:50:36 }. */
    private static String shortTime(long epochSeconds) {
        return ctime(epochSeconds).substring(4, 20);
    }
}
