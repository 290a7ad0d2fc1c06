package isolab.web.picture;

import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each box of the process tree goes: children below their parent in PID order, the parent
 * centred over them, joined by right-angled edges; then packed, as Reingold and Tilford's tidy
 * trees are, so that a subtree moves left under its neighbour wherever the neighbour has nothing
 * at that height.
 *
 * <p>A tree wider than {@link #WIDTH_MAX} is laid out again with the leaves of a parent stacked:
 * its childless children go one below the other, hung off a vertical spine, at most
 * {@link #STACK_ROWS_MAX} to a column. Fifteen {@code sleep}s under one shell then take two
 * columns, not fifteen. A tree still wider is scaled down by the browser (the SVG has a viewBox),
 * never scrolled.
 *
 * <p>Odd views are laid out too: a process whose parent is not in the view is a root, and
 * processes in a parent cycle (which no kernel makes) are cut at the first one met.
 */
final class ProcessTreeLayout {

    static final int BOX_WIDTH = 140;
    static final int BOX_HEIGHT = 40;
    static final int GAP_X = 14;
    static final int GAP_Y = 24;
    static final int STACK_GAP = 6;
    static final int MARGIN = 12;
    static final int STACK_ROWS_MAX = 8;
    /** What fits the player's picture panel unscaled (about 700 pixels in a 1400-pixel window): four columns and their spines. */
    static final int WIDTH_MAX = 660;

    /** A box: its top-left corner, and whether it hangs in a stack of leaves. */
    record Box(double x, double y, boolean stacked) {
    }

    /** An edge from a parent's box to a child's, as the corners of a polyline. */
    record Edge(int parent, int child, List<double[]> points) {
    }

    /** A laid-out subtree or stack: its boxes, the rectangles it occupies (x, y, w, h), and where its top box is. */
    private static final class Part {
        final List<Integer> nodes = new ArrayList<>();
        final List<double[]> occupied = new ArrayList<>();
        double anchor;
        boolean stack;
    }

    private final List<ProcessView> processes;
    private final boolean stack;
    private final List<List<Integer>> children = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    private final double[] xs;
    private final double[] ys;
    private final boolean[] stacked;
    private final boolean[] placed;
    private final Map<Integer, List<Integer>> placedChildren = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private double right;
    private double bottom;

    private ProcessTreeLayout(List<ProcessView> processes, boolean stack) {
        this.processes = processes;
        this.stack = stack;
        int n = processes.size();
        this.xs = new double[n];
        this.ys = new double[n];
        this.stacked = new boolean[n];
        this.placed = new boolean[n];
        link();
        List<Part> parts = new ArrayList<>();
        for (int root : roots) {
            parts.add(part(root, MARGIN));
        }
        for (int i = 0; i < n; i++) {
            if (!placed[i]) { // in a parent cycle: no root leads here
                parts.add(part(i, MARGIN));
            }
        }
        Part all = pack(parts);
        shift(all, MARGIN - left(all));
        for (double[] rect : all.occupied) {
            right = Math.max(right, rect[0] + rect[2]);
            bottom = Math.max(bottom, rect[1] + rect[3]);
        }
        route();
    }

    /** Lays {@code processes} out, stacking leaves only if the plain tree is too wide. */
    static ProcessTreeLayout of(List<ProcessView> processes) {
        ProcessTreeLayout plain = new ProcessTreeLayout(processes, false);
        return plain.width() <= WIDTH_MAX ? plain : new ProcessTreeLayout(processes, true);
    }

    private void link() {
        Map<Integer, Integer> indexOfPid = new HashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            indexOfPid.putIfAbsent(processes.get(i).pid(), i);
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < processes.size(); i++) {
            ProcessView process = processes.get(i);
            Integer parent = indexOfPid.get(process.ppid());
            if (parent == null || parent == i || process.ppid() == process.pid()) {
                roots.add(i);
            } else {
                children.get(parent).add(i);
            }
        }
    }

    /** Lays out the subtree of {@code node} with its top at {@code top}, its children packed below. */
    private Part part(int node, double top) {
        placed[node] = true;
        List<Integer> kids = new ArrayList<>();
        for (int kid : children.get(node)) {
            if (!placed[kid]) {
                placed[kid] = true;
                kids.add(kid);
            }
        }
        List<Integer> leaves = new ArrayList<>();
        List<Integer> branches = new ArrayList<>();
        for (int kid : kids) {
            (stack && children.get(kid).isEmpty() ? leaves : branches).add(kid);
        }
        if (leaves.size() == 1) {
            branches.add(leaves.remove(0));
            branches.sort(null);
        }
        double childTop = top + BOX_HEIGHT + GAP_Y;
        List<Part> parts = new ArrayList<>();
        for (int kid : branches) {
            placed[kid] = false;
            parts.add(part(kid, childTop));
        }
        parts.addAll(stacks(leaves, childTop));
        placedChildren.put(node, kids);
        Part whole = pack(parts);
        double x = parts.isEmpty() ? 0 : (parts.get(0).anchor + parts.get(parts.size() - 1).anchor) / 2;
        if (parts.size() == 1 && parts.get(0).stack) {
            x = parts.get(0).anchor - GAP_X; // over its stack, the spine under its left half
        }
        xs[node] = x;
        ys[node] = top;
        whole.nodes.add(node);
        whole.occupied.add(new double[] {x, top, BOX_WIDTH, BOX_HEIGHT});
        if (!parts.isEmpty()) { // the edges' horizontal run below the parent, so neighbours keep clear of it
            double from = Math.min(x + BOX_WIDTH / 2.0, centre(parts.get(0)));
            double to = Math.max(x + BOX_WIDTH / 2.0, centre(parts.get(parts.size() - 1)));
            whole.occupied.add(new double[] {from, top + BOX_HEIGHT, to - from, GAP_Y});
        }
        whole.anchor = x;
        return whole;
    }

    /** Where the edges into {@code part} come down: its top box's centre, or a stack's spine. */
    private static double centre(Part part) {
        return part.stack ? part.anchor - GAP_X / 2.0 : part.anchor + BOX_WIDTH / 2.0;
    }

    /** Stacks {@code leaves} in columns of at most {@link #STACK_ROWS_MAX}, each column a part. */
    private List<Part> stacks(List<Integer> leaves, double top) {
        List<Part> columns = new ArrayList<>();
        if (leaves.isEmpty()) {
            return columns;
        }
        int count = (leaves.size() + STACK_ROWS_MAX - 1) / STACK_ROWS_MAX;
        int rows = (leaves.size() + count - 1) / count;
        for (int c = 0; c < count; c++) {
            Part column = new Part();
            column.stack = true;
            column.anchor = 0;
            double last = top;
            for (int r = 0; r < rows && c * rows + r < leaves.size(); r++) {
                int leaf = leaves.get(c * rows + r);
                double y = top + r * (BOX_HEIGHT + STACK_GAP);
                xs[leaf] = 0;
                ys[leaf] = y;
                stacked[leaf] = true;
                column.nodes.add(leaf);
                column.occupied.add(new double[] {0, y, BOX_WIDTH, BOX_HEIGHT});
                last = y;
            }
            column.occupied.add(new double[] {-GAP_X / 2.0 - 1, top - GAP_Y, 2, last - top + GAP_Y + BOX_HEIGHT / 2.0});
            columns.add(column);
        }
        return columns;
    }

    /**
     * Puts {@code parts} side by side, left to right, each as far left as it goes without
     * coming closer than {@link #GAP_X} to what is already there at the same height.
     */
    private Part pack(List<Part> parts) {
        Part whole = new Part();
        for (Part part : parts) {
            if (!whole.occupied.isEmpty()) {
                double offset = Double.NEGATIVE_INFINITY;
                for (double[] mine : part.occupied) {
                    for (double[] theirs : whole.occupied) {
                        if (mine[1] < theirs[1] + theirs[3] && theirs[1] < mine[1] + mine[3]) {
                            offset = Math.max(offset, theirs[0] + theirs[2] + GAP_X - mine[0]);
                        }
                    }
                }
                if (offset == Double.NEGATIVE_INFINITY) {
                    offset = whole.occupied.stream().mapToDouble(r -> r[0] + r[2]).max().orElse(0) + GAP_X - left(part);
                }
                shift(part, offset);
            }
            whole.nodes.addAll(part.nodes);
            whole.occupied.addAll(part.occupied);
        }
        return whole;
    }

    private void shift(Part part, double dx) {
        for (int node : part.nodes) {
            xs[node] += dx;
        }
        for (double[] rect : part.occupied) {
            rect[0] += dx;
        }
        part.anchor += dx;
    }

    private static double left(Part part) {
        return part.occupied.stream().mapToDouble(r -> r[0]).min().orElse(0);
    }

    /** The edges, now that every box is where it stays. */
    private void route() {
        for (int parent = 0; parent < processes.size(); parent++) {
            double cx = xs[parent] + BOX_WIDTH / 2.0;
            double bus = ys[parent] + BOX_HEIGHT + GAP_Y / 2.0;
            for (int kid : placedChildren.getOrDefault(parent, List.of())) {
                double[] start = {cx, ys[parent] + BOX_HEIGHT};
                if (stacked[kid]) {
                    double spine = xs[kid] - GAP_X / 2.0;
                    double middle = ys[kid] + BOX_HEIGHT / 2.0;
                    edges.add(new Edge(parent, kid, List.of(start, new double[] {cx, bus}, new double[] {spine, bus},
                            new double[] {spine, middle}, new double[] {xs[kid], middle})));
                } else {
                    double kx = xs[kid] + BOX_WIDTH / 2.0;
                    edges.add(new Edge(parent, kid, List.of(start, new double[] {cx, bus}, new double[] {kx, bus},
                            new double[] {kx, ys[kid]})));
                }
            }
        }
    }

    /** The box of the {@code index}-th process of the view. */
    Box box(int index) {
        return new Box(xs[index], ys[index], stacked[index]);
    }

    /** Every parent-child edge. */
    List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** The width the tree takes, margins included. */
    int width() {
        return (int) Math.ceil(Math.max(right, MARGIN) + MARGIN);
    }

    /** The height the tree takes, margins included. */
    int height() {
        return (int) Math.ceil(Math.max(bottom, MARGIN) + MARGIN);
    }
}
