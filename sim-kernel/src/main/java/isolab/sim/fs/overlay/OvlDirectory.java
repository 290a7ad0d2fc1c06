package isolab.sim.fs.overlay;

import isolab.api.OverlayEvent;
import isolab.sim.fs.Caller;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.RegularFile;
import isolab.sim.fs.Symlink;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A directory of the merged tree (fs/overlayfs/namei.c, readdir.c, dir.c): its upper directory
 * (if any) over the lower directories of the same name. A name in a higher layer hides the lower
 * ones unless both are directories, which merge; whiteouts hide, opaque directories stop the
 * merge. Changes go to the upper layer: creating copies this directory up first, removing a name a
 * lower layer has leaves a whiteout, renaming a directory that lower layers have is EXDEV
 * (redirect_dir off).
 */
final class OvlDirectory extends Directory implements OvlInode {

    /**
     * What a name resolves to: the upper object (or null), the lower directories that merge under
     * it, the lower object it came from (its origin, for inode numbers), and whether a lower layer
     * has the name at all (then removing it needs a whiteout: ovl_lower_positive).
     */
    private record Entry(Inode upper, List<Inode> lowers, Inode origin, boolean lowerPositive) {
        Inode top() {
            return upper != null ? upper : lowers.get(0);
        }
    }

    private final OverlayFs fs;
    private final OvlDirectory parentDir;
    private Directory upper;
    private final List<Directory> lowers;
    private final TreeMap<String, Inode> cache = new TreeMap<>();

    OvlDirectory(OverlayFs fs, OvlDirectory parent, String name, Directory upper, List<Directory> lowers) {
        super(fs.sb(), 0, 0, parent);
        this.fs = fs;
        this.parentDir = parent;
        this.upper = upper;
        this.lowers = List.copyOf(lowers);
        setName(name);
    }

    @Override
    public OverlayFs fs() {
        return fs;
    }

    @Override
    public OvlDirectory parentDir() {
        return parentDir;
    }

    @Override
    public String entryName() {
        return name();
    }

    @Override
    public Inode upper() {
        return upper;
    }

    @Override
    public Inode lower() {
        return lowers.isEmpty() ? null : lowers.get(0);
    }

    /** The upper directory, copying this directory (and its parents) up first. */
    Directory upperDir() {
        if (fs.upperRoot() == null) {
            throw new SysException(Errno.EROFS);
        }
        if (upper == null) {
            upper = CopyUp.directory(this);
        }
        return upper;
    }

    // ---- lookup and readdir ----------------------------------------------------------------

    /** fs/overlayfs/namei.c: ovl_lookup: the layers' objects called {@code name}, or null if it is not there. */
    private Entry resolve(String name, Caller caller) {
        Inode up = upper == null ? null : upper.lookup(name, caller);
        if (up != null && Whiteouts.isWhiteout(up)) {
            return null;
        }
        if (up != null && (!(up instanceof Directory) || Whiteouts.isOpaque(up))) {
            // A copied-up object keeps its origin (found by file handle, whatever its name now).
            return new Entry(up, List.of(), fs.originOf(up), lowerPositive(name, caller));
        }
        List<Inode> below = new ArrayList<>();
        for (Directory lower : lowers) {
            Inode x = lower.lookup(name, caller);
            if (x == null) {
                continue;
            }
            if (Whiteouts.isWhiteout(x)) {
                break;
            }
            if (x instanceof Directory) {
                below.add(x);
                if (Whiteouts.isOpaque(x)) {
                    break;
                }
            } else {
                if (up == null && below.isEmpty()) {
                    below.add(x);
                }
                break;
            }
        }
        if (up == null && below.isEmpty()) {
            return null;
        }
        return new Entry(up, below, below.isEmpty() ? null : below.get(0), lowerPositive(name, caller));
    }

    /** fs/overlayfs/util.c: ovl_lower_positive: whether a lower layer has {@code name} (before any whiteout). */
    private boolean lowerPositive(String name, Caller caller) {
        for (Directory lower : lowers) {
            Inode x = lower.lookup(name, caller);
            if (x != null) {
                return !Whiteouts.isWhiteout(x);
            }
        }
        return false;
    }

    @Override
    public Inode lookup(String name, Caller caller) {
        Entry e = resolve(name, caller);
        if (e == null) {
            cache.remove(name);
            return null;
        }
        Inode cached = cache.get(name);
        if (cached instanceof OvlInode o && Objects.equals(o.upper(), e.upper()) && Objects.equals(o.lower(), e.origin())
                && (!(cached instanceof OvlDirectory d) || d.lowers.equals(e.lowers()))) {
            return cached;
        }
        Inode made = wrap(name, e);
        cache.put(name, made);
        return made;
    }

    private Inode wrap(String name, Entry e) {
        Inode top = e.top();
        if (top instanceof Directory) {
            List<Directory> dirs = new ArrayList<>();
            for (Inode l : e.lowers()) {
                dirs.add((Directory) l);
            }
            return new OvlDirectory(fs, this, name, (Directory) e.upper(), dirs);
        }
        Inode lower = e.origin();
        if (top instanceof RegularFile) {
            return new OvlFile(fs, this, name, (RegularFile) e.upper(), lower instanceof RegularFile f ? f : null);
        }
        if (top instanceof Symlink) {
            return new OvlSymlink(fs, this, name, (Symlink) e.upper(), lower instanceof Symlink l ? l : null);
        }
        return top;
    }

    /** fs/overlayfs/readdir.c: ovl_dir_read_merged: upper names, then each lower layer's new ones; whiteouts hide. */
    @Override
    public List<String> names(Caller caller) {
        List<String> names = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        List<Directory> layers = new ArrayList<>();
        if (upper != null) {
            layers.add(upper);
        }
        layers.addAll(lowers);
        for (Directory layer : layers) {
            for (String name : layer.names(caller)) {
                if (!seen.add(name)) {
                    continue;
                }
                if (!Whiteouts.isWhiteout(layer.lookup(name, caller))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    // ---- changes -----------------------------------------------------------------------------

    @Override
    public boolean writable() {
        return fs.upperRoot() != null;
    }

    /**
     * fs/overlayfs/dir.c: ovl_create_object: the object is made in the upper directory; over a
     * whiteout, a directory is made opaque so that the lower layers' old contents stay hidden.
     */
    @Override
    public Inode create(String name, Inode made) {
        Directory up = upperDir();
        Inode there = up.lookup(name, null);
        boolean overWhiteout = there != null && Whiteouts.isWhiteout(there);
        if (overWhiteout) {
            up.unlink(name);
        }
        Inode real = CopyUp.sameKind(made, up);
        up.link(name, real);
        if (overWhiteout && real instanceof Directory) {
            real.setXattr(Whiteouts.OPAQUE, "y");
            fs.kernel().emit(new OverlayEvent.OpaqueDirCreated(fs.upperName(), childPath(name)));
        }
        cache.remove(name);
        return lookup(name, null);
    }

    @Override
    public void link(String name, Inode inode) {
        create(name, inode);
    }

    /** fs/overlayfs/dir.c: ovl_do_remove: the upper object goes; a name a lower layer has gets a whiteout. */
    @Override
    public Inode unlink(String name) {
        Entry e = resolve(name, null);
        if (e == null) {
            throw new SysException(Errno.ENOENT);
        }
        Inode shown = lookup(name, null);
        Directory up = upperDir();
        if (e.upper() != null) {
            if (e.upper() instanceof Directory d) {
                for (String inside : d.names(null)) {
                    d.unlink(inside); // only whiteouts are left in an empty merged directory
                }
            }
            up.unlink(name);
        }
        if (e.lowerPositive()) {
            Whiteouts.create(fs, up, name);
            fs.kernel().emit(new OverlayEvent.WhiteoutCreated(fs.upperName(), childPath(name)));
        }
        cache.remove(name);
        return shown;
    }

    /**
     * fs/overlayfs/dir.c: ovl_rename: a directory that lower layers have cannot be renamed (EXDEV:
     * redirect_dir is off, so mv copies it instead); anything else is copied up and renamed in the
     * upper layer, leaving a whiteout where a lower layer still has the old name.
     */
    @Override
    public void rename(String name, Directory newDir, String newName) {
        Entry e = resolve(name, null);
        if (e == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (e.top() instanceof Directory && !e.lowers().isEmpty()) {
            throw new SysException(Errno.EXDEV);
        }
        OvlDirectory target = (OvlDirectory) newDir;
        Inode moving = lookup(name, null);
        Inode real = moving instanceof OvlFile f ? f.writable() : moving instanceof OvlInode o ? CopyUp.upperOf(o) : moving;
        Directory from = upperDir();
        Directory to = target.upperDir();
        Entry replaced = target.resolve(newName, null);
        Inode there = to.lookup(newName, null);
        if (there != null) {
            if (there instanceof Directory d) {
                for (String inside : d.names(null)) {
                    d.unlink(inside);
                }
            }
            to.unlink(newName);
        }
        from.unlink(name);
        to.link(newName, real);
        if (real instanceof Directory && replaced != null && replaced.lowerPositive()) {
            real.setXattr(Whiteouts.OPAQUE, "y");
        }
        if (e.lowerPositive()) {
            Whiteouts.create(fs, from, name);
            fs.kernel().emit(new OverlayEvent.WhiteoutCreated(fs.upperName(), childPath(name)));
        }
        cache.remove(name);
        target.cache.remove(newName);
    }

    private String childPath(String name) {
        String here = pathInOverlay();
        return (here.equals("/") ? "" : here) + "/" + name;
    }

    // ---- attributes: the upper directory's if there is one, else the top lower one's ---------

    private Directory real0() {
        return upper != null ? upper : lowers.get(0);
    }

    /** The root reports its upper directory's inode number (it has no origin: measured); others their origin's. */
    @Override
    public long ino() {
        return parentDir == null ? real0().ino() : overlayIno();
    }

    @Override
    public String device() {
        return fs.sb().device();
    }

    @Override
    public int mode() {
        return real0().mode();
    }

    @Override
    public void chmod(int permissions) {
        upperDir().chmod(permissions);
    }

    @Override
    public int uid() {
        return real0().uid();
    }

    @Override
    public int gid() {
        return real0().gid();
    }

    @Override
    public void chown(int newUid, int newGid) {
        upperDir().chown(newUid, newGid);
    }

    @Override
    public long mtimeTicks() {
        return real0().mtimeTicks();
    }

    @Override
    public void touch(long ticks) {
        if (fs.upperRoot() != null) {
            upperDir().touch(ticks);
        }
    }

    /**
     * fs/overlayfs/inode.c: ovl_getattr: a merged directory (upper over lower, or several lower
     * layers: OVL_TYPE_MERGE) reports one link; others their real directory's count.
     */
    @Override
    public int nlink() {
        return upper != null && !lowers.isEmpty() || lowers.size() > 1 ? 1 : real0().nlink();
    }

    @Override
    public long size() {
        return real0().size();
    }

    @Override
    public long blocks() {
        return real0().blocks();
    }
}
