package isolab.web.picture;

import isolab.api.MountView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The mount tree of one mount namespace as rows to draw, compared with a reference namespace
 * (init's): each mount under its parent (by mount id, as mountinfo links them), marked
 * {@link Mark#ADDED} when the reference has no such mount, and a {@link Mark#MISSING} row for
 * each mount of the reference that this namespace lacks, under the parent they share.
 *
 * <p>A mount is "the same" in two namespaces when it mounts the same filesystem ({@code major:minor}
 * and root) on the same mount point: what {@code unshare --mount} copies, and what
 * {@code mount -t tmpfs tmpfs /mnt} in one namespace does not give the other. Mount ids differ
 * between copies, so they are not compared.
 *
 * <p>Two abbreviations keep the tree short, and each row's tooltip lists what it stands for:
 * a subtree of a non-reference namespace that is the same as the reference's, propagation
 * included, is folded into its top mount ("/sys, 9 below as in mnt 1"; a fresh copy folds into
 * its root), and a run of {@link #RUN_MIN} or more sibling leaf mounts alike in type, source,
 * propagation and mark (the cgroup v1 controllers) is one row.
 */
final class MountTree {

    /** How a mount compares with the reference namespace. */
    enum Mark { SAME, ADDED, MISSING }

    /** Sibling leaves alike that are drawn as one row. */
    static final int RUN_MIN = 4;

    /**
     * One row: {@code mounts} (one, or the run it stands for), its depth in the tree, the index
     * of its parent's row (-1 at the top), its mark, and the mounts folded below it.
     */
    record Row(List<MountView> mounts, int depth, int parentRow, Mark mark, List<MountView> folded) {
        Row {
            mounts = List.copyOf(mounts);
            folded = List.copyOf(folded);
        }

        Row(MountView mount, int depth, int parentRow, Mark mark) {
            this(List.of(mount), depth, parentRow, mark, List.of());
        }

        /** The mount the row is about: the first of a run. */
        MountView mount() {
            return mounts.get(0);
        }
    }

    /** What identifies a mount across namespaces. */
    record Key(String mountPoint, String device, String root) {
        static Key of(MountView mount) {
            return new Key(mount.mountPoint(), mount.device(), mount.root());
        }
    }

    private final List<MountView> mounts;
    private final List<List<Integer>> children = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    private final Reference reference;
    private final Set<Key> keys = new HashSet<>();
    private final boolean[] visited;
    private final List<Row> rows = new ArrayList<>();

    /** The reference's mounts, by key and by the key of their parent. */
    private static final class Reference {
        final Map<Key, MountView> byKey = new HashMap<>();
        final Map<Key, List<MountView>> byParentKey = new HashMap<>();
        final List<MountView> roots = new ArrayList<>();

        Reference(List<MountView> mounts) {
            Map<Integer, MountView> byId = new HashMap<>();
            for (MountView mount : mounts) {
                byId.putIfAbsent(mount.mountId(), mount);
                byKey.putIfAbsent(Key.of(mount), mount);
            }
            for (MountView mount : mounts) {
                MountView parent = byId.get(mount.parentId());
                if (parent == null || parent == mount || mount.parentId() == mount.mountId()) {
                    roots.add(mount);
                } else {
                    byParentKey.computeIfAbsent(Key.of(parent), k -> new ArrayList<>()).add(mount);
                }
            }
        }
    }

    private MountTree(List<MountView> mounts, List<MountView> referenceMounts) {
        this.mounts = mounts;
        this.reference = referenceMounts == null ? null : new Reference(referenceMounts);
        this.visited = new boolean[mounts.size()];
        link();
        for (int root : roots) {
            visit(root, 0, -1);
        }
        for (int i = 0; i < mounts.size(); i++) {
            if (!visited[i]) { // a parent cycle, which mountinfo never has
                visit(i, 0, -1);
            }
        }
        if (reference != null) {
            for (MountView root : reference.roots) {
                if (!keys.contains(Key.of(root))) {
                    rows.add(new Row(root, 0, -1, Mark.MISSING));
                }
            }
        }
    }

    /** The rows of {@code mounts}, one namespace's in mountinfo order, as they are (no reference). */
    static List<Row> of(List<MountView> mounts) {
        return new MountTree(mounts, null).rows;
    }

    /** The rows of {@code mounts} compared with {@code reference}, another namespace's mounts. */
    static List<Row> compared(List<MountView> mounts, List<MountView> reference) {
        return new MountTree(mounts, reference).rows;
    }

    private void link() {
        Map<Integer, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < mounts.size(); i++) {
            indexOfId.putIfAbsent(mounts.get(i).mountId(), i);
            children.add(new ArrayList<>());
            keys.add(Key.of(mounts.get(i)));
        }
        for (int i = 0; i < mounts.size(); i++) {
            MountView mount = mounts.get(i);
            Integer parent = indexOfId.get(mount.parentId());
            if (parent == null || parent == i || mount.parentId() == mount.mountId()) {
                roots.add(i);
            } else {
                children.get(parent).add(i);
            }
        }
    }

    private void visit(int node, int depth, int parentRow) {
        visited[node] = true;
        MountView mount = mounts.get(node);
        List<MountView> folded = new ArrayList<>();
        if (unchanged(node, new HashSet<>())) {
            descendants(node, folded);
        }
        int row = rows.size();
        rows.add(new Row(List.of(mount), depth, parentRow, mark(mount), folded));
        if (!folded.isEmpty()) {
            return;
        }
        List<Integer> kids = new ArrayList<>();
        for (int kid : children.get(node)) {
            if (!visited[kid]) {
                kids.add(kid);
            }
        }
        for (int i = 0; i < kids.size(); ) {
            int end = runEnd(kids, i);
            if (end - i >= RUN_MIN) {
                List<MountView> run = new ArrayList<>();
                for (int k = i; k < end; k++) {
                    visited[kids.get(k)] = true;
                    run.add(mounts.get(kids.get(k)));
                }
                rows.add(new Row(run, depth + 1, row, mark(run.get(0)), List.of()));
                i = end;
            } else {
                if (!visited[kids.get(i)]) {
                    visit(kids.get(i), depth + 1, row);
                }
                i++;
            }
        }
        for (MountView missing : missingUnder(mount)) {
            rows.add(new Row(missing, depth + 1, row, Mark.MISSING));
        }
    }

    /** The end (exclusive) of the run of leaves alike that starts at {@code kids[start]}. */
    private int runEnd(List<Integer> kids, int start) {
        int end = start;
        while (end < kids.size() && collapsible(kids.get(end)) && alike(mounts.get(kids.get(start)), mounts.get(kids.get(end)))) {
            end++;
        }
        return Math.max(end, start + 1);
    }

    private boolean collapsible(int node) {
        return children.get(node).isEmpty() && missingUnder(mounts.get(node)).isEmpty();
    }

    private boolean alike(MountView a, MountView b) {
        return Objects.equals(a.fsType(), b.fsType()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.propagation(), b.propagation()) && mark(a) == mark(b);
    }

    private Mark mark(MountView mount) {
        return reference == null || reference.byKey.containsKey(Key.of(mount)) ? Mark.SAME : Mark.ADDED;
    }

    /** The reference's mounts under the one like {@code mount} that this namespace lacks. */
    private List<MountView> missingUnder(MountView mount) {
        if (reference == null) {
            return List.of();
        }
        List<MountView> missing = new ArrayList<>();
        for (MountView candidate : reference.byParentKey.getOrDefault(Key.of(mount), List.of())) {
            if (!keys.contains(Key.of(candidate))) {
                missing.add(candidate);
            }
        }
        return missing;
    }

    /** Whether the subtree at {@code node} is the reference's, propagation included, and nothing is missing under it. */
    private boolean unchanged(int node, Set<Integer> seen) {
        if (reference == null || !seen.add(node)) {
            return false;
        }
        MountView mount = mounts.get(node);
        MountView same = reference.byKey.get(Key.of(mount));
        if (same == null || !Objects.equals(same.propagation(), mount.propagation()) || !missingUnder(mount).isEmpty()) {
            return false;
        }
        for (int kid : children.get(node)) {
            if (!unchanged(kid, seen)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the mounts below {@code node} to {@code below}, in tree order, and marks them drawn. */
    private void descendants(int node, List<MountView> below) {
        for (int kid : children.get(node)) {
            if (!visited[kid]) {
                visited[kid] = true;
                below.add(mounts.get(kid));
                descendants(kid, below);
            }
        }
    }
}
