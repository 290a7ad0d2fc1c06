package isolab.sim.userland.utillinux;

import isolab.api.NamespaceType;
import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Execvp;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Help;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/unshare (util-linux 2.38, sys-utils/unshare.c): unshare(2) the namespaces asked for,
 * make every mount private in a new mount namespace, optionally fork (the child is PID 1 of a
 * new PID namespace) and mount a fresh /proc, then exec the program ($SHELL by default).
 * The id-mapping helpers (--map-users, --map-groups, --map-auto) are run as util-linux runs them,
 * and fail as on the lab machines, which have neither newuidmap nor subordinate ids.
 */
public final class Unshare {

    // sys-utils/unshare.c: short options take no argument ("+fhVmuinpCTUrR:w:S:G:c"), so -muinpfCT clusters.
    private static final Getopt OPTIONS = new Getopt("+fhVmuinpCTUrR:w:S:G:c", List.of(
            Getopt.opt("help", Getopt.Arg.NONE, "h"), Getopt.opt("version", Getopt.Arg.NONE, "V"),
            Getopt.opt("mount", Getopt.Arg.OPTIONAL, "m"), Getopt.opt("uts", Getopt.Arg.OPTIONAL, "u"),
            Getopt.opt("ipc", Getopt.Arg.OPTIONAL, "i"), Getopt.opt("net", Getopt.Arg.OPTIONAL, "n"),
            Getopt.opt("pid", Getopt.Arg.OPTIONAL, "p"), Getopt.opt("user", Getopt.Arg.OPTIONAL, "U"),
            Getopt.opt("cgroup", Getopt.Arg.OPTIONAL, "C"), Getopt.opt("time", Getopt.Arg.OPTIONAL, "T"),
            Getopt.opt("fork", Getopt.Arg.NONE, "f"), Getopt.opt("kill-child", Getopt.Arg.OPTIONAL, "kill-child"),
            Getopt.opt("mount-proc", Getopt.Arg.OPTIONAL, "mount-proc"),
            Getopt.opt("mount-binfmt", Getopt.Arg.OPTIONAL, "mount-binfmt"),
            Getopt.opt("map-user", Getopt.Arg.REQUIRED, "map-user"), Getopt.opt("map-users", Getopt.Arg.REQUIRED, "map-users"),
            Getopt.opt("map-group", Getopt.Arg.REQUIRED, "map-group"),
            Getopt.opt("map-groups", Getopt.Arg.REQUIRED, "map-groups"),
            Getopt.opt("map-root-user", Getopt.Arg.NONE, "r"), Getopt.opt("map-current-user", Getopt.Arg.NONE, "c"),
            Getopt.opt("map-auto", Getopt.Arg.NONE, "map-auto"),
            Getopt.opt("propagation", Getopt.Arg.REQUIRED, "propagation"),
            Getopt.opt("setgroups", Getopt.Arg.REQUIRED, "setgroups"), Getopt.opt("keep-caps", Getopt.Arg.NONE, "keep-caps"),
            Getopt.opt("setuid", Getopt.Arg.REQUIRED, "S"), Getopt.opt("setgid", Getopt.Arg.REQUIRED, "G"),
            Getopt.opt("root", Getopt.Arg.REQUIRED, "R"), Getopt.opt("wd", Getopt.Arg.REQUIRED, "w"),
            Getopt.opt("monotonic", Getopt.Arg.REQUIRED, "monotonic"),
            Getopt.opt("boottime", Getopt.Arg.REQUIRED, "boottime")));

    private Unshare() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        int flags = 0;
        boolean fork = false;
        String mountProc = null;
        String propagation = "private";
        String monotonic = null;
        String boottime = null;
        String mapUser = null;
        String mapGroup = null;
        String setgroups = null;
        List<String> idMappers = new ArrayList<>();
        String newRoot = null;
        String newDir = null;
        int killChild = 0;
        for (Getopt.Opt o : parsed.options()) {
            if (o.arg() != null && "muinpCTU".contains(o.key()) && o.key().length() == 1) {
                return Usage.notModelled(p, o.spelled() + "=" + o.arg());
            }
            switch (o.key()) {
                case "m" -> flags |= NamespaceType.MNT.cloneFlag();
                case "u" -> flags |= NamespaceType.UTS.cloneFlag();
                case "i" -> flags |= NamespaceType.IPC.cloneFlag();
                case "n" -> flags |= NamespaceType.NET.cloneFlag();
                case "p" -> flags |= NamespaceType.PID.cloneFlag();
                case "C" -> flags |= NamespaceType.CGROUP.cloneFlag();
                case "T" -> flags |= NamespaceType.TIME.cloneFlag();
                case "U" -> flags |= NamespaceType.USER.cloneFlag();
                case "r" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    mapUser = "0";
                    mapGroup = "0";
                }
                case "c" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    mapUser = String.valueOf(p.sys().geteuid());
                    mapGroup = String.valueOf(p.sys().getegid());
                }
                case "map-users", "map-groups" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    String file = o.key().equals("map-users") ? "/etc/subuid" : "/etc/subgid";
                    if (o.arg().equals("auto") ? !subidRange(p, file) : !o.arg().matches("\\d+[:,]\\d+[:,]\\d+")) {
                        if (!o.arg().equals("auto")) {
                            p.error("could not parse ID: '" + o.arg() + "'");
                        }
                        return 1;
                    }
                    idMappers.add(o.key().equals("map-users") ? "newuidmap" : "newgidmap");
                }
                case "map-auto" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    if (!subidRange(p, "/etc/subuid") || !subidRange(p, "/etc/subgid")) {
                        return 1;
                    }
                    idMappers.add("newuidmap");
                    idMappers.add("newgidmap");
                }
                case "map-user" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    mapUser = o.arg();
                }
                case "map-group" -> {
                    flags |= NamespaceType.USER.cloneFlag();
                    mapGroup = o.arg();
                }
                case "monotonic", "boottime" -> {
                    // sys-utils/unshare.c: each offset is parsed (strtos64_or_err) as its option is read.
                    if (!o.arg().matches("-?\\d+")) {
                        p.error("failed to parse " + o.key() + " offset: '" + o.arg() + "'");
                        return 1;
                    }
                    if (o.key().equals("monotonic")) {
                        monotonic = o.arg();
                    } else {
                        boottime = o.arg();
                    }
                }
                case "setgroups" -> {
                    if (!o.arg().equals("allow") && !o.arg().equals("deny")) {
                        p.error("unsupported --setgroups argument '" + o.arg() + "'");
                        return 1;
                    }
                    setgroups = o.arg();
                }
                case "f" -> fork = true;
                case "R" -> newRoot = o.arg();
                case "w" -> newDir = o.arg();
                case "kill-child" -> {
                    fork = true;
                    killChild = o.arg() == null ? Signal.SIGKILL : signal(o.arg());
                    if (killChild <= 0) {
                        p.error("unknown signal: " + o.arg());
                        return 1;
                    }
                }
                case "mount-proc" -> {
                    mountProc = o.arg() == null ? "/proc" : o.arg();
                    flags |= NamespaceType.MNT.cloneFlag();
                }
                case "propagation" -> {
                    if (!List.of("slave", "shared", "private", "unchanged").contains(o.arg())) {
                        p.error("unsupported propagation mode: " + o.arg());
                        return 1;
                    }
                    propagation = o.arg();
                }
                case "h" -> {
                    return Help.print(p, "unshare");
                }
                case "V" -> {
                    return Help.utilLinuxVersion(p, "unshare");
                }
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        if ((monotonic != null || boottime != null) && (flags & NamespaceType.TIME.cloneFlag()) == 0) {
            p.error("options --monotonic and --boottime require unsharing of a time namespace (-t)");
            return 1;
        }
        Syscalls sys = p.sys();
        int outerUid = sys.geteuid();
        int outerGid = sys.getegid();
        long uidInside = mapUser == null ? -1 : id(p, mapUser, "/etc/passwd");
        long gidInside = mapGroup == null ? -1 : id(p, mapGroup, "/etc/group");
        if (mapUser != null && uidInside < 0) {
            p.error("failed to parse uid '" + mapUser + "'");
            return 1;
        }
        if (mapGroup != null && gidInside < 0) {
            p.error("failed to parse gid '" + mapGroup + "'");
            return 1;
        }
        // sys-utils/unshare.c: map_ids_from_child: a child forked before unshare(2) runs newuidmap and
        // newgidmap on the parent once it has unshared; a failing child's status is unshare's.
        int idMapper = idMappers.isEmpty() ? 0 : sys.fork(childSys -> runIdMappers(new Proc(childSys, p.argv(), p.envp()),
                idMappers));
        try {
            sys.unshare(flags);
        } catch (SysException e) {
            p.error("unshare failed: " + e.strerror());
            return 1;
        }
        if (idMapper != 0) {
            int status = sys.wait4(idMapper, 0).status();
            if ((status & 0x7f) == 0 && (status >> 8) != 0) {
                return (status >> 8) & 0xff;
            }
        }
        // sys-utils/unshare.c: settime(): "<clockid> <seconds> 0", CLOCK_BOOTTIME 7 first, then CLOCK_MONOTONIC 1.
        String timens = "/proc/self/timens_offsets";
        if (boottime != null && !writeProcFile(p, timens, "7 " + boottime + " 0", "failed to write to " + timens)) {
            return 1;
        }
        if (monotonic != null && !writeProcFile(p, timens, "1 " + monotonic + " 0", "failed to write to " + timens)) {
            return 1;
        }
        // sys-utils/unshare.c: map_id(uid_map), setgroups_control(deny), map_id(gid_map), then --setgroups.
        if (mapUser != null && !writeProcFile(p, "/proc/self/uid_map", uidInside + " " + outerUid + " 1", null)) {
            return 1;
        }
        if (mapGroup != null) {
            if ("allow".equals(setgroups)) {
                p.error("options --setgroups=allow and --map-group are mutually exclusive");
                return 1;
            }
            if (!writeProcFile(p, "/proc/self/setgroups", "deny", null)
                    || !writeProcFile(p, "/proc/self/gid_map", gidInside + " " + outerGid + " 1", null)) {
                return 1;
            }
        }
        if (setgroups != null && !writeProcFile(p, "/proc/self/setgroups", setgroups, null)) {
            return 1;
        }
        if ((flags & NamespaceType.MNT.cloneFlag()) != 0 && !propagation.equals("unchanged")) {
            // sys-utils/unshare.c: set_propagation: mount("none", "/", NULL, MS_REC | type, NULL).
            long type = propagation.equals("slave") ? Syscalls.MS_SLAVE
                    : propagation.equals("shared") ? Syscalls.MS_SHARED : Syscalls.MS_PRIVATE;
            try {
                sys.mount("none", "/", null, Syscalls.MS_REC | type, null);
            } catch (SysException e) {
                p.error("cannot change root filesystem propagation: " + e.strerror());
                return 1;
            }
        }
        List<String> command = new ArrayList<>(parsed.operands());
        Place place = new Place(newRoot, newDir, mountProc);
        int deathSignal = killChild;
        if (fork) {
            sys.sigaction(Signal.SIGINT, Syscalls.Disposition.IGNORE);
            sys.sigaction(Signal.SIGTERM, Syscalls.Disposition.IGNORE);
            int child;
            try {
                child = sys.fork(childSys -> {
                    childSys.sigaction(Signal.SIGINT, Syscalls.Disposition.DEFAULT);
                    childSys.sigaction(Signal.SIGTERM, Syscalls.Disposition.DEFAULT);
                    Proc childProc = new Proc(childSys, p.argv(), p.envp());
                    if (deathSignal != 0) {
                        childSys.prctlPdeathsig(deathSignal);
                    }
                    return startProgram(childProc, place, command);
                });
            } catch (SysException e) {
                p.error("fork failed: " + e.strerror());
                return 1;
            }
            while (true) {
                try {
                    Wait.Reaped reaped = sys.wait4(child, 0);
                    int status = reaped.status();
                    int sig = status & 0x7f;
                    if (sig != 0) {
                        return dieLikeChild(p, sig);
                    }
                    return (status >> 8) & 0xff;
                } catch (SysException e) {
                    if (e.errno() != Errno.EINTR) {
                        p.error("waitpid failed: " + e.strerror());
                        return 1;
                    }
                }
            }
        }
        return startProgram(p, place, command);
    }

    /** Where the program starts: {@code --root}, {@code --wd}, {@code --mount-proc} (null when not asked for). */
    private record Place(String root, String dir, String proc) {
    }

    /** A signal by name (with or without SIG) or number, for --kill-child; -1 if unknown. */
    private static int signal(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return Signal.valid(n) ? n : -1;
        }
        return Signal.number(spec.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * sys-utils/unshare.c: the child died of a signal, so unshare resets it to the default action,
     * unblocks it and raises it on itself. signal(2) refuses SIGKILL and SIGSTOP (EINVAL), which
     * unshare reports as "sigprocmask unblock failed" and exits 1 (measured: the namespace's init
     * killed from outside).
     */
    private static int dieLikeChild(Proc p, int sig) {
        Syscalls sys = p.sys();
        try {
            sys.sigaction(sig, Syscalls.Disposition.DEFAULT);
        } catch (SysException e) {
            p.error("sigprocmask unblock failed: " + e.strerror());
            return 1;
        }
        sys.raiseSignal(sig);
        return 128 + sig;
    }

    /** map_ids: exec the setuid helpers (shadow's newuidmap, newgidmap); the machine does not have them. */
    private static int runIdMappers(Proc p, List<String> mappers) {
        for (String mapper : mappers) {
            try {
                Execvp.execvp(p, List.of(mapper));
            } catch (SysException e) {
                p.error("failed to execute " + mapper + ": " + e.strerror());
                return e.errno() == Errno.ENOENT ? 127 : 126;
            }
        }
        return 0;
    }

    /**
     * read_subid_range: the caller's line in /etc/subuid or /etc/subgid ({@code name:start:count});
     * false after util-linux's message when there is none (the machine's files are empty).
     */
    private static boolean subidRange(Proc p, String file) {
        String user = isolab.sim.userland.Passwd.byUid(p, p.sys().geteuid()) == null ? String.valueOf(p.sys().geteuid())
                : isolab.sim.userland.Passwd.byUid(p, p.sys().geteuid()).name();
        String text;
        try {
            text = p.readFile(file);
        } catch (SysException e) {
            p.error("cannot open " + file + ": " + e.strerror());
            return false;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith(user + ":")) {
                return true;
            }
        }
        p.error("no line matching user \"" + user + "\" in " + file + ": Success");
        return false;
    }

    private static long id(Proc p, String value, String file) {
        if (value.matches("\\d+")) {
            return Long.parseLong(value);
        }
        try {
            for (String line : p.readFile(file).split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[0].equals(value)) {
                    return Long.parseLong(f[2]);
                }
            }
        } catch (SysException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Writes {@code text} to {@code path} in one write; {@code failed} is the message on error (default "write failed PATH"). */
    private static boolean writeProcFile(Proc p, String path, String text, String failed) {
        int fd;
        try {
            fd = p.sys().open(path, isolab.sim.fs.OpenFile.O_WRONLY, 0);
        } catch (SysException e) {
            p.error("cannot open " + path + ": " + e.strerror());
            return false;
        }
        try {
            p.sys().write(fd, text);
            return true;
        } catch (SysException e) {
            p.error((failed == null ? "write failed " + path : failed) + ": " + e.strerror());
            return false;
        } finally {
            p.sys().close(fd);
        }
    }

    /** sys-utils/unshare.c, after the fork: chroot, chdir, mount proc, exec. */
    private static int startProgram(Proc p, Place place, List<String> command) {
        Syscalls sys = p.sys();
        String mountProc = place.proc();
        String dir = place.dir();
        if (place.root() != null) {
            try {
                sys.chroot(place.root());
            } catch (SysException e) {
                p.error("cannot change root directory to '" + place.root() + "': " + e.strerror());
                return 1;
            }
            dir = dir == null ? "/" : dir;
        }
        if (dir != null) {
            try {
                sys.chdir(dir);
            } catch (SysException e) {
                p.error("cannot chdir to '" + dir + "': " + e.strerror());
                return 1;
            }
        }
        if (mountProc != null) {
            try {
                sys.mount("none", mountProc, null, Syscalls.MS_PRIVATE | Syscalls.MS_REC, null);
                sys.mount("proc", mountProc, "proc", Syscalls.MS_NOSUID | Syscalls.MS_NOEXEC | Syscalls.MS_NODEV, null);
            } catch (SysException e) {
                p.error("mount " + mountProc + " failed: " + e.strerror());
                return 1;
            }
        }
        if (command.isEmpty()) {
            // lib/exec_shell.c: $SHELL as a login shell, argv[0] "-bash".
            String shell = p.env().getOrDefault("SHELL", "/bin/sh");
            try {
                p.flush();
                sys.execve(shell, List.of("-" + shell.substring(shell.lastIndexOf('/') + 1)), p.envp());
            } catch (SysException e) {
                p.error("failed to execute " + shell + ": " + e.strerror());
                return e.errno() == Errno.ENOENT ? 127 : 126;
            }
        }
        return Errexec.execvp(p, command);
    }
}
