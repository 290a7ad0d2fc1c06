package isolab.sim.userland.busybox;

import isolab.sim.shell.Shell;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/busybox (Debian's busybox-static): one binary that is many programs, chosen by the
 * name it runs as ({@code sh} when copied into a chroot as {@code /bin/sh}) or by its first
 * argument. Its shell is modelled ({@link Shell#busyboxAsh}); its other applets are not, and say so.
 */
public final class Busybox {

    /**
     * The applets a static busybox runs inside its shell even in a chroot without /proc (measured:
     * the others, like {@code cat}, are "not found" there).
     */
    private static final List<String> IN_SHELL = List.of("[", "[[", "adjtimex", "arch", "awk", "basename", "blkdiscard",
            "blockdev", "brctl", "cal", "chgrp", "chmod", "chown", "chroot", "chvt", "clear", "cp", "crc32", "cttyhack",
            "cut", "date", "dd", "deallocvt", "df", "dirname", "dnsdomainname", "dos2unix", "dumpkmap", "dumpleases",
            "env", "expr", "fatattr", "find", "fold", "free", "freeramdisk", "fsfreeze", "fstrim", "getopt", "groups",
            "head", "hexdump", "hostid", "hostname", "id", "insmod", "ionice", "ip", "ipcalc", "ipneigh", "killall",
            "link", "linux32", "linux64", "ln", "loadfont", "loadkmap", "logname", "losetup", "ls", "lsmod", "lsscsi",
            "md5sum", "mkdir", "mkfifo", "mknod", "mkpasswd", "mktemp", "modinfo", "modprobe", "mv", "nameif", "nproc",
            "nuke", "partprobe", "paste", "pivot_root", "ps", "readlink", "realpath", "renice", "reset", "resume", "rm",
            "rmdir", "rmmod", "seq", "setkeycodes", "sha1sum", "sha256sum", "sha3sum", "sha512sum", "shuf", "sort",
            "stat", "stty", "sulogin", "svc", "svok", "sync", "sysctl", "tac", "taskset", "touch", "truncate", "tty",
            "tunctl", "umount", "uname", "unix2dos", "unlink", "uptime", "usleep", "vconfig", "w", "which", "who",
            "whoami", "xargs", "xxd", "yes");

    private Busybox() {
    }

    /** Whether busybox's shell would run {@code name} as one of its own applets. */
    public static boolean isApplet(String name) {
        return IN_SHELL.contains(name);
    }

    public static int main(Proc p) {
        List<String> argv = p.argv();
        String name = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        List<String> args = new ArrayList<>(argv);
        if (name.equals("busybox")) {
            if (argv.size() < 2) {
                p.err("busybox: running busybox without an applet is not modelled in isolab\n");
                return 2;
            }
            args = new ArrayList<>(argv.subList(1, argv.size()));
            name = args.get(0);
        }
        if (name.equals("sh") || name.equals("ash")) {
            return Shell.busyboxAsh(new Proc(p.sys(), args, p.envp()));
        }
        p.err(name + ": busybox applets other than sh are not modelled in isolab\n");
        return 127;
    }
}
