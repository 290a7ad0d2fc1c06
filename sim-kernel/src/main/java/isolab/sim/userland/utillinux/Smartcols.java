package isolab.sim.userland.utillinux;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as util-linux's libsmartcols prints it in the POSIX locale: a header line, columns
 * separated by one space, right-aligned columns padded on the left, the last column unpadded
 * (print.c: "fill except last column"); a tree column draws its lines' ancestry in ASCII
 * ({@code |-}, {@code `-}, {@code | }); raw output separates cells by one space without padding
 * or tree. A column is as wide as its widest cell and at least as wide as its header (even with
 * no headings), and a column narrower than its width hint, whose header is narrower too, takes
 * the hint (calculate.c: count_column_width) - which is why {@code lsns -t user} pads TYPE to 5
 * and {@code lsns -t pid} does not. On a terminal, columns that may be truncated are cut until
 * the line fits its width (calculate.c, stage 2).
 *
 * <p>Simplifies: single-width characters, no relative (fractional) width hints, no wrapping, no
 * JSON.
 */
public final class Smartcols {

    /**
     * A column: its header, whether cells are right-aligned, whether it draws the tree, its
     * absolute width hint (0 for none) and whether it may be truncated on a terminal.
     */
    public record Column(String name, boolean right, boolean tree, int widthHint, boolean trunc) {

        /** A column with no width hint that is never truncated. */
        public Column(String name, boolean right, boolean tree) {
            this(name, right, tree, 0, false);
        }
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
    private int termWidth;

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

    /** The terminal's width when the output is a terminal (scols_table_set_termwidth), 0 otherwise. */
    public Smartcols termWidth(int width) {
        termWidth = width;
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

    /** Adds a line at the top. */
    public Line add(List<String> cells) {
        return add(cells, null);
    }

    /** Whether no line was added. */
    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The table as it is printed, every line ending in a newline. */
    public String render() {
        List<List<String>> rows = new ArrayList<>();
        for (Line root : roots) {
            flatten(root, "", true, true, rows);
        }
        StringBuilder out = new StringBuilder();
        if (raw) {
            if (!noHeadings) {
                out.append(String.join(" ", headers())).append('\n');
            }
            for (List<String> row : rows) {
                out.append(String.join(" ", row.stream().map(Smartcols::escapeRaw).toList())).append('\n');
            }
            return out.toString();
        }
        int[] widths = widths(rows);
        if (termWidth > 0) {
            fit(widths);
        }
        if (!noHeadings) {
            line(out, headers(), widths);
        }
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private List<String> headers() {
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            header.add(c.name());
        }
        return header;
    }

    /** calculate.c: count_column_width: the widest cell, at least the header, or the hint. */
    private int[] widths(List<List<String>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int min = Math.max(1, c.name().length());
            int width = 0;
            for (List<String> row : rows) {
                width = Math.max(width, row.get(i).length());
            }
            if (width < min) {
                width = min;
            } else if (c.widthHint() >= 1 && width < c.widthHint() && min < c.widthHint()) {
                width = c.widthHint();
            }
            widths[i] = width;
        }
        return widths;
    }

    /** calculate.c on a terminal: truncatable columns shrink, one character a round, until the line fits. */
    private void fit(int[] widths) {
        int total = widths.length - 1;
        for (int w : widths) {
            total += w;
        }
        boolean shrunk = true;
        while (total > termWidth && shrunk) {
            shrunk = false;
            for (int i = 0; i < widths.length && total > termWidth; i++) {
                if (columns.get(i).trunc() && widths[i] > columns.get(i).name().length()) {
                    widths[i]--;
                    total--;
                    shrunk = true;
                }
            }
        }
    }

    private void line(StringBuilder out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i]);
            }
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
