package isolab.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bind mounts of files and of namespace files (what {@code ip netns add} does), measured on Linux 6.18. */
class BindMountTest {

    private Machine m;

    @BeforeEach
    void boot() {
        m = new Machine();
        m.out("unshare --mount sh");
        m.out("mkdir /tmp/cz && mount -t tmpfs t /tmp/cz && cd /tmp/cz && touch red f g && echo hi > f");
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void a_file_and_a_namespace_file_can_be_bind_mounted_on_files() {
        m.out("mount --bind /proc/self/ns/net red && mount --bind f g");
        String net = m.out("readlink /proc/self/ns/net").trim();
        assertEquals("0:21 / /tmp/cz rw,relatime - tmpfs t rw\n"
                + "0:4 " + net + " /tmp/cz/red rw - nsfs nsfs rw\n"
                + "0:21 /f /tmp/cz/g rw,relatime - tmpfs t rw\n",
                m.out("grep /tmp/cz /proc/self/mountinfo | cut -d' ' -f3-").replaceFirst("0:\\d+ /", "0:21 /")
                        .replaceFirst("\n0:\\d+ /f", "\n0:21 /f"));
        assertEquals("t /tmp/cz tmpfs rw,relatime 0 0\nnsfs /tmp/cz/red nsfs rw 0 0\nt /tmp/cz/g tmpfs rw,relatime 0 0\n",
                m.out("grep /tmp/cz /proc/mounts"));
        assertEquals("hi\n", m.out("cat g"));
        assertEquals("TARGET      SOURCE                 FSTYPE FSROOT\n"
                + "/tmp/cz/red nsfs[" + net + "] nsfs   " + net + "\n",
                m.out("findmnt -o TARGET,SOURCE,FSTYPE,FSROOT /tmp/cz/red"));
        assertEquals("4 " + net.replaceAll("\\D", "") + "\n", m.out("stat -c '%D %i' /tmp/cz/red"));
    }

    @Test
    void a_mounted_file_is_busy_and_a_file_and_a_directory_do_not_mount_on_each_other() {
        m.out("mount --bind f g");
        CommandResult rm = m.run("rm g");
        assertEquals("rm: cannot remove 'g': Device or resource busy\n", rm.output());
        m.out("umount g");
        assertEquals("""
                mount: /tmp/cz: mount(2) system call failed: Not a directory.
                       dmesg(1) may have more information after failed mount system call.
                """, m.run("mount --bind f /tmp/cz").output());
        assertEquals("""
                mount: /tmp/cz/f: mount point is not a directory.
                       dmesg(1) may have more information after failed mount system call.
                """, m.run("mkdir d; mount --bind d f").output());
    }

    @Test
    void the_mounts_ip_netns_add_makes_are_what_linux_shows() {
        // iproute2 ip/ipnetns.c: netns_add: /run/netns bound on itself and made shared, then the
        // new namespace's /proc/self/ns/net bound on /run/netns/NAME.
        m.out("mkdir -p /run/netns && mount --bind /run/netns /run/netns && mount --make-shared /run/netns");
        m.out("touch /run/netns/red && unshare --net sh -c 'mount --bind /proc/self/ns/net /run/netns/red'");
        assertEquals("""
                overlay /run/netns overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on 0 0
                nsfs /run/netns/red nsfs rw 0 0
                """, m.out("grep /run/netns /proc/mounts"));
        assertEquals("TARGET         PROPAGATION\n/run/netns/red shared\n", m.out("findmnt -o TARGET,PROPAGATION /run/netns/red"));
        m.out("umount -l /run/netns/red && rm /run/netns/red");
        assertEquals("", m.run("grep /run/netns/red /proc/mounts").output());
    }
}
