package isolab.web.picture;

import static isolab.web.picture.MemcgSvgTest.MIB;
import static isolab.web.picture.MemcgSvgTest.UNLIMITED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The memory cgroups plotted over a session's actions, from samples built by hand. */
class MemcgPlotSvgTest {

    static MemcgView root(long usage) {
        return new MemcgView("/", 512 * MIB, usage, usage, 0, 0, 0, 0, 0, 0, 0, 0, false);
    }

    static MemcgView box(long cache, long rss) {
        return new MemcgView("/box", 64 * MIB, cache + rss, cache + rss, 0, cache, rss, 0, rss, 0, cache, 0, false);
    }

    /** mkdir box, dd 16 MiB into it, a 20 MiB stress-ng, then rmdir after it ends. */
    static List<MemcgSample> session() {
        return List.of(new MemcgSample(0, "", List.of(root(0))),
                new MemcgSample(1, "mkdir /sys/fs/cgroup/memory/box", List.of(root(0), box(0, 0))),
                new MemcgSample(2, "dd if=/dev/zero of=/tmp/f bs=1M count=16", List.of(root(16 * MIB), box(16 * MIB, 0))),
                new MemcgSample(3, "stress-ng --vm 1 --vm-bytes 20M --vm-keep &", List.of(root(36 * MIB),
                        box(16 * MIB, 20 * MIB))),
                new MemcgSample(4, "rmdir /sys/fs/cgroup/memory/box", List.of(root(0))));
    }

    static SvgDoc plot(List<MemcgSample> samples) {
        return new SvgDoc(MemcgPlotSvg.render(samples));
    }

    static List<double[]> points(Element polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttribute("points").split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    @Test
    void one_panel_per_cgroup_ever_charged_in_the_order_of_the_tree() {
        SvgDoc svg = plot(session());
        assertEquals(List.of("/", "/box"), svg.all("//*[@class='memcg-series']").stream()
                .map(e -> e.getAttribute("data-path")).toList());
        assertEquals("Memory cgroups over 4 actions: usage of /, /box",
                svg.document.getDocumentElement().getAttribute("aria-label"));
    }

    @Test
    void the_usage_line_rises_in_proportion_to_usage_and_breaks_where_the_cgroup_did_not_exist() {
        SvgDoc svg = plot(session());
        Element panel = svg.one("//*[@class='memcg-series'][@data-path='/box']");
        assertEquals(String.valueOf(64 * MIB), panel.getAttribute("data-scale"), "the limit is on the scale");
        Element plot = svg.one("//*[@data-path='/box']/*[@class='plot']");
        double bottom = SvgDoc.number(plot, "y") + SvgDoc.number(plot, "height");
        double height = SvgDoc.number(plot, "height");
        List<double[]> usage = points(svg.one("//*[@data-path='/box']/*[@data-series='usage']"));
        assertEquals(3, usage.size(), "box existed after actions 1 to 3 only");
        assertEquals(bottom, usage.get(0)[1], 0.1);
        assertEquals(bottom - height * 16 / 64, usage.get(1)[1], 0.1);
        assertEquals(bottom - height * 36 / 64, usage.get(2)[1], 0.1);
        assertTrue(usage.get(0)[0] < usage.get(1)[0] && usage.get(1)[0] < usage.get(2)[0]);
        List<double[]> limit = points(svg.one("//*[@data-path='/box']/*[@data-series='limit']"));
        assertEquals(bottom - height, limit.get(0)[1], 0.1, "the limit line is the top of the scale");
    }

    @Test
    void each_point_names_its_action_and_the_values_after_it() {
        SvgDoc svg = plot(session());
        Element point = svg.one("//*[@data-path='/box']/*[@class='point'][@data-action='3']");
        assertEquals(String.valueOf(36 * MIB), point.getAttribute("data-usage"));
        assertEquals("after action 3: stress-ng --vm 1 --vm-bytes 20M --vm-keep &\nusage 36 MiB, rss 20 MiB, cache 16 MiB,"
                + " limit 64 MiB, failcnt 0, oom_kill 0", SvgDoc.first(point, "title").getTextContent());
    }

    @Test
    void rss_and_cache_are_stacked_areas_under_the_usage_line() {
        SvgDoc svg = plot(session());
        Element rss = svg.one("//*[@data-path='/box']/*[@data-series='rss']");
        Element cache = svg.one("//*[@data-path='/box']/*[@data-series='cache']");
        double rssTop = points(rss).get(2)[1];
        double cacheTop = points(cache).get(2)[1];
        List<double[]> usage = points(svg.one("//*[@data-path='/box']/*[@data-series='usage']"));
        assertEquals(usage.get(2)[1], cacheTop, 0.1, "rss + cache is all of box's usage");
        assertTrue(rssTop > cacheTop, "rss below cache");
    }

    @Test
    void a_limit_far_above_the_usage_is_left_off_the_scale_and_said() {
        SvgDoc svg = plot(session());
        Element panel = svg.one("//*[@class='memcg-series'][@data-path='/']");
        assertEquals(String.valueOf(48 * MIB), panel.getAttribute("data-scale"), "36 MiB rounded up, not 512 MiB");
        assertTrue(svg.all("//*[@data-path='/']/*[@data-series='limit']").isEmpty());
        assertTrue(SvgDoc.first(panel, "title").getTextContent().endsWith("limit 512 MiB (above the scale)"));
    }

    @Test
    void a_peak_between_two_actions_shows_as_max_usage() {
        MemcgView oomed = new MemcgView("/db", 24 * MIB, 0, 24 * MIB, 1666, 0, 0, 0, 0, 0, 0, 49, false);
        SvgDoc svg = plot(List.of(new MemcgSample(0, "", List.of(root(0))),
                new MemcgSample(1, "stress-ng --vm 1 --vm-bytes 40M -t 2", List.of(root(0), oomed))));
        assertEquals(String.valueOf(24 * MIB), svg.one("//*[@class='memcg-series'][@data-path='/db']")
                .getAttribute("data-scale"));
        assertEquals(1, svg.all("//*[@data-path='/db']/*[@data-series='max_usage']").size());
    }

    @Test
    void only_two_samples_or_more_with_memory_charged_are_worth_plotting() {
        assertFalse(MemcgPlotSvg.worthDrawing(List.of()));
        assertFalse(MemcgPlotSvg.worthDrawing(List.of(new MemcgSample(0, "", List.of(root(MIB))))));
        assertFalse(MemcgPlotSvg.worthDrawing(List.of(new MemcgSample(0, "", List.of(root(0))),
                new MemcgSample(1, "true", List.of(root(0), box(0, 0))))), "nothing charged yet");
        assertTrue(MemcgPlotSvg.worthDrawing(session()));
    }

    @Test
    void many_cgroups_and_many_actions_stay_inside_the_picture_and_the_rest_are_named() {
        List<MemcgSample> samples = new ArrayList<>();
        for (int action = 0; action <= 200; action++) {
            List<MemcgView> memcgs = new ArrayList<>(List.of(root(action * MIB)));
            for (int c = 0; c < 9; c++) {
                memcgs.add(new MemcgView("/c" + c + "/with-a-rather-long-name-" + c, UNLIMITED, action * MIB, action * MIB, 0,
                        action * MIB, 0, 0, 0, 0, action * MIB, 0, false));
            }
            samples.add(new MemcgSample(action, "sleep 1 <&>", memcgs));
        }
        SvgDoc svg = plot(samples);
        assertEquals(MemcgPlotSvg.PANELS_MAX, svg.all("//*[@class='memcg-series']").size());
        assertTrue(svg.all("//*[@class='point']").isEmpty(), "too many actions to mark each");
        svg.assertNothingOverflows();
        assertEquals(MemcgPlotSvg.render(samples), MemcgPlotSvg.render(samples), "deterministic");
        plot(session()).assertNothingOverflows();
    }

    @Test
    void a_scale_has_a_readable_top() {
        assertEquals(48 * MIB, MemcgPlotSvg.niceCeiling(36 * MIB));
        assertEquals(64 * MIB, MemcgPlotSvg.niceCeiling(64 * MIB));
        assertEquals(1024, MemcgPlotSvg.niceCeiling(1));
        assertEquals(96 * MIB, MemcgPlotSvg.niceCeiling(64 * MIB + 1));
    }
}
