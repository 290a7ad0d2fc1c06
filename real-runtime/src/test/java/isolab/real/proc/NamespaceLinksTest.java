package isolab.real.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceLinksTest {

    @Test
    void a_probe_line_is_file_inode_owner_and_parent() {
        assertEquals(Optional.of(Map.entry(Path.of("/proc/7/ns/pid"), new NamespaceLinks(4026532178L, 4026531837L, 4026531836L))),
                NamespaceLinks.parse("/proc/7/ns/pid 4026532178 4026531837 4026531836"));
    }

    @Test
    void a_line_that_is_not_one_is_skipped() {
        assertEquals(Optional.empty(), NamespaceLinks.parse("garbage"));
        assertEquals(Optional.empty(), NamespaceLinks.parse("/proc/7/ns/pid x 0 0"));
    }
}
