package isolab.web.picture;

import static isolab.web.picture.Machines.HOST;
import static isolab.web.picture.Machines.HOST_PIDNS;
import static isolab.web.picture.Machines.UTS_MNT;
import static isolab.web.picture.Machines.pidNamespace;
import static isolab.web.picture.Machines.process;
import static isolab.web.picture.Machines.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The namespace membership matrix, drawn from views built by hand. */
class NamespaceMatrixSvgTest {

    /** The player's picture panel is about 630 pixels wide at a 1280-pixel window. */
    static final int PANEL_WIDTH = 620;

    static SvgDoc matrix(HostView view) {
        return new SvgDoc(NamespaceMatrixSvg.render(view));
    }

    static Element cell(SvgDoc svg, int pid, String kind) {
        return svg.one("//*[@class='row'][@data-pid='" + pid + "']/*[@class='cell'][starts-with(@data-ns,'" + kind + ":')]");
    }

    static String fill(Element cell) {
        return SvgDoc.first(cell, "rect").getAttribute("fill");
    }

    static String label(Element cell) {
        return SvgDoc.first(cell, "text").getTextContent();
    }

    @Test
    void a_row_per_process_and_a_cell_per_namespace_kind_in_proc_ns_order() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        assertEquals(4, svg.all("//*[@class='row']").size());
        List<String> kinds = svg.all("//*[@class='kind']").stream().map(e -> e.getAttribute("data-kind")).toList();
        assertEquals(List.of("cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"), kinds);
        for (Element row : svg.all("//*[@class='row']")) {
            assertEquals(8, row.getElementsByTagName("rect").getLength());
        }
    }

    @Test
    void cells_name_the_namespace_by_number_and_keep_the_inode_for_the_tooltip() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        assertEquals("uts 1", label(cell(svg, 1, "uts")));
        assertEquals("uts 2", label(cell(svg, 3, "uts")));
        assertEquals("uts 2", label(cell(svg, 6, "uts")));
        assertEquals("ipc 1", label(cell(svg, 3, "ipc")));
        String tooltip = SvgDoc.first(cell(svg, 3, "uts"), "title").getTextContent();
        assertTrue(tooltip.startsWith("uts:[" + Machines.NEW_UTS + "]"), tooltip);
        assertFalse(label(cell(svg, 3, "uts")).contains("4026"), "no inode in the cell itself");
    }

    @Test
    void cells_shared_with_init_are_plain_and_a_new_namespace_is_one_colour_in_every_row() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        String plain = Palette.PLAIN.fill();
        for (String kind : List.of("cgroup", "ipc", "net", "pid", "time", "user")) {
            assertEquals(plain, fill(cell(svg, 3, kind)), kind + " is shared with the host");
            assertEquals("init", cell(svg, 3, kind).getAttribute("data-sharing"));
        }
        assertNotEquals(plain, fill(cell(svg, 3, "uts")));
        assertEquals(fill(cell(svg, 3, "uts")), fill(cell(svg, 6, "uts")), "sleep is in sh's UTS namespace");
        assertEquals("own", cell(svg, 6, "uts").getAttribute("data-sharing"));
        assertEquals(plain, fill(cell(svg, 2, "uts")));
    }

    @Test
    void two_new_namespaces_of_one_kind_have_two_numbers_and_two_colours() {
        NamespaceSet other = HOST.with(NamespaceType.UTS, 4026532600L);
        SvgDoc svg = matrix(view(List.of(process(1, 0, "init", HOST), process(3, 1, "sh", UTS_MNT),
                process(4, 1, "sh", other)), List.of(), List.of()));
        assertEquals("uts 2", label(cell(svg, 3, "uts")));
        assertEquals("uts 3", label(cell(svg, 4, "uts")));
        assertNotEquals(fill(cell(svg, 3, "uts")), fill(cell(svg, 4, "uts")));
    }

    @Test
    void the_pid_column_has_the_colours_of_the_process_tree() {
        NamespaceSet child = HOST.with(NamespaceType.PID, 4026532700L);
        HostView view = view(List.of(process(1, 0, "init", HOST), process(5, 1, "unshare", HOST),
                process(6, 5, "sh", child, 6, 1)), List.of(pidNamespace(HOST_PIDNS, 0, 0),
                pidNamespace(4026532700L, HOST_PIDNS, 1)), List.of());
        SvgDoc matrix = matrix(view);
        SvgDoc tree = new SvgDoc(ProcessTreeSvg.render(view));
        for (int pid : new int[] {1, 6}) {
            Element box = tree.one("//*[@class='process'][@data-pid='" + pid + "']");
            assertEquals(SvgDoc.first(box, "rect").getAttribute("fill"), fill(cell(matrix, pid, "pid")));
            assertEquals(box.getAttribute("data-name"), label(cell(matrix, pid, "pid")));
        }
    }

    @Test
    void one_line_per_group_says_what_it_shares_with_the_host_and_what_it_owns() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        List<Element> groups = svg.all("//*[@class='group']");
        assertEquals(2, groups.size());
        assertEquals("1 2", groups.get(0).getAttribute("data-pids"));
        assertTrue(groups.get(0).getTextContent().startsWith("init, bash (PIDs 1, 2)"), groups.get(0).getTextContent());
        assertTrue(groups.get(0).getTextContent().contains("the host's namespaces"));
        String container = groups.get(1).getTextContent();
        assertTrue(container.startsWith("sh, sleep (PIDs 3, 6)"), container);
        assertTrue(container.contains("shares cgroup, ipc, net, pid, time, user with the host; own mnt 2, uts 2"),
                container);
    }

    @Test
    void a_legend_explains_plain_and_coloured_cells() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        assertTrue(svg.one("//*[@class='legend'][@data-sharing='init']").getTextContent().contains("shared with the host"));
        assertTrue(svg.one("//*[@class='legend'][@data-sharing='own']").getTextContent().contains("same namespace"));
    }

    @Test
    void the_uts_column_is_inside_the_picture_and_nothing_overflows_the_panel() {
        SvgDoc svg = matrix(Machines.utsAndMountUnshared());
        assertTrue(svg.width() <= PANEL_WIDTH, "width " + svg.width());
        Element uts = SvgDoc.first(cell(svg, 3, "uts"), "rect");
        assertTrue(SvgDoc.number(uts, "x") + SvgDoc.number(uts, "width") <= svg.width());
        svg.assertNothingOverflows();
    }

    @Test
    void thirty_processes_with_long_names_in_many_groups_still_fit() {
        List<ProcessView> processes = new ArrayList<>();
        processes.add(process(1, 0, "init", HOST));
        for (int pid = 2; pid <= 31; pid++) {
            NamespaceSet set = HOST;
            for (NamespaceType type : NamespaceType.values()) {
                if (pid % 3 == 0 || type.ordinal() % 2 == pid % 2) {
                    set = set.with(type, 4026533000L + pid / 4 * 10 + type.ordinal());
                }
            }
            processes.add(process(pid, 1, "a-very-long-command-name-" + pid, set));
        }
        SvgDoc svg = matrix(view(processes, List.of(), List.of()));
        assertEquals(31, svg.all("//*[@class='row']").size());
        assertTrue(svg.width() <= PANEL_WIDTH);
        svg.assertNothingOverflows();
    }

    @Test
    void an_inode_the_host_could_not_read_is_a_question_mark_not_a_namespace_of_its_own() {
        NamespaceSet unreadable = HOST.with(NamespaceType.TIME, 0).with(NamespaceType.USER, 0);
        SvgDoc svg = matrix(view(List.of(process(1, 0, "init", unreadable), process(2, 1, "bash", unreadable)),
                List.of(), List.of()));
        assertEquals("time ?", label(cell(svg, 2, "time")));
        assertEquals("unknown", cell(svg, 2, "time").getAttribute("data-sharing"));
        assertEquals(Palette.PLAIN.fill(), fill(cell(svg, 2, "time")));
        assertTrue(svg.one("//*[@class='group']").getTextContent().contains("could not read time, user"));
        svg.assertNothingOverflows();
    }

    @Test
    void without_pid_1_the_first_process_is_the_one_others_are_compared_with() {
        SvgDoc svg = matrix(view(List.of(process(7, 0, "bash", HOST), process(8, 7, "sh", UTS_MNT)),
                List.of(), List.of()));
        assertEquals("init", cell(svg, 7, "uts").getAttribute("data-sharing"));
        assertEquals("uts 2", label(cell(svg, 8, "uts")));
    }

    @Test
    void names_are_escaped() {
        String svg = NamespaceMatrixSvg.render(view(List.of(process(1, 0, "<script>&\"", HOST)), List.of(), List.of()));
        assertFalse(svg.contains("<script>"));
        assertTrue(new SvgDoc(svg).one("//*[@class='row']").getTextContent().contains("<script>&\""));
    }

    @Test
    void the_same_view_gives_the_same_picture() {
        assertEquals(NamespaceMatrixSvg.render(Machines.utsAndMountUnshared()),
                NamespaceMatrixSvg.render(Machines.utsAndMountUnshared()));
    }

    @Test
    void an_empty_view_says_so_and_is_accessible() {
        SvgDoc svg = matrix(view(List.of(), List.of(), List.of()));
        assertTrue(svg.document.getDocumentElement().getTextContent().contains("no processes"));
        assertEquals("img", svg.document.getDocumentElement().getAttribute("role"));
        assertFalse(svg.document.getDocumentElement().getAttribute("aria-label").isEmpty());
    }
}
