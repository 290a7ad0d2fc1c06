package isolab.sim.userland.utillinux;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/mount (util-linux 2.38, libmount): lists the mounts of the caller's namespace, mounts
 * a new filesystem, binds ({@code --bind}, {@code --rbind}), and changes propagation
 * ({@code --make-[r]shared|slave|private|unbindable}, or {@code -o shared} ...), each propagation
 * change as a mount(2) call of its own, as libmount makes them. Failures print libmount's messages
 * ({@link MountMessages}) and exit 32.
 */
public final class Mount {

    /** MNT_EX_USAGE, MNT_EX_FAIL: libmount's exit codes. */
    static final int EX_USAGE = 1, EX_FAIL = 32;

    private static final Getopt OPTIONS = new Getopt("aBcfFhilL:Mno:O:rRsU:vVwt:T:N:m::", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "a"), Getopt.opt("fake", Getopt.Arg.NONE, "f"),
            Getopt.opt("fork", Getopt.Arg.NONE, "F"), Getopt.opt("help", Getopt.Arg.NONE, "h"),
            Getopt.opt("no-mtab", Getopt.Arg.NONE, "n"), Getopt.opt("read-only", Getopt.Arg.NONE, "r"),
            Getopt.opt("ro", Getopt.Arg.NONE, "r"), Getopt.opt("verbose", Getopt.Arg.NONE, "v"),
            Getopt.opt("version", Getopt.Arg.NONE, "V"), Getopt.opt("read-write", Getopt.Arg.NONE, "w"),
            Getopt.opt("rw", Getopt.Arg.NONE, "w"), Getopt.opt("options", Getopt.Arg.REQUIRED, "o"),
            Getopt.opt("test-opts", Getopt.Arg.REQUIRED, "O"), Getopt.opt("types", Getopt.Arg.REQUIRED, "t"),
            Getopt.opt("uuid", Getopt.Arg.REQUIRED, "U"), Getopt.opt("label", Getopt.Arg.REQUIRED, "L"),
            Getopt.opt("bind", Getopt.Arg.NONE, "B"), Getopt.opt("move", Getopt.Arg.NONE, "M"),
            Getopt.opt("rbind", Getopt.Arg.NONE, "R"), Getopt.opt("make-shared", Getopt.Arg.NONE, "shared"),
            Getopt.opt("make-slave", Getopt.Arg.NONE, "slave"), Getopt.opt("make-private", Getopt.Arg.NONE, "private"),
            Getopt.opt("make-unbindable", Getopt.Arg.NONE, "unbindable"),
            Getopt.opt("make-rshared", Getopt.Arg.NONE, "rshared"), Getopt.opt("make-rslave", Getopt.Arg.NONE, "rslave"),
            Getopt.opt("make-rprivate", Getopt.Arg.NONE, "rprivate"),
            Getopt.opt("make-runbindable", Getopt.Arg.NONE, "runbindable"),
            Getopt.opt("mkdir", Getopt.Arg.OPTIONAL, "m"), Getopt.opt("no-canonicalize", Getopt.Arg.NONE, "c"),
            Getopt.opt("internal-only", Getopt.Arg.NONE, "i"), Getopt.opt("show-labels", Getopt.Arg.NONE, "l"),
            Getopt.opt("target", Getopt.Arg.REQUIRED, "target"), Getopt.opt("target-prefix", Getopt.Arg.REQUIRED, "target-prefix"),
            Getopt.opt("source", Getopt.Arg.REQUIRED, "source"), Getopt.opt("options-mode", Getopt.Arg.REQUIRED, "options-mode"),
            Getopt.opt("options-source", Getopt.Arg.REQUIRED, "options-source"),
            Getopt.opt("options-source-force", Getopt.Arg.NONE, "options-source-force"),
            Getopt.opt("namespace", Getopt.Arg.REQUIRED, "N")));

    /** What one command line asks mount(2) for. */
    private static final class Request {
        String type;
        long flags;
        final List<String> data = new ArrayList<>();
        final List<Long> propagation = new ArrayList<>();
        boolean verbose;
        boolean mkdir;
    }

    private Mount() {
    }

    public static int mount(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return EX_USAGE;
        }
        Request r = new Request();
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "t" -> r.type = o.arg();
                case "o" -> {
                    String bad = options(r, o.arg());
                    if (bad != null) {
                        return Usage.notModelled(p, "-o " + bad);
                    }
                }
                case "B" -> r.flags |= Syscalls.MS_BIND;
                case "R" -> r.flags |= Syscalls.MS_BIND | Syscalls.MS_REC;
                case "M" -> r.flags |= Syscalls.MS_MOVE;
                case "r" -> r.flags |= Syscalls.MS_RDONLY;
                case "w" -> r.flags &= ~Syscalls.MS_RDONLY;
                case "n", "c" -> {
                }
                case "v" -> r.verbose = true;
                case "m" -> r.mkdir = true;
                case "shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable" ->
                        r.propagation.add(propagationFlags(o.key()));
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        List<String> operands = parsed.operands();
        if (operands.isEmpty()) {
            if (!r.propagation.isEmpty() || (r.flags & Syscalls.MS_BIND) != 0) {
                return Usage.tryHelp(p, "bad usage", EX_USAGE);
            }
            return list(p, r.type);
        }
        if (operands.size() > 2) {
            return Usage.tryHelp(p, "bad usage", EX_USAGE);
        }
        if (operands.size() == 1 && (r.flags & Syscalls.MS_REMOUNT) != 0) {
            return remount(p, r, operands.get(0));
        }
        if (operands.size() == 1) {
            if (r.propagation.isEmpty()) {
                p.error(operands.get(0) + ": can't find in /etc/fstab.");
                return EX_USAGE;
            }
            return changePropagation(p, r, operands.get(0));
        }
        return mountOne(p, r, operands.get(0), operands.get(1));
    }

    /** Reads one {@code -o} list into {@code r}; returns an option isolab does not model, or null. */
    private static String options(Request r, String list) {
        for (String o : list.split(",")) {
            switch (o) {
                case "ro" -> r.flags |= Syscalls.MS_RDONLY;
                case "rw" -> r.flags &= ~Syscalls.MS_RDONLY;
                case "nosuid" -> r.flags |= Syscalls.MS_NOSUID;
                case "suid" -> r.flags &= ~Syscalls.MS_NOSUID;
                case "nodev" -> r.flags |= Syscalls.MS_NODEV;
                case "dev" -> r.flags &= ~Syscalls.MS_NODEV;
                case "noexec" -> r.flags |= Syscalls.MS_NOEXEC;
                case "exec" -> r.flags &= ~Syscalls.MS_NOEXEC;
                case "noatime" -> r.flags |= Syscalls.MS_NOATIME;
                case "strictatime" -> r.flags |= Syscalls.MS_STRICTATIME;
                case "relatime", "atime", "defaults", "auto", "noauto", "nofail", "async", "silent", "loud", "" -> {
                }
                case "bind" -> r.flags |= Syscalls.MS_BIND;
                case "rbind" -> r.flags |= Syscalls.MS_BIND | Syscalls.MS_REC;
                case "shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable" ->
                        r.propagation.add(propagationFlags(o));
                case "remount" -> r.flags |= Syscalls.MS_REMOUNT;
                case "move" -> r.flags |= Syscalls.MS_MOVE;
                case "sync", "dirsync", "mand", "lazytime", "nosymfollow", "nodiratime", "loop" -> {
                    return o;
                }
                default -> r.data.add(o);
            }
        }
        return null;
    }

    private static long propagationFlags(String name) {
        boolean recursive = name.startsWith("r");
        String type = recursive ? name.substring(1) : name;
        long flag = switch (type) {
            case "shared" -> Syscalls.MS_SHARED;
            case "slave" -> Syscalls.MS_SLAVE;
            case "private" -> Syscalls.MS_PRIVATE;
            default -> Syscalls.MS_UNBINDABLE;
        };
        return recursive ? flag | Syscalls.MS_REC : flag;
    }

    /** {@code mount -o remount[,bind],OPTS TARGET}: the mount's source comes from mountinfo. */
    private static int remount(Proc p, Request r, String given) {
        String target = realpath(p, given);
        String data = r.data.isEmpty() ? null : String.join(",", r.data);
        try {
            p.sys().mount("none", target, null, r.flags, data);
        } catch (SysException e) {
            if (e.errno() == Errno.ENOSYS) {
                p.error(target + ": remounting with these options is not modelled in isolab");
                return 2;
            }
            return failed(p, MountMessages.mountFailure(p, e.errno(), target, "none", null, r.flags, false));
        }
        return 0;
    }

    /** libmount canonicalizes the mount point (realpath) when it exists; messages show it so. */
    private static String realpath(Proc p, String path) {
        try {
            return isolab.sim.userland.coreutils.Readlink.canonicalize(p, path, "e");
        } catch (SysException e) {
            return path;
        }
    }

    /** {@code mount --make-X TARGET}: one mount(2) per propagation change. */
    private static int changePropagation(Proc p, Request r, String given) {
        String target = realpath(p, given);
        for (long flags : r.propagation) {
            try {
                p.sys().mount("none", target, null, flags, null);
            } catch (SysException e) {
                return failed(p, MountMessages.mountFailure(p, e.errno(), target, "none", null, flags, true));
            }
        }
        return 0;
    }

    /** {@code mount [-t TYPE] [-o OPTS] SOURCE TARGET}, then the propagation changes it asked for. */
    private static int mountOne(Proc p, Request r, String source, String given) {
        if (r.mkdir) {
            mkdirs(p, given);
        }
        String target = realpath(p, given);
        boolean bind = (r.flags & Syscalls.MS_BIND) != 0;
        String data = r.data.isEmpty() ? null : String.join(",", r.data);
        try {
            if (bind || (r.flags & Syscalls.MS_MOVE) != 0) {
                p.sys().mount(source, target, null, r.flags, null);
            } else if (r.type != null && !r.type.startsWith("no") && !r.type.contains(",")) {
                p.sys().mount(source, target, r.type, r.flags, data);
            } else {
                tryBlockTypes(p, source, target, r.type, r.flags, data);
            }
        } catch (SysException e) {
            if (e.errno() == Errno.ENOSYS) {
                p.error(target + ": mounting " + (bind ? "with these flags" : r.type) + " is not modelled in isolab");
                return 2;
            }
            return failed(p, MountMessages.mountFailure(p, e.errno(), target, source, r.type, r.flags, false));
        }
        for (long flags : r.propagation) {
            try {
                p.sys().mount("none", target, null, flags, null);
            } catch (SysException e) {
                return failed(p, MountMessages.mountFailure(p, e.errno(), target, source, null, flags, true));
            }
        }
        if (r.verbose) {
            p.out("mount: " + source + " mounted on " + target + ".\n");
        }
        return 0;
    }

    /**
     * libmount (context_mount.c: do_mount_by_pattern): no type, or a pattern ({@code -t nofoo}
     * excludes foo, {@code -t a,b} lists types), is tried as each disk filesystem of
     * /proc/filesystems the pattern allows, until one fails otherwise than EINVAL.
     */
    private static void tryBlockTypes(Proc p, String source, String target, String pattern, long flags, String data) {
        SysException last = new SysException(Errno.EINVAL);
        for (String line : p.readFile("/proc/filesystems").split("\n")) {
            String type = line.trim();
            if (line.startsWith("nodev") || type.isEmpty() || !allowed(pattern, type)) {
                continue;
            }
            try {
                p.sys().mount(source, target, type, flags, data);
                return;
            } catch (SysException e) {
                last = e;
                if (e.errno() != Errno.EINVAL) {
                    break;
                }
            }
        }
        throw last;
    }

    /** libmount: mnt_match_fstype: a list of types, or one where every type is prefixed {@code no} to exclude it. */
    private static boolean allowed(String pattern, String type) {
        if (pattern == null) {
            return true;
        }
        boolean negated = pattern.startsWith("no");
        for (String t : pattern.split(",")) {
            if ((negated && t.startsWith("no") ? t.substring(2) : t).equals(type)) {
                return !negated;
            }
        }
        return negated;
    }

    private static void mkdirs(Proc p, String target) {
        StringBuilder path = new StringBuilder(target.startsWith("/") ? "" : ".");
        for (String part : target.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part);
            try {
                p.sys().mkdir(path.toString(), 0755);
            } catch (SysException e) {
                // exists already, or the mount will say why
            }
        }
    }

    private static int failed(Proc p, String message) {
        p.error(message);
        p.err("       dmesg(1) may have more information after failed mount system call.\n");
        return EX_FAIL;
    }

    /** {@code mount} with no arguments: {@code SOURCE on TARGET type TYPE (OPTIONS)}, from mountinfo. */
    private static int list(Proc p, String onlyType) {
        String info;
        try {
            info = p.readFile("/proc/self/mountinfo");
        } catch (SysException e) {
            p.error("failed to read mtab: " + e.strerror());
            return EX_FAIL;
        }
        StringBuilder out = new StringBuilder();
        for (String line : info.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] halves = line.split(" - ", 2);
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            String fsType = right[0];
            if (onlyType != null && !onlyType.equals(fsType)) {
                continue;
            }
            String superOptions = right.length > 2 ? right[2] : "rw";
            int comma = superOptions.indexOf(',');
            String options = left[5] + (comma < 0 ? "" : superOptions.substring(comma));
            out.append(right[1]).append(" on ").append(MountMessages.unescape(left[4])).append(" type ").append(fsType)
                    .append(" (").append(options).append(")\n");
        }
        p.out(out.toString());
        return 0;
    }
}
