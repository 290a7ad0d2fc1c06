package isolab.sim.userland;

import java.util.List;



/**
 * Programs a Debian machine has that isolab does not model yet. The shells' command-not-found
 * path asks here, so that {@code top} says {@code bash: top: not modelled in isolab} (status
 * 127) instead of pretending the program does not exist.
 */
public final class Catalog {

    private static final List<String> KNOWN = List.of(
            "top", "htop", "free", "vmstat", "pgrep", "pkill", "pidof", "watch", "w", "pstree", "pmap",
            "docker", "sysbench", "df", "du", "find", "xargs", "awk", "sed", "less", "more",
            "vi", "vim", "nano", "whoami", "groups", "su", "sudo", "setsid", "nohup", "timeout",
            "nice", "renice", "taskset", "cgexec", "cgcreate", "systemctl", "journalctl", "dmesg", "lsof", "strace",
            "ss", "netstat", "arp", "curl", "wget", "tar", "gzip", "python3", "perl", "make", "gcc", "dirname",
            "realpath", "uniq", "diff", "cmp", "md5sum", "sha256sum", "nproc", "lscpu",
            "tty", "stty", "script",
            "getpcaps", "mkfifo", "mknod", "sync", "truncate", "split", "tac", "nl", "od",
            "hexdump", "xxd", "file", "which", "hostnamectl", "lsblk", "blkid", "losetup", "mkfs", "runc", "ctr",
            "podman", "lxc", "chcpu", "prlimit", "ulimit", "cgget", "cgset");

    private Catalog() {
    }

    /** Whether {@code name} is a program Linux has and isolab does not model (yet). */
    public static boolean isKnownUnmodelled(String name) {
        return KNOWN.contains(name);
    }
}
