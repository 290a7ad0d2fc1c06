package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The process tree picture, drawn from views built by hand. */
class ProcessTreeSvgTest {

    static final long HOST_PIDNS = 4026531836L;
    static final long CHILD_PIDNS = 4026532200L;
    static final NamespaceSet HOST = new NamespaceSet(4026531835L, 4026531839L, 4026531841L, 4026531840L,
            HOST_PIDNS, 4026531834L, 4026531837L, 4026531838L);
    static final NamespaceSet CONTAINER = HOST.with(NamespaceType.PID, CHILD_PIDNS);

    /** init, the terminal's bash, unshare, and in a new PID namespace: sh (PID 1 there) and ps. */
    static HostView unshared() {
        return new HostView(HostKind.SIM, "isolab", List.of(
                new ProcessView(1, 0, "init", List.of("/sbin/init"), 'S', 0, List.of(1), HOST),
                new ProcessView(2, 1, "bash", List.of("bash"), 'S', 0, List.of(2), HOST),
                new ProcessView(5, 2, "unshare", List.of("unshare", "--pid", "--fork", "sh"), 'S', 0, List.of(5), HOST),
                new ProcessView(6, 5, "sh", List.of("sh"), 'S', 0, List.of(6, 1), CONTAINER),
                new ProcessView(7, 6, "ps", List.of("ps"), 'R', 0, List.of(7, 2), CONTAINER)),
                List.of(new NamespaceView(NamespaceType.PID, HOST_PIDNS, 0, 4026531837L, 0),
                        new NamespaceView(NamespaceType.PID, CHILD_PIDNS, HOST_PIDNS, 4026531837L, 1)),
                List.of());
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static Element box(Document svg, int pid) throws Exception {
        return (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@data-pid='" + pid + "']", svg, XPathConstants.NODE);
    }

    static Element rect(Element box) {
        return (Element) box.getElementsByTagName("rect").item(0);
    }

    @Test
    void each_process_is_a_box_and_the_picture_is_well_formed_xml() throws Exception {
        Document svg = parse(ProcessTreeSvg.render(unshared()));
        for (int pid : new int[] {1, 2, 5, 6, 7}) {
            assertTrue(box(svg, pid) != null, "a box for PID " + pid);
        }
    }

    @Test
    void processes_are_filled_with_the_colour_of_their_pid_namespace() throws Exception {
        Document svg = parse(ProcessTreeSvg.render(unshared()));
        String hostFill = rect(box(svg, 1)).getAttribute("fill");
        assertEquals(hostFill, rect(box(svg, 5)).getAttribute("fill"));
        String containerFill = rect(box(svg, 6)).getAttribute("fill");
        assertEquals(containerFill, rect(box(svg, 7)).getAttribute("fill"));
        assertFalse(hostFill.equals(containerFill), "two namespaces, two colours");
    }

    @Test
    void a_process_in_a_child_namespace_shows_its_pid_in_both_namespaces_outermost_first() throws Exception {
        Document svg = parse(ProcessTreeSvg.render(unshared()));
        Element nspid = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("//*[@data-pid='6']/*[@class='nspid']", svg, XPathConstants.NODE);
        assertEquals("PID 6 \u00b7 1", nspid.getTextContent());
        NodeList pids = nspid.getElementsByTagName("tspan");
        assertEquals(String.valueOf(HOST_PIDNS), ((Element) pids.item(0)).getAttribute("data-pidns"));
        assertEquals(String.valueOf(CHILD_PIDNS), ((Element) pids.item(1)).getAttribute("data-pidns"));
        assertEquals(rect(box(svg, 1)).getAttribute("stroke"), ((Element) pids.item(0)).getAttribute("fill"),
                "the outer PID is drawn in the host namespace's colour");
    }

    @Test
    void a_child_is_drawn_below_its_parent() throws Exception {
        Document svg = parse(ProcessTreeSvg.render(unshared()));
        double parentY = Double.parseDouble(rect(box(svg, 5)).getAttribute("y"));
        double childY = Double.parseDouble(rect(box(svg, 6)).getAttribute("y"));
        assertTrue(childY > parentY, "sh below unshare");
        NodeList edges = svg.getElementsByTagName("line");
        assertEquals(4, edges.getLength(), "one edge per parent-child pair");
    }

    @Test
    void siblings_are_side_by_side_and_the_parent_is_centred_over_them() throws Exception {
        HostView view = new HostView(HostKind.SIM, "isolab", List.of(
                new ProcessView(1, 0, "init", List.of(), 'S', 0, List.of(1), HOST),
                new ProcessView(2, 1, "bash", List.of(), 'S', 0, List.of(2), HOST),
                new ProcessView(3, 1, "bash", List.of(), 'S', 0, List.of(3), HOST)),
                List.of(new NamespaceView(NamespaceType.PID, HOST_PIDNS, 0, 0, 0)), List.of());
        Document svg = parse(ProcessTreeSvg.render(view));
        double left = Double.parseDouble(rect(box(svg, 2)).getAttribute("x"));
        double right = Double.parseDouble(rect(box(svg, 3)).getAttribute("x"));
        double parent = Double.parseDouble(rect(box(svg, 1)).getAttribute("x"));
        assertTrue(right > left);
        assertEquals((left + right) / 2, parent, 0.001);
    }

    @Test
    void the_legend_names_every_pid_namespace_with_its_level() {
        String svg = ProcessTreeSvg.render(unshared());
        assertTrue(svg.contains("pid:[" + HOST_PIDNS + "] (initial)"), svg);
        assertTrue(svg.contains("pid:[" + CHILD_PIDNS + "] (level 1)"), svg);
    }

    @Test
    void a_zombie_is_dashed_and_marked_defunct() throws Exception {
        HostView view = new HostView(HostKind.SIM, "isolab", List.of(
                new ProcessView(1, 0, "init", List.of(), 'S', 0, List.of(1), HOST),
                new ProcessView(9, 1, "sleep", List.of(), 'Z', 0, List.of(9), HOST)),
                List.of(new NamespaceView(NamespaceType.PID, HOST_PIDNS, 0, 0, 0)), List.of());
        Document svg = parse(ProcessTreeSvg.render(view));
        assertEquals("4 3", rect(box(svg, 9)).getAttribute("stroke-dasharray"));
        assertTrue(box(svg, 9).getTextContent().contains("sleep <defunct>"));
    }

    @Test
    void names_are_escaped() throws Exception {
        HostView view = new HostView(HostKind.SIM, "<host>", List.of(
                new ProcessView(1, 0, "<script>&", List.of("a\"b"), 'S', 0, List.of(1), HOST)),
                List.of(), List.of());
        String svg = ProcessTreeSvg.render(view);
        assertFalse(svg.contains("<script>"));
        assertTrue(box(parse(svg), 1).getTextContent().contains("<script>&"));
    }

    @Test
    void the_same_view_gives_the_same_picture() {
        assertEquals(ProcessTreeSvg.render(unshared()), ProcessTreeSvg.render(unshared()));
    }

    @Test
    void an_empty_view_says_so() {
        String svg = ProcessTreeSvg.render(new HostView(HostKind.REAL, "isolab", List.of(), List.of(), List.of()));
        assertTrue(svg.contains("no processes"));
    }
}
