package isolab.web.picture;

import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory cgroups of a view as a tree: v1 paths ({@code /}, {@code /box}, {@code /box/a}) put
 * each cgroup under its parent, in pre-order, children in the view's order. Each row also carries
 * the scale its usage bar is drawn against: its own limit, or where it has none (v1's
 * {@code 9223372036854771712}), the nearest ancestor's, which is the limit that binds it
 * (mm/page_counter.c: page_counter_try_charge walks up), or with no limit above either, the
 * largest usage in the view.
 */
final class MemcgTree {

    /**
     * One cgroup in the tree.
     *
     * @param parent the row of its parent, or -1 for a root (the machine's, or one whose parent is not in the view)
     * @param childrenBytes the usage of its children, which v1 charges to it as well
     * @param scaleBytes what a full bar means
     * @param scaleOf whose limit {@code scaleBytes} is: this cgroup's path, an ancestor's, or empty for the largest usage
     */
    record Row(MemcgView memcg, String name, int depth, int parent, long childrenBytes, long scaleBytes, String scaleOf) {

        boolean limited() {
            return Bytes.limited(memcg.limitBytes());
        }
    }

    private MemcgTree() {
    }

    /** The rows of {@code memcgs} in pre-order; duplicate paths after the first, and null entries, are left out. */
    static List<Row> of(List<MemcgView> memcgs) {
        Map<String, MemcgView> byPath = new LinkedHashMap<>();
        for (MemcgView memcg : memcgs) {
            if (memcg != null) {
                byPath.putIfAbsent(normal(memcg.path()), memcg);
            }
        }
        Map<String, List<String>> children = new LinkedHashMap<>();
        List<String> roots = new ArrayList<>();
        for (String path : byPath.keySet()) {
            String parent = parent(path);
            if (parent != null && byPath.containsKey(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(path);
            } else {
                roots.add(path);
            }
        }
        long largest = 1;
        for (MemcgView memcg : byPath.values()) {
            largest = Math.max(largest, Math.max(memcg.usageBytes(), memcg.maxUsageBytes()));
        }
        List<Row> rows = new ArrayList<>();
        for (String root : roots) {
            add(rows, root, -1, 0, byPath, children, largest);
        }
        return rows;
    }

    private static void add(List<Row> rows, String path, int parent, int depth, Map<String, MemcgView> byPath,
                            Map<String, List<String>> children, long largest) {
        MemcgView memcg = byPath.get(path);
        List<String> kids = children.getOrDefault(path, List.of());
        long childrenBytes = 0;
        for (String kid : kids) {
            childrenBytes += Math.max(byPath.get(kid).usageBytes(), 0);
        }
        long scale;
        String scaleOf;
        if (Bytes.limited(memcg.limitBytes())) {
            scale = memcg.limitBytes();
            scaleOf = path;
        } else if (parent >= 0 && !rows.get(parent).scaleOf().isEmpty()) {
            scale = rows.get(parent).scaleBytes();
            scaleOf = rows.get(parent).scaleOf();
        } else {
            scale = largest;
            scaleOf = "";
        }
        int index = rows.size();
        rows.add(new Row(memcg, name(path), depth, parent, childrenBytes, scale, scaleOf));
        for (String kid : kids) {
            add(rows, kid, index, depth + 1, byPath, children, largest);
        }
    }

    /** {@code path} with one leading slash and no trailing one; {@code /} for the root (or a null path). */
    static String normal(String path) {
        if (path == null || path.isBlank()) {
            return "/";
        }
        String trimmed = path.strip().replaceAll("/+", "/");
        if (!trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        return trimmed.length() > 1 && trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The parent's path, or null for the root. */
    static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** What the tree labels a cgroup with: its last component, {@code /} for the root. */
    static String name(String path) {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }
}
