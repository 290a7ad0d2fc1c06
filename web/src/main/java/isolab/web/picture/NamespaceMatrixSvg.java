package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws which namespaces each process is in, as the course slides' table of what a container
 * shares with the host: one row per process (PID and comm), one column per kind in
 * {@code /proc/PID/ns} order, each cell naming the namespace compactly ({@code uts 2}, the inode
 * in its tooltip). Cells in init's namespace are plain; a namespace of its own is coloured, the
 * same colour for the same namespace in every row and in the other pictures. Below, a legend and
 * one line per group of processes that share all eight: "shares ipc, net with the host; own uts 2".
 */
public final class NamespaceMatrixSvg {

    static final int FONT = 11;
    static final int MARGIN = 8;
    static final int NAME_WIDTH = 92;
    static final int CELL_WIDTH = 62;
    static final int ROW_HEIGHT = 20;
    static final int HEADER_HEIGHT = 22;
    static final int LINE = 15;
    static final int LEGEND_LINE = 18;
    static final int INDENT = 14;
    static final int PIDS_LISTED = 5;
    /** The width of every matrix: it fits the player's picture panel (about 620 units at 1280 pixels) unscaled. */
    static final int WIDTH = MARGIN * 2 + NAME_WIDTH + NamespaceType.values().length * CELL_WIDTH;

    private static final int TEXT_CHARS = Svg.charsIn(WIDTH - MARGIN * 2 - 20, FONT);

    /** What each kind isolates, as namespaces(7) tabulates it. */
    static String isolates(NamespaceType type) {
        return switch (type) {
            case CGROUP -> "Cgroup root directory";
            case IPC -> "System V IPC, POSIX message queues";
            case MNT -> "Mount points";
            case NET -> "Network devices, stacks, ports, etc.";
            case PID -> "Process IDs";
            case TIME -> "Boot and monotonic clocks";
            case USER -> "User and group IDs";
            case UTS -> "Hostname and NIS domain name";
        };
    }

    private final HostView view;
    private final NamespaceNumbers numbers;
    private final Map<NamespaceSet, List<ProcessView>> groups = new LinkedHashMap<>();

    private NamespaceMatrixSvg(HostView view) {
        this.view = view;
        this.numbers = NamespaceNumbers.of(view);
        numbers.init().ifPresent(init -> groups.put(init.namespaces(), new ArrayList<>()));
        for (ProcessView process : view.processes()) {
            groups.computeIfAbsent(process.namespaces(), k -> new ArrayList<>()).add(process);
        }
        groups.values().removeIf(List::isEmpty);
    }

    /** The SVG document of {@code view}'s namespace membership. */
    public static String render(HostView view) {
        return new NamespaceMatrixSvg(view).draw();
    }

    private String draw() {
        List<ProcessView> processes = view.processes();
        List<String[]> legend = legend();
        List<Summary> summaries = summaries();
        int rowsBottom = MARGIN + HEADER_HEIGHT + Math.max(processes.size(), 1) * ROW_HEIGHT;
        int legendTop = rowsBottom + 10;
        int legendHeight = legend.size() * LEGEND_LINE;
        int summaryTop = legendTop + legendHeight + 8;
        int summaryLines = summaries.stream().mapToInt(summary -> summary.lines().size()).sum();
        int height = summaryTop + summaryLines * LINE + (summaries.isEmpty() ? 0 : LINE + 4) + MARGIN;
        Svg svg = new Svg("namespace-matrix", WIDTH, height, FONT, "Namespaces of each process on "
                + view.hostname() + ": " + processes.size() + " processes in " + groups.size() + " group"
                + (groups.size() == 1 ? "" : "s") + " of namespaces");
        drawHeader(svg);
        if (processes.isEmpty()) {
            svg.element("text", "no processes", "x", MARGIN, "y", MARGIN + HEADER_HEIGHT + 14);
        }
        for (int r = 0; r < processes.size(); r++) {
            drawRow(svg, processes.get(r), MARGIN + HEADER_HEIGHT + r * ROW_HEIGHT);
        }
        drawLegend(svg, legend, legendTop);
        drawSummaries(svg, summaries, summaryTop);
        return svg.end();
    }

    private void drawHeader(Svg svg) {
        NamespaceType[] types = NamespaceType.values();
        svg.element("text", "PID comm", "x", MARGIN, "y", MARGIN + 15, "font-weight", "bold");
        for (int c = 0; c < types.length; c++) {
            svg.open("g", "class", "kind", "data-kind", types[c].procName())
                    .element("title", types[c].procName() + " namespace isolates: " + isolates(types[c]))
                    .element("text", types[c].procName(), "x", MARGIN + NAME_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2,
                            "y", MARGIN + 15, "text-anchor", "middle", "font-weight", "bold")
                    .close("g");
        }
    }

    private void drawRow(Svg svg, ProcessView process, int top) {
        NamespaceType[] types = NamespaceType.values();
        String pid = Integer.toString(process.pid());
        int commChars = Svg.charsIn(NAME_WIDTH - 6, FONT) - pid.length() - 1;
        svg.open("g", "class", "row", "data-pid", process.pid())
                .element("title", "PID " + process.pid() + " " + process.comm() + ", NSpid " + process.nsPids())
                .element("text", pid + " " + Svg.clip(process.comm(), commChars), "x", MARGIN, "y", top + 14);
        for (int c = 0; c < types.length; c++) {
            drawCell(svg, types[c], process.namespaces().inode(types[c]), MARGIN + NAME_WIDTH + c * CELL_WIDTH, top);
        }
        svg.close("g");
    }

    private void drawCell(Svg svg, NamespaceType type, long inode, int left, int top) {
        boolean inits = numbers.isInits(type, inode);
        Palette colour = numbers.colour(type, inode);
        String sharing = inode == 0 ? "unknown" : inits ? "init" : "own";
        String tooltip = inode == 0 ? type.procName() + ": the host could not read this namespace"
                : NamespaceNumbers.procLink(type, inode) + (inits ? ", init's: shared with the host"
                        : ", not the host's: " + numbers.name(type, inode));
        svg.open("g", "class", "cell", "data-ns", type.procName() + ":" + inode, "data-name", numbers.name(type, inode),
                        "data-sharing", sharing)
                .element("title", tooltip)
                .empty("rect", "x", left + 2, "y", top + 2, "width", CELL_WIDTH - 4, "height", ROW_HEIGHT - 4, "rx", 3,
                        "fill", colour.fill(), "stroke", inits || inode == 0 ? "#d5dae1"
                                : colour.stroke(), "stroke-width", inits ? 1 : 1.5)
                .element("text", numbers.name(type, inode), "x", left + CELL_WIDTH / 2, "y", top + 14, "text-anchor",
                        "middle", "fill", inits || inode == 0 ? "#5b6472" : colour.stroke(), "font-weight",
                        inits ? null : "bold")
                .close("g");
    }

    /** Swatch and meaning of each kind of cell. */
    private List<String[]> legend() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"init", "init's namespace (PID 1's, the host's): shared with the host"});
        lines.add(new String[] {"own", "a namespace of its own; the same number and colour is the same namespace"});
        if (view.processes().stream().anyMatch(p -> hasUnreadable(p.namespaces()))) {
            lines.add(new String[] {"unknown", "? the host could not read this namespace"});
        }
        return lines;
    }

    private void drawLegend(Svg svg, List<String[]> legend, int top) {
        for (int i = 0; i < legend.size(); i++) {
            int y = top + i * LEGEND_LINE;
            boolean own = legend.get(i)[0].equals("own");
            Palette colour = Palette.ofNumber(2);
            svg.open("g", "class", "legend", "data-sharing", legend.get(i)[0])
                    .empty("rect", "x", MARGIN, "y", y, "width", 14, "height", 12, "rx", 2, "fill",
                            own ? colour.fill() : Palette.PLAIN.fill(), "stroke", own ? colour.stroke() : "#d5dae1")
                    .element("text", Svg.clip(legend.get(i)[1], TEXT_CHARS), "x", MARGIN + 20, "y", y + 10)
                    .close("g");
        }
    }

    /** One group's entry in "Who shares what": its PIDs, and its lines (its members, then the wrapped sentence). */
    private record Summary(String pids, List<String> lines) {
    }

    private List<Summary> summaries() {
        List<Summary> summaries = new ArrayList<>();
        for (Map.Entry<NamespaceSet, List<ProcessView>> group : groups.entrySet()) {
            List<String> lines = new ArrayList<>();
            lines.add(Svg.clip(members(group.getValue()), TEXT_CHARS));
            lines.addAll(Svg.wrap(sentence(group.getKey()), TEXT_CHARS - 2));
            List<String> pids = group.getValue().stream().map(p -> Integer.toString(p.pid())).toList();
            summaries.add(new Summary(String.join(" ", pids), lines));
        }
        return summaries;
    }

    private static void drawSummaries(Svg svg, List<Summary> summaries, int top) {
        if (summaries.isEmpty()) {
            return;
        }
        svg.element("text", "Who shares what", "x", MARGIN, "y", top + 11, "font-weight", "bold");
        int y = top + LINE + 4;
        for (Summary summary : summaries) {
            svg.open("g", "class", "group", "data-pids", summary.pids());
            for (int i = 0; i < summary.lines().size(); i++) {
                svg.element("text", summary.lines().get(i), "x", i == 0 ? MARGIN : MARGIN + INDENT, "y", y + 11,
                        "font-weight", i == 0 ? "bold" : null);
                y += LINE;
            }
            svg.close("g");
        }
    }

    /** "sh, sleep (PIDs 3, 9)"; more than {@value #PIDS_LISTED} as "sh, sleep (12 processes, PIDs 3 … 21)". */
    static String members(List<ProcessView> processes) {
        List<String> comms = new ArrayList<>();
        for (ProcessView process : processes) {
            if (!comms.contains(process.comm())) {
                comms.add(process.comm());
            }
        }
        String pids;
        if (processes.size() <= PIDS_LISTED) {
            pids = (processes.size() == 1 ? "PID " : "PIDs ") + String.join(", ",
                    processes.stream().map(p -> Integer.toString(p.pid())).toList());
        } else {
            pids = processes.size() + " processes, PIDs " + processes.get(0).pid() + " \u2026 "
                    + processes.get(processes.size() - 1).pid();
        }
        return String.join(", ", comms) + " (" + pids + ")";
    }

    /** "shares cgroup, ipc with the host; own mnt 2, uts 2", or what init's group is. */
    String sentence(NamespaceSet set) {
        List<String> shared = new ArrayList<>();
        List<String> own = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (NamespaceType type : NamespaceType.values()) {
            long inode = set.inode(type);
            if (inode == 0) {
                unreadable.add(type.procName());
            } else if (numbers.isInits(type, inode)) {
                shared.add(type.procName());
            } else {
                own.add(numbers.name(type, inode));
            }
        }
        List<String> parts = new ArrayList<>();
        if (own.isEmpty() && unreadable.isEmpty()) {
            parts.add("the host's namespaces (init's): every cell plain");
        } else {
            parts.add(shared.isEmpty() ? "shares nothing with the host" : "shares " + String.join(", ", shared)
                    + " with the host");
            if (!own.isEmpty()) {
                parts.add("own " + String.join(", ", own));
            }
        }
        if (!unreadable.isEmpty()) {
            parts.add("could not read " + String.join(", ", unreadable));
        }
        return String.join("; ", parts);
    }

    private static boolean hasUnreadable(NamespaceSet set) {
        for (NamespaceType type : NamespaceType.values()) {
            if (set.inode(type) == 0) {
                return true;
            }
        }
        return false;
    }
}
