package isolab.sim.userland.utillinux;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/mount and /usr/bin/umount (util-linux 2.38, libmount): list the mounts of the caller's
 * namespace, mount proc and tmpfs instances and bind mounts, make mounts private, unmount
 * (lazily with -l). Failures print libmount's messages and exit 32.
 */
public final class Mount {

    /** MNT_EX_FAIL: mount failure. */
    static final int EX_FAIL = 32;

    private Mount() {
    }

    public static int mount(Proc p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            return list(p, null);
        }
        String type = null;
        String options = null;
        boolean bind = false;
        String propagation = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-t", "--types" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, "option requires an argument -- 't'", 1);
                    }
                    type = args.get(++i);
                }
                case "-o", "--options" -> {
                    if (i + 1 >= args.size()) {
                        return Usage.tryHelp(p, "option requires an argument -- 'o'", 1);
                    }
                    options = args.get(++i);
                }
                case "--bind", "-B" -> bind = true;
                case "--make-private", "--make-rprivate" -> propagation = a;
                case "--make-shared", "--make-rshared", "--make-slave", "--make-rslave", "--make-unbindable",
                        "--make-runbindable", "--rbind", "-R", "--move", "-M", "-a", "--all", "-r", "-w", "-v", "-n",
                        "-f", "-l", "-L", "-U", "-F", "--fork", "--fake", "--target", "--source", "--namespace", "-N" -> {
                    return Usage.notModelled(p, a);
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                    operands.add(a);
                }
            }
        }
        Syscalls sys = p.sys();
        if (propagation != null) {
            if (operands.size() != 1) {
                return Usage.tryHelp(p, "bad usage", 1);
            }
            try {
                sys.mount("none", operands.get(0), null, Syscalls.MS_PRIVATE
                        | (propagation.startsWith("--make-r") ? Syscalls.MS_REC : 0), null);
                return 0;
            } catch (SysException e) {
                return failed(p, operands.get(0), e, type);
            }
        }
        if (operands.isEmpty() && type != null) {
            return list(p, type);
        }
        if (operands.size() != 2) {
            if (operands.size() == 1) {
                p.error("can't find " + operands.get(0) + " in /etc/fstab.");
                return 1;
            }
            return Usage.tryHelp(p, "bad usage", 1);
        }
        long flags = 0;
        List<String> data = new ArrayList<>();
        if (options != null) {
            for (String o : options.split(",")) {
                switch (o) {
                    case "ro" -> flags |= Syscalls.MS_RDONLY;
                    case "rw", "defaults", "relatime" -> {
                    }
                    case "nosuid" -> flags |= Syscalls.MS_NOSUID;
                    case "nodev" -> flags |= Syscalls.MS_NODEV;
                    case "noexec" -> flags |= Syscalls.MS_NOEXEC;
                    case "noatime" -> flags |= Syscalls.MS_NOATIME;
                    case "bind" -> bind = true;
                    case "remount" -> {
                        return Usage.notModelled(p, "-o remount");
                    }
                    default -> data.add(o);
                }
            }
        }
        if (bind) {
            flags |= Syscalls.MS_BIND;
        }
        String source = operands.get(0);
        String target = operands.get(1);
        try {
            sys.stat(target);
        } catch (SysException e) {
            p.error(target + ": mount point does not exist.");
            p.err("       dmesg(1) may have more information after failed mount system call.\n");
            return EX_FAIL;
        }
        if (type == null && !bind) {
            p.error(target + ": can't find in /etc/fstab.");
            return EX_FAIL;
        }
        try {
            sys.mount(source, target, type, flags, data.isEmpty() ? null : String.join(",", data));
            return 0;
        } catch (SysException e) {
            return failed(p, target, e, type);
        }
    }

    private static int failed(Proc p, String target, SysException e, String type) {
        String why = switch (e.errno()) {
            case ENODEV -> "unknown filesystem type '" + type + "'.";
            case EPERM -> "must be superuser to use mount.";
            case ENOSYS -> "this kind of mount is not modelled in isolab.";
            case ENOTDIR -> "mount point is not a directory.";
            default -> e.strerror() + ".";
        };
        p.error(target + ": " + why);
        if (e.errno() != Errno.EPERM && e.errno() != Errno.ENOSYS) {
            p.err("       dmesg(1) may have more information after failed mount system call.\n");
        }
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
            out.append(right[1]).append(" on ").append(unescape(left[4])).append(" type ").append(fsType)
                    .append(" (").append(options).append(")\n");
        }
        p.out(out.toString());
        return 0;
    }

    private static String unescape(String path) {
        return path.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    public static int umount(Proc p) {
        boolean lazy = false;
        List<String> targets = new ArrayList<>();
        for (String a : p.args()) {
            if (a.equals("-l") || a.equals("--lazy")) {
                lazy = true;
            } else if (a.equals("-f") || a.equals("--force") || a.equals("-R") || a.equals("--recursive")
                    || a.equals("-a") || a.equals("--all") || a.equals("-n") || a.equals("-r") || a.equals("-v")) {
                return Usage.notModelled(p, a);
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                        : "invalid option -- '" + a.charAt(1) + "'", 1);
            } else {
                targets.add(a);
            }
        }
        if (targets.isEmpty()) {
            p.error("bad usage");
            p.err("Try 'umount --help' for more information.\n");
            return 1;
        }
        int status = 0;
        for (String target : targets) {
            try {
                p.sys().umount(target, lazy ? Syscalls.MNT_DETACH : 0);
            } catch (SysException e) {
                String why = switch (e.errno()) {
                    case EINVAL -> "not mounted.";
                    case ENOENT -> "no mount point specified.";
                    case EBUSY -> "target is busy.";
                    case EPERM -> "must be superuser to unmount.";
                    default -> e.strerror() + ".";
                };
                p.error(target + ": " + why);
                status = EX_FAIL;
            }
        }
        return status;
    }
}
