package isolab.sim.userland.utillinux;

import java.util.ArrayList;
import java.util.List;

/**
 * libsmartcols' table output as util-linux 2.38 programs use it (lsns, findmnt, ...): each column
 * is as wide as its widest cell or header, but a column narrower than its width hint and whose
 * header is narrower too takes the hint (libsmartcols/src/calculate.c: count_column_width, "use
 * absolute size for large columns") - which is why {@code lsns -t user} pads TYPE to 5 and
 * {@code lsns -t pid} does not. On a terminal the last column fills the line and columns that
 * may be truncated are cut until the line fits.
 *
 * <p>Simplifies: no tree, raw, JSON or wrapping output, single-width characters only.
 */
final class Smartcols {

    /** A column: header, width hint (0 for none) and whether it is right-aligned or may be truncated. */
    record Column(String header, int widthHint, boolean right, boolean trunc) {
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    Smartcols(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a line; one cell per column, in order. */
    void add(List<String> cells) {
        rows.add(List.copyOf(cells));
    }

    /**
     * The table as text: the header line unless {@code noHeadings}; {@code termWidth} is the
     * terminal's width, or 0 when the output is not a terminal.
     */
    String render(boolean noHeadings, int termWidth) {
        int[] widths = widths(noHeadings);
        if (termWidth > 0) {
            fit(widths, termWidth);
        }
        StringBuilder out = new StringBuilder();
        if (!noHeadings) {
            line(out, headers(), widths);
        }
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private List<String> headers() {
        List<String> headers = new ArrayList<>();
        for (Column c : columns) {
            headers.add(c.header());
        }
        return headers;
    }

    private int[] widths(boolean noHeadings) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int min = Math.max(1, c.header().length());
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

    /** calculate.c on a terminal: the last column fills the line; truncatable columns shrink to fit. */
    private void fit(int[] widths, int termWidth) {
        int total = widths.length - 1;
        for (int w : widths) {
            total += w;
        }
        int last = widths.length - 1;
        if (total < termWidth && !columns.get(last).right()) {
            widths[last] += termWidth - total;
            return;
        }
        boolean shrunk = true;
        while (total > termWidth && shrunk) {
            shrunk = false;
            for (int i = 0; i < widths.length && total > termWidth; i++) {
                if (columns.get(i).trunc() && widths[i] > columns.get(i).header().length()) {
                    widths[i]--;
                    total--;
                    shrunk = true;
                }
            }
        }
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i]);
            }
            String pad = " ".repeat(widths[i] - cell.length());
            l.append(columns.get(i).right() ? pad + cell : cell + pad);
            if (i < cells.size() - 1) {
                l.append(' ');
            }
        }
        int end = l.length();
        while (end > 0 && l.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(l, 0, end).append('\n');
    }
}
