package isolab.real.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import isolab.api.MountView;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoTest {

    @Test
    void a_line_gives_every_field_of_proc_5() {
        MountView mount = MountInfo.parseLine(7, "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue");
        assertEquals(new MountView(7, 36, 35, "98:0", "/mnt1", "/mnt2", "rw,noatime", "master:1", "ext3", "/dev/root",
                "rw,errors=continue"), mount);
    }

    @Test
    void a_private_mount_has_no_optional_fields() {
        MountView mount = MountInfo.parseLine(1, "68 67 0:44 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw");
        assertEquals("", mount.propagation());
        assertEquals("/proc", mount.mountPoint());
    }

    @Test
    void several_optional_fields_are_kept_in_order() {
        MountView mount = MountInfo.parseLine(1, "1 0 0:1 / / rw shared:2 master:3 - tmpfs tmpfs rw");
        assertEquals("shared:2 master:3", mount.propagation());
    }

    @Test
    void octal_escapes_in_paths_are_decoded() {
        MountView mount = MountInfo.parseLine(1, "1 0 0:1 / /a\\040b\\134c rw - tmpfs my\\011src rw");
        assertEquals("/a b\\c", mount.mountPoint());
        assertEquals("my\tsrc", mount.source());
    }

    @Test
    void every_non_blank_line_of_a_file_is_a_mount() {
        List<MountView> mounts = MountInfo.parse(3, "1 0 0:1 / / rw - tmpfs t rw\n2 1 0:2 / /x rw - proc p rw\n");
        assertEquals(2, mounts.size());
        assertEquals(3, mounts.get(1).mntNamespace());
    }

    @Test
    void a_line_without_the_separator_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> MountInfo.parseLine(1, "1 0 0:1 / / rw tmpfs t rw"));
    }
}
