package isolab.sim.userland.utillinux;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * /usr/bin/lsns (util-linux 2.38): the namespaces of the processes in /proc, one line each,
 * ordered by inode: NS TYPE NPROCS PID USER COMMAND, where PID is the lowest PID in the namespace
 * and COMMAND its command line. {@code -t TYPE}, {@code -p PID}, {@code -n}.
 */
public final class Lsns {

    private static final String[] TYPES = {"mnt", "net", "time", "cgroup", "pid", "user", "uts", "ipc"};

    private Lsns() {
    }

    private static final class Row {
        long inode;
        String type;
        int nprocs;
        int pid = Integer.MAX_VALUE;
        int uid;
        String command = "";
    }

    public static int main(Proc p) {
        String onlyType = null;
        int onlyPid = -1;
        boolean headings = true;
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-t", "--type" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, "option requires an argument -- 't'", 1);
                    }
                    onlyType = args.get(++i);
                    if (!List.of(TYPES).contains(onlyType)) {
                        p.error("unknown namespace type: " + onlyType);
                        return 1;
                    }
                }
                case "-p", "--task" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, "option requires an argument -- 'p'", 1);
                    }
                    try {
                        onlyPid = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        p.error("invalid PID argument: '" + args.get(i) + "'");
                        return 1;
                    }
                }
                case "-n", "--noheadings" -> headings = false;
                case "-l", "--list" -> {
                }
                default -> {
                    if (a.startsWith("-")) {
                        if (List.of("-o", "--output", "-J", "--json", "-r", "--raw", "-u", "--notruncate", "-W",
                                "--nowrap", "-T", "--tree", "-P", "--persistent", "-Q", "--filter", "-H",
                                "--list-columns", "--output-all").contains(a)) {
                            return Usage.notModelled(p, a);
                        }
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                    long inode;
                    try {
                        inode = Long.parseLong(a);
                    } catch (NumberFormatException e) {
                        p.error("invalid namespace argument: '" + a + "'");
                        return 1;
                    }
                    return Usage.notModelled(p, "NAMESPACE " + inode);
                }
            }
        }
        Map<Long, Row> rows = new TreeMap<>();
        Map<Integer, String> users = new TreeMap<>();
        try {
            for (String line : p.readFile("/etc/passwd").split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].matches("\\d+")) {
                    users.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                }
            }
        } catch (SysException e) {
            // numeric users
        }
        List<Integer> selected = new ArrayList<>();
        for (int pid : pids(p)) {
            if (onlyPid < 0 || pid == onlyPid) {
                selected.add(pid);
            }
        }
        for (int pid : pids(p)) {
            for (String type : TYPES) {
                if (onlyType != null && !onlyType.equals(type)) {
                    continue;
                }
                long inode;
                try {
                    String link = p.sys().readlink("/proc/" + pid + "/ns/" + type);
                    inode = Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
                } catch (RuntimeException e) {
                    continue;
                }
                Row row = rows.computeIfAbsent(inode, k -> new Row());
                row.inode = inode;
                row.type = type;
                row.nprocs++;
                if (pid < row.pid) {
                    row.pid = pid;
                    row.uid = uid(p, pid);
                    row.command = command(p, pid);
                }
            }
        }
        if (onlyPid >= 0) {
            List<Long> keep = new ArrayList<>();
            for (String type : TYPES) {
                try {
                    String link = p.sys().readlink("/proc/" + onlyPid + "/ns/" + type);
                    keep.add(Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']'))));
                } catch (RuntimeException e) {
                    // gone
                }
            }
            rows.keySet().retainAll(keep);
        }
        int typeWidth = 4;
        int nprocsWidth = 6;
        int pidWidth = 3;
        int userWidth = 4;
        for (Row r : rows.values()) {
            typeWidth = Math.max(typeWidth, r.type.length());
            pidWidth = Math.max(pidWidth, String.valueOf(r.pid).length());
            userWidth = Math.max(userWidth, users.getOrDefault(r.uid, String.valueOf(r.uid)).length());
        }
        StringBuilder out = new StringBuilder();
        if (headings) {
            out.append(String.format("%10s %-" + typeWidth + "s %" + nprocsWidth + "s %" + pidWidth + "s %-" + userWidth
                    + "s COMMAND%n", "NS", "TYPE", "NPROCS", "PID", "USER"));
        }
        for (Row r : rows.values()) {
            out.append(String.format("%10d %-" + typeWidth + "s %" + nprocsWidth + "d %" + pidWidth + "d %-" + userWidth
                    + "s %s%n", r.inode, r.type, r.nprocs, r.pid, users.getOrDefault(r.uid, String.valueOf(r.uid)),
                    r.command));
        }
        p.out(out.toString());
        return 0;
    }

    private static List<Integer> pids(Proc p) {
        List<Integer> pids = new ArrayList<>();
        try {
            int fd = p.sys().open("/proc", OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
            try {
                for (DirEntry e : p.sys().getdents(fd)) {
                    if (e.name().matches("\\d+")) {
                        pids.add(Integer.parseInt(e.name()));
                    }
                }
            } finally {
                p.sys().close(fd);
            }
        } catch (SysException e) {
            return pids;
        }
        pids.sort(null);
        return pids;
    }

    private static int uid(Proc p, int pid) {
        try {
            for (String line : p.readFile("/proc/" + pid + "/status").split("\n")) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\t")[0]);
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static String command(Proc p, int pid) {
        try {
            String cmdline = p.readFile("/proc/" + pid + "/cmdline");
            if (cmdline.isEmpty()) {
                return p.readFile("/proc/" + pid + "/comm").trim();
            }
            return String.join(" ", cmdline.split("\0"));
        } catch (SysException e) {
            return "";
        }
    }
}
