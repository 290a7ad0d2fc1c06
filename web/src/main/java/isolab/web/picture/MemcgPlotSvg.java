package isolab.web.picture;

import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plots each memory cgroup over the session's actions: one small panel per cgroup that was ever
 * charged, with its usage_in_bytes as a line, the rss and cache of its own pages stacked as
 * areas under it, and its limit as a dashed red line (when it is on the scale). A student sees a
 * {@code dd} fill a cgroup's cache up to the limit and stay there while reclaim makes room, or a
 * {@code stress-ng --vm} grow its rss until the OOM killer ends it.
 */
public final class MemcgPlotSvg {

    static final int WIDTH = NamespaceMatrixSvg.WIDTH;
    static final int FONT = 11;
    static final int SMALL = 10;
    static final int MARGIN = 8;
    static final int PANEL_HEIGHT = 100;
    static final int PLOT_TOP = 20;
    static final int PLOT_HEIGHT = 56;
    static final int PLOT_X = 66;
    static final int PLOT_WIDTH = WIDTH - MARGIN - PLOT_X;
    static final int PANELS_MAX = 6;
    static final int LEGEND_HEIGHT = 18;
    /** Beyond this many samples the points are not marked one by one. */
    static final int POINTS_MAX = 60;

    static final Palette RSS = new Palette("#f3c48f", "#b86a12");
    static final String MAX_USAGE = "#7b8594";
    static final Palette CACHE = new Palette("#b7d0f0", "#2f5590");

    private final List<MemcgSample> samples;

    private MemcgPlotSvg(List<MemcgSample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** The SVG document of the memory cgroups over {@code samples}, oldest first. */
    public static String render(List<MemcgSample> samples) {
        return new MemcgPlotSvg(samples).draw();
    }

    /** Whether there is a change to plot: two samples or more, and memory charged in one of them. */
    public static boolean worthDrawing(List<MemcgSample> samples) {
        return samples.size() >= 2 && !charged(samples).isEmpty();
    }

    /** The paths of the cgroups ever charged, in the order of the tree where each first appears. */
    static List<String> charged(List<MemcgSample> samples) {
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (MemcgSample sample : samples) {
            for (MemcgTree.Row row : MemcgTree.of(sample.memcgs())) {
                String path = MemcgTree.normal(row.memcg().path());
                boolean used = row.memcg().usageBytes() > 0 || row.memcg().maxUsageBytes() > 0;
                paths.merge(path, used, Boolean::logicalOr);
            }
        }
        List<String> charged = new ArrayList<>();
        paths.forEach((path, used) -> {
            if (used) {
                charged.add(path);
            }
        });
        return charged;
    }

    private String draw() {
        List<String> paths = charged(samples);
        List<String> drawn = paths.subList(0, Math.min(paths.size(), PANELS_MAX));
        int extra = paths.size() - drawn.size();
        int height = MARGIN + Math.max(drawn.size(), 1) * PANEL_HEIGHT + (extra > 0 ? LEGEND_HEIGHT : 0) + LEGEND_HEIGHT
                + MARGIN;
        Svg svg = new Svg("memcg-plot", WIDTH, height, FONT, "Memory cgroups over " + Math.max(samples.size() - 1, 0)
                + " action" + (samples.size() == 2 ? "" : "s") + ": usage of " + (paths.isEmpty() ? "no cgroup"
                : String.join(", ", drawn)) + (extra > 0 ? " and " + extra + " more" : ""));
        int y = MARGIN;
        if (drawn.isEmpty()) {
            svg.element("text", "no memory charged yet", "x", MARGIN, "y", y + 16, "fill", MemcgSvg.MUTED);
        }
        for (String path : drawn) {
            drawPanel(svg, path, y);
            y += PANEL_HEIGHT;
        }
        if (drawn.isEmpty()) {
            y += PANEL_HEIGHT;
        }
        if (extra > 0) {
            String more = extra + " more cgroup" + (extra == 1 ? "" : "s") + " not plotted: ";
            svg.element("text", more + Svg.clip(String.join(", ", paths.subList(drawn.size(), paths.size())),
                            Svg.charsIn(WIDTH - 2 * MARGIN, SMALL) - more.length()),
                    "x", MARGIN, "y", y + 12, "font-size", SMALL, "fill", MemcgSvg.MUTED);
            y += LEGEND_HEIGHT;
        }
        drawLegend(svg, y);
        return svg.end();
    }

    /** The cgroup at {@code path} in each sample, null where it did not exist. */
    private List<MemcgView> series(String path) {
        List<MemcgView> series = new ArrayList<>();
        for (MemcgSample sample : samples) {
            MemcgView found = null;
            for (MemcgView m : sample.memcgs()) {
                if (m != null && MemcgTree.normal(m.path()).equals(path)) {
                    found = m;
                    break;
                }
            }
            series.add(found);
        }
        return series;
    }

    private void drawPanel(Svg svg, String path, int top) {
        List<MemcgView> series = series(path);
        long peak = 1;
        for (MemcgView m : series) {
            if (m != null) {
                peak = Math.max(peak, Math.max(Math.max(m.usageBytes(), m.maxUsageBytes()), m.cacheBytes() + m.rssBytes()));
            }
        }
        long scale = peak;
        for (MemcgView m : series) {
            if (m != null && Bytes.limited(m.limitBytes()) && m.limitBytes() <= 4 * peak) {
                scale = Math.max(scale, m.limitBytes());
            }
        }
        long ceiling = niceCeiling(scale);
        MemcgView last = null;
        for (MemcgView m : series) {
            last = m == null ? last : m;
        }
        String limitNote = last == null || !Bytes.limited(last.limitBytes()) ? "no limit"
                : "limit " + Bytes.human(last.limitBytes()) + (last.limitBytes() > ceiling ? " (above the scale)" : "");
        svg.open("g", "class", "memcg-series", "data-path", path, "data-scale", ceiling);
        svg.element("title", path + ": usage_in_bytes after each action, with the rss and cache of its own pages; "
                + limitNote);
        svg.open("text", "x", MARGIN, "y", top + 12)
                .element("tspan", Svg.clip(path, 40), "font-weight", "bold", "fill", MemcgSvg.INK)
                .element("tspan", Svg.clip("  now " + (last == null ? "gone" : Bytes.human(last.usageBytes())) + " \u00b7 peak "
                        + Bytes.human(peak) + " \u00b7 " + limitNote, 80 - Math.min(path.length(), 40)),
                        "fill", MemcgSvg.MUTED, "font-size", SMALL)
                .close("text");
        int plotTop = top + PLOT_TOP;
        svg.empty("rect", "class", "plot", "x", PLOT_X, "y", plotTop, "width", PLOT_WIDTH, "height", PLOT_HEIGHT,
                "fill", "#ffffff", "stroke", "#c9ced6");
        svg.element("text", Bytes.human(ceiling), "x", PLOT_X - 4, "y", plotTop + 8, "text-anchor", "end", "font-size",
                SMALL, "fill", MemcgSvg.MUTED);
        svg.element("text", "0", "x", PLOT_X - 4, "y", plotTop + PLOT_HEIGHT, "text-anchor", "end", "font-size", SMALL,
                "fill", MemcgSvg.MUTED);
        for (List<Integer> run : runs(series)) {
            area(svg, "rss", RSS, run, i -> 0L, i -> series.get(i).rssBytes(), ceiling, plotTop);
            area(svg, "cache", CACHE, run, i -> series.get(i).rssBytes(),
                    i -> series.get(i).rssBytes() + series.get(i).cacheBytes(), ceiling, plotTop);
            line(svg, "limit", run.stream().filter(i -> Bytes.limited(series.get(i).limitBytes())
                    && series.get(i).limitBytes() <= ceiling).toList(), i -> series.get(i).limitBytes(), ceiling, plotTop,
                    MemcgSvg.LIMIT, "4 3");
            line(svg, "max_usage", run, i -> series.get(i).maxUsageBytes(), ceiling, plotTop, MAX_USAGE, "1 2");
            line(svg, "usage", run, i -> series.get(i).usageBytes(), ceiling, plotTop, MemcgSvg.INK, null);
            if (samples.size() <= POINTS_MAX) {
                for (int i : run) {
                    points(svg, series.get(i), i, ceiling, plotTop);
                }
            }
        }
        axis(svg, plotTop + PLOT_HEIGHT);
        svg.close("g");
    }

    /** Runs of consecutive samples in which the cgroup exists. */
    private static List<List<Integer>> runs(List<MemcgView> series) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i) != null) {
                run.add(i);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    double x(int sample) {
        return PLOT_X + (samples.size() < 2 ? 0 : (double) PLOT_WIDTH * sample / (samples.size() - 1));
    }

    static double y(long bytes, long scale, int plotTop) {
        double share = Math.max(0, Math.min(1, (double) bytes / scale));
        return plotTop + PLOT_HEIGHT - PLOT_HEIGHT * share;
    }

    private void area(Svg svg, String name, Palette colour, List<Integer> run, java.util.function.IntFunction<Long> bottom,
                      java.util.function.IntFunction<Long> topOf, long scale, int plotTop) {
        StringBuilder points = new StringBuilder();
        for (int i : run) {
            points.append(Svg.num(x(i))).append(',').append(Svg.num(y(topOf.apply(i), scale, plotTop))).append(' ');
        }
        for (int k = run.size() - 1; k >= 0; k--) {
            int i = run.get(k);
            points.append(Svg.num(x(i))).append(',').append(Svg.num(y(bottom.apply(i), scale, plotTop))).append(' ');
        }
        svg.empty("polygon", "class", "area", "data-series", name, "points", points.toString().strip(), "fill",
                colour.fill(), "stroke", "none");
    }

    private void line(Svg svg, String name, List<Integer> run, java.util.function.IntFunction<Long> value, long scale,
                      int plotTop, String colour, String dashes) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder points = new StringBuilder();
        for (int i : run) {
            points.append(Svg.num(x(i))).append(',').append(Svg.num(y(value.apply(i), scale, plotTop))).append(' ');
        }
        svg.empty("polyline", "class", "line", "data-series", name, "points", points.toString().strip(), "fill", "none",
                "stroke", colour, "stroke-width", 1.5, "stroke-dasharray", dashes);
    }

    /** A dot on the usage line per sample, its tooltip naming the action and the values after it. */
    private void points(Svg svg, MemcgView m, int sample, long scale, int plotTop) {
        MemcgSample s = samples.get(sample);
        String when = s.action() == 0 ? "at the start" : "after action " + s.action()
                + (s.label().isEmpty() ? "" : ": " + Svg.clip(s.label(), 120));
        svg.open("circle", "class", "point", "data-action", s.action(), "data-usage", m.usageBytes(), "cx", x(sample),
                        "cy", y(m.usageBytes(), scale, plotTop), "r", 2.5, "fill", MemcgSvg.INK)
                .element("title", when + "\nusage " + Bytes.human(m.usageBytes()) + ", rss " + Bytes.human(m.rssBytes())
                        + ", cache " + Bytes.human(m.cacheBytes()) + (Bytes.limited(m.limitBytes()) ? ", limit "
                        + Bytes.human(m.limitBytes()) : ", no limit") + ", failcnt " + m.failcnt() + ", oom_kill "
                        + m.oomKill())
                .close("circle");
    }

    /** The x axis: a tick per action, the start at the left, the newest action at the right. */
    private void axis(Svg svg, int baseline) {
        if (samples.size() <= POINTS_MAX) {
            StringBuilder ticks = new StringBuilder();
            for (int i = 0; i < samples.size(); i++) {
                ticks.append('M').append(Svg.num(x(i))).append(' ').append(baseline).append(" v3 ");
            }
            svg.empty("path", "class", "ticks", "d", ticks.toString().strip(), "stroke", "#8a94a3", "fill", "none");
        }
        int last = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).action();
        svg.element("text", "start", "x", PLOT_X, "y", baseline + 12, "font-size", SMALL, "fill", MemcgSvg.MUTED);
        svg.element("text", "action " + last + " (now)", "x", PLOT_X + PLOT_WIDTH, "y", baseline + 12, "font-size", SMALL,
                "text-anchor", "end", "fill", MemcgSvg.MUTED);
    }

    private static void drawLegend(Svg svg, int top) {
        int x = MARGIN;
        svg.open("g", "class", "legend");
        svg.empty("rect", "x", x, "y", top + 2, "width", 14, "height", 10, "fill", RSS.fill());
        svg.element("text", "rss", "x", x + 18, "y", top + 11, "font-size", SMALL, "fill", MemcgSvg.MUTED);
        x += 50;
        svg.empty("rect", "x", x, "y", top + 2, "width", 14, "height", 10, "fill", CACHE.fill());
        svg.element("text", "cache (own pages)", "x", x + 18, "y", top + 11, "font-size", SMALL, "fill", MemcgSvg.MUTED);
        x += 140;
        svg.empty("rect", "x", x, "y", top + 6, "width", 16, "height", 2, "fill", MemcgSvg.INK);
        svg.element("text", "usage (with children)", "x", x + 20, "y", top + 11, "font-size", SMALL, "fill",
                MemcgSvg.MUTED);
        x += 160;
        svg.empty("polyline", "points", x + "," + (top + 7) + " " + (x + 16) + "," + (top + 7), "stroke", MAX_USAGE,
                "stroke-width", 1.5, "stroke-dasharray", "1 2", "fill", "none");
        svg.element("text", "max_usage", "x", x + 20, "y", top + 11, "font-size", SMALL, "fill", MemcgSvg.MUTED);
        x += 90;
        svg.empty("polyline", "points", x + "," + (top + 7) + " " + (x + 16) + "," + (top + 7), "stroke", MemcgSvg.LIMIT,
                "stroke-width", 1.5, "stroke-dasharray", "4 3", "fill", "none");
        svg.element("text", "limit", "x", x + 20, "y", top + 11, "font-size", SMALL, "fill", MemcgSvg.MUTED);
        svg.close("g");
    }

    /** {@code bytes} rounded up to 1, 1.5, 2 or 3 times a power of two KiB: a scale with a readable top. */
    static long niceCeiling(long bytes) {
        long unit = 1024;
        while (true) {
            for (long step : new long[] {2, 3, 4, 6}) {
                if (unit * step / 2 >= bytes) {
                    return unit * step / 2;
                }
            }
            if (unit > Long.MAX_VALUE / 8) {
                return bytes;
            }
            unit *= 2;
        }
    }
}
