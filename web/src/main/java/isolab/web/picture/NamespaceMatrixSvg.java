package isolab.web.picture;

import isolab.api.HostView;
import isolab.api.NamespaceType;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws which namespaces each process is in: one row per process, one column per namespace kind
 * (in {@code /proc/PID/ns} order), each cell the namespace's inode. A cell in the same namespace
 * as the first process (init) is left plain; a namespace of its own gets a colour, the same in
 * every row that shares it, so what a container shares with the host reads at a glance.
 */
public final class NamespaceMatrixSvg {

    static final int NAME_WIDTH = 150;
    static final int CELL_WIDTH = 92;
    static final int ROW_HEIGHT = 22;
    static final int HEADER_HEIGHT = 26;
    static final int MARGIN = 8;

    private NamespaceMatrixSvg() {
    }

    /** The SVG document of {@code view}'s namespace membership. */
    public static String render(HostView view) {
        List<ProcessView> processes = view.processes();
        NamespaceType[] types = NamespaceType.values();
        int width = MARGIN * 2 + NAME_WIDTH + types.length * CELL_WIDTH;
        int height = MARGIN * 2 + HEADER_HEIGHT + Math.max(processes.size(), 1) * ROW_HEIGHT;
        Map<NamespaceType, Map<Long, Integer>> colours = colours(processes);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"namespace-matrix\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"ui-monospace, monospace\" font-size=\"11\">\n")
                .append("<title>Namespaces of each process on ").append(Svg.escape(view.hostname()))
                .append("</title>\n");
        for (int c = 0; c < types.length; c++) {
            svg.append("<text x=\"").append(MARGIN + NAME_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2)
                    .append("\" y=\"").append(MARGIN + 16).append("\" text-anchor=\"middle\" font-weight=\"bold\">")
                    .append(types[c].procName()).append("</text>\n");
        }
        if (processes.isEmpty()) {
            svg.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN + HEADER_HEIGHT + 15)
                    .append("\">no processes</text>\n");
        }
        for (int r = 0; r < processes.size(); r++) {
            ProcessView process = processes.get(r);
            int y = MARGIN + HEADER_HEIGHT + r * ROW_HEIGHT;
            svg.append("<g class=\"row\" data-pid=\"").append(process.pid()).append("\">")
                    .append("<text x=\"").append(MARGIN).append("\" y=\"").append(y + 15).append("\">")
                    .append(process.pid()).append(' ').append(Svg.escape(Svg.clip(process.comm(), 15)))
                    .append("</text>");
            for (int c = 0; c < types.length; c++) {
                long inode = process.namespaces().inode(types[c]);
                Integer colour = colours.get(types[c]).get(inode);
                int x = MARGIN + NAME_WIDTH + c * CELL_WIDTH;
                svg.append("<rect x=\"").append(x + 2).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(CELL_WIDTH - 4).append("\" height=\"").append(ROW_HEIGHT - 4).append("\" rx=\"3\"")
                        .append(" data-ns=\"").append(types[c].procName()).append(':').append(inode).append('"')
                        .append(colour == null ? " fill=\"#f4f5f7\" stroke=\"#d5dae1\""
                                : " fill=\"" + Palette.of(colour).fill() + "\" stroke=\"" + Palette.of(colour).stroke() + "\"")
                        .append("/><text x=\"").append(x + CELL_WIDTH / 2).append("\" y=\"").append(y + 15)
                        .append("\" text-anchor=\"middle\">").append(inode == 0 ? "?" : inode).append("</text>");
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * For each kind, a colour index per namespace other than the first process's, in order of
     * first appearance (the first colour is left to the host, as in the process tree).
     */
    private static Map<NamespaceType, Map<Long, Integer>> colours(List<ProcessView> processes) {
        Map<NamespaceType, Map<Long, Integer>> colours = new LinkedHashMap<>();
        for (NamespaceType type : NamespaceType.values()) {
            Map<Long, Integer> indices = new LinkedHashMap<>();
            List<Long> seen = new ArrayList<>();
            for (ProcessView process : processes) {
                long inode = process.namespaces().inode(type);
                if (!seen.contains(inode)) {
                    seen.add(inode);
                    if (seen.size() > 1) {
                        indices.put(inode, seen.size() - 1);
                    }
                }
            }
            colours.put(type, indices);
        }
        return colours;
    }
}
