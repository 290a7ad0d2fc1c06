package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a host's processes as a tree (laid out by {@link ProcessTreeLayout}): one box per process
 * under its parent, filled with the colour of its PID namespace (plain for init's, as in the
 * namespace matrix), labelled with its comm and its PID in every PID namespace it is visible in
 * ({@code NSpid}), outermost first, each PID in the colour of the namespace it is counted in.
 * A legend names each PID namespace with its nesting level.
 */
public final class ProcessTreeSvg {

    static final int FONT = 12;
    static final int LEGEND_FONT = 11;
    static final int LEGEND_LINE = 18;
    static final int WIDTH_MIN = NamespaceMatrixSvg.WIDTH;

    private static final int LABEL_CHARS = Svg.charsIn(ProcessTreeLayout.BOX_WIDTH - 16, FONT);

    private final HostView view;
    private final NamespaceNumbers numbers;
    private final Map<Long, NamespaceView> pidNamespaces = new HashMap<>();
    private final ProcessTreeLayout layout;

    private ProcessTreeSvg(HostView view) {
        this.view = view;
        this.numbers = NamespaceNumbers.of(view);
        for (NamespaceView namespace : view.namespaces()) {
            if (namespace.type() == NamespaceType.PID) {
                pidNamespaces.putIfAbsent(namespace.inode(), namespace);
            }
        }
        this.layout = ProcessTreeLayout.of(view.processes());
    }

    /** The SVG document of {@code view}'s process tree. */
    public static String render(HostView view) {
        return new ProcessTreeSvg(view).draw();
    }

    private String draw() {
        List<Long> legend = numbers.inodes(NamespaceType.PID);
        int treeHeight = view.processes().isEmpty() ? ProcessTreeLayout.MARGIN * 2 + LEGEND_LINE : layout.height();
        int width = Math.max(layout.width(), WIDTH_MIN);
        int height = treeHeight + legend.size() * LEGEND_LINE + ProcessTreeLayout.MARGIN;
        Svg svg = new Svg("process-tree", width, height, FONT, "Process tree of " + view.hostname() + ": "
                + view.processes().size() + " processes in " + legend.size() + " PID namespace"
                + (legend.size() == 1 ? "" : "s"));
        if (view.processes().isEmpty()) {
            svg.element("text", "no processes", "x", ProcessTreeLayout.MARGIN, "y", ProcessTreeLayout.MARGIN + 14);
        }
        for (ProcessTreeLayout.Edge edge : layout.edges()) {
            svg.empty("path", "class", "edge", "data-parent", view.processes().get(edge.parent()).pid(), "data-child",
                    view.processes().get(edge.child()).pid(), "d", path(edge.points()), "fill", "none", "stroke", "#8a93a0",
                    "stroke-width", 1.2).raw("\n");
        }
        for (int i = 0; i < view.processes().size(); i++) {
            drawBox(svg, view.processes().get(i), layout.box(i));
        }
        drawLegend(svg, legend, treeHeight);
        return svg.end();
    }

    private static String path(List<double[]> points) {
        StringBuilder d = new StringBuilder();
        for (double[] point : points) {
            d.append(d.length() == 0 ? "M" : " L").append(Svg.num(point[0])).append(' ').append(Svg.num(point[1]));
        }
        return d.toString();
    }

    private void drawBox(Svg svg, ProcessView process, ProcessTreeLayout.Box box) {
        long pidns = process.namespaces().pid();
        Palette colour = numbers.colour(NamespaceType.PID, pidns);
        boolean zombie = process.state() == 'Z';
        String comm = zombie ? Svg.clip(process.comm(), LABEL_CHARS - 10) + " <defunct>" : Svg.clip(process.comm(), LABEL_CHARS);
        svg.open("g", "class", "process", "data-pid", process.pid(), "data-pidns", pidns, "data-name",
                        numbers.name(NamespaceType.PID, pidns), "data-stacked", box.stacked() ? "true" : null)
                .element("title", tooltip(process))
                .empty("rect", "x", box.x(), "y", box.y(), "width", ProcessTreeLayout.BOX_WIDTH, "height",
                        ProcessTreeLayout.BOX_HEIGHT, "rx", 6, "fill", colour.fill(), "stroke", colour.stroke(),
                        "stroke-width", 1.5, "stroke-dasharray", zombie ? "4 3" : null)
                .element("text", comm, "x", box.x() + 8, "y", box.y() + 16, "font-weight", "bold");
        drawNsPids(svg, process, box.x() + 8, box.y() + 33);
        svg.close("g");
    }

    /** The NSpid line, "PID 7 · 1", each number in its namespace's colour; shortened to fit the box. */
    private void drawNsPids(Svg svg, ProcessView process, double left, double baseline) {
        List<Long> chain = pidNamespaceChain(process);
        List<Integer> nsPids = process.nsPids();
        List<Integer> shown = new ArrayList<>();
        for (int level = 0; level < nsPids.size(); level++) {
            shown.add(level);
        }
        String prefix = "PID ";
        if (prefix.length() + text(nsPids, shown).length() > LABEL_CHARS) {
            prefix = "";
        }
        // Deep nesting: the outermost PID, an ellipsis for the middle levels, and the innermost that fit.
        for (int inner = nsPids.size() - 2; inner >= 1 && text(nsPids, shown).length() > LABEL_CHARS; inner--) {
            shown = new ArrayList<>();
            shown.add(0);
            shown.add(null);
            for (int level = nsPids.size() - inner; level < nsPids.size(); level++) {
                shown.add(level);
            }
        }
        svg.open("text", "class", "nspid", "x", left, "y", baseline).raw(prefix);
        for (int i = 0; i < shown.size(); i++) {
            svg.raw(i == 0 ? "" : " \u00b7 ");
            Integer level = shown.get(i);
            if (level == null) {
                svg.raw("\u2026");
                continue;
            }
            Long inode = level < chain.size() ? chain.get(level) : null;
            svg.element("tspan", Integer.toString(nsPids.get(level)), "fill",
                    inode == null ? Palette.PLAIN.stroke() : numbers.colour(NamespaceType.PID, inode).stroke(),
                    "data-pidns", inode, "font-weight", "bold");
        }
        svg.close("text");
    }

    private static String text(List<Integer> nsPids, List<Integer> shown) {
        List<String> parts = new ArrayList<>();
        for (Integer level : shown) {
            parts.add(level == null ? "\u2026" : Integer.toString(nsPids.get(level)));
        }
        return String.join(" \u00b7 ", parts);
    }

    /**
     * The PID namespaces {@code process} is visible in, outermost first as NSpid lists them: its
     * own namespace and its ancestors, found through the views' parent inodes. Levels the view
     * cannot name are null, at the outer end, so the innermost PIDs keep their namespaces.
     */
    private List<Long> pidNamespaceChain(ProcessView process) {
        List<Long> chain = new ArrayList<>();
        long inode = process.namespaces().pid();
        while (inode != 0 && chain.size() < process.nsPids().size() && !chain.contains(inode)) {
            chain.add(0, inode);
            NamespaceView namespace = pidNamespaces.get(inode);
            inode = namespace == null ? 0 : namespace.parentInode();
        }
        while (chain.size() < process.nsPids().size()) {
            chain.add(0, null);
        }
        return chain;
    }

    private String tooltip(ProcessView process) {
        String argv = process.argv().isEmpty() ? "[" + process.comm() + "]" : String.join(" ", process.argv());
        long pidns = process.namespaces().pid();
        return "PID " + process.pid() + " (parent " + process.ppid() + ", state " + process.state() + ", uid "
                + process.uid() + "): " + argv + "; NSpid " + process.nsPids() + "; "
                + numbers.name(NamespaceType.PID, pidns) + " = " + NamespaceNumbers.procLink(NamespaceType.PID, pidns);
    }

    private void drawLegend(Svg svg, List<Long> legend, int top) {
        int chars = Svg.charsIn(Math.max(layout.width(), WIDTH_MIN) - ProcessTreeLayout.MARGIN * 2 - 20, LEGEND_FONT);
        for (int line = 0; line < legend.size(); line++) {
            long inode = legend.get(line);
            Palette colour = numbers.colour(NamespaceType.PID, inode);
            int y = top + line * LEGEND_LINE;
            svg.open("g", "class", "legend", "data-pidns", inode)
                    .empty("rect", "x", ProcessTreeLayout.MARGIN, "y", y, "width", 14, "height", 12, "rx", 2, "fill",
                            colour.fill(), "stroke", colour.stroke())
                    .element("text", Svg.clip(legendText(inode), chars), "x", ProcessTreeLayout.MARGIN + 20, "y", y + 10,
                            "font-size", LEGEND_FONT)
                    .close("g");
        }
    }

    /** "pid 2 = pid:[4026532543], level 1, inside pid 1". */
    private String legendText(long inode) {
        NamespaceView namespace = pidNamespaces.get(inode);
        String where;
        if (numbers.isInits(NamespaceType.PID, inode)) {
            where = "init's, the host's" + (namespace == null ? "" : " (level " + namespace.level() + ")");
        } else if (namespace == null) {
            where = "level unknown";
        } else {
            where = "level " + namespace.level() + (namespace.parentInode() == 0 ? ""
                    : ", inside " + numbers.name(NamespaceType.PID, namespace.parentInode()));
        }
        return numbers.name(NamespaceType.PID, inode) + " = " + NamespaceNumbers.procLink(NamespaceType.PID, inode)
                + ", " + where;
    }
}
