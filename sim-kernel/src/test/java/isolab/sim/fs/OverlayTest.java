package isolab.sim.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.api.OverlayEvent;
import isolab.sim.Machine;
import isolab.sim.check.Invariants;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * overlayfs through the merged view and its layers, each screen measured on Linux 6.18
 * (redirect_dir off) with the same commands: two lower layers (l1 over l2), an upper and a work
 * directory, all on one tmpfs.
 */
class OverlayTest {

    private Machine m;

    @BeforeEach
    void mount() {
        m = new Machine();
        m.out("unshare --mount sh");
        m.out("mkdir -p /tmp/oo && mount -t tmpfs t /tmp/oo && cd /tmp/oo && mkdir -p l1 l2 u w m");
        m.out("echo a > l1/a; echo b2 > l2/b; echo a2 > l2/a; mkdir l2/d l1/d; echo x > l2/d/x; echo y > l1/d/y; "
                + "mkdir l2/e; echo z > l2/e/z");
        m.out("mount -t overlay overlay -o lowerdir=/tmp/oo/l1:/tmp/oo/l2,upperdir=/tmp/oo/u,workdir=/tmp/oo/w m");
    }

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void the_merged_view_takes_each_name_from_the_highest_layer_and_merges_directories() {
        assertEquals("m:\na\nb\nd\ne\n\nm/d:\nx\ny\n", m.out("ls -1 m m/d"));
        assertEquals("a\nb2\n", m.out("cat m/a m/b"));
        assertEquals("""
                drwxr-xr-x 1 40 m
                -rw-r--r-- 1 2 m/a
                -rw-r--r-- 1 3 m/b
                drwxr-xr-x 1 60 m/d
                drwxr-xr-x 2 60 m/e
                drwxr-xr-x 2 40 u
                d--------- 2 40 w/work
                """, m.out("stat -c '%A %h %s %n' m m/a m/b m/d m/e u w/work"));
        assertEquals("overlay /tmp/oo/m overlay rw,relatime,lowerdir=/tmp/oo/l1:/tmp/oo/l2,upperdir=/tmp/oo/u,"
                + "workdir=/tmp/oo/w,uuid=on 0 0\n", m.out("grep /tmp/oo/m /proc/mounts"));
    }

    @Test
    void a_write_copies_the_whole_file_up_and_it_keeps_its_lower_inode_number() {
        m.out("echo hi >> m/b");
        assertEquals("[b]\n", m.out("echo \"[$(ls -A u)]\""));
        assertEquals("-rw-r--r-- 1 6 u/b\n-rw-r--r-- 1 6 m/b\n", m.out("stat -c '%A %h %s %n' u/b m/b"));
        assertEquals("b2\nhi\nb2\n", m.out("cat m/b l2/b"));
        assertEquals(m.out("stat -c %i l2/b"), m.out("stat -c %i m/b"));
        assertEquals(m.out("stat -c %i u l1/d l2/e"), m.out("stat -c %i m m/d m/e"), "the root is its upper directory");
        assertEquals(m.out("stat -c %d m"), m.out("stat -c %d m/b"));
        OverlayEvent.CopiedUp copied = (OverlayEvent.CopiedUp) m.host().kernel().events().all().stream()
                .filter(e -> e instanceof OverlayEvent.CopiedUp).findFirst().orElseThrow();
        assertEquals(new OverlayEvent.CopiedUp("/tmp/oo/u", "/b", false, 3), copied);
    }

    @Test
    void copy_up_makes_the_parent_directories_first_with_only_what_was_copied() {
        m.out("echo more >> m/d/x");
        assertEquals("u:\nd\n\nu/d:\nx\n", m.out("ls -1A u u/d"));
        assertEquals("drwxr-xr-x 2 60 u/d\ndrwxr-xr-x 1 60 m/d\n", m.out("stat -c '%A %h %s %n' u/d m/d"));
        assertEquals("x\n", m.out("cat l2/d/x"));
    }

    @Test
    void removing_a_lower_name_leaves_a_shared_whiteout_and_mkdir_over_it_is_opaque() {
        m.out("rm m/a");
        assertEquals("b\nd\ne\n", m.out("ls -1A m"));
        assertEquals("c--------- 2 0,0 u/a\n", m.out("stat -c '%A %h %t,%T %n' u/a"));
        CommandResult gone = m.run("cat m/a");
        assertEquals("cat: m/a: No such file or directory\n", gone.output());
        m.out("rm -r m/e");
        assertEquals("c--------- 3 u/e\nc--------- 3 u/a\n", m.out("stat -c '%A %h %n' u/e u/a"));
        m.out("mkdir m/e");
        assertEquals("", m.out("ls -A m/e"));
        assertEquals("drwxr-xr-x 2 u/e\nc--------- 2 u/a\n", m.out("stat -c '%A %h %n' u/e u/a"));
        assertEquals("1\n", m.out("ls -A w/work | wc -l"));
        assertTrue(m.host().kernel().events().all().contains(new OverlayEvent.OpaqueDirCreated("/tmp/oo/u", "/e")));
    }

    @Test
    void a_lower_directory_cannot_be_renamed_so_mv_copies_it_and_files_rename_in_the_upper_layer() {
        m.out("mv m/d m/d2");
        assertEquals("m:\na\nb\nd2\ne\n\nm/d2:\nx\ny\n\nu:\nd\nd2\n", m.out("ls -1A m m/d2 u"));
        m.out("mv m/b m/b2");
        assertEquals("character special file u/b\n", m.out("stat -c '%F %n' u/b"));
        m.out("chmod 600 m/d2/x");
        assertEquals("600 m/d2/x\n644 l2/d/x\n", m.out("stat -c '%a %n' m/d2/x l2/d/x"));
    }

    @Test
    void a_remount_of_a_used_upper_layer_drops_uuid_and_an_empty_merged_directory_is_removed_by_a_whiteout() {
        m.out("mkdir l1/q l2/q; umount m");
        m.out("mount -t overlay overlay -o lowerdir=/tmp/oo/l1:/tmp/oo/l2,upperdir=/tmp/oo/u,workdir=/tmp/oo/w m");
        assertEquals("0\n", m.run("grep /tmp/oo/m /proc/self/mountinfo | grep -c uuid=on").output());
        m.out("rmdir m/q");
        assertEquals("character special file u/q\n", m.out("stat -c '%F %n' u/q"));
        CommandResult full = m.run("rmdir m/d");
        assertEquals("rmdir: failed to remove 'm/d': Directory not empty\n", full.output());
        assertEquals(1, full.status());
    }

    @Test
    void without_an_upper_layer_the_overlay_is_read_only() {
        m.out("mkdir r && mount -t overlay overlay -o lowerdir=/tmp/oo/l1:/tmp/oo/l2 r");
        assertEquals("overlay /tmp/oo/r overlay ro,relatime,lowerdir=/tmp/oo/l1:/tmp/oo/l2,redirect_dir=on 0 0\n",
                m.out("grep /tmp/oo/r /proc/mounts"));
        assertEquals("touch: cannot touch 'r/x': Read-only file system\n", m.run("touch r/x").output());
        assertEquals("rm: cannot remove 'r/a': Read-only file system\n", m.run("rm r/a").output());
        assertEquals("mkdir: cannot create directory 'r/q': Read-only file system\n", m.run("mkdir r/q").output());
    }

    @Test
    void the_checker_notices_a_lower_layer_changed_behind_the_overlay() {
        m.out("echo hi >> m/a; rm m/b; mkdir m/new");
        assertEquals(List.of(), Invariants.check(m.host().kernel()), "the overlay itself wrote only its upper layer");
        m.terminal("main").run("echo changed > /tmp/oo/l2/a");
        assertEquals(List.of("the lower layers [1] of the overlay on mount 57 (overlay) changed"),
                Invariants.check(m.host().kernel()).stream().filter(s -> s.contains("lower layers")).toList());
    }

    @Test
    void bad_layers_fail_as_libmount_reports_them() {
        m.out("mkdir n");
        assertEquals("""
                mount: /tmp/oo/n: wrong fs type, bad option, bad superblock on overlay, missing codepage or helper program, or other error.
                       dmesg(1) may have more information after failed mount system call.
                """, m.run("mount -t overlay overlay -o lowerdir=/tmp/oo/l1 n").output());
        assertEquals("""
                mount: /tmp/oo/n: special device overlay does not exist.
                       dmesg(1) may have more information after failed mount system call.
                """, m.run("mount -t overlay overlay -o lowerdir=/tmp/oo/l1,upperdir=/tmp/oo/u,workdir=/tmp/nowhere n").output());
        assertEquals("""
                mount: /tmp/oo/n: wrong fs type, bad option, bad superblock on overlay, missing codepage or helper program, or other error.
                       dmesg(1) may have more information after failed mount system call.
                """, m.run("mkdir u/w; mount -t overlay overlay -o lowerdir=/tmp/oo/l1,upperdir=/tmp/oo/u,workdir=/tmp/oo/u/w n").output());
    }
}
