package isolab.sim.userland.iproute2;

import isolab.api.NamespaceType;
import isolab.sim.fs.OpenFile;
import isolab.sim.net.NetlinkError;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Execvp;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip netns} (ip/ipnetns.c, lib/namespace.c): named network namespaces are files under
 * {@code /run/netns} with the namespace's nsfs file bind-mounted on them, so every step here
 * is a system call a C program would make - mkdir, mount, open, unshare, setns, umount, unlink.
 */
final class IpNetns {

    /** NETNS_RUN_DIR. */
    static final String RUN_DIR = "/run/netns";

    private IpNetns() {
    }

    static int main(Proc p, List<String> args, Ip.Options options) {
        if (args.isEmpty()) {
            return list(p);
        }
        String cmd = args.get(0);
        if (args.size() > 1 && invalidName(args.get(1))) {
            p.err("Invalid netns name \"" + args.get(1) + "\"\n");
            return 255;
        }
        List<String> rest = args.subList(1, args.size());
        if (Ip.matches(cmd, "list") || Ip.matches(cmd, "show") || Ip.matches(cmd, "lst")) {
            return list(p);
        }
        if (Ip.matches(cmd, "list-id") || Ip.matches(cmd, "help") || Ip.matches(cmd, "set")) {
            return Usage.notModelled(p, "netns " + cmd);
        }
        if (Ip.matches(cmd, "add")) {
            return add(p, rest, true);
        }
        if (Ip.matches(cmd, "delete")) {
            return delete(p, rest);
        }
        if (Ip.matches(cmd, "identify")) {
            return identify(p, rest);
        }
        if (Ip.matches(cmd, "pids")) {
            return pids(p, rest);
        }
        if (Ip.matches(cmd, "exec")) {
            return exec(p, rest);
        }
        if (Ip.matches(cmd, "monitor")) {
            return Usage.notModelled(p, "netns " + cmd);
        }
        if (Ip.matches(cmd, "attach")) {
            return add(p, rest, false);
        }
        p.err("Command \"" + cmd + "\" is unknown, try \"ip netns help\".\n");
        return 255;
    }

    private static boolean invalidName(String name) {
        return name.isEmpty() || name.length() > 255 || name.contains("/") || name.equals(".") || name.equals("..");
    }

    /** The names in /run/netns, in readdir order; empty if the directory does not exist. */
    static List<String> names(Syscalls sys) {
        List<String> names = new ArrayList<>();
        int fd;
        try {
            fd = sys.open(RUN_DIR, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
        } catch (SysException e) {
            return names;
        }
        try {
            for (DirEntry e : sys.getdents(fd)) {
                if (!e.name().equals(".") && !e.name().equals("..")) {
                    names.add(e.name());
                }
            }
        } finally {
            sys.close(fd);
        }
        return names;
    }

    /** The nsid the caller's namespace gave namespace {@code name}, or -1 (get_netnsid_from_name). */
    static int nsid(Syscalls sys, String name) {
        int fd;
        try {
            fd = sys.open(RUN_DIR + "/" + name, OpenFile.O_RDONLY, 0);
        } catch (SysException e) {
            return -1;
        }
        try {
            return sys.rtmGetNsid(fd);
        } catch (NetlinkError | SysException e) {
            return -1;
        } finally {
            sys.close(fd);
        }
    }

    /** The name of the namespace the caller knows by {@code nsid}, or null (get_name_from_nsid). */
    static String nameOf(Syscalls sys, int nsid) {
        for (String name : names(sys)) {
            if (nsid(sys, name) == nsid) {
                return name;
            }
        }
        return null;
    }

    private static int list(Proc p) {
        for (String name : names(p.sys())) {
            int id = nsid(p.sys(), name);
            p.out(id >= 0 ? name + " (id: " + id + ")\n" : name + "\n");
        }
        return 0;
    }

    /**
     * netns_add: make /run/netns a shared mount point, create the file, then bind the namespace
     * onto it: a new one ({@code create}: unshare, bind /proc/self/ns/net, come back) or that of
     * a process ({@code ip netns attach NAME PID}: bind /proc/PID/ns/net).
     */
    private static int add(Proc p, List<String> args, boolean create) {
        int pid = 0;
        if (create && args.isEmpty()) {
            p.err("No netns name specified\n");
            return 1;
        }
        if (!create) {
            if (args.size() < 2) {
                p.err("No netns name and PID specified\n");
                return 1;
            }
            try {
                pid = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                pid = 0;
            }
            if (pid == 0) {
                p.err("Invalid PID: " + args.get(1) + "\n");
                return 1;
            }
        }
        Syscalls sys = p.sys();
        String path = RUN_DIR + "/" + args.get(0);
        try {
            sys.mkdir(RUN_DIR, 0755);
        } catch (SysException e) {
            if (e.errno() != Errno.EEXIST) {
                p.err("mkdir " + RUN_DIR + " failed: " + e.strerror() + "\n");
                return 1;
            }
        }
        boolean made = false;
        while (true) {
            try {
                sys.mount("", RUN_DIR, "none", Syscalls.MS_SHARED | Syscalls.MS_REC, null);
                break;
            } catch (SysException e) {
                if (e.errno() != Errno.EINVAL || made) {
                    p.err("mount --make-shared " + RUN_DIR + " failed: " + e.strerror() + "\n");
                    return 1;
                }
            }
            try {
                sys.mount(RUN_DIR, RUN_DIR, "none", Syscalls.MS_BIND | Syscalls.MS_REC, null);
            } catch (SysException e) {
                p.err("mount --bind " + RUN_DIR + " " + RUN_DIR + " failed: " + e.strerror() + "\n");
                return 1;
            }
            made = true;
        }
        try {
            sys.close(sys.open(path, OpenFile.O_RDONLY | OpenFile.O_CREAT | OpenFile.O_EXCL, 0));
        } catch (SysException e) {
            p.err("Cannot create namespace file \"" + path + "\": " + e.strerror() + "\n");
            return 1;
        }
        if (!create) {
            String proc = "/proc/" + pid + "/ns/net";
            try {
                sys.mount(proc, path, "none", Syscalls.MS_BIND, null);
                return 0;
            } catch (SysException e) {
                p.err("Bind " + proc + " -> " + path + " failed: " + e.strerror() + "\n");
                try {
                    sys.unlink(path);
                } catch (SysException gone) {
                    p.err("Cannot remove namespace file \"" + path + "\": " + gone.strerror() + "\n");
                }
                return 1;
            }
        }
        int saved = sys.open("/proc/self/ns/net", OpenFile.O_RDONLY | OpenFile.O_CLOEXEC, 0);
        try {
            sys.unshare(NamespaceType.NET.cloneFlag());
        } catch (SysException e) {
            p.err("Failed to create a new network namespace \"" + args.get(0) + "\": " + e.strerror() + "\n");
            restore(sys, saved);
            delete(p, args);
            return 1;
        }
        try {
            sys.mount("/proc/self/ns/net", path, "none", Syscalls.MS_BIND, null);
        } catch (SysException e) {
            p.err("Bind /proc/self/ns/net -> " + path + " failed: " + e.strerror() + "\n");
            restore(sys, saved);
            delete(p, args);
            return 1;
        }
        restore(sys, saved);
        return 0;
    }

    /** netns_restore: back to the namespace saved before unshare. */
    private static void restore(Syscalls sys, int saved) {
        sys.setns(saved, NamespaceType.NET.cloneFlag());
        sys.close(saved);
    }

    private static int delete(Proc p, List<String> args) {
        if (args.isEmpty()) {
            p.err("No netns name specified\n");
            return 1;
        }
        String path = RUN_DIR + "/" + args.get(0);
        try {
            p.sys().umount(path, Syscalls.MNT_DETACH);
        } catch (SysException ignored) {
            // ip ignores it: the file may never have been mounted on.
        }
        try {
            p.sys().unlink(path);
        } catch (SysException e) {
            p.err("Cannot remove namespace file \"" + path + "\": " + e.strerror() + "\n");
            return 1;
        }
        return 0;
    }

    /** netns_identify: the names whose file is the same nsfs inode as /proc/PID/ns/net. */
    private static int identify(Proc p, List<String> args) {
        String pid = "self";
        if (args.size() > 1) {
            p.err("extra arguments specified\n");
            return 1;
        }
        if (args.size() == 1) {
            pid = args.get(0);
            if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty()) {
                p.err("Specified string '" + pid + "' is not a pid\n");
                return 1;
            }
        }
        Stat own;
        try {
            own = p.sys().stat("/proc/" + pid + "/ns/net");
        } catch (SysException e) {
            p.err("Cannot open network namespace: " + e.strerror() + "\n");
            return 1;
        }
        String found = "";
        for (String name : names(p.sys())) {
            try {
                Stat st = p.sys().stat(RUN_DIR + "/" + name);
                if (st.device().equals(own.device()) && st.ino() == own.ino()) {
                    found = name;
                }
            } catch (SysException ignored) {
                // a name that vanished: skipped, as ip does
            }
        }
        p.out(found + "\n");
        return 0;
    }

    /** netns_pids: the processes whose /proc/PID/ns/net is the named namespace. */
    private static int pids(Proc p, List<String> args) {
        if (args.isEmpty()) {
            p.err("No netns name specified\n");
            return 1;
        }
        if (args.size() > 1) {
            p.err("extra arguments specified\n");
            return 1;
        }
        Stat target;
        try {
            target = p.sys().stat(RUN_DIR + "/" + args.get(0));
        } catch (SysException e) {
            p.err("Cannot open network namespace: " + e.strerror() + "\n");
            return 1;
        }
        int fd = p.sys().open("/proc", OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
        List<DirEntry> entries = p.sys().getdents(fd);
        p.sys().close(fd);
        for (DirEntry e : entries) {
            if (e.name().isEmpty() || !e.name().chars().allMatch(Character::isDigit)) {
                continue;
            }
            try {
                Stat st = p.sys().stat("/proc/" + e.name() + "/ns/net");
                if (st.device().equals(target.device()) && st.ino() == target.ino()) {
                    p.out(e.name() + "\n");
                }
            } catch (SysException ignored) {
                // the process is gone
            }
        }
        return 0;
    }

    /** netns_exec: switch this process (no fork) and exec the command; its status is ip's. */
    private static int exec(Proc p, List<String> args) {
        if (args.isEmpty()) {
            p.err("No netns name specified\n");
            return 1;
        }
        if (args.size() < 2) {
            p.err("No command specified\n");
            return 1;
        }
        if (switchTo(p, args.get(0)) != 0) {
            return 255;
        }
        List<String> argv = args.subList(1, args.size());
        try {
            Execvp.execvp(p, argv);
        } catch (SysException e) {
            p.err("exec of \"" + argv.get(0) + "\" failed: " + e.strerror() + "\n");
        }
        return p.exit(1);
    }

    /**
     * netns_switch: setns into the named namespace, then a mount namespace of its own with /sys
     * remounted to show the new namespace's devices. Prints ip's message and returns -1 on failure.
     */
    static int switchTo(Proc p, String name) {
        Syscalls sys = p.sys();
        String path = name.contains("/") ? name : RUN_DIR + "/" + name;
        int fd;
        try {
            fd = sys.open(path, OpenFile.O_RDONLY | OpenFile.O_CLOEXEC, 0);
        } catch (SysException e) {
            p.err("Cannot open network namespace \"" + name + "\": " + e.strerror() + "\n");
            return -1;
        }
        try {
            sys.setns(fd, NamespaceType.NET.cloneFlag());
        } catch (SysException e) {
            p.err("setting the network namespace \"" + name + "\" failed: " + e.strerror() + "\n");
            sys.close(fd);
            return -1;
        }
        sys.close(fd);
        try {
            sys.unshare(NamespaceType.MNT.cloneFlag());
        } catch (SysException e) {
            p.err("unshare failed: " + e.strerror() + "\n");
            return -1;
        }
        try {
            sys.mount("", "/", "none", Syscalls.MS_SLAVE | Syscalls.MS_REC, null);
        } catch (SysException e) {
            p.err("\"mount --make-rslave /\" failed: " + e.strerror() + "\n");
            return -1;
        }
        long flags = 0;
        try {
            sys.umount("/sys", Syscalls.MNT_DETACH);
        } catch (SysException e) {
            // Perhaps no sysfs was mounted; a read-only one would be shadowed read-only.
            flags = 0;
        }
        try {
            sys.mount(name, "/sys", "sysfs", flags, null);
        } catch (SysException e) {
            p.err("mount of /sys failed: " + e.strerror() + "\n");
            return -1;
        }
        bindEtc(p, name);
        return 0;
    }

    /** bind_etc: each file of /etc/netns/NAME is bind-mounted over the /etc file of that name. */
    private static void bindEtc(Proc p, String name) {
        Syscalls sys = p.sys();
        String dir = "/etc/netns/" + name;
        int fd;
        try {
            fd = sys.open(dir, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
        } catch (SysException e) {
            return;
        }
        List<DirEntry> entries;
        try {
            entries = sys.getdents(fd);
        } finally {
            sys.close(fd);
        }
        for (DirEntry e : entries) {
            if (e.name().equals(".") || e.name().equals("..")) {
                continue;
            }
            try {
                sys.mount(dir + "/" + e.name(), "/etc/" + e.name(), "none", Syscalls.MS_BIND, null);
            } catch (SysException failed) {
                p.err("Bind " + dir + "/" + e.name() + " -> /etc/" + e.name() + " failed: " + failed.strerror() + "\n");
            }
        }
    }
}
