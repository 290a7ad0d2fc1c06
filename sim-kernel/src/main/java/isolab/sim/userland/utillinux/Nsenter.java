package isolab.sim.userland.utillinux;

import isolab.api.NamespaceType;
import isolab.sim.fs.OpenFile;
import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/nsenter (util-linux 2.38, sys-utils/nsenter.c): opens {@code /proc/PID/ns/<kind>} of
 * the target for each namespace asked for (all with {@code -a}), setns(2)s into them, forks when
 * entering a PID namespace (only children enter it), and execs the program ($SHELL by default).
 * User namespaces and the -S/-G/-r/-w options are not modelled.
 */
public final class Nsenter {

    private Nsenter() {
    }

    /** The namespace kinds in the order nsenter enters them (user first, then the others). */
    private static final String[][] KINDS = {
        {"U", "user", "--user"}, {"i", "ipc", "--ipc"}, {"u", "uts", "--uts"}, {"n", "net", "--net"}, {"p", "pid", "--pid"},
        {"C", "cgroup", "--cgroup"}, {"T", "time", "--time"}, {"m", "mnt", "--mount"}};

    public static int main(Proc p) {
        int target = -1;
        boolean all = false;
        boolean noFork = false;
        boolean preserveCred = false;
        List<String> wanted = new ArrayList<>();
        List<String> command = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                command.addAll(args.subList(i, args.size()));
                break;
            }
            if (a.equals("--")) {
                command.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.equals("-t") || a.equals("--target")) {
                if (i + 1 >= args.size()) {
                    return Usage.tryHelp(p, "option requires an argument -- 't'", 1);
                }
                String v = args.get(++i);
                try {
                    target = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    p.error("failed to parse pid: '" + v + "'");
                    return 1;
                }
                continue;
            }
            if (a.startsWith("--target=")) {
                target = Integer.parseInt(a.substring(9));
                continue;
            }
            if (a.equals("-a") || a.equals("--all")) {
                all = true;
                continue;
            }
            if (a.equals("-F") || a.equals("--no-fork")) {
                noFork = true;
                continue;
            }
            if (a.equals("--preserve-credentials")) {
                preserveCred = true;
                continue;
            }
            if (a.startsWith("-S") || a.startsWith("-G") || a.startsWith("-r")
                    || a.startsWith("-w") || a.startsWith("--setuid") || a.startsWith("--setgid") || a.startsWith("--root")
                    || a.startsWith("--wd") || a.equals("-Z") || a.equals("--follow-context")) {
                return Usage.notModelled(p, a);
            }
            boolean matched = false;
            for (String[] kind : KINDS) {
                if (a.equals("-" + kind[0]) || a.equals(kind[2])) {
                    wanted.add(kind[1]);
                    matched = true;
                } else if (a.startsWith("-" + kind[0]) || a.startsWith(kind[2] + "=")) {
                    return Usage.notModelled(p, a + " (a namespace file)");
                }
            }
            if (!matched) {
                if (a.length() > 2 && !a.startsWith("--")) {
                    // clustered short options such as -mupi
                    boolean ok = true;
                    for (char c : a.substring(1).toCharArray()) {
                        String kind = kindOf(c);
                        if (kind == null) {
                            ok = false;
                            break;
                        }
                        wanted.add(kind);
                    }
                    if (ok) {
                        continue;
                    }
                }
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                        : "invalid option -- '" + a.charAt(1) + "'", 1);
            }
        }
        if (all) {
            for (String[] kind : KINDS) {
                // setns cannot re-enter the caller's own user namespace: -a leaves it out then.
                if (!wanted.contains(kind[1]) && !(kind[1].equals("user") && sameUserNamespace(p, target))) {
                    wanted.add(kind[1]);
                }
            }
        }
        Syscalls sys = p.sys();
        if (!wanted.isEmpty() && target < 0) {
            p.error("neither filename nor target pid supplied for ns/" + wanted.get(0));
            return 1;
        }
        List<int[]> fds = new ArrayList<>();
        for (String[] kind : KINDS) {
            if (!wanted.contains(kind[1])) {
                continue;
            }
            String path = "/proc/" + target + "/ns/" + kind[1];
            try {
                fds.add(new int[] {sys.open(path, OpenFile.O_RDONLY, 0), NamespaceType.fromProcName(kind[1]).cloneFlag()});
            } catch (SysException e) {
                p.error("cannot open " + path + ": " + e.strerror());
                return 1;
            }
        }
        // sys-utils/nsenter.c: for a user namespace, the ids become 0 inside unless --preserve-credentials;
        // setgroups is tried before and after entering, and only both failing is an error.
        boolean user = wanted.contains("user") && !preserveCred;
        int setgroupsErrors = user && !dropGroups(sys) ? 1 : 0;
        // Two passes: the others first (failures wait for the second pass), then the user namespace
        // and whatever failed without its privileges.
        List<int[]> pending = new ArrayList<>();
        for (int[] fd : fds) {
            if (fd[1] == NamespaceType.USER.cloneFlag() || !enter(sys, fd)) {
                pending.add(fd);
            }
        }
        pending.sort((a, b) -> Boolean.compare(b[1] == NamespaceType.USER.cloneFlag(), a[1] == NamespaceType.USER.cloneFlag()));
        for (int[] fd : pending) {
            try {
                sys.setns(fd[0], fd[1]);
            } catch (SysException e) {
                p.error("reassociate to namespace 'ns/" + nameOf(fd[1]) + "' failed: " + e.strerror());
                return 1;
            } finally {
                sys.close(fd[0]);
            }
        }
        if (user) {
            if (!dropGroups(sys) && setgroupsErrors > 0) {
                p.error("setgroups failed: " + Errno.EPERM.strerror());
                return 1;
            }
            try {
                sys.setgid(0);
            } catch (SysException e) {
                p.error("setgid failed: " + e.strerror());
                return 1;
            }
            try {
                sys.setuid(0);
            } catch (SysException e) {
                p.error("setuid failed: " + e.strerror());
                return 1;
            }
        }
        if (command.isEmpty()) {
            command.add(p.env().getOrDefault("SHELL", "/bin/sh"));
        }
        if (wanted.contains("pid") && !noFork) {
            int child;
            try {
                child = sys.fork(childSys -> Errexec.execvp(new Proc(childSys, p.argv(), p.envp()), command));
            } catch (SysException e) {
                p.error("fork failed: " + e.strerror());   // nsenter.c: err(EXIT_FAILURE, _("fork failed"))
                return 1;
            }
            sys.sigaction(Signal.SIGINT, Syscalls.Disposition.IGNORE);
            while (true) {
                try {
                    Wait.Reaped r = sys.wait4(child, 0);
                    int sig = r.status() & 0x7f;
                    if (sig != 0) {
                        sys.sigaction(Signal.SIGINT, Syscalls.Disposition.DEFAULT);
                        sys.raiseSignal(sig);
                        return 128 + sig;
                    }
                    return (r.status() >> 8) & 0xff;
                } catch (SysException e) {
                    if (e.errno() != Errno.EINTR) {
                        return 1;
                    }
                }
            }
        }
        return Errexec.execvp(p, command);
    }

    /** setns on the first pass: a failure is left for the second. */
    private static boolean enter(Syscalls sys, int[] fd) {
        try {
            sys.setns(fd[0], fd[1]);
            sys.close(fd[0]);
            return true;
        } catch (SysException e) {
            return false;
        }
    }

    /** setgroups(0, NULL); whether it worked. */
    private static boolean dropGroups(Syscalls sys) {
        try {
            sys.setgroups(List.of());
            return true;
        } catch (SysException e) {
            return false;
        }
    }

    /** Whether the caller already is in {@code target}'s user namespace (is_same_namespace). */
    private static boolean sameUserNamespace(Proc p, int target) {
        try {
            return p.sys().readlink("/proc/self/ns/user").equals(p.sys().readlink("/proc/" + target + "/ns/user"));
        } catch (SysException e) {
            return false;
        }
    }

    private static String kindOf(char c) {
        for (String[] kind : KINDS) {
            if (kind[0].charAt(0) == c) {
                return kind[1];
            }
        }
        return null;
    }

    private static String nameOf(int flag) {
        for (NamespaceType t : NamespaceType.values()) {
            if (t.cloneFlag() == flag) {
                return t.procName();
            }
        }
        return "?";
    }
}
