package isolab.sim.kernel;

import isolab.sim.fs.Directory;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Tmpfs;

/**
 * The machine's root filesystem: a small Debian 12 tree with merged /usr, the files programs read
 * (/etc/passwd, /etc/group, /etc/hostname, ...) and empty directories for the mount points. The
 * userland installs its programs into /usr/bin and /usr/sbin afterwards. Shown as the overlay the
 * real sandbox mounts; overlay semantics (copy-up) are not modelled on it in this slice.
 */
final class RootFs {

    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            bin:x:2:2:bin:/bin:/usr/sbin/nologin
            sys:x:3:3:sys:/dev:/usr/sbin/nologin
            sync:x:4:65534:sync:/bin:/bin/sync
            games:x:5:60:games:/usr/games:/usr/sbin/nologin
            man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
            lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
            mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
            news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
            uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
            proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
            www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
            backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
            list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
            irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
            _apt:x:42:65534::/nonexistent:/usr/sbin/nologin
            nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
            """;

    static final String GROUP = """
            root:x:0:
            daemon:x:1:
            bin:x:2:
            sys:x:3:
            adm:x:4:
            tty:x:5:
            disk:x:6:
            lp:x:7:
            mail:x:8:
            news:x:9:
            uucp:x:10:
            man:x:12:
            proxy:x:13:
            kmem:x:15:
            dialout:x:20:
            fax:x:21:
            voice:x:22:
            cdrom:x:24:
            floppy:x:25:
            tape:x:26:
            sudo:x:27:
            audio:x:29:
            dip:x:30:
            www-data:x:33:
            backup:x:34:
            operator:x:37:
            list:x:38:
            irc:x:39:
            src:x:40:
            shadow:x:42:
            utmp:x:43:
            video:x:44:
            sasl:x:45:
            plugdev:x:46:
            staff:x:50:
            games:x:60:
            users:x:100:
            nogroup:x:65534:
            """;

    private RootFs() {
    }

    static SuperBlock build(String device) {
        SuperBlock sb = Tmpfs.create("overlay", "overlay", device,
                "rw,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on", 0755);
        Directory root = sb.root();
        for (String dir : new String[] {"boot", "dev", "etc", "home", "media", "mnt", "opt", "proc", "root",
                "run", "srv", "sys", "tmp", "usr/bin", "usr/sbin", "usr/lib", "usr/lib64", "usr/local/bin",
                "usr/local/sbin", "usr/share", "var/cache", "var/lib", "var/log", "var/tmp", "var/spool"}) {
            Tmpfs.mkdirs(root, dir, 0755);
        }
        ((Directory) root.lookup("root", null)).chmod(0700);
        ((Directory) root.lookup("tmp", null)).chmod(01777);
        Tmpfs.symlink(root, "bin", "usr/bin");
        Tmpfs.symlink(root, "sbin", "usr/sbin");
        Tmpfs.symlink(root, "lib", "usr/lib");
        Tmpfs.symlink(root, "lib64", "usr/lib64");
        Directory etc = (Directory) root.lookup("etc", null);
        Tmpfs.file(etc, "passwd", 0644, PASSWD);
        Tmpfs.file(etc, "group", 0644, GROUP);
        Tmpfs.file(etc, "hostname", 0644, "isolab\n");
        Tmpfs.file(etc, "hosts", 0644, "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n");
        // No subordinate ids, as on the lab machines (shadow's files are there, empty).
        Tmpfs.file(etc, "subuid", 0644, "");
        Tmpfs.file(etc, "subgid", 0644, "");
        Tmpfs.file(etc, "shells", 0644, "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n");
        Tmpfs.file(etc, "os-release", 0644, """
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                VERSION="12 (bookworm)"
                VERSION_CODENAME=bookworm
                ID=debian
                HOME_URL="https://www.debian.org/"
                SUPPORT_URL="https://www.debian.org/support"
                BUG_REPORT_URL="https://bugs.debian.org/"
                """);
        Tmpfs.file(etc, "debian_version", 0644, "12.12\n");
        // The same rc file the real sandbox writes (real-runtime's launcher): it sets nothing.
        Tmpfs.file(etc, "bash.bashrc", 0644, "# System-wide .bashrc file for interactive bash(1) shells on an isolab machine.\n"
                + "# isolab's terminals keep the PS1 they were started with (see real-runtime's\n"
                + "# package-info), so this file, unlike the host's, sets nothing.\n");
        return sb;
    }
}
