package isolab.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mount -o remount}, {@code -o bind,remount} and {@code mount --move}, measured on Linux 6.18. */
class RemountMoveTest {

    private static final String DMESG = "       dmesg(1) may have more information after failed mount system call.\n";

    private Machine m;

    @BeforeEach
    void boot() {
        m = new Machine();
        m.out("unshare --mount sh");
        m.out("mkdir /tmp/cz && mount -t tmpfs t /tmp/cz && cd /tmp/cz && mkdir a b c && mount -t tmpfs -o size=1m x a");
    }

    @AfterEach
    void close() {
        m.close();
    }

    private String info(String prefix) {
        return m.out("grep " + prefix + " /proc/self/mountinfo | cut -d' ' -f4-");
    }

    @Test
    void remount_changes_the_filesystem_and_bind_remount_only_the_mount() {
        m.out("mount -o remount,ro /tmp/cz/a");
        assertEquals("/ /tmp/cz/a ro,relatime - tmpfs x ro,size=1024k\n", info("/tmp/cz/a"));
        assertEquals("touch: cannot touch 'a/f': Read-only file system\n", m.run("touch a/f").output());
        m.out("mount -o remount,rw,size=2m /tmp/cz/a");
        assertEquals("/ /tmp/cz/a rw,relatime - tmpfs x rw,size=2048k\n", info("/tmp/cz/a"));
        m.out("mount --bind a b && mount -o bind,remount,ro b");
        assertEquals("/ /tmp/cz/a rw,relatime - tmpfs x rw,size=2048k\n/ /tmp/cz/b ro,relatime - tmpfs x rw,size=2048k\n",
                info("/tmp/cz/"));
        assertEquals("x /tmp/cz/b tmpfs ro,relatime,size=2048k 0 0\n", m.out("grep /tmp/cz/b /proc/mounts"));
        assertEquals("touch: cannot touch 'b/f': Read-only file system\n", m.run("touch b/f").output());
        assertEquals("", m.out("touch a/g"));
        assertEquals("mount: /tmp/cz/c: mount point not mounted or bad option.\n" + DMESG,
                m.run("mount -o remount,ro c").output());
    }

    @Test
    void move_takes_a_mount_elsewhere_but_not_into_itself_nor_from_under_a_shared_mount() {
        m.out("mount --bind a b && mount --move a c");
        assertEquals("/ /tmp/cz/c rw,relatime - tmpfs x rw,size=1024k\n/ /tmp/cz/b rw,relatime - tmpfs x rw,size=1024k\n",
                info("/tmp/cz/"));
        assertEquals("mount: /tmp/cz/b: wrong fs type, bad option, bad superblock on /tmp/cz/a, missing codepage or "
                + "helper program, or other error.\n" + DMESG, m.run("mount --move /tmp/cz/a b").output());
        assertEquals("mount: /tmp/cz/c/q: mount(2) system call failed: Too many levels of symbolic links.\n" + DMESG,
                m.run("mkdir c/q; mount --move /tmp/cz/c /tmp/cz/c/q").output());
        assertEquals("mount: /tmp/cz/a: bad option; moving a mount residing under a shared mount is unsupported.\n"
                + DMESG, m.run("mount --make-shared /tmp/cz; mount --move /tmp/cz/c /tmp/cz/a").output());
    }
}
