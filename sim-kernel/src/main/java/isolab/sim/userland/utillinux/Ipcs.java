package isolab.sim.userland.utillinux;

import isolab.sim.fs.OpenFile;
import isolab.sim.namespace.IpcNamespace;
import isolab.sim.namespace.IpcNamespace.Kind;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.Map;

/**
 * ipcs, ipcmk and ipcrm (util-linux 2.38): list, create and remove the System V IPC objects of
 * the caller's IPC namespace, in util-linux's formats (measured): ipcs with {@code -q -m -s -a},
 * {@code -b} (the default), {@code -t -p -c -l -u} ({@link IpcsViews}) and {@code -i ID}. Keys of new objects are random,
 * read from /dev/urandom as ipcmk does.
 */
public final class Ipcs {

    private Ipcs() {
    }

    /** What ipcs prints for each object: its formats (-b is the default one). */
    enum Format { DEFAULT, TIME, PID, CREATOR, LIMITS, SUMMARY }

    public static int main(Proc p) {
        boolean q = false;
        boolean m = false;
        boolean s = false;
        Format format = Format.DEFAULT;
        Integer id = null;
        var args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-q", "--queues" -> q = true;
                case "-m", "--shmems" -> m = true;
                case "-s", "--semaphores" -> s = true;
                case "-a", "--all" -> {
                    q = true;
                    m = true;
                    s = true;
                }
                case "-t", "--time" -> format = Format.TIME;
                case "-p", "--pid" -> format = Format.PID;
                case "-c", "--creator" -> format = Format.CREATOR;
                case "-l", "--limits" -> format = Format.LIMITS;
                case "-u", "--summary" -> format = Format.SUMMARY;
                case "-b", "--bytes" -> format = Format.DEFAULT;
                case "-i", "--id" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, a.equals("-i") ? "option requires an argument -- 'i'"
                                : "option '--id' requires an argument", 1);
                    }
                    String v = args.get(++i);
                    if (!v.matches("\\d+")) {
                        p.error("failed to parse id argument: '" + v + "'");
                        return 1;
                    }
                    id = Integer.parseInt(v);
                }
                default -> {
                    if (a.matches("-i\\d+")) {
                        id = Integer.parseInt(a.substring(2));
                    } else if (a.matches("--human|--numeric-perms|-h|--help|-V|--version|-P")) {
                        return Usage.notModelled(p, a);
                    } else if (a.startsWith("-")) {
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    } else {
                        return Usage.tryHelp(p, "unknown argument: " + a, 1);
                    }
                }
            }
        }
        if (id != null) {
            if ((q ? 1 : 0) + (m ? 1 : 0) + (s ? 1 : 0) != 1) {
                p.error("when using an ID, a single resource must be specified");
                return 1;
            }
            return IpcsViews.one(p, q ? Kind.MSG : m ? Kind.SHM : Kind.SEM, id);
        }
        boolean all = !q && !m && !s;
        StringBuilder out = new StringBuilder();
        // ipcs.c: each section starts with a blank line, and one more ends the listing (measured).
        for (Kind kind : Kind.values()) {
            if (all || kind == Kind.MSG && q || kind == Kind.SHM && m || kind == Kind.SEM && s) {
                out.append('\n').append(IpcsViews.section(p, kind, format));
            }
        }
        out.append('\n');
        p.out(out.toString());
        return 0;
    }

    /** The default (and -b) section of one kind: title, header and a row per object. */
    static String defaultSection(Proc p, Kind kind) {
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        StringBuilder out = new StringBuilder();
        switch (kind) {
            case MSG -> {
                out.append("------ Message Queues --------\n")
                        .append("key        msqid      owner      perms      used-bytes   messages    \n");
                for (IpcNamespace.Listed o : p.sys().ipcList(Kind.MSG)) {
                    out.append(String.format("%-10s %-10d %-10s %-10o %-12d %-12d%n", key(o), o.id(), owner(users, o), o.mode(), 0, 0));
                }
            }
            case SHM -> {
                out.append("------ Shared Memory Segments --------\n")
                        .append("key        shmid      owner      perms      bytes      nattch     status      \n");
                for (IpcNamespace.Listed o : p.sys().ipcList(Kind.SHM)) {
                    out.append(String.format("%-10s %-10d %-10s %-10o %-10d %-10d %-6s %-6s%n", key(o), o.id(), owner(users, o),
                            o.mode(), o.size(), 0, "", ""));
                }
            }
            case SEM -> {
                out.append("------ Semaphore Arrays --------\n").append("key        semid      owner      perms      nsems     \n");
                for (IpcNamespace.Listed o : p.sys().ipcList(Kind.SEM)) {
                    out.append(String.format("%-10s %-10d %-10s %-10o %-10d%n", key(o), o.id(), owner(users, o), o.mode(), o.size()));
                }
            }
            default -> throw new IllegalStateException();
        }
        return out.toString();
    }

    static String key(IpcNamespace.Listed o) {
        return String.format("0x%08x", o.key());
    }

    static String owner(Map<Integer, String> users, IpcNamespace.Listed o) {
        return users.getOrDefault((int) o.uid(), String.valueOf(o.uid()));
    }

    /** ipcmk: {@code -Q} a message queue, {@code -M SIZE} a shared memory segment, {@code -S N} a semaphore set; {@code -p MODE}. */
    public static int ipcmk(Proc p) {
        int mode = 0644;
        boolean any = false;
        StringBuilder out = new StringBuilder();
        var args = p.args();
        java.util.List<Object[]> todo = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-Q", "--queue" -> todo.add(new Object[] {Kind.MSG, 0L});
                case "-M", "--shmem", "-S", "--semaphore", "-p", "--mode" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, "option requires an argument -- '" + a.charAt(a.startsWith("--") ? 2 : 1)
                                + "'", 1);
                    }
                    String v = args.get(++i);
                    if (a.equals("-p") || a.equals("--mode")) {
                        try {
                            mode = Integer.parseInt(v, 8);
                        } catch (NumberFormatException e) {
                            p.error("failed to parse mode: '" + v + "'");
                            return 1;
                        }
                        continue;
                    }
                    long n = size(v);
                    if (n < 0) {
                        p.error("failed to parse " + (a.contains("S") || a.contains("sem") ? "elements" : "size") + ": '" + v + "'");
                        return 1;
                    }
                    todo.add(new Object[] {a.equals("-M") || a.equals("--shmem") ? Kind.SHM : Kind.SEM, n});
                }
                default -> {
                    if (a.startsWith("-")) {
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                    return Usage.tryHelp(p, "bad usage", 1);
                }
            }
        }
        if (todo.isEmpty()) {
            return Usage.tryHelp(p, "bad usage", 1);
        }
        int status = 0;
        for (Object[] t : todo) {
            Kind kind = (Kind) t[0];
            long key = randomKey(p);
            try {
                int id = p.sys().ipcGet(kind, key, (Long) t[1], isolab.sim.syscall.Syscalls.IPC_CREAT
                        | isolab.sim.syscall.Syscalls.IPC_EXCL | mode);
                out.append(switch (kind) {
                    case MSG -> "Message queue id: ";
                    case SHM -> "Shared memory id: ";
                    case SEM -> "Semaphore id: ";
                }).append(id).append('\n');
                any = true;
            } catch (SysException e) {
                p.error("create " + (kind == Kind.MSG ? "message queue" : kind == Kind.SHM ? "share memory" : "semaphore")
                        + " failed: " + e.strerror());
                status = 1;
            }
        }
        p.out(out.toString());
        return any ? status : 1;
    }

    private static long size(String v) {
        long unit = 1;
        String digits = v;
        if (v.matches("\\d+[KMG](iB)?")) {
            char u = v.replaceAll("\\d+", "").charAt(0);
            unit = u == 'K' ? 1024 : u == 'M' ? 1024 * 1024 : 1024L * 1024 * 1024;
            digits = v.replaceAll("\\D.*", "");
        }
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long randomKey(Proc p) {
        byte[] b = new byte[4];
        try {
            int fd = p.sys().open("/dev/urandom", OpenFile.O_RDONLY, 0);
            try {
                p.sys().read(fd, b, 0, 4);
            } finally {
                p.sys().close(fd);
            }
        } catch (SysException e) {
            return 1;
        }
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    /** ipcrm: {@code -q ID}, {@code -m ID}, {@code -s ID}, or {@code -Q/-M/-S KEY}; {@code -a} removes everything. */
    public static int ipcrm(Proc p) {
        var args = p.args();
        if (args.isEmpty()) {
            return Usage.tryHelp(p, "bad usage", 1);
        }
        int status = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-a") || a.equals("--all")) {
                for (Kind kind : Kind.values()) {
                    for (IpcNamespace.Listed o : p.sys().ipcList(kind)) {
                        p.sys().ipcRemove(kind, o.id());
                    }
                }
                continue;
            }
            if (!a.matches("-[qmsQMS]")) {
                return a.startsWith("-") ? Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 1)
                        : Usage.notModelled(p, a);
            }
            if (i + 1 >= args.size()) {
                return Usage.tryHelp(p, "option requires an argument -- '" + a.charAt(1) + "'", 1);
            }
            String v = args.get(++i);
            char c = a.charAt(1);
            Kind kind = Character.toLowerCase(c) == 'q' ? Kind.MSG : Character.toLowerCase(c) == 'm' ? Kind.SHM : Kind.SEM;
            boolean byKey = Character.isUpperCase(c);
            try {
                int id;
                if (byKey) {
                    long key = Long.decode(v);
                    IpcNamespace.Listed found = null;
                    for (IpcNamespace.Listed o : p.sys().ipcList(kind)) {
                        if (o.key() == key) {
                            found = o;
                        }
                    }
                    if (key == 0) {
                        p.error("illegal key (" + v + ")");   // sys-utils/ipcrm.c: IPC_PRIVATE names nothing
                        status = 1;
                        continue;
                    }
                    if (found == null) {
                        p.error("invalid key (" + v + ")");
                        status = 1;
                        continue;
                    }
                    id = found.id();
                } else {
                    id = Integer.parseInt(v);
                }
                p.sys().ipcRemove(kind, id);
            } catch (NumberFormatException e) {
                p.error("failed to parse argument: '" + v + "'");
                status = 1;
            } catch (SysException e) {
                p.error("invalid id (" + v + ")");
                status = 1;
            }
        }
        return status;
    }
}
