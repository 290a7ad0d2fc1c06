package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceType;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the mount tree of every mount namespace, stacked, init's first: a header naming the
 * namespace ({@code mnt 2}, in its colour) and the processes in it, then one row per mount as
 * {@code findmnt} lists them (TARGET indented under its parent, FSTYPE, SOURCE, PROPAGATION).
 * Every other namespace is compared with init's ({@link MountTree}): a mount init's lacks is
 * marked {@code +} on green, one of init's that it lacks is a struck-through {@code −} row on red,
 * so the tmpfs mounted inside {@code unshare --mount} stands out, and what is merely copied folds.
 */
public final class MountTreeSvg {

    static final int FONT = 11;
    static final int MARGIN = 8;
    static final int ROW_HEIGHT = 18;
    static final int HEADER_HEIGHT = 24;
    static final int GAP = 10;
    static final int INDENT = 12;
    static final int LEGEND_LINE = 16;
    static final int MARK_X = MARGIN;
    static final int TARGET_X = MARGIN + 14;
    static final int TARGET_WIDTH = 290;
    static final int FSTYPE_X = TARGET_X + TARGET_WIDTH + 4;
    static final int FSTYPE_WIDTH = 62;
    static final int SOURCE_X = FSTYPE_X + FSTYPE_WIDTH;
    static final int SOURCE_WIDTH = 84;
    static final int PROPAGATION_X = SOURCE_X + SOURCE_WIDTH;
    /** The width of every mount picture, the namespace matrix's: it fits the player's picture panel unscaled. */
    static final int WIDTH = NamespaceMatrixSvg.WIDTH;
    static final int PROPAGATION_WIDTH = WIDTH - MARGIN - PROPAGATION_X;

    private static final Palette ADDED = new Palette("#e3f4e6", "#2f6b2f");
    private static final Palette MISSING = new Palette("#fbe4e2", "#a12b2b");
    private static final String MUTED = "#5b6472";

    private final HostView view;
    private final NamespaceNumbers numbers;
    private final Map<Long, List<MountView>> byNamespace = new LinkedHashMap<>();
    private final long reference;

    private MountTreeSvg(HostView view) {
        this.view = view;
        this.numbers = NamespaceNumbers.of(view);
        for (long inode : numbers.inodes(NamespaceType.MNT)) {
            byNamespace.put(inode, new ArrayList<>());
        }
        for (MountView mount : view.mounts()) {
            byNamespace.computeIfAbsent(mount.mntNamespace(), k -> new ArrayList<>()).add(mount);
        }
        long inits = numbers.init().map(p -> p.namespaces().mnt()).orElse(0L);
        this.reference = byNamespace.getOrDefault(inits, List.of()).isEmpty() ? 0 : inits;
    }

    /** The SVG document of the mount trees of {@code view}'s mount namespaces. */
    public static String render(HostView view) {
        return new MountTreeSvg(view).draw();
    }

    private String draw() {
        Map<Long, List<MountTree.Row>> trees = new LinkedHashMap<>();
        int added = 0;
        int missing = 0;
        for (Map.Entry<Long, List<MountView>> namespace : byNamespace.entrySet()) {
            List<MountTree.Row> rows = namespace.getKey() == reference || reference == 0
                    ? MountTree.of(namespace.getValue())
                    : MountTree.compared(namespace.getValue(), byNamespace.get(reference));
            trees.put(namespace.getKey(), rows);
            for (MountTree.Row row : rows) {
                added += row.mark() == MountTree.Mark.ADDED ? row.mounts().size() : 0;
                missing += row.mark() == MountTree.Mark.MISSING ? 1 : 0;
            }
        }
        List<String[]> legend = legend(trees.size() > 1 && reference != 0);
        int height = MARGIN + ROW_HEIGHT;
        for (List<MountTree.Row> rows : trees.values()) {
            height += HEADER_HEIGHT + Math.max(rows.size(), 1) * ROW_HEIGHT + GAP;
        }
        height += legend.size() * LEGEND_LINE + MARGIN;
        Svg svg = new Svg("mount-tree", WIDTH, height, FONT, "Mount trees of " + view.hostname() + ": "
                + trees.size() + " mount namespace" + (trees.size() == 1 ? "" : "s")
                + (reference == 0 || trees.size() < 2 ? "" : "; " + added + " mount" + (added == 1 ? "" : "s")
                        + " not in " + numbers.name(NamespaceType.MNT, reference) + ", init's; " + missing + " of its mounts missing"
                        + " elsewhere"));
        drawColumnHeads(svg, MARGIN);
        int y = MARGIN + ROW_HEIGHT;
        if (trees.isEmpty()) {
            svg.element("text", "no mounts", "x", MARGIN, "y", y + 16);
        }
        for (Map.Entry<Long, List<MountTree.Row>> tree : trees.entrySet()) {
            y = drawNamespace(svg, tree.getKey(), tree.getValue(), y);
        }
        drawLegend(svg, legend, y);
        return svg.end();
    }

    /** findmnt's column heads. */
    private static void drawColumnHeads(Svg svg, int top) {
        String[] heads = {"TARGET", "FSTYPE", "SOURCE", "PROPAGATION"};
        int[] xs = {TARGET_X, FSTYPE_X, SOURCE_X, PROPAGATION_X};
        for (int i = 0; i < heads.length; i++) {
            svg.element("text", heads[i], "x", xs[i], "y", top + 12, "fill", MUTED, "font-weight", "bold");
        }
    }

    private int drawNamespace(Svg svg, long inode, List<MountTree.Row> rows, int top) {
        Palette colour = numbers.colour(NamespaceType.MNT, inode);
        String name = numbers.name(NamespaceType.MNT, inode);
        List<ProcessView> members = view.processes().stream().filter(p -> p.namespaces().mnt() == inode).toList();
        String who = members.isEmpty() ? "no process is in it" : NamespaceMatrixSvg.members(members);
        String role = inode == reference ? "init's, the host's" : reference == 0 ? "" : "compared with "
                + numbers.name(NamespaceType.MNT, reference);
        svg.open("g", "class", "mntns", "data-ns", "mnt:" + inode, "data-name", name)
                .element("title", NamespaceNumbers.procLink(NamespaceType.MNT, inode) + (role.isEmpty() ? "" : ", " + role)
                        + ": " + who)
                .empty("rect", "x", MARGIN / 2, "y", top + 2, "width", WIDTH - MARGIN, "height", HEADER_HEIGHT - 4, "rx", 4,
                        "fill", colour.fill(), "stroke", colour.stroke())
                .open("text", "x", MARGIN, "y", top + 16)
                .element("tspan", name, "font-weight", "bold", "fill", colour.stroke())
                .element("tspan", Svg.clip((role.isEmpty() ? "" : role + " \u00b7 ") + who,
                        Svg.charsIn(WIDTH - MARGIN * 2 - 8, FONT) - name.length()), "dx", 8)
                .close("text");
        int y = top + HEADER_HEIGHT;
        if (rows.isEmpty()) {
            svg.element("text", "no mounts in the view", "x", TARGET_X, "y", y + 13, "fill", MUTED);
        }
        for (int i = 0; i < rows.size(); i++) {
            drawRow(svg, rows.get(i), y + i * ROW_HEIGHT, name);
        }
        for (int i = 0; i < rows.size(); i++) { // over the rows' backgrounds
            drawConnector(svg, rows, i, y);
        }
        svg.close("g");
        return y + Math.max(rows.size(), 1) * ROW_HEIGHT + GAP;
    }

    /** The tree's lines: down from the parent's row, across to this one. */
    private static void drawConnector(Svg svg, List<MountTree.Row> rows, int index, int top) {
        MountTree.Row row = rows.get(index);
        if (row.parentRow() < 0) {
            return;
        }
        double x = TARGET_X + (row.depth() - 1) * INDENT + 3;
        double fromY = top + row.parentRow() * ROW_HEIGHT + ROW_HEIGHT - 4;
        double toY = top + index * ROW_HEIGHT + ROW_HEIGHT / 2.0;
        svg.empty("path", "class", "connector", "d", "M" + Svg.num(x) + " " + Svg.num(fromY) + " V" + Svg.num(toY) + " H"
                + Svg.num(x + INDENT - 5), "fill", "none", "stroke", "#b7bec8");
    }

    private void drawRow(Svg svg, MountTree.Row row, int top, String namespace) {
        MountView mount = row.mount();
        String referenceName = numbers.name(NamespaceType.MNT, reference);
        String mark = switch (row.mark()) {
            case SAME -> "same";
            case ADDED -> "added";
            case MISSING -> "missing";
        };
        svg.open("g", "class", "mount", "data-mount-id", mount.mountId(), "data-mount-point", mount.mountPoint(),
                "data-mark", mark, "data-count", row.mounts().size() > 1 ? row.mounts().size() : null,
                "data-folded", row.folded().isEmpty() ? null : row.folded().size());
        svg.element("title", tooltip(row, namespace, referenceName));
        if (row.mark() != MountTree.Mark.SAME) {
            Palette colour = row.mark() == MountTree.Mark.ADDED ? ADDED : MISSING;
            svg.empty("rect", "x", MARGIN / 2, "y", top + 1, "width", WIDTH - MARGIN, "height", ROW_HEIGHT - 2, "rx", 3,
                    "fill", colour.fill(), "stroke", colour.stroke(), "stroke-dasharray",
                    row.mark() == MountTree.Mark.MISSING ? "3 2" : null);
            svg.element("text", row.mark() == MountTree.Mark.ADDED ? "+" : "\u2212", "x", MARK_X, "y", top + 13,
                    "font-weight", "bold", "fill", colour.stroke());
        }
        String ink = row.mark() == MountTree.Mark.MISSING ? MUTED : null;
        double targetX = TARGET_X + row.depth() * INDENT;
        String suffix = row.mounts().size() > 1 ? " (" + row.mounts().size() + " mounts)"
                : row.folded().isEmpty() ? "" : " (" + row.folded().size() + " below, as in " + referenceName + ")";
        int chars = Svg.charsIn(TARGET_X + TARGET_WIDTH - targetX, FONT);
        String target = Svg.clip(target(row), Math.max(chars - suffix.length(), Math.min(chars, 6)));
        svg.open("text", "x", targetX, "y", top + 13, "fill", ink)
                .element("tspan", target, "font-weight", row.mark() == MountTree.Mark.SAME ? null : "bold",
                        "text-decoration", row.mark() == MountTree.Mark.MISSING ? "line-through" : null)
                .element("tspan", Svg.clip(suffix, chars - target.length()), "fill", MUTED)
                .close("text");
        svg.element("text", Svg.clip(mount.fsType(), Svg.charsIn(FSTYPE_WIDTH - 4, FONT)), "x", FSTYPE_X, "y", top + 13,
                "fill", ink);
        svg.element("text", Svg.clip(mount.source(), Svg.charsIn(SOURCE_WIDTH - 4, FONT)), "x", SOURCE_X, "y", top + 13,
                "fill", ink);
        svg.element("text", Svg.clip(propagation(mount), Svg.charsIn(PROPAGATION_WIDTH, FONT)), "x", PROPAGATION_X,
                "y", top + 13, "fill", ink == null ? propagationColour(mount) : ink);
        svg.close("g");
    }

    /** The mount point, or for a run of mounts, their common directory and their names: {@code /sys/fs/cgroup/{cpu,memory}}. */
    static String target(MountTree.Row row) {
        if (row.mounts().size() == 1) {
            return row.mount().mountPoint();
        }
        String first = row.mount().mountPoint();
        int slash = first.lastIndexOf('/');
        String directory = slash < 0 ? "" : first.substring(0, slash + 1);
        List<String> names = new ArrayList<>();
        for (MountView mount : row.mounts()) {
            String point = mount.mountPoint();
            if (point == null || !point.startsWith(directory)) {
                return first + " \u2026";
            }
            names.add(point.substring(directory.length()));
        }
        return directory + "{" + String.join(",", names) + "}";
    }

    /** The optional fields of mountinfo as findmnt shows them: {@code private} when there are none. */
    static String propagation(MountView mount) {
        String fields = mount.propagation() == null ? "" : mount.propagation().trim();
        return fields.isEmpty() ? "private" : fields;
    }

    private static String propagationColour(MountView mount) {
        String fields = propagation(mount);
        return fields.equals("private") ? MUTED : fields.contains("shared") ? "#2f5590" : "#8c2f5b";
    }

    /** What propagation means, as mount_namespaces(7) explains it. */
    static String meaning(String field) {
        if (field.startsWith("shared:")) {
            return field + ": in peer group " + field.substring(7)
                    + "; mounts and unmounts below it propagate to and from its peers";
        } else if (field.startsWith("master:")) {
            return field + ": a slave of peer group " + field.substring(7) + "; receives its mount events, sends none";
        } else if (field.startsWith("propagate_from:")) {
            return field + ": receives from peer group " + field.substring(15) + ", the nearest dominant one";
        } else if (field.equals("unbindable")) {
            return "unbindable: private, and cannot be the source of a bind mount";
        }
        return field.equals("private") ? "private: mount events neither propagate to it nor from it" : field;
    }

    private String tooltip(MountTree.Row row, String namespace, String referenceName) {
        StringBuilder text = new StringBuilder();
        switch (row.mark()) {
            case ADDED -> text.append("Only here: not in ").append(referenceName).append(".\n");
            case MISSING -> text.append("Missing: in ").append(referenceName).append(", not in ").append(namespace)
                    .append(".\n");
            case SAME -> { }
        }
        for (MountView mount : row.mounts()) {
            text.append(mountinfo(mount)).append('\n');
        }
        for (String field : propagation(row.mount()).split(" ")) {
            text.append(meaning(field)).append('\n');
        }
        if (!row.folded().isEmpty()) {
            text.append("Below it, the same as in ").append(referenceName).append(":\n");
            for (MountView mount : row.folded()) {
                text.append("  ").append(mount.mountPoint()).append(' ').append(mount.fsType()).append('\n');
            }
        }
        return text.toString().strip();
    }

    /** The mount as a line of /proc/PID/mountinfo. */
    static String mountinfo(MountView m) {
        String optional = m.propagation() == null || m.propagation().isBlank() ? "" : m.propagation().trim() + " ";
        return m.mountId() + " " + m.parentId() + " " + m.device() + " " + m.root() + " " + m.mountPoint() + " "
                + m.options() + " " + optional + "- " + m.fsType() + " " + m.source() + " " + m.superOptions();
    }

    /** The legend's lines: what a mark means (when namespaces are compared), and the propagation words. */
    private List<String[]> legend(boolean compared) {
        List<String[]> lines = new ArrayList<>();
        if (compared) {
            String ref = numbers.name(NamespaceType.MNT, reference);
            lines.add(new String[] {"added", "+", "not in " + ref + ", init's: mounted in this namespace only"});
            lines.add(new String[] {"missing", "\u2212", "in " + ref + " but not in this namespace"});
            lines.add(new String[] {"folded", "", "(N below, as in " + ref + "): N mounts under it, the same as in " + ref});
        }
        lines.add(new String[] {"propagation", "", "PROPAGATION: private, shared:N (peer group N), master:N (slave of N)"});
        return lines;
    }

    private static void drawLegend(Svg svg, List<String[]> legend, int top) {
        for (int i = 0; i < legend.size(); i++) {
            String[] line = legend.get(i);
            int y = top + i * LEGEND_LINE;
            svg.open("g", "class", "legend", "data-mark", line[0]);
            Palette colour = line[0].equals("added") ? ADDED : line[0].equals("missing") ? MISSING : null;
            if (colour != null) {
                svg.empty("rect", "x", MARGIN / 2, "y", y, "width", 14, "height", 13, "rx", 2, "fill", colour.fill(),
                                "stroke", colour.stroke(), "stroke-dasharray", line[0].equals("missing") ? "3 2" : null)
                        .element("text", line[1], "x", MARK_X, "y", y + 10, "font-weight", "bold", "fill", colour.stroke());
            }
            svg.element("text", Svg.clip(line[2], Svg.charsIn(WIDTH - TARGET_X - MARGIN, FONT)), "x", TARGET_X, "y", y + 10,
                    "fill", MUTED);
            svg.close("g");
        }
    }
}
