package isolab.sim.userland.utillinux;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as util-linux's libsmartcols prints it in the POSIX locale: a header line, columns as
 * wide as their widest cell and their header (even when headings are off) separated by one space,
 * numbers right-aligned, the last column unpadded; a tree column draws its lines' ancestry in
 * ASCII ({@code |-}, {@code `-}, {@code | }); raw output separates cells by one space without
 * padding or tree.
 */
public final class Smartcols {

    /** A column: its header, whether cells are right-aligned, whether it draws the tree. */
    public record Column(String name, boolean right, boolean tree) {
    }

    /** A line: its cells in column order, and its parent line (null at the top of the tree). */
    public static final class Line {
        private final List<String> cells;
        private final Line parent;
        private final List<Line> children = new ArrayList<>();

        private Line(List<String> cells, Line parent) {
            this.cells = cells;
            this.parent = parent;
        }
    }

    private final List<Column> columns;
    private final List<Line> roots = new ArrayList<>();
    private boolean noHeadings;
    private boolean raw;

    public Smartcols(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** scols_table_enable_noheadings. */
    public Smartcols noHeadings(boolean on) {
        noHeadings = on;
        return this;
    }

    /** scols_table_enable_raw. */
    public Smartcols raw(boolean on) {
        raw = on;
        return this;
    }

    /** Adds a line under {@code parent} (null: at the top); returns it, to be a parent in turn. */
    public Line add(List<String> cells, Line parent) {
        Line line = new Line(List.copyOf(cells), parent);
        if (parent == null) {
            roots.add(line);
        } else {
            parent.children.add(line);
        }
        return line;
    }

    /** Whether no line was added. */
    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The table as it is printed, every line ending in a newline. */
    public String render() {
        List<List<String>> rows = new ArrayList<>();
        if (!noHeadings) {
            List<String> header = new ArrayList<>();
            for (Column c : columns) {
                header.add(c.name());
            }
            rows.add(header);
        }
        for (Line root : roots) {
            flatten(root, "", true, true, rows);
        }
        StringBuilder out = new StringBuilder();
        if (raw) {
            for (List<String> row : rows) {
                out.append(String.join(" ", row.stream().map(Smartcols::escapeRaw).toList())).append('\n');
            }
            return out.toString();
        }
        // libsmartcols: a column is at least as wide as its header, printed or not (measured: findmnt -n).
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).name().length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean last = i == row.size() - 1;
                if (i > 0) {
                    line.append(' ');
                }
                if (columns.get(i).right()) {
                    line.append(" ".repeat(widths[i] - cell.length())).append(cell);
                } else if (last) {
                    line.append(cell);
                } else {
                    line.append(cell).append(" ".repeat(widths[i] - cell.length()));
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private void flatten(Line line, String prefix, boolean top, boolean last, List<List<String>> rows) {
        List<String> cells = new ArrayList<>(line.cells);
        String branch = top ? "" : prefix + (last ? "`-" : "|-");
        if (!raw) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).tree()) {
                    cells.set(i, branch + cells.get(i));
                }
            }
        }
        rows.add(cells);
        String childPrefix = top ? "" : prefix + (last ? "  " : "| ");
        for (int i = 0; i < line.children.size(); i++) {
            flatten(line.children.get(i), childPrefix, false, i == line.children.size() - 1, rows);
        }
    }

    /** libsmartcols' raw output escapes blanks and other unsafe bytes as {@code \xHH}. */
    private static String escapeRaw(String cell) {
        StringBuilder s = new StringBuilder();
        for (char c : cell.toCharArray()) {
            if (c <= ' ' || c == '\\' || c == 0x7f) {
                s.append(String.format("\\x%02x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
