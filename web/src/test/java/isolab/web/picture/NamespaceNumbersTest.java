package isolab.web.picture;

import static isolab.web.picture.Machines.HOST;
import static isolab.web.picture.Machines.HOST_MNT;
import static isolab.web.picture.Machines.process;
import static isolab.web.picture.Machines.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.NamespaceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How namespaces are numbered and coloured across the pictures. */
class NamespaceNumbersTest {

    static final long A = 4026532900L;
    static final long B = 4026532800L;

    @Test
    void init_s_namespace_is_1_and_the_others_count_up_in_order_of_appearance_not_of_inode() {
        NamespaceNumbers numbers = NamespaceNumbers.of(view(List.of(
                process(1, 0, "init", HOST), process(5, 1, "sh", HOST.with(NamespaceType.UTS, A)),
                process(9, 1, "sh", HOST.with(NamespaceType.UTS, B))), List.of(), List.of()));
        assertEquals(1, numbers.number(NamespaceType.UTS, HOST.uts()));
        assertEquals(2, numbers.number(NamespaceType.UTS, A));
        assertEquals(3, numbers.number(NamespaceType.UTS, B), "B has the lower inode but appears later");
        assertEquals("uts 3", numbers.name(NamespaceType.UTS, B));
        assertEquals(List.of(HOST.uts(), A, B), numbers.inodes(NamespaceType.UTS));
    }

    @Test
    void init_is_pid_1_even_when_it_is_not_listed_first() {
        NamespaceNumbers numbers = NamespaceNumbers.of(view(List.of(
                process(0, 0, "swapper", HOST.with(NamespaceType.NET, A)), process(1, 0, "init", HOST)), List.of(),
                List.of()));
        assertEquals(1, numbers.init().orElseThrow().pid());
        assertEquals(1, numbers.number(NamespaceType.NET, HOST.net()));
        assertEquals(2, numbers.number(NamespaceType.NET, A));
    }

    @Test
    void a_namespace_that_only_holds_mounts_is_numbered_after_the_processes_ones() {
        NamespaceNumbers numbers = NamespaceNumbers.of(view(List.of(process(1, 0, "init", HOST)), List.of(),
                List.of(Machines.mount(A, 21, 21, "0:21", "/", "tmpfs", "tmpfs", ""),
                        Machines.mount(HOST_MNT, 22, 22, "0:21", "/", "tmpfs", "tmpfs", ""))));
        assertEquals(1, numbers.number(NamespaceType.MNT, HOST_MNT));
        assertEquals(2, numbers.number(NamespaceType.MNT, A));
    }

    @Test
    void inode_0_has_no_number_is_plain_and_is_not_init_s() {
        NamespaceNumbers numbers = NamespaceNumbers.of(view(List.of(process(1, 0, "init", HOST.with(NamespaceType.TIME, 0))),
                List.of(), List.of()));
        assertEquals(0, numbers.number(NamespaceType.TIME, 0));
        assertEquals("time ?", numbers.name(NamespaceType.TIME, 0));
        assertFalse(numbers.isInits(NamespaceType.TIME, 0));
        assertEquals(Palette.PLAIN, numbers.colour(NamespaceType.TIME, 0));
    }

    @Test
    void a_number_has_the_same_colour_in_every_kind_and_init_s_is_plain() {
        NamespaceNumbers numbers = NamespaceNumbers.of(Machines.utsAndMountUnshared());
        assertEquals(Palette.PLAIN, numbers.colour(NamespaceType.UTS, HOST.uts()));
        assertEquals(numbers.colour(NamespaceType.UTS, Machines.NEW_UTS), numbers.colour(NamespaceType.MNT, Machines.NEW_MNT));
        assertNotEquals(Palette.PLAIN, numbers.colour(NamespaceType.MNT, Machines.NEW_MNT));
        assertTrue(numbers.isInits(NamespaceType.IPC, HOST.ipc()));
    }
}
