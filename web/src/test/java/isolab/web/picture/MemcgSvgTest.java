package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The memory cgroup picture, drawn from views built by hand. */
class MemcgSvgTest {

    static final long KIB = 1024;
    static final long MIB = 1024 * KIB;
    /** What v1's memory.limit_in_bytes reads when there is no limit. */
    static final long UNLIMITED = 9223372036854771712L;

    /** A memcg whose lists hold {@code lists} (inactive_anon, active_anon, inactive_file, active_file) and whose children hold {@code children}. */
    static MemcgView memcg(String path, long limit, long children, long... lists) {
        long usage = children + Arrays.stream(lists).sum();
        return new MemcgView(path, limit, usage, usage, 0, lists[2] + lists[3], lists[0] + lists[1], lists[0], lists[1],
                lists[2], lists[3], 0, false);
    }

    static HostView view(MemcgView... memcgs) {
        return new HostView(HostKind.SIM, "isolab", List.of(), List.of(), List.of(), Arrays.asList(memcgs));
    }

    /** The machine after a 64 MiB box with 16 MiB of a file cached in box/a and 8 MiB of anon in box/b. */
    static HostView box() {
        MemcgView a = memcg("/box/a", UNLIMITED, 0, 0, 0, 4 * MIB, 12 * MIB);
        MemcgView b = memcg("/box/b", 32 * MIB, 0, 2 * MIB, 6 * MIB, 0, 0);
        MemcgView box = memcg("/box", 64 * MIB, 24 * MIB, 0, 0, 0, 0);
        MemcgView root = memcg("/", 512 * MIB, 24 * MIB, 0, 0, 0, 0);
        return view(root, box, a, b);
    }

    static SvgDoc draw(HostView view) {
        return new SvgDoc(MemcgSvg.render(view));
    }

    static Element group(SvgDoc svg, String path) {
        return svg.one("//*[@class='memcg'][@data-path='" + path + "']");
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    static Element track(SvgDoc svg, String path) {
        return svg.one("//*[@class='memcg'][@data-path='" + path + "']/*[@class='track']");
    }

    static Element segment(SvgDoc svg, String path, String list) {
        return svg.one("//*[@class='memcg'][@data-path='" + path + "']/*[@class='segment'][@data-list='" + list + "']");
    }

    @Test
    void the_cgroups_are_drawn_as_a_tree_in_pre_order_each_child_indented_under_its_parent() {
        SvgDoc svg = draw(box());
        List<String> paths = svg.all("//*[@class='memcg']").stream().map(e -> e.getAttribute("data-path")).toList();
        assertEquals(List.of("/", "/box", "/box/a", "/box/b"), paths);
        double root = number(track(svg, "/"), "x");
        double box = number(track(svg, "/box"), "x");
        assertTrue(box > root, "box is indented under /");
        assertEquals(number(track(svg, "/box/a"), "x"), number(track(svg, "/box/b"), "x"), "siblings line up");
        assertTrue(number(track(svg, "/box/a"), "x") > box);
        assertEquals(3, svg.all("//*[@class='connector']").size(), "a line to every cgroup but the root");
        assertEquals("a", first(group(svg, "/box/a"), "name").getTextContent(), "a cgroup is labelled with its own name");
    }

    @Test
    void a_child_listed_before_its_parent_still_goes_under_it_and_an_orphan_becomes_a_root() {
        SvgDoc svg = draw(view(memcg("/box/a", UNLIMITED, 0, MIB, 0, 0, 0), memcg("/", 512 * MIB, 0, 0, 0, 0, 0),
                memcg("/box", 64 * MIB, MIB, 0, 0, 0, 0), memcg("/gone/c", UNLIMITED, 0, 0, 0, 0, MIB)));
        List<String> paths = svg.all("//*[@class='memcg']").stream().map(e -> e.getAttribute("data-path")).toList();
        assertEquals(List.of("/", "/box", "/box/a", "/gone/c"), paths);
        assertEquals(number(track(svg, "/"), "x"), number(track(svg, "/gone/c"), "x"), "its parent is not in the view");
        svg.assertNothingOverflows();
    }

    @Test
    void a_bar_is_as_long_as_the_cgroup_s_limit_and_each_list_takes_its_share_of_it() {
        SvgDoc svg = draw(box());
        Element track = track(svg, "/box/b");
        double width = number(track, "width");
        assertEquals("33554432", group(svg, "/box/b").getAttribute("data-scale"));
        assertEquals(width * 2 / 32, number(segment(svg, "/box/b", "inactive_anon"), "width"), 0.1);
        assertEquals(width * 6 / 32, number(segment(svg, "/box/b", "active_anon"), "width"), 0.1);
        assertEquals(number(track, "x") + width * 2 / 32, number(segment(svg, "/box/b", "active_anon"), "x"), 0.1,
                "stacked: active_anon starts where inactive_anon ends");
        assertTrue(svg.all("//*[@data-path='/box/b']/*[@class='segment'][@data-list='inactive_file']").isEmpty(),
                "an empty list has no piece");
        assertEquals(number(track, "x") + width, number(svg.one("//*[@data-path='/box/b']/*[@class='limit']"), "x") + 2,
                0.1, "the red limit mark is the bar's end");
        assertTrue(first(group(svg, "/box/b"), "summary").getTextContent().startsWith("8 MiB of 32 MiB (25%)"));
    }

    @Test
    void a_parent_s_bar_shows_what_its_children_are_charged() {
        SvgDoc svg = draw(box());
        Element children = segment(svg, "/box", "children");
        assertEquals(String.valueOf(24 * MIB), children.getAttribute("data-bytes"));
        assertEquals(number(track(svg, "/box"), "width") * 24 / 64, number(children, "width"), 0.1);
        assertTrue(first(children, "title").getTextContent().contains("24 MiB charged by the cgroups below it"));
    }

    @Test
    void a_cgroup_without_a_limit_is_drawn_against_the_limit_that_binds_it_and_says_so() {
        SvgDoc svg = draw(box());
        Element a = group(svg, "/box/a");
        assertEquals("none", a.getAttribute("data-limit"));
        assertEquals(String.valueOf(64 * MIB), a.getAttribute("data-scale"), "box's limit binds a");
        assertEquals("4 3", track(svg, "/box/a").getAttribute("stroke-dasharray"), "a dashed bar: no limit of its own");
        assertTrue(svg.all("//*[@data-path='/box/a']/*[@class='limit']").isEmpty(), "no red limit mark of its own");
        assertEquals("16 MiB, no limit (bar: /box's limit, 64 MiB)", first(a, "summary").getTextContent());
        assertEquals(number(track(svg, "/box/a"), "width") * 12 / 64, number(segment(svg, "/box/a", "active_file"),
                "width"), 0.1);
    }

    @Test
    void with_no_limit_anywhere_the_bars_are_drawn_against_the_largest_usage() {
        SvgDoc svg = draw(view(memcg("/", UNLIMITED, 30 * MIB, 0, 0, 0, 0), memcg("/x", UNLIMITED, 0, 0, 30 * MIB, 0, 0)));
        assertEquals(String.valueOf(30 * MIB), group(svg, "/x").getAttribute("data-scale"));
        assertEquals(number(track(svg, "/x"), "width"), number(segment(svg, "/x", "active_anon"), "width"), 0.1);
        assertTrue(first(group(svg, "/x"), "summary").getTextContent().contains("no limit (bar: largest usage here"));
    }

    @Test
    void each_list_is_named_as_memory_stat_names_it_with_its_size_in_binary_units() {
        SvgDoc svg = draw(box());
        List<Element> lists = svg.all("//*[@data-path='/box/a']/*[@class='lru']");
        assertEquals(List.of("inactive_anon", "active_anon", "inactive_file", "active_file"),
                lists.stream().map(e -> e.getAttribute("data-list")).toList());
        assertEquals(List.of("inactive_anon 0", "active_anon 0", "inactive_file 4 MiB", "active_file 12 MiB"),
                lists.stream().map(e -> first(e, "text").getTextContent()).toList());
        assertEquals("memory.stat active_file 12582912", first(lists.get(3), "title").getTextContent());
    }

    @Test
    void max_usage_is_a_tick_and_failcnt_oom_kill_and_under_oom_are_red_when_they_count() {
        MemcgView full = new MemcgView("/box", 16 * MIB, 4 * MIB, 16 * MIB, 1666, 0, 4 * MIB, 0, 4 * MIB, 0, 0, 49, true);
        SvgDoc svg = draw(view(memcg("/", 512 * MIB, 4 * MIB, 0, 0, 0, 0), full));
        Element tick = first(svg.one("//*[@data-path='/box']/*[@class='max-usage']"), "rect");
        Element track = track(svg, "/box");
        assertEquals(number(track, "x") + number(track, "width"), number(tick, "x") + 1, 0.1, "max usage was the limit");
        Element failcnt = svg.one("//*[@data-path='/box']//*[@data-counter='failcnt']");
        assertEquals("failcnt 1666", failcnt.getTextContent());
        assertEquals(MemcgSvg.LIMIT, failcnt.getAttribute("fill"));
        assertEquals(MemcgSvg.LIMIT, svg.one("//*[@data-path='/box']//*[@data-counter='oom_kill']").getAttribute("fill"));
        assertEquals("under_oom 1", svg.one("//*[@data-path='/box']//*[@data-counter='under_oom']").getTextContent());
        assertEquals(MemcgSvg.LIMIT, track.getAttribute("stroke"), "a cgroup under OOM has a red bar");
        assertTrue(first(group(svg, "/box"), "summary").getTextContent().endsWith("under OOM"));
        Element quiet = svg.one("//*[@data-path='/']//*[@data-counter='failcnt']");
        assertEquals("", quiet.getAttribute("fill"), "a counter at 0 is muted");
    }

    @Test
    void usage_on_none_of_the_lists_is_drawn_as_other_as_a_real_host_shows_kernel_memory() {
        MemcgView real = new MemcgView("/", 512 * MIB, 10 * MIB, 12 * MIB, 0, 6 * MIB, 2 * MIB, MIB, MIB, 4 * MIB,
                2 * MIB, 0, false);
        SvgDoc svg = draw(view(real));
        assertEquals(String.valueOf(2 * MIB), segment(svg, "/", "other").getAttribute("data-bytes"));
        assertEquals(1, svg.all("//*[@class='legend'][@data-key='other']").size(), "the legend explains it");
        assertTrue(draw(box()).all("//*[@class='legend'][@data-key='other']").isEmpty(), "only when there is some");
        assertTrue(svg.all("//*[@class='legend'][@data-key='children']").isEmpty(), "a root alone has no children");
    }

    @Test
    void lists_adding_up_to_more_than_usage_are_cut_at_usage() {
        MemcgView racy = new MemcgView("/", 512 * MIB, 4 * MIB, 4 * MIB, 0, 0, 6 * MIB, 0, 6 * MIB, 0, 0, 0, false);
        SvgDoc svg = draw(view(racy));
        assertEquals(String.valueOf(4 * MIB), segment(svg, "/", "active_anon").getAttribute("data-bytes"));
    }

    @Test
    void a_cgroup_name_is_escaped_and_the_picture_stays_well_formed() {
        String evil = "/<script>&\"x'";
        SvgDoc svg = draw(view(memcg("/", 512 * MIB, MIB, 0, 0, 0, 0), memcg(evil, UNLIMITED, 0, MIB, 0, 0, 0)));
        Element group = svg.one("//*[@class='memcg'][2]");
        assertEquals(evil, group.getAttribute("data-path"));
        assertEquals("<script>&\"x'", first(group, "name").getTextContent());
        assertFalse(MemcgSvg.render(view(memcg(evil, UNLIMITED, 0, MIB, 0, 0, 0))).contains("<script>"));
    }

    @Test
    void the_same_view_draws_the_same_picture_and_it_has_an_accessible_name_and_a_legend() {
        String once = MemcgSvg.render(box());
        assertEquals(once, MemcgSvg.render(box()));
        SvgDoc svg = new SvgDoc(once);
        Element root = svg.document.getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        assertEquals("Memory cgroups of isolab: 4 cgroups; the fullest, /box, uses 24 MiB of its 64 MiB limit",
                root.getAttribute("aria-label"));
        assertEquals(root.getAttribute("aria-label"), first(root, "title").getTextContent());
        assertEquals(List.of("anon", "file", "children", "max"),
                svg.all("//*[@class='legend']").stream().map(e -> e.getAttribute("data-key")).toList());
        assertTrue(first(group(svg, "/box/b"), "title").getTextContent().contains("memory.limit_in_bytes 33554432 (32 MiB)"));
    }

    @Test
    void nothing_reaches_beyond_the_picture_even_deep_with_long_names_and_huge_numbers() {
        List<MemcgView> memcgs = new ArrayList<>();
        memcgs.add(new MemcgView("/", UNLIMITED, 700L * 1024 * MIB, 900L * 1024 * MIB, 123456789, 0, 0, 0, 0, 0, 0,
                987654, true));
        String path = "";
        for (int depth = 1; depth <= 6; depth++) {
            path += "/a-very-long-cgroup-name-number-" + depth;
            memcgs.add(new MemcgView(path, 511 * MIB + 511 * KIB, 500 * MIB, 511 * MIB, 99999999, 500 * MIB, 0, 0, 0,
                    250 * MIB, 250 * MIB, 99999, true));
        }
        SvgDoc svg = draw(new HostView(HostKind.REAL, "isolab", List.of(), List.of(), List.of(), memcgs));
        svg.assertNothingOverflows();
        draw(box()).assertNothingOverflows();
    }

    @Test
    void odd_views_draw_without_failing() {
        new SvgDoc(MemcgSvg.render(view())).assertNothingOverflows();
        SvgDoc odd = draw(view(memcg("/", 0, 0, 0, 0, 0, 0), memcg("/", 64 * MIB, 0, MIB, 0, 0, 0),
                new MemcgView(null, -1, -5, -5, -1, 0, 0, -1, 0, 0, 0, 0, false)));
        assertEquals(1, odd.all("//*[@class='memcg']").size(), "a duplicate path, and a null path (the root), drawn once");
        odd.assertNothingOverflows();
    }

    @Test
    void only_a_machine_with_a_cgroup_besides_the_root_or_memory_charged_is_worth_drawing() {
        assertFalse(MemcgSvg.worthDrawing(view()));
        assertFalse(MemcgSvg.worthDrawing(view(memcg("/", 512 * MIB, 0, 0, 0, 0, 0))), "a fresh simulated machine");
        assertTrue(MemcgSvg.worthDrawing(view(memcg("/", 512 * MIB, 0, 0, 0, 0, 0), memcg("/box", UNLIMITED, 0, 0, 0, 0, 0))));
        assertTrue(MemcgSvg.worthDrawing(view(memcg("/", 512 * MIB, 0, KIB * 4, 0, 0, 0))), "a real host's root");
    }

    @Test
    void sizes_are_printed_in_binary_units_as_linux_tools_print_them() {
        assertEquals("0", Bytes.human(0));
        assertEquals("512 B", Bytes.human(512));
        assertEquals("4 KiB", Bytes.human(4 * KIB));
        assertEquals("59.5 MiB", Bytes.human(59 * MIB + 512 * KIB));
        assertEquals("1 GiB", Bytes.human(1024 * MIB - 1), "rounds up into the next unit");
        assertEquals("8 EiB", Bytes.human(UNLIMITED));
        assertFalse(Bytes.limited(UNLIMITED));
        assertFalse(Bytes.limited(0));
        assertTrue(Bytes.limited(512 * MIB));
    }

    /** The first descendant of {@code element} with class {@code cssClass}, or the first {@code <cssClass>} element. */
    static Element first(Element element, String cssClass) {
        Element tag = SvgDoc.first(element, cssClass);
        if (tag != null) {
            return tag;
        }
        var nodes = element.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                return e;
            }
        }
        throw new AssertionError("no " + cssClass + " in " + element.getAttribute("data-path"));
    }
}
