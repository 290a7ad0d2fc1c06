package isolab.sim.userland.procps;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process as procps reads it from /proc/PID (library/readproc.c): stat, status, cmdline,
 * comm and the namespace links. Read once per process, so a listing is one snapshot per process.
 */
final class ProcInfo {

    int pid;
    int ppid;
    int pgrp;
    int session;
    int ttyNr;
    int tpgid;
    char state;
    long startTicks;
    long rssPages;
    String comm;
    List<String> args = List.of();
    int uid;
    int euid;
    int gid;
    int egid;
    int nice;
    final Map<String, String> ns = new LinkedHashMap<>();

    /** Reads /proc/{@code pid}; null if it vanished meanwhile. */
    static ProcInfo read(Proc p, int pid) {
        ProcInfo info = new ProcInfo();
        info.pid = pid;
        try {
            String stat = p.readFile("/proc/" + pid + "/stat");
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            info.comm = stat.substring(open + 1, close);
            String[] f = stat.substring(close + 2).trim().split(" ");
            info.state = f[0].charAt(0);
            info.ppid = Integer.parseInt(f[1]);
            info.pgrp = Integer.parseInt(f[2]);
            info.session = Integer.parseInt(f[3]);
            info.ttyNr = Integer.parseInt(f[4]);
            info.tpgid = Integer.parseInt(f[5]);
            info.nice = Integer.parseInt(f[16]);
            info.startTicks = Long.parseLong(f[19]);
            info.rssPages = Long.parseLong(f[21]);
            for (String line : p.readFile("/proc/" + pid + "/status").split("\n")) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\t");
                    info.uid = Integer.parseInt(ids[0]);
                    info.euid = Integer.parseInt(ids[1]);
                } else if (line.startsWith("Gid:")) {
                    String[] ids = line.substring(4).trim().split("\t");
                    info.gid = Integer.parseInt(ids[0]);
                    info.egid = Integer.parseInt(ids[1]);
                }
            }
            String cmdline = p.readFile("/proc/" + pid + "/cmdline");
            List<String> args = new ArrayList<>();
            if (!cmdline.isEmpty()) {
                for (String a : cmdline.split("\0", -1)) {
                    args.add(a);
                }
                if (cmdline.endsWith("\0")) {
                    args.remove(args.size() - 1);
                }
            }
            info.args = args;
        } catch (RuntimeException e) {
            return null;
        }
        return info;
    }

    /** The inode of namespace {@code type} ({@code /proc/PID/ns/type}), or "-" if unreadable. */
    String nsInode(Proc p, String type) {
        return ns.computeIfAbsent(type, t -> {
            try {
                String link = p.sys().readlink("/proc/" + pid + "/ns/" + t);
                return link.substring(link.indexOf('[') + 1, link.indexOf(']'));
            } catch (SysException e) {
                return "-";
            }
        });
    }

    /** The terminal name from tty_nr: {@code pts/N}, or {@code ?}. */
    String tty() {
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        if (ttyNr == 0) {
            return "?";
        }
        if (major == 136) {
            return "pts/" + minor;
        }
        if (major == 4) {
            return "tty" + minor;
        }
        return "?";
    }

    /** ps's STAT: the state letter plus {@code <}, {@code N}, {@code s}, {@code +}. */
    String stat() {
        StringBuilder s = new StringBuilder().append(state);
        if (nice < 0) {
            s.append('<');
        } else if (nice > 0) {
            s.append('N');
        }
        if (session == pid) {
            s.append('s');
        }
        if (tpgid == pgrp) { // procps: pgrp == tpgid, even when both are 0 (not visible in the namespace)
            s.append('+');
        }
        return s.toString();
    }

    /** args as ps shows them: the command line, or {@code [comm]} when it has none (a zombie: {@code [comm] <defunct>}). */
    String argsText() {
        if (args.isEmpty()) {
            return state == 'Z' ? "[" + comm + "] <defunct>" : "[" + comm + "]";
        }
        return String.join(" ", args);
    }

    /** comm as ps shows it: plain, a zombie's too (procps 4.0.2, measured: {@code ps -o comm} shows {@code sleep}). */
    String commText() {
        return comm;
    }
}
