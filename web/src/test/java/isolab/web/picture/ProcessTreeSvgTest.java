package isolab.web.picture;

import static isolab.web.picture.Machines.HOST;
import static isolab.web.picture.Machines.HOST_PIDNS;
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
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The process tree picture, drawn from views built by hand. */
class ProcessTreeSvgTest {

    static final long LEVEL1 = 4026532543L;
    static final long LEVEL2 = 4026532545L;
    static final long LEVEL3 = 4026532548L;
    static final NamespaceSet IN_LEVEL1 = HOST.with(NamespaceType.PID, LEVEL1);
    static final NamespaceSet IN_LEVEL2 = HOST.with(NamespaceType.PID, LEVEL2);
    static final NamespaceSet IN_LEVEL3 = HOST.with(NamespaceType.PID, LEVEL3);
    static final List<NamespaceView> PID_NAMESPACES = List.of(pidNamespace(HOST_PIDNS, 0, 0),
            pidNamespace(LEVEL1, HOST_PIDNS, 1), pidNamespace(LEVEL2, LEVEL1, 2), pidNamespace(LEVEL3, LEVEL2, 3));

    /** init, bash, unshare, and in a new PID namespace: sh (PID 1 there) and ps. */
    static HostView unshared() {
        return view(List.of(
                process(1, 0, "init", HOST),
                process(2, 1, "bash", HOST),
                process(5, 2, "unshare", HOST),
                process(6, 5, "sh", IN_LEVEL1, 6, 1),
                process(7, 6, "ps", IN_LEVEL1, 7, 2)),
                PID_NAMESPACES.subList(0, 2), List.of());
    }

    /**
     * Three nested {@code unshare --pid --fork --mount-proc sh}, with sleeps in the background at
     * every level: 30 processes, ten of them under the innermost-but-one shell.
     */
    static HostView nested() {
        List<ProcessView> processes = new ArrayList<>(List.of(
                process(1, 0, "init", HOST), process(2, 1, "bash", HOST), process(3, 2, "sleep", HOST),
                process(4, 2, "sleep", HOST), process(5, 2, "unshare", HOST), process(6, 5, "sh", IN_LEVEL1, 6, 1),
                process(7, 6, "sleep", IN_LEVEL1, 7, 2), process(8, 6, "sleep", IN_LEVEL1, 8, 3),
                process(9, 6, "sleep", IN_LEVEL1, 9, 4), process(10, 6, "unshare", IN_LEVEL1, 10, 5),
                process(11, 10, "sh", IN_LEVEL2, 11, 6, 1)));
        for (int pid = 12; pid <= 26; pid++) {
            processes.add(process(pid, 11, "sleep", IN_LEVEL2, pid, pid - 5, pid - 10));
        }
        processes.add(process(27, 11, "unshare", IN_LEVEL2, 27, 22, 17));
        processes.add(process(28, 27, "sh", IN_LEVEL3, 28, 23, 18, 1));
        processes.add(process(29, 28, "sleep", IN_LEVEL3, 29, 24, 19, 2));
        processes.add(process(30, 28, "ps", IN_LEVEL3, 30, 25, 20, 3));
        return view(processes, PID_NAMESPACES, List.of());
    }

    static SvgDoc tree(HostView view) {
        return new SvgDoc(ProcessTreeSvg.render(view));
    }

    static Element box(SvgDoc svg, int pid) {
        return svg.one("//*[@class='process'][@data-pid='" + pid + "']");
    }

    static Element rect(Element box) {
        return SvgDoc.first(box, "rect");
    }

    static Element nspid(SvgDoc svg, int pid) {
        return svg.one("//*[@class='process'][@data-pid='" + pid + "']/*[@class='nspid']");
    }

    @Test
    void each_process_is_a_box_and_the_picture_is_well_formed_xml() {
        SvgDoc svg = tree(unshared());
        for (int pid : new int[] {1, 2, 5, 6, 7}) {
            assertEquals(1, svg.all("//*[@class='process'][@data-pid='" + pid + "']").size());
        }
    }

    @Test
    void init_s_pid_namespace_is_plain_and_a_new_one_is_coloured() {
        SvgDoc svg = tree(unshared());
        assertEquals(Palette.PLAIN.fill(), rect(box(svg, 1)).getAttribute("fill"));
        assertEquals(rect(box(svg, 1)).getAttribute("fill"), rect(box(svg, 5)).getAttribute("fill"));
        String containerFill = rect(box(svg, 6)).getAttribute("fill");
        assertEquals(containerFill, rect(box(svg, 7)).getAttribute("fill"));
        assertNotEquals(Palette.PLAIN.fill(), containerFill);
        assertEquals("pid 2", box(svg, 6).getAttribute("data-name"));
    }

    @Test
    void a_process_in_a_child_namespace_shows_its_pid_in_both_namespaces_outermost_first() {
        SvgDoc svg = tree(unshared());
        Element nspid = nspid(svg, 6);
        assertEquals("PID 6 \u00b7 1", nspid.getTextContent());
        List<Element> pids = svg.all("//*[@data-pid='6']/*[@class='nspid']/*[local-name()='tspan']");
        assertEquals(String.valueOf(HOST_PIDNS), pids.get(0).getAttribute("data-pidns"));
        assertEquals(String.valueOf(LEVEL1), pids.get(1).getAttribute("data-pidns"));
        assertEquals(rect(box(svg, 1)).getAttribute("stroke"), pids.get(0).getAttribute("fill"),
                "the outer PID is drawn in the host namespace's colour");
        assertEquals(rect(box(svg, 6)).getAttribute("stroke"), pids.get(1).getAttribute("fill"));
    }

    @Test
    void with_three_nested_namespaces_every_nspid_entry_has_its_namespace_s_colour() {
        SvgDoc svg = tree(nested());
        List<Element> pids = svg.all("//*[@data-pid='29']/*[@class='nspid']/*[local-name()='tspan']");
        assertEquals(List.of("29", "24", "19", "2"), pids.stream().map(Element::getTextContent).toList());
        long[] chain = {HOST_PIDNS, LEVEL1, LEVEL2, LEVEL3};
        Set<String> colours = new HashSet<>();
        for (int level = 0; level < 4; level++) {
            assertEquals(String.valueOf(chain[level]), pids.get(level).getAttribute("data-pidns"));
            Element legend = svg.one("//*[@class='legend'][@data-pidns='" + chain[level] + "']");
            assertEquals(SvgDoc.first(legend, "rect").getAttribute("stroke"), pids.get(level).getAttribute("fill"));
            colours.add(pids.get(level).getAttribute("fill"));
        }
        assertEquals(4, colours.size(), "four namespaces, four colours");
    }

    @Test
    void thirty_processes_in_three_nested_namespaces_fit_without_overlapping() {
        SvgDoc svg = tree(nested());
        List<Element> boxes = svg.all("//*[@class='process']");
        assertEquals(30, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(overlap(rect(boxes.get(i)), rect(boxes.get(j))),
                        "PIDs " + boxes.get(i).getAttribute("data-pid") + " and " + boxes.get(j).getAttribute("data-pid"));
            }
        }
        svg.assertNothingOverflows();
        assertTrue(svg.width() <= ProcessTreeLayout.WIDTH_MAX, "stacked and packed into four columns: width " + svg.width());
        assertEquals("true", box(svg, 20).getAttribute("data-stacked"));
    }

    @Test
    void a_small_tree_spreads_siblings_side_by_side_with_the_parent_centred() {
        HostView view = view(List.of(process(1, 0, "init", HOST), process(2, 1, "bash", HOST),
                process(3, 1, "bash", HOST)), PID_NAMESPACES.subList(0, 1), List.of());
        SvgDoc svg = tree(view);
        double left = SvgDoc.number(rect(box(svg, 2)), "x");
        double right = SvgDoc.number(rect(box(svg, 3)), "x");
        assertTrue(right > left);
        assertEquals(SvgDoc.number(rect(box(svg, 2)), "y"), SvgDoc.number(rect(box(svg, 3)), "y"));
        assertEquals((left + right) / 2, SvgDoc.number(rect(box(svg, 1)), "x"), 0.001);
    }

    @Test
    void a_child_is_drawn_below_its_parent_and_joined_by_one_edge() {
        SvgDoc svg = tree(unshared());
        assertTrue(SvgDoc.number(rect(box(svg, 6)), "y") > SvgDoc.number(rect(box(svg, 5)), "y"));
        assertEquals(4, svg.all("//*[@class='edge']").size(), "one edge per parent-child pair");
        assertEquals(1, svg.all("//*[@class='edge'][@data-parent='5'][@data-child='6']").size());
    }

    @Test
    void a_process_whose_parent_is_not_in_the_view_is_a_root_and_a_parent_cycle_does_not_hang() {
        HostView view = view(List.of(process(1, 0, "init", HOST), process(40, 39, "orphan", HOST),
                process(50, 51, "a", HOST), process(51, 50, "b", HOST)), List.of(), List.of());
        SvgDoc svg = tree(view);
        assertEquals(4, svg.all("//*[@class='process']").size());
        assertEquals(SvgDoc.number(rect(box(svg, 1)), "y"), SvgDoc.number(rect(box(svg, 40)), "y"), "both roots on top");
        svg.assertNothingOverflows();
    }

    @Test
    void the_legend_names_every_pid_namespace_with_its_level_and_parent() {
        SvgDoc svg = tree(nested());
        assertTrue(svg.one("//*[@class='legend'][@data-pidns='" + HOST_PIDNS + "']").getTextContent()
                .startsWith("pid 1 = pid:[" + HOST_PIDNS + "], init's"));
        assertEquals("pid 4 = pid:[" + LEVEL3 + "], level 3, inside pid 3",
                svg.one("//*[@class='legend'][@data-pidns='" + LEVEL3 + "']").getTextContent());
    }

    @Test
    void a_duplicate_pid_an_empty_nspid_and_a_missing_comm_are_drawn_without_failing() {
        SvgDoc svg = tree(view(List.of(process(1, 0, "init", HOST), process(2, 1, "bash", HOST),
                process(2, 1, "bash", HOST), new ProcessView(3, 2, null, List.of(), 'Z', 0, List.of(), HOST)),
                List.of(), List.of()));
        assertEquals(2, svg.all("//*[@class='process'][@data-pid='2']").size());
        assertEquals(1, svg.all("//*[@class='process'][@data-pid='3']").size());
        List<Element> rects = svg.all("//*[@class='process']/*[local-name()='rect']");
        assertFalse(overlap(rects.get(1), rects.get(2)), "the two PID 2 boxes side by side");
        svg.assertNothingOverflows();
    }

    @Test
    void a_deep_nspid_is_shortened_to_fit_its_box() {
        NamespaceSet deep = HOST.with(NamespaceType.PID, 4026539999L);
        SvgDoc svg = tree(view(List.of(process(1, 0, "init", HOST),
                process(1234, 1, "sh", deep, 1234, 1000, 999, 998, 997, 996, 1)), List.of(), List.of()));
        String text = nspid(svg, 1234).getTextContent();
        assertTrue(text.startsWith("1234 \u00b7 \u2026"), text);
        assertTrue(text.endsWith(" \u00b7 1"), text);
        svg.assertNothingOverflows();
    }

    @Test
    void unreadable_namespaces_and_an_nspid_longer_than_the_known_chain_are_drawn() {
        NamespaceSet unknown = HOST.with(NamespaceType.PID, 0);
        SvgDoc svg = tree(view(List.of(process(1, 0, "init", unknown), process(2, 1, "sh", HOST, 2, 7, 1)),
                List.of(), List.of()));
        assertEquals("PID 2 \u00b7 7 \u00b7 1", nspid(svg, 2).getTextContent());
        assertEquals(Palette.PLAIN.fill(), rect(box(svg, 1)).getAttribute("fill"));
    }

    @Test
    void a_zombie_is_dashed_and_marked_defunct() {
        HostView view = view(List.of(process(1, 0, "init", HOST),
                new ProcessView(9, 1, "sleep", List.of(), 'Z', 0, List.of(9), HOST)), List.of(), List.of());
        SvgDoc svg = tree(view);
        assertEquals("4 3", rect(box(svg, 9)).getAttribute("stroke-dasharray"));
        assertTrue(box(svg, 9).getTextContent().contains("sleep <defunct>"));
    }

    @Test
    void names_are_escaped() {
        HostView view = view(List.of(new ProcessView(1, 0, "<script>&", List.of("a\"b"), 'S', 0, List.of(1), HOST)),
                List.of(), List.of());
        String svg = ProcessTreeSvg.render(view);
        assertFalse(svg.contains("<script>"));
        assertTrue(box(new SvgDoc(svg), 1).getTextContent().contains("<script>&"));
    }

    @Test
    void the_same_view_gives_the_same_picture() {
        assertEquals(ProcessTreeSvg.render(nested()), ProcessTreeSvg.render(nested()));
    }

    @Test
    void an_empty_view_says_so() {
        SvgDoc svg = tree(view(List.of(), List.of(), List.of()));
        assertTrue(svg.document.getDocumentElement().getTextContent().contains("no processes"));
    }

    static boolean overlap(Element a, Element b) {
        double ax = SvgDoc.number(a, "x");
        double ay = SvgDoc.number(a, "y");
        double bx = SvgDoc.number(b, "x");
        double by = SvgDoc.number(b, "y");
        return ax < bx + SvgDoc.number(b, "width") && bx < ax + SvgDoc.number(a, "width")
                && ay < by + SvgDoc.number(b, "height") && by < ay + SvgDoc.number(a, "height");
    }
}
