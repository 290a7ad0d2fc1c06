package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.api.HostView;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class NamespaceMatrixSvgTest {

    static Element cell(Document svg, int pid, String ns) throws Exception {
        return (Element) XPathFactory.newInstance().newXPath().evaluate(
                "//*[@data-pid='" + pid + "']/*[starts-with(@data-ns,'" + ns + ":')]", svg, XPathConstants.NODE);
    }

    @Test
    void a_row_per_process_and_a_column_per_namespace_kind() throws Exception {
        Document svg = ProcessTreeSvgTest.parse(NamespaceMatrixSvg.render(ProcessTreeSvgTest.unshared()));
        assertEquals(5, svg.getElementsByTagName("g").getLength());
        assertEquals(8, ((Element) svg.getElementsByTagName("g").item(0)).getElementsByTagName("rect").getLength());
    }

    @Test
    void a_process_in_a_new_pid_namespace_has_a_coloured_pid_cell_and_plain_shared_cells() throws Exception {
        Document svg = ProcessTreeSvgTest.parse(NamespaceMatrixSvg.render(ProcessTreeSvgTest.unshared()));
        Element hostPid = cell(svg, 1, "pid");
        Element containerPid = cell(svg, 6, "pid");
        assertEquals("pid:" + ProcessTreeSvgTest.CHILD_PIDNS, containerPid.getAttribute("data-ns"));
        assertNotEquals(hostPid.getAttribute("fill"), containerPid.getAttribute("fill"));
        assertEquals(cell(svg, 7, "pid").getAttribute("fill"), containerPid.getAttribute("fill"), "ps shares sh's");
        assertEquals(cell(svg, 1, "mnt").getAttribute("fill"), cell(svg, 6, "mnt").getAttribute("fill"),
                "the mount namespace is shared with the host");
    }

    @Test
    void an_empty_view_says_so() {
        String svg = NamespaceMatrixSvg.render(new HostView(HostKind.REAL, "isolab", List.of(), List.of(), List.of()));
        assertTrue(svg.contains("no processes"));
    }
}
