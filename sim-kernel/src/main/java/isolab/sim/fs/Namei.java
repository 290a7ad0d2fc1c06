package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Path walk (fs/namei.c): turns a path name into a {@link Path}, component by component, from the
 * caller's root or working directory, crossing mount points downwards (to the topmost mount) and
 * upwards on {@code ..} (never above the caller's root), following symbolic links up to
 * {@link #MAXSYMLINKS} times.
 */
public final class Namei {

    /** MAXSYMLINKS: how many links one walk follows before ELOOP (include/linux/namei.h). */
    public static final int MAXSYMLINKS = 40;

    /** PATH_MAX, including the terminating NUL. */
    public static final int PATH_MAX = 4096;

    /** NAME_MAX: the longest file name. */
    public static final int NAME_MAX = 255;

    /** Everything a walk depends on: the caller's root and cwd, its mount namespace, and who it is. */
    public record Context(Path root, Path cwd, MountTable mounts, Caller caller) {
    }

    /** The directory a name is to be created in or removed from, and the name. */
    public record Parent(Path dir, String name) {
    }

    private Namei() {
    }

    /** Resolves {@code path}; follows a final symlink when {@code followLast}. */
    public static Path walk(Context ctx, String path, boolean followLast) {
        check(path);
        int[] links = {0};
        return walk(ctx, start(ctx, path), components(path), followLast, links);
    }

    /**
     * Resolves all but the last component of {@code path}: the parent directory and the last name.
     * A path ending in {@code /}, {@code .} or {@code ..} has no last name to create: EEXIST for
     * {@code /}, else the name as given.
     */
    public static Parent walkParent(Context ctx, String path) {
        check(path);
        List<String> parts = components(path);
        if (parts.isEmpty()) {
            throw new SysException(Errno.EEXIST);
        }
        String last = parts.remove(parts.size() - 1);
        int[] links = {0};
        Path dir = walk(ctx, start(ctx, path), parts, true, links);
        if (!(dir.inode() instanceof Directory)) {
            throw new SysException(Errno.ENOTDIR);
        }
        return new Parent(dir, last);
    }

    private static void check(String path) {
        if (path.isEmpty()) {
            throw new SysException(Errno.ENOENT);
        }
        if (path.length() >= PATH_MAX) {
            throw new SysException(Errno.ENAMETOOLONG);
        }
    }

    private static Path start(Context ctx, String path) {
        return path.startsWith("/") ? ctx.root() : ctx.cwd();
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static Path walk(Context ctx, Path from, List<String> parts, boolean followLast, int[] links) {
        Path cur = from;
        Deque<String> todo = new ArrayDeque<>(parts);
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            boolean last = todo.isEmpty();
            if (!(cur.inode() instanceof Directory dir)) {
                throw new SysException(Errno.ENOTDIR);
            }
            if (name.length() > NAME_MAX) {
                throw new SysException(Errno.ENAMETOOLONG);
            }
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                cur = up(ctx, cur);
                continue;
            }
            Inode child = dir.lookup(name, ctx.caller());
            if (child == null) {
                throw new SysException(Errno.ENOENT);
            }
            Path next = down(ctx, new Path(cur.mnt(), child));
            if (next.inode() instanceof Symlink link && (!last || followLast)) {
                if (++links[0] > MAXSYMLINKS) {
                    throw new SysException(Errno.ELOOP);
                }
                cur = followLink(ctx, cur, next, link, links);
                continue;
            }
            cur = next;
        }
        return cur;
    }

    private static Path followLink(Context ctx, Path dirOfLink, Path linkPath, Symlink link, int[] links) {
        Inode magic = link.follow(ctx.caller());
        if (magic != null) {
            return new Path(linkPath.mnt(), magic);
        }
        String target = link.target(ctx.caller());
        if (target == null || target.isEmpty()) {
            throw new SysException(Errno.ENOENT);
        }
        Path start = target.startsWith("/") ? ctx.root() : dirOfLink;
        return walk(ctx, start, components(target), true, links);
    }

    /** The topmost mount on {@code path}, if one covers it (a directory, or a file for a file bind mount). */
    private static Path down(Context ctx, Path path) {
        Path cur = path;
        while (true) {
            Mount over = ctx.mounts().mountedOn(cur.mnt(), cur.inode());
            if (over == null) {
                break;
            }
            cur = new Path(over, over.root());
        }
        return cur;
    }

    private static Path up(Context ctx, Path path) {
        Path cur = path;
        while (true) {
            if (isSame(cur, ctx.root())) {
                return cur;
            }
            if (cur.isMountRoot() && !cur.mnt().isRoot()) {
                cur = new Path(cur.mnt().parent(), cur.mnt().mountpoint());
                continue;
            }
            if (cur.isMountRoot()) {
                return cur;
            }
            return down(ctx, new Path(cur.mnt(), ((Directory) cur.inode()).parent()));
        }
    }

    private static boolean isSame(Path a, Path b) {
        return a.mnt() == b.mnt() && a.inode() == b.inode();
    }

    /**
     * The name of {@code path} as seen from {@code ctx}'s root (fs/d_path.c: d_path), or null if
     * it cannot be reached from there.
     */
    public static String pathOf(Context ctx, Path path) {
        List<String> names = new ArrayList<>();
        Path cur = path;
        int guard = 0;
        while (!isSame(cur, ctx.root())) {
            if (++guard > 4096) {
                return null;
            }
            if (cur.isMountRoot()) {
                if (cur.mnt().isRoot()) {
                    return null;
                }
                cur = new Path(cur.mnt().parent(), cur.mnt().mountpoint());
                continue;
            }
            if (!(cur.inode() instanceof Directory dir)) {
                return null;
            }
            names.add(dir.name());
            cur = new Path(cur.mnt(), dir.parent());
        }
        StringBuilder out = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            out.append('/').append(names.get(i));
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
