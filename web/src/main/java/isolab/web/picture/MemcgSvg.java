package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the memory cgroup tree ({@link MemcgTree}): per cgroup, under its parent, a usage bar whose
 * end is its limit, filled with what its usage is made of - its own pages on each of the four LRU
 * lists (memory.stat's inactive_anon, active_anon, inactive_file, active_file), then what its
 * children are charged (v1 charges every ancestor), then anything usage counts that is on none of
 * those lists - with a tick at max_usage_in_bytes, and beside it failcnt, oom_kill and under_oom.
 * A student sees which cgroup holds which pages, how close each is to its limit, and, step by
 * step, reclaim moving pages from active to inactive and off the lists.
 */
public final class MemcgSvg {

    static final int WIDTH = NamespaceMatrixSvg.WIDTH;
    static final int FONT = 11;
    static final int SMALL = 10;
    static final int MARGIN = 8;
    static final int INDENT = 16;
    static final int ROW_HEIGHT = 68;
    static final int BAR_TOP = 18;
    static final int BAR_HEIGHT = 14;
    static final int LEGEND_LINE = 15;
    static final int GRID_COLUMN = 168;

    /** memory.stat's four LRU lists of a memcg, in the order the bar stacks them. */
    enum Lru {
        INACTIVE_ANON("inactive_anon", "#f6c68a", "#b86a12"),
        ACTIVE_ANON("active_anon", "#d9822b", "#8f4f0f"),
        INACTIVE_FILE("inactive_file", "#a9c8ee", "#2f5590"),
        ACTIVE_FILE("active_file", "#3f78c2", "#1f3f70");

        final String stat;
        final String fill;
        final String stroke;

        Lru(String stat, String fill, String stroke) {
            this.stat = stat;
            this.fill = fill;
            this.stroke = stroke;
        }

        long bytes(MemcgView memcg) {
            return switch (this) {
                case INACTIVE_ANON -> memcg.inactiveAnonBytes();
                case ACTIVE_ANON -> memcg.activeAnonBytes();
                case INACTIVE_FILE -> memcg.inactiveFileBytes();
                case ACTIVE_FILE -> memcg.activeFileBytes();
            };
        }
    }

    static final Palette CHILDREN = new Palette("#c3c9d2", "#5b6472");
    static final Palette OTHER = new Palette("#eceef1", "#8a94a3");
    static final String LIMIT = "#a12b2b";
    static final String MUTED = "#5b6472";
    static final String INK = "#1f2933";
    private static final long PAGE_BYTES = 4096;

    private final HostView view;
    private final List<MemcgTree.Row> rows;

    private MemcgSvg(HostView view) {
        this.view = view;
        this.rows = MemcgTree.of(view.memcgs());
    }

    /** The SVG document of {@code view}'s memory cgroups. */
    public static String render(HostView view) {
        return new MemcgSvg(view).draw();
    }

    /**
     * Whether the picture has something to say: a memory cgroup besides the root, or memory
     * charged somewhere. A fresh simulated machine has neither, and is not drawn.
     */
    public static boolean worthDrawing(HostView view) {
        return view.memcgs().size() > 1 || view.memcgs().stream().anyMatch(m -> m != null && m.usageBytes() > 0);
    }

    private String draw() {
        List<String[]> legend = legend();
        int legendLines = 0;
        for (String[] line : legend) {
            legendLines += wrapLegend(line[1]).size();
        }
        int height = MARGIN + Math.max(rows.size(), 1) * ROW_HEIGHT + legendLines * LEGEND_LINE + MARGIN;
        Svg svg = new Svg("memcg-tree", WIDTH, height, FONT, title());
        int y = MARGIN;
        if (rows.isEmpty()) {
            svg.element("text", "no memory cgroups observed", "x", MARGIN, "y", y + 16, "fill", MUTED);
        }
        for (int i = 0; i < rows.size(); i++) {
            drawRow(svg, rows.get(i), y + i * ROW_HEIGHT);
        }
        for (int i = 0; i < rows.size(); i++) { // over the rows, under nothing
            drawConnector(svg, i, y);
        }
        drawLegend(svg, legend, y + Math.max(rows.size(), 1) * ROW_HEIGHT);
        return svg.end();
    }

    /** The accessible name: how many cgroups, and the one closest to its limit. */
    private String title() {
        String title = "Memory cgroups of " + view.hostname() + ": " + rows.size() + " cgroup" + (rows.size() == 1 ? "" : "s");
        MemcgTree.Row fullest = null;
        for (MemcgTree.Row row : rows) {
            if (row.limited() && (fullest == null || share(row) > share(fullest))) {
                fullest = row;
            }
        }
        if (fullest != null) {
            MemcgView m = fullest.memcg();
            title += "; the fullest, " + MemcgTree.normal(m.path()) + ", uses " + Bytes.human(m.usageBytes()) + " of its "
                    + Bytes.human(m.limitBytes()) + " limit";
        }
        return title;
    }

    private static double share(MemcgTree.Row row) {
        return (double) row.memcg().usageBytes() / row.memcg().limitBytes();
    }

    static double barX(MemcgTree.Row row) {
        return MARGIN + row.depth() * INDENT;
    }

    static double barWidth(MemcgTree.Row row) {
        return WIDTH - MARGIN - barX(row);
    }

    private void drawRow(Svg svg, MemcgTree.Row row, int top) {
        MemcgView m = row.memcg();
        String path = MemcgTree.normal(m.path());
        double x = barX(row);
        double width = barWidth(row);
        svg.open("g", "class", "memcg", "data-path", path, "data-usage", m.usageBytes(), "data-limit",
                row.limited() ? m.limitBytes() : "none", "data-scale", row.scaleBytes(), "data-under-oom", m.underOom());
        svg.element("title", tooltip(row));
        String summary = summary(row);
        int summaryChars = Math.min(summary.length(), Svg.charsIn(width * 0.62, FONT));
        summary = Svg.clip(summary, summaryChars);
        int nameChars = Svg.charsIn(width - Svg.widthOf(summary.length() + 2, FONT), FONT);
        svg.element("text", Svg.clip(row.name(), nameChars), "x", x, "y", top + 13, "font-weight", "bold", "fill", INK,
                "class", "name");
        svg.element("text", summary, "x", WIDTH - MARGIN, "y", top + 13, "text-anchor", "end", "fill",
                m.underOom() ? LIMIT : INK, "class", "summary");
        drawBar(svg, row, x, width, top + BAR_TOP);
        drawLists(svg, m, x, top + 46);
        drawCounters(svg, m, top + 46);
        svg.close("g");
    }

    /** {@code 20 MiB of 32 MiB (62%)}, or for a cgroup without a limit, what its bar is drawn against. */
    static String summary(MemcgTree.Row row) {
        MemcgView m = row.memcg();
        String usage = Bytes.human(m.usageBytes());
        if (row.limited()) {
            return usage + " of " + Bytes.human(m.limitBytes()) + " (" + Bytes.percent(m.usageBytes(), m.limitBytes()) + "%)"
                    + (m.underOom() ? " under OOM" : "");
        }
        String against = row.scaleOf().isEmpty() ? "bar: largest usage here" : "bar: " + row.scaleOf() + "'s limit";
        return usage + ", no limit (" + against + ", " + Bytes.human(row.scaleBytes()) + ")";
    }

    private void drawBar(Svg svg, MemcgTree.Row row, double x, double width, int top) {
        MemcgView m = row.memcg();
        double scale = Math.max(row.scaleBytes(), 1);
        svg.empty("rect", "class", "track", "x", x, "y", top, "width", width, "height", BAR_HEIGHT, "fill", "#ffffff",
                "stroke", m.underOom() ? LIMIT : "#8a94a3", "stroke-width", m.underOom() ? 2 : 1,
                "stroke-dasharray", row.limited() ? null : "4 3");
        long usage = Math.max(m.usageBytes(), 0);
        long at = 0;
        for (Lru lru : Lru.values()) {
            long bytes = lru.bytes(m);
            at = segment(svg, lru.stat, lru.fill, lru.stroke, bytes, at, usage, scale, x, width, top,
                    lru.stat + ": " + Bytes.human(bytes) + " (" + bytes / PAGE_BYTES + " pages) of "
                            + MemcgTree.normal(m.path()) + "'s own pages");
        }
        at = segment(svg, "children", CHILDREN.fill(), CHILDREN.stroke(), row.childrenBytes(), at, usage, scale, x, width, top,
                "children: " + Bytes.human(row.childrenBytes()) + " charged by the cgroups below it");
        segment(svg, "other", OTHER.fill(), OTHER.stroke(), usage - at, at, usage, scale, x, width, top,
                "other: " + Bytes.human(usage - at) + " in usage_in_bytes but on none of the four lists"
                        + " (kernel memory, unevictable pages)");
        if (row.limited()) {
            svg.empty("rect", "class", "limit", "x", x + width - 2, "y", top - 3, "width", 2, "height", BAR_HEIGHT + 6,
                    "fill", LIMIT);
        }
        double maxX = x + Math.min(width, width * Math.max(m.maxUsageBytes(), 0) / scale);
        svg.open("g", "class", "max-usage", "data-bytes", m.maxUsageBytes())
                .element("title", "max_usage_in_bytes: " + Bytes.human(m.maxUsageBytes()))
                .empty("rect", "x", Math.max(maxX - 1, x), "y", top - 3, "width", 2, "height", BAR_HEIGHT + 6, "fill", INK)
                .close("g");
    }

    /**
     * One piece of the bar: {@code bytes} from {@code at}, clipped to {@code usage} (a real host's
     * files are read one after another, so the lists may add up to a little more); returns where
     * the next piece starts. A piece of a page or more is at least one unit wide, so it shows.
     */
    private static long segment(Svg svg, String name, String fill, String stroke, long bytes, long at, long usage,
                                double scale, double x, double width, int top, String tooltip) {
        long shown = Math.min(Math.max(bytes, 0), Math.max(usage - at, 0));
        if (shown <= 0) {
            return at;
        }
        double from = Math.min(width, width * at / scale);
        double to = Math.min(width, Math.max(width * (at + shown) / scale, from + 1));
        svg.open("rect", "class", "segment", "data-list", name, "data-bytes", shown, "x", x + from, "y", top + 1,
                        "width", Math.min(to, width) - from, "height", BAR_HEIGHT - 2, "fill", fill, "stroke", stroke,
                        "stroke-width", 0.5)
                .element("title", tooltip)
                .close("rect");
        return at + shown;
    }

    /** The four lists as memory.stat names them, anon above file, inactive left of active. */
    private static void drawLists(Svg svg, MemcgView m, double x, int baseline) {
        Lru[] lists = Lru.values();
        for (int i = 0; i < lists.length; i++) {
            Lru lru = lists[i];
            double cellX = x + (i % 2) * GRID_COLUMN;
            int y = baseline + (i / 2) * 13;
            long bytes = lru.bytes(m);
            svg.open("g", "class", "lru", "data-list", lru.stat, "data-bytes", bytes)
                    .element("title", "memory.stat " + lru.stat + " " + bytes)
                    .empty("rect", "x", cellX, "y", y - 8, "width", 9, "height", 9, "fill", lru.fill, "stroke", lru.stroke,
                            "stroke-width", 0.5)
                    .open("text", "x", cellX + 13, "y", y, "font-size", SMALL, "fill", bytes == 0 ? MUTED : INK)
                    .raw(Svg.escape(lru.stat + " "))
                    .element("tspan", Bytes.human(bytes), "font-weight", bytes == 0 ? null : "bold")
                    .close("text")
                    .close("g");
        }
    }

    /** max_usage and failcnt, oom_kill and under_oom, right-aligned beside the lists; a counter is red when it counts something. */
    private static void drawCounters(Svg svg, MemcgView m, int baseline) {
        counters(svg, baseline, "max_usage", Bytes.human(m.maxUsageBytes()), 0, "failcnt", Long.toString(m.failcnt()),
                m.failcnt());
        counters(svg, baseline + 13, "oom_kill", Long.toString(m.oomKill()), m.oomKill(), "under_oom",
                m.underOom() ? "1" : "0", m.underOom() ? 1 : 0);
    }

    /** A line of two counters, {@code name value · name value}, each flagged by its own {@code count}. */
    private static void counters(Svg svg, int baseline, String first, String firstValue, long firstCount, String second,
                                 String secondValue, long secondCount) {
        svg.open("text", "x", WIDTH - MARGIN, "y", baseline, "text-anchor", "end", "font-size", SMALL, "fill", MUTED);
        counter(svg, first, firstValue, firstCount);
        svg.raw(" \u00b7 ");
        counter(svg, second, secondValue, secondCount);
        svg.close("text");
    }

    private static void counter(Svg svg, String name, String value, long count) {
        svg.element("tspan", name + " " + value, "class", "counter", "data-counter", name, "data-value", count,
                "fill", count > 0 ? LIMIT : null, "font-weight", count > 0 ? "bold" : null);
    }

    /** The line from a parent's block down and across to its child's name. */
    private void drawConnector(Svg svg, int index, int top) {
        MemcgTree.Row row = rows.get(index);
        if (row.parent() < 0) {
            return;
        }
        MemcgTree.Row parent = rows.get(row.parent());
        double x = barX(parent) + 5;
        double fromY = top + row.parent() * ROW_HEIGHT + ROW_HEIGHT - 4;
        double toY = top + index * ROW_HEIGHT + 9;
        svg.empty("path", "class", "connector", "d", "M" + Svg.num(x) + " " + Svg.num(fromY) + " V" + Svg.num(toY) + " H"
                + Svg.num(barX(row) - 3), "fill", "none", "stroke", "#b7bec8");
    }

    /** Every v1 value of the cgroup, as its files print them. */
    private static String tooltip(MemcgTree.Row row) {
        MemcgView m = row.memcg();
        String path = MemcgTree.normal(m.path());
        return path + "\n"
                + "memory.limit_in_bytes " + m.limitBytes() + (row.limited() ? " (" + Bytes.human(m.limitBytes()) + ")"
                        : " (no limit)") + "\n"
                + "memory.usage_in_bytes " + m.usageBytes() + " (" + Bytes.human(m.usageBytes()) + ")\n"
                + "memory.max_usage_in_bytes " + m.maxUsageBytes() + " (" + Bytes.human(m.maxUsageBytes()) + ")\n"
                + "memory.failcnt " + m.failcnt() + "\n"
                + "memory.stat cache " + m.cacheBytes() + " (" + Bytes.human(m.cacheBytes()) + "), rss " + m.rssBytes()
                + " (" + Bytes.human(m.rssBytes()) + ")\n"
                + "memory.oom_control under_oom " + (m.underOom() ? 1 : 0) + ", oom_kill " + m.oomKill();
    }

    /** The legend's lines: a key and its sentence. */
    private List<String[]> legend() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"anon", "inactive_anon, active_anon: anonymous pages and tmpfs (rss, shmem); only swap"
                + " could reclaim them"});
        lines.add(new String[] {"file", "inactive_file, active_file: page cache; reclaim takes inactive_file first, a"
                + " page read twice moves to active_file"});
        if (rows.stream().anyMatch(row -> row.parent() >= 0)) {
            lines.add(new String[] {"children", "charged by the cgroups below: v1 charges every ancestor too"});
        }
        if (rows.stream().anyMatch(MemcgSvg::hasOther)) {
            lines.add(new String[] {"other", "in usage_in_bytes but on none of the four lists (kernel memory,"
                    + " unevictable)"});
        }
        lines.add(new String[] {"max", "max_usage_in_bytes; the bar ends at the limit (red), dashed: no limit of its"
                + " own, drawn against the nearest ancestor's"});
        return lines;
    }

    private static boolean hasOther(MemcgTree.Row row) {
        MemcgView m = row.memcg();
        long lists = 0;
        for (Lru lru : Lru.values()) {
            lists += Math.max(lru.bytes(m), 0);
        }
        return m.usageBytes() > lists + row.childrenBytes();
    }

    private static List<String> wrapLegend(String sentence) {
        return Svg.wrap(sentence, Svg.charsIn(WIDTH - MARGIN - 40, SMALL));
    }

    private static void drawLegend(Svg svg, List<String[]> legend, int top) {
        int y = top;
        for (String[] line : legend) {
            svg.open("g", "class", "legend", "data-key", line[0]);
            switch (line[0]) {
                case "anon" -> swatches(svg, y, Lru.INACTIVE_ANON.fill, Lru.INACTIVE_ANON.stroke, Lru.ACTIVE_ANON.fill,
                        Lru.ACTIVE_ANON.stroke);
                case "file" -> swatches(svg, y, Lru.INACTIVE_FILE.fill, Lru.INACTIVE_FILE.stroke, Lru.ACTIVE_FILE.fill,
                        Lru.ACTIVE_FILE.stroke);
                case "children" -> swatches(svg, y, CHILDREN.fill(), CHILDREN.stroke(), null, null);
                case "other" -> swatches(svg, y, OTHER.fill(), OTHER.stroke(), null, null);
                default -> svg.empty("rect", "x", MARGIN + 6, "y", y + 1, "width", 2, "height", 11, "fill", INK)
                        .empty("rect", "x", MARGIN + 20, "y", y + 1, "width", 2, "height", 11, "fill", LIMIT);
            }
            for (String text : wrapLegend(line[1])) {
                svg.element("text", text, "x", MARGIN + 32, "y", y + 10, "font-size", SMALL, "fill", MUTED);
                y += LEGEND_LINE;
            }
            svg.close("g");
        }
    }

    private static void swatches(Svg svg, int y, String fill, String stroke, String secondFill, String secondStroke) {
        svg.empty("rect", "x", MARGIN, "y", y + 1, "width", 11, "height", 11, "fill", fill, "stroke", stroke,
                "stroke-width", 0.5);
        if (secondFill != null) {
            svg.empty("rect", "x", MARGIN + 14, "y", y + 1, "width", 11, "height", 11, "fill", secondFill, "stroke",
                    secondStroke, "stroke-width", 0.5);
        }
    }
}
