package isolab.sim.userland.utillinux;

import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/setpriv (util-linux 2.38, sys-utils/setpriv.c): run a program with other user and
 * group ids. In setpriv's order: PR_SET_KEEPCAPS, setresuid(ruid, euid, euid) and the capability
 * sets re-applied (keep-caps does not keep the effective set), setresgid(rgid, egid, egid), then the
 * supplementary groups; then exec, where the kernel recomputes the capabilities for the new ids.
 * Capability, securebits, no-new-privs, LSM and landlock options and {@code --dump} are not
 * modelled.
 */
public final class Setpriv {

    /** SETPRIV_EXIT_PRIVERR: a privilege operation failed. */
    private static final int EXIT_PRIVERR = 127;

    private static final Getopt OPTIONS = new Getopt("+dhV", List.of(
            Getopt.opt("dump", Getopt.Arg.NONE, "d"), Getopt.opt("help", Getopt.Arg.NONE, "h"),
            Getopt.opt("version", Getopt.Arg.NONE, "V"),
            Getopt.opt("ruid", Getopt.Arg.REQUIRED, "ruid"), Getopt.opt("euid", Getopt.Arg.REQUIRED, "euid"),
            Getopt.opt("rgid", Getopt.Arg.REQUIRED, "rgid"), Getopt.opt("egid", Getopt.Arg.REQUIRED, "egid"),
            Getopt.opt("reuid", Getopt.Arg.REQUIRED, "reuid"), Getopt.opt("regid", Getopt.Arg.REQUIRED, "regid"),
            Getopt.opt("clear-groups", Getopt.Arg.NONE, "clear-groups"),
            Getopt.opt("keep-groups", Getopt.Arg.NONE, "keep-groups"),
            Getopt.opt("init-groups", Getopt.Arg.NONE, "init-groups"),
            Getopt.opt("groups", Getopt.Arg.REQUIRED, "groups"),
            Getopt.opt("nnp", Getopt.Arg.NONE, "nnp"), Getopt.opt("no-new-privs", Getopt.Arg.NONE, "nnp"),
            Getopt.opt("inh-caps", Getopt.Arg.REQUIRED, "inh-caps"),
            Getopt.opt("ambient-caps", Getopt.Arg.REQUIRED, "ambient-caps"),
            Getopt.opt("list-caps", Getopt.Arg.NONE, "list-caps"),
            Getopt.opt("bounding-set", Getopt.Arg.REQUIRED, "bounding-set"),
            Getopt.opt("securebits", Getopt.Arg.REQUIRED, "securebits"),
            Getopt.opt("pdeathsig", Getopt.Arg.REQUIRED, "pdeathsig"),
            Getopt.opt("ptracer", Getopt.Arg.REQUIRED, "ptracer"),
            Getopt.opt("selinux-label", Getopt.Arg.REQUIRED, "selinux-label"),
            Getopt.opt("apparmor-profile", Getopt.Arg.REQUIRED, "apparmor-profile"),
            Getopt.opt("landlock-access", Getopt.Arg.REQUIRED, "landlock-access"),
            Getopt.opt("landlock-rule", Getopt.Arg.REQUIRED, "landlock-rule"),
            Getopt.opt("seccomp-filter", Getopt.Arg.REQUIRED, "seccomp-filter"),
            Getopt.opt("reset-env", Getopt.Arg.NONE, "reset-env")));

    /** CAP_SETGID, CAP_SETUID and CAP_SETPCAP: what setpriv raises in its effective set first (bump_cap). */
    private static final long BUMPED = (1L << 6) | (1L << 7) | (1L << 8);

    /** The ids and groups asked for; -1 where an id was not given. */
    private static final class Wanted {
        int ruid = -1;
        int euid = -1;
        int rgid = -1;
        int egid = -1;
        String groupsMode;
        List<Integer> groups = new ArrayList<>();
        Passwd.User user;
    }

    private Setpriv() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        Wanted w = new Wanted();
        for (Getopt.Opt o : parsed.options()) {
            Integer failed = option(p, o, w);
            if (failed != null) {
                return failed;
            }
        }
        List<String> command = parsed.operands();
        if (command.isEmpty()) {
            p.error("No program specified");
            return 1;
        }
        if ((w.rgid != -1 || w.egid != -1) && w.groupsMode == null) {
            p.error("--[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups");
            return 1;
        }
        if ("init-groups".equals(w.groupsMode)) {
            return Usage.notModelled(p, "--init-groups");
        }
        Integer failed = apply(p, w);
        if (failed != null) {
            return failed;
        }
        return Errexec.execvp(p, command);
    }

    /** Reads one option into {@code w}; returns an exit status if the command line is wrong. */
    private static Integer option(Proc p, Getopt.Opt o, Wanted w) {
        switch (o.key()) {
            case "ruid", "reuid" -> {
                if (w.ruid != -1 || o.key().equals("reuid") && w.euid != -1) {
                    p.error(o.key().equals("ruid") ? "duplicate ruid" : "duplicate ruid or euid");
                    return 1;
                }
                Integer uid = user(p, o.arg(), w, "failed to parse " + o.key());
                if (uid == null) {
                    return 1;
                }
                w.ruid = uid;
                if (o.key().equals("reuid")) {
                    w.euid = uid;
                }
            }
            case "euid" -> {
                if (w.euid != -1) {
                    p.error("duplicate euid");
                    return 1;
                }
                Integer uid = user(p, o.arg(), null, "failed to parse euid");
                if (uid == null) {
                    return 1;
                }
                w.euid = uid;
            }
            case "rgid", "egid", "regid" -> {
                Integer gid = group(p, o.arg(), "failed to parse " + o.key());
                if (gid == null) {
                    return 1;
                }
                if (!o.key().equals("egid")) {
                    w.rgid = gid;
                }
                if (!o.key().equals("rgid")) {
                    w.egid = gid;
                }
            }
            case "clear-groups", "keep-groups", "init-groups", "groups" -> {
                if (w.groupsMode != null) {
                    p.error("mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups");
                    return 1;
                }
                w.groupsMode = o.key();
                if (o.key().equals("groups")) {
                    for (String g : o.arg().split(",")) {
                        if (!g.matches("\\d+")) {
                            p.error("Invalid supplementary group id: '" + g + "'");
                            return 1;
                        }
                        w.groups.add(Integer.parseInt(g));
                    }
                }
            }
            case "h", "V", "d" -> {
                return Usage.notModelled(p, o.spelled());
            }
            default -> {
                return Usage.notModelled(p, o.spelled());
            }
        }
        return null;
    }

    /** Changes the ids in setpriv's order; returns an exit status on failure. */
    private static Integer apply(Proc p, Wanted w) {
        Syscalls sys = p.sys();
        try {
            sys.prctlKeepCaps(true);
        } catch (SysException e) {
            p.error("keep process capabilities failed: " + e.strerror());
            return 1;
        }
        long[] caps = sys.capget();
        long effective = caps[2] | (caps[1] & BUMPED);
        if (!reapply(p, caps, effective, "activate capabilities")) {
            return EXIT_PRIVERR;
        }
        try {
            if (w.ruid != -1 || w.euid != -1) {
                int euid = w.euid == -1 ? sys.geteuid() : w.euid;
                sys.setresuid(w.ruid == -1 ? sys.getuid() : w.ruid, euid, euid);
                if (!reapply(p, caps, effective, "reactivate capabilities")) {
                    return EXIT_PRIVERR;
                }
            }
        } catch (SysException e) {
            p.error("setresuid failed: " + e.strerror());
            return EXIT_PRIVERR;
        }
        try {
            if (w.rgid != -1 || w.egid != -1) {
                int egid = w.egid == -1 ? sys.getegid() : w.egid;
                sys.setresgid(w.rgid == -1 ? sys.getgid() : w.rgid, egid, egid);
            }
        } catch (SysException e) {
            p.error("setresgid failed: " + e.strerror());
            return EXIT_PRIVERR;
        }
        try {
            if ("groups".equals(w.groupsMode)) {
                sys.setgroups(w.groups);
            } else if ("clear-groups".equals(w.groupsMode)) {
                sys.setgroups(List.of());
            }
        } catch (SysException e) {
            p.error("setgroups failed: " + e.strerror());
            return EXIT_PRIVERR;
        }
        return null;
    }

    /** capng_apply(CAPNG_SELECT_CAPS): the sets setpriv read at start, with the bumped effective set. */
    private static boolean reapply(Proc p, long[] caps, long effective, String what) {
        try {
            p.sys().capset(caps[0], caps[1], effective);
            return true;
        } catch (SysException e) {
            p.error(what + ": " + e.strerror());
            return false;
        }
    }

    /** get_passwd/get_user: a user name, else a number (strtol_or_err). */
    private static Integer user(Proc p, String arg, Wanted w, String failed) {
        Passwd.User u = Passwd.byName(p, arg);
        if (u == null && arg.matches("\\d+")) {
            u = Passwd.byUid(p, Long.parseLong(arg));
            if (u == null) {
                return (int) Long.parseLong(arg);
            }
        }
        if (u == null) {
            p.error(failed + ": '" + arg + "'");
            return null;
        }
        if (w != null) {
            w.user = u;
        }
        return u.uid();
    }

    /** get_group: a group name, else a number. */
    private static Integer group(Proc p, String arg, String failed) {
        long gid = Passwd.groupByName(p, arg);
        if (gid < 0 && arg.matches("\\d+")) {
            gid = Long.parseLong(arg);
        }
        if (gid < 0) {
            p.error(failed + ": '" + arg + "'");
            return null;
        }
        return (int) gid;
    }
}
