package isolab.web.picture;

import static isolab.web.picture.Machines.HOST;
import static isolab.web.picture.Machines.HOST_MNT;
import static isolab.web.picture.Machines.NEW_MNT;
import static isolab.web.picture.Machines.UTS_MNT;
import static isolab.web.picture.Machines.copy;
import static isolab.web.picture.Machines.machineMounts;
import static isolab.web.picture.Machines.mount;
import static isolab.web.picture.Machines.process;
import static isolab.web.picture.Machines.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The mount trees, drawn from views built by hand. */
class MountTreeSvgTest {

    static SvgDoc trees(HostView view) {
        return new SvgDoc(MountTreeSvg.render(view));
    }

    static List<Element> namespaces(SvgDoc svg) {
        return svg.all("//*[@class='mntns']");
    }

    static List<Element> mounts(SvgDoc svg, String namespace) {
        return svg.all("//*[@class='mntns'][@data-name='" + namespace + "']/*[@class='mount']");
    }

    static Element mountRow(SvgDoc svg, String namespace, String mountPoint) {
        return svg.one("//*[@class='mntns'][@data-name='" + namespace + "']/*[@class='mount'][@data-mount-point='"
                + mountPoint + "']");
    }

    /** init and bash in init's mount namespace; sh in a copy of it, with {@code extra} mounts too. */
    static HostView unsharedWith(List<MountView> hostExtra, List<MountView> copyExtra, List<String> unmountedInCopy) {
        List<MountView> mounts = new ArrayList<>(machineMounts(HOST_MNT));
        mounts.addAll(hostExtra);
        for (MountView m : copy(machineMounts(HOST_MNT), NEW_MNT, 17)) {
            if (!unmountedInCopy.contains(m.mountPoint())) {
                mounts.add(m);
            }
        }
        mounts.addAll(copyExtra);
        return view(List.of(process(1, 0, "init", HOST), process(2, 1, "bash", HOST), process(3, 2, "sh", UTS_MNT)),
                List.of(), mounts);
    }

    @Test
    void one_tree_per_mount_namespace_init_s_first_each_labelled_with_its_processes() {
        SvgDoc svg = trees(Machines.utsAndMountUnshared());
        List<Element> namespaces = namespaces(svg);
        assertEquals(2, namespaces.size());
        assertEquals("mnt:" + HOST_MNT, namespaces.get(0).getAttribute("data-ns"));
        assertEquals("mnt 1", namespaces.get(0).getAttribute("data-name"));
        assertTrue(namespaces.get(0).getTextContent().contains("init, bash (PIDs 1, 2)"));
        assertEquals("mnt 2", namespaces.get(1).getAttribute("data-name"));
        assertTrue(namespaces.get(1).getTextContent().contains("sh, sleep (PIDs 3, 6)"));
    }

    @Test
    void the_header_of_a_namespace_has_its_colour_in_the_namespace_matrix() {
        HostView view = Machines.utsAndMountUnshared();
        SvgDoc svg = trees(view);
        SvgDoc matrix = new SvgDoc(NamespaceMatrixSvg.render(view));
        Element header = SvgDoc.first(namespaces(svg).get(1), "rect");
        Element cell = SvgDoc.first(NamespaceMatrixSvgTest.cell(matrix, 3, "mnt"), "rect");
        assertEquals(cell.getAttribute("fill"), header.getAttribute("fill"));
        assertEquals(Palette.PLAIN.fill(), SvgDoc.first(namespaces(svg).get(0), "rect").getAttribute("fill"));
    }

    @Test
    void a_tmpfs_mounted_inside_the_new_namespace_is_highlighted_there_only() {
        SvgDoc svg = trees(Machines.utsAndMountUnshared());
        Element mnt = mountRow(svg, "mnt 2", "/mnt");
        assertEquals("added", mnt.getAttribute("data-mark"));
        assertTrue(mnt.getTextContent().contains("+"));
        assertTrue(mnt.getTextContent().contains("tmpfs"));
        assertEquals(1, svg.all("//*[@class='mount'][@data-mark='added']").size(), "nothing else is highlighted");
        assertTrue(svg.all("//*[@class='mntns'][@data-name='mnt 1']/*[@data-mount-point='/mnt']").isEmpty());
        assertTrue(svg.document.getDocumentElement().getAttribute("aria-label").contains("1 mount not in mnt 1"));
    }

    @Test
    void a_fresh_copy_folds_into_its_root_and_says_how_many_mounts_are_below() {
        SvgDoc svg = trees(unsharedWith(List.of(), List.of(), List.of()));
        List<Element> copy = mounts(svg, "mnt 2");
        assertEquals(1, copy.size());
        assertEquals("/", copy.get(0).getAttribute("data-mount-point"));
        assertEquals("16", copy.get(0).getAttribute("data-folded"));
        assertTrue(copy.get(0).getTextContent().contains("16 below, as in mnt 1"), copy.get(0).getTextContent());
        assertTrue(SvgDoc.first(copy.get(0), "title").getTextContent().contains("/sys/fs/cgroup/memory cgroup"));
    }

    @Test
    void a_mount_unmounted_in_the_copy_is_a_struck_through_missing_row_under_its_parent() {
        SvgDoc svg = trees(unsharedWith(List.of(), List.of(), List.of("/tmp")));
        Element tmp = mountRow(svg, "mnt 2", "/tmp");
        assertEquals("missing", tmp.getAttribute("data-mark"));
        assertEquals("line-through", svg.one("//*[@class='mntns'][@data-name='mnt 2']/*[@data-mount-point='/tmp']"
                + "/*[local-name()='text']/*[local-name()='tspan'][1]").getAttribute("text-decoration"));
        List<Element> rows = mounts(svg, "mnt 2");
        assertEquals("/", rows.get(0).getAttribute("data-mount-point"), "the root is no longer folded");
        assertEquals("/tmp", rows.get(rows.size() - 1).getAttribute("data-mount-point"), "listed under /, after its mounts");
        assertEquals("same", mountRow(svg, "mnt 2", "/sys").getAttribute("data-mark"));
        assertEquals("9", mountRow(svg, "mnt 2", "/sys").getAttribute("data-folded"));
    }

    @Test
    void a_mount_made_on_the_host_after_the_copy_is_missing_in_the_copy_not_highlighted_on_the_host() {
        SvgDoc svg = trees(unsharedWith(List.of(mount(HOST_MNT, 60, 36, "0:60", "/tmp/data", "tmpfs", "tmpfs", "")),
                List.of(), List.of()));
        assertEquals("same", mountRow(svg, "mnt 1", "/tmp/data").getAttribute("data-mark"));
        assertEquals("missing", mountRow(svg, "mnt 2", "/tmp/data").getAttribute("data-mark"));
    }

    @Test
    void a_changed_propagation_stops_the_fold_and_each_row_shows_its_propagation() {
        List<MountView> hostMounts = new ArrayList<>();
        List<MountView> copyMounts = new ArrayList<>();
        for (MountView m : machineMounts(HOST_MNT)) {
            hostMounts.add(m.mountPoint().equals("/tmp") ? withPropagation(m, "shared:1") : m);
        }
        for (MountView m : copy(machineMounts(HOST_MNT), NEW_MNT, 17)) {
            copyMounts.add(m.mountPoint().equals("/tmp") ? withPropagation(m, "master:1")
                    : m.mountPoint().equals("/root") ? withPropagation(m, "unbindable") : m);
        }
        List<MountView> all = new ArrayList<>(hostMounts);
        all.addAll(copyMounts);
        SvgDoc svg = trees(view(List.of(process(1, 0, "init", HOST), process(3, 1, "sh", UTS_MNT)), List.of(), all));
        assertTrue(mountRow(svg, "mnt 1", "/tmp").getTextContent().endsWith("shared:1"));
        assertTrue(mountRow(svg, "mnt 2", "/tmp").getTextContent().endsWith("master:1"));
        assertTrue(mountRow(svg, "mnt 2", "/root").getTextContent().endsWith("unbindable"));
        assertTrue(mountRow(svg, "mnt 2", "/proc").getTextContent().endsWith("private"));
        assertEquals("same", mountRow(svg, "mnt 2", "/tmp").getAttribute("data-mark"), "the same filesystem");
        assertTrue(SvgDoc.first(mountRow(svg, "mnt 2", "/tmp"), "title").getTextContent()
                .contains("a slave of peer group 1"));
    }

    @Test
    void a_run_of_cgroup_controller_mounts_is_one_row_that_names_them_all() {
        SvgDoc svg = trees(unsharedWith(List.of(), List.of(), List.of()));
        Element run = svg.one("//*[@class='mntns'][@data-name='mnt 1']/*[@class='mount'][@data-count]");
        assertEquals("8", run.getAttribute("data-count"));
        assertEquals("/sys/fs/cgroup/cpu", run.getAttribute("data-mount-point"));
        assertEquals("/sys/fs/cgroup/{cpu,cpuacct,cpuset,memory,devices,freezer,blkio,pids}",
                MountTreeSvg.target(new MountTree.Row(machineMounts(HOST_MNT).subList(7, 15), 3, 0,
                        MountTree.Mark.SAME, List.of())));
        assertEquals(10, mounts(svg, "mnt 1").size(), "17 mounts: nine rows, and one for the eight controllers");
    }

    @Test
    void a_missing_controller_is_its_own_row_beside_the_run_of_the_others() {
        SvgDoc svg = trees(unsharedWith(List.of(), List.of(), List.of("/sys/fs/cgroup/memory")));
        assertEquals("missing", mountRow(svg, "mnt 2", "/sys/fs/cgroup/memory").getAttribute("data-mark"));
        Element run = svg.one("//*[@class='mntns'][@data-name='mnt 2']/*[@data-count]");
        assertEquals("7", run.getAttribute("data-count"));
        assertEquals("same", run.getAttribute("data-mark"));
        assertEquals("", mountRow(svg, "mnt 2", "/sys").getAttribute("data-folded"), "/sys is not as in mnt 1");
    }

    @Test
    void a_namespace_no_process_is_in_is_drawn_and_says_so() {
        List<MountView> mounts = new ArrayList<>(machineMounts(HOST_MNT));
        mounts.addAll(copy(machineMounts(HOST_MNT), 4026532999L, 100));
        SvgDoc svg = trees(view(List.of(process(1, 0, "init", HOST)), List.of(), mounts));
        assertEquals(2, namespaces(svg).size());
        assertTrue(namespaces(svg).get(1).getTextContent().contains("no process is in it"));
    }

    @Test
    void odd_views_draw_a_parent_outside_the_namespace_as_a_root_and_survive_cycles_and_empty_fields() {
        List<MountView> mounts = List.of(
                mount(HOST_MNT, 500, 21, "8:1", "/", "ext4", "/dev/vda1", "shared:1"), // the parent is the host's
                new MountView(HOST_MNT, 501, 502, "0:0", null, "/a", null, null, null, null, null),
                new MountView(HOST_MNT, 502, 501, "0:0", "/", "/a/b", "", "", "", "", ""));
        SvgDoc svg = trees(view(List.of(process(1, 0, "init", HOST)), List.of(), mounts));
        assertEquals(3, mounts(svg, "mnt 1").size());
        svg.assertNothingOverflows();
    }

    @Test
    void a_view_without_mounts_says_so() {
        SvgDoc svg = trees(view(List.of(), List.of(), List.of()));
        assertTrue(svg.document.getDocumentElement().getTextContent().contains("no mounts"));
        assertFalse(svg.document.getDocumentElement().getAttribute("aria-label").isEmpty());
    }

    @Test
    void the_trees_fit_the_panel_even_with_long_paths_and_sources() {
        List<MountView> extra = List.of(
                mount(NEW_MNT, 70, 38, "0:70", "/var/lib/docker/overlay2/0123456789abcdef0123456789abcdef/merged",
                        "overlay", "overlay-with-a-long-source-name", "shared:12345 master:67890"));
        SvgDoc svg = trees(unsharedWith(List.of(), extra, List.of("/tmp")));
        assertTrue(svg.width() <= NamespaceMatrixSvgTest.PANEL_WIDTH);
        svg.assertNothingOverflows();
    }

    @Test
    void mount_trees_are_escaped_and_deterministic() {
        List<MountView> mounts = List.of(mount(HOST_MNT, 21, 21, "0:21", "/<b>&\"", "tmpfs", "<src>", ""));
        String svg = MountTreeSvg.render(view(List.of(process(1, 0, "init", HOST)), List.of(), mounts));
        assertFalse(svg.contains("<b>"));
        assertEquals(svg, MountTreeSvg.render(view(List.of(process(1, 0, "init", HOST)), List.of(), mounts)));
        assertEquals("/<b>&\"", new SvgDoc(svg).one("//*[@class='mount']").getAttribute("data-mount-point"));
    }

    @Test
    void the_number_of_a_mount_namespace_matches_the_matrix_s_mnt_column() {
        HostView view = Machines.utsAndMountUnshared();
        NamespaceNumbers numbers = NamespaceNumbers.of(view);
        assertEquals(2, numbers.number(NamespaceType.MNT, NEW_MNT));
        assertEquals("mnt 2", namespaces(trees(view)).get(1).getAttribute("data-name"));
    }

    static MountView withPropagation(MountView m, String propagation) {
        return new MountView(m.mntNamespace(), m.mountId(), m.parentId(), m.device(), m.root(), m.mountPoint(),
                m.options(), propagation, m.fsType(), m.source(), m.superOptions());
    }
}
