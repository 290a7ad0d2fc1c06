package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Draws a host's processes as a tree coloured by PID namespace, each labelled with its NSpid. */
public final class ProcessTreeSvg {

    static final int BOX_WIDTH = 168;
    static final int BOX_HEIGHT = 50;
    static final int GAP_X = 14;
    static final int GAP_Y = 34;
    static final int MARGIN = 12;
    static final int LEGEND_LINE = 18;

    private final HostView view;
    private final Map<Long, NamespaceView> pidNamespaces = new LinkedHashMap<>();
    private final Map<Long, Integer> colourIndex = new LinkedHashMap<>();
    private final Map<Integer, List<ProcessView>> children = new TreeMap<>();
    private final Map<Integer, double[]> position = new TreeMap<>();
    private int nextLeaf;
    private int depthMax;

    private ProcessTreeSvg(HostView view) {
        this.view = view;
        for (NamespaceView namespace : view.namespaces()) {
            if (namespace.type() == NamespaceType.PID) {
                pidNamespaces.put(namespace.inode(), namespace);
                colourIndex.put(namespace.inode(), colourIndex.size());
            }
        }
        for (ProcessView process : view.processes()) {
            // A namespace a process is in but the view did not list still gets its own colour.
            colourIndex.putIfAbsent(process.namespaces().pid(), colourIndex.size());
        }
    }

    /** The SVG document of {@code view}'s process tree. */
    public static String render(HostView view) {
        return new ProcessTreeSvg(view).draw();
    }

    private String draw() {
        List<ProcessView> roots = layout();
        int columns = Math.max(nextLeaf, 1);
        int treeWidth = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
        int treeHeight = MARGIN * 2 + (depthMax + 1) * BOX_HEIGHT + depthMax * GAP_Y;
        int legendHeight = colourIndex.size() * LEGEND_LINE + MARGIN;
        int width = Math.max(treeWidth, 360);
        int height = (roots.isEmpty() ? MARGIN * 2 + LEGEND_LINE : treeHeight) + legendHeight;

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-tree\" role=\"img\"")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\"")
                .append(" font-family=\"ui-monospace, monospace\" font-size=\"12\">\n")
                .append("<title>Process tree of ").append(Svg.escape(view.hostname())).append(": ")
                .append(view.processes().size()).append(" processes in ").append(colourIndex.size())
                .append(" PID namespaces</title>\n");
        if (roots.isEmpty()) {
            svg.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN + 14)
                    .append("\">no processes</text>\n");
        }
        for (ProcessView process : view.processes()) {
            drawEdge(svg, process);
        }
        for (ProcessView process : view.processes()) {
            drawBox(svg, process);
        }
        drawLegend(svg, roots.isEmpty() ? MARGIN * 2 + LEGEND_LINE : treeHeight);
        return svg.append("</svg>\n").toString();
    }

    /** Places every process: leaves left to right in PID order, parents centred over children. */
    private List<ProcessView> layout() {
        Map<Integer, ProcessView> byPid = new TreeMap<>();
        for (ProcessView process : view.processes()) {
            byPid.put(process.pid(), process);
        }
        List<ProcessView> roots = new ArrayList<>();
        for (ProcessView process : view.processes()) {
            if (process.ppid() != process.pid() && byPid.containsKey(process.ppid())) {
                children.computeIfAbsent(process.ppid(), k -> new ArrayList<>()).add(process);
            } else {
                roots.add(process);
            }
        }
        for (ProcessView root : roots) {
            place(root, 0);
        }
        return roots;
    }

    private double place(ProcessView process, int depth) {
        depthMax = Math.max(depthMax, depth);
        List<ProcessView> kids = children.getOrDefault(process.pid(), List.of());
        double column;
        if (kids.isEmpty()) {
            column = nextLeaf++;
        } else {
            double first = place(kids.get(0), depth + 1);
            double last = first;
            for (int i = 1; i < kids.size(); i++) {
                last = place(kids.get(i), depth + 1);
            }
            column = (first + last) / 2;
        }
        position.put(process.pid(), new double[] {column, depth});
        return column;
    }

    private static double x(double column) {
        return MARGIN + column * (BOX_WIDTH + GAP_X);
    }

    private static double y(double depth) {
        return MARGIN + depth * (BOX_HEIGHT + GAP_Y);
    }

    private void drawEdge(StringBuilder svg, ProcessView process) {
        double[] child = position.get(process.pid());
        double[] parent = position.get(process.ppid());
        if (child == null || parent == null || process.ppid() == process.pid()) {
            return;
        }
        svg.append("<line class=\"edge\" x1=\"").append(num(x(parent[0]) + BOX_WIDTH / 2.0))
                .append("\" y1=\"").append(num(y(parent[1]) + BOX_HEIGHT))
                .append("\" x2=\"").append(num(x(child[0]) + BOX_WIDTH / 2.0))
                .append("\" y2=\"").append(num(y(child[1])))
                .append("\" stroke=\"#777\" stroke-width=\"1.2\"/>\n");
    }

    private void drawBox(StringBuilder svg, ProcessView process) {
        double[] at = position.get(process.pid());
        double left = x(at[0]);
        double top = y(at[1]);
        Palette colour = Palette.of(colourIndex.get(process.namespaces().pid()));
        boolean zombie = process.state() == 'Z';
        svg.append("<g class=\"process\" data-pid=\"").append(process.pid())
                .append("\" data-pidns=\"").append(process.namespaces().pid()).append("\">\n")
                .append("<title>").append(Svg.escape(tooltip(process))).append("</title>\n")
                .append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top))
                .append("\" width=\"").append(BOX_WIDTH).append("\" height=\"").append(BOX_HEIGHT)
                .append("\" rx=\"6\" fill=\"").append(colour.fill()).append("\" stroke=\"").append(colour.stroke())
                .append("\" stroke-width=\"1.5\"").append(zombie ? " stroke-dasharray=\"4 3\"" : "").append("/>\n")
                .append("<text x=\"").append(num(left + 8)).append("\" y=\"").append(num(top + 19))
                .append("\" font-weight=\"bold\">").append(Svg.escape(Svg.clip(process.comm(), 16)))
                .append(zombie ? " &lt;defunct&gt;" : "").append("</text>\n");
        drawNsPids(svg, process, left + 8, top + 39);
        svg.append("</g>\n");
    }

    /** The NSpid line: "PID 7 · 1", each number in its namespace's stroke colour. */
    private void drawNsPids(StringBuilder svg, ProcessView process, double left, double baseline) {
        List<Long> chain = pidNamespaceChain(process);
        svg.append("<text class=\"nspid\" x=\"").append(num(left)).append("\" y=\"").append(num(baseline))
                .append("\">PID ");
        List<Integer> nsPids = process.nsPids();
        for (int level = 0; level < nsPids.size(); level++) {
            if (level > 0) {
                svg.append(" \u00b7 ");
            }
            Long inode = level < chain.size() ? chain.get(level) : null;
            Integer index = inode == null ? null : colourIndex.get(inode);
            svg.append("<tspan");
            if (index != null) {
                svg.append(" fill=\"").append(Palette.of(index).stroke()).append("\" data-pidns=\"").append(inode)
                        .append('"');
            }
            svg.append(" font-weight=\"bold\">").append(nsPids.get(level)).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    /**
     * The PID namespaces {@code process} is visible in, outermost first, matching NSpid: its own
     * namespace and its ancestors, found through the views' parent inodes.
     */
    private List<Long> pidNamespaceChain(ProcessView process) {
        List<Long> chain = new ArrayList<>();
        long inode = process.namespaces().pid();
        while (inode != 0 && chain.size() < 33) {
            chain.add(0, inode);
            NamespaceView namespace = pidNamespaces.get(inode);
            inode = namespace == null ? 0 : namespace.parentInode();
        }
        // A view that lacks some ancestors still pairs the innermost PIDs with the known chain.
        while (chain.size() < process.nsPids().size()) {
            chain.add(0, null);
        }
        return chain;
    }

    private String tooltip(ProcessView process) {
        String argv = process.argv().isEmpty() ? "[" + process.comm() + "]" : String.join(" ", process.argv());
        return "PID " + process.pid() + " (parent " + process.ppid() + ", state " + process.state() + ", uid "
                + process.uid() + "): " + argv + "; NSpid " + process.nsPids() + "; pid:["
                + process.namespaces().pid() + "]";
    }

    private void drawLegend(StringBuilder svg, int top) {
        int line = 0;
        for (Map.Entry<Long, Integer> entry : colourIndex.entrySet()) {
            Palette colour = Palette.of(entry.getValue());
            NamespaceView namespace = pidNamespaces.get(entry.getKey());
            int y = top + line * LEGEND_LINE;
            svg.append("<g class=\"legend\" data-pidns=\"").append(entry.getKey()).append("\">")
                    .append("<rect x=\"").append(MARGIN).append("\" y=\"").append(y).append("\" width=\"14\" height=\"12\"")
                    .append(" rx=\"2\" fill=\"").append(colour.fill()).append("\" stroke=\"").append(colour.stroke())
                    .append("\"/>")
                    .append("<text x=\"").append(MARGIN + 20).append("\" y=\"").append(y + 10).append("\">pid:[")
                    .append(entry.getKey()).append("]")
                    .append(namespace == null ? "" : namespace.level() == 0 ? " (initial)" : " (level " + namespace.level() + ")")
                    .append("</text></g>\n");
            line++;
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
