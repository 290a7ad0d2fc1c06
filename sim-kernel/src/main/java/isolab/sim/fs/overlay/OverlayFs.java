package isolab.sim.fs.overlay;

import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Path;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Tmpfs;
import isolab.sim.fs.mount.FileSystems;
import isolab.sim.kernel.Kernel;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * One overlay filesystem (fs/overlayfs/super.c, params.c): the lower directories (leftmost on
 * top), the upper directory and the work directory named in its options, and the merged tree
 * built over them. Mounting checks the layers as Linux does and makes {@code work/} in the work
 * directory; without an upper directory the overlay is read-only.
 */
public final class OverlayFs {

    private final Kernel kernel;
    private final SuperBlock sb;
    private final List<Directory> lowers;
    private final Directory upper;
    private final Directory work;
    private final String upperName;
    private final boolean samefs;
    private final List<String> lowerFingerprints = new ArrayList<>();
    private CharDevice whiteout;
    private final List<Inode[]> origins = new ArrayList<>();

    private OverlayFs(Kernel kernel, SuperBlock sb, List<Directory> lowers, Directory upper, Directory work,
            String upperName, boolean samefs) {
        this.kernel = kernel;
        this.sb = sb;
        this.lowers = lowers;
        this.upper = upper;
        this.work = work;
        this.upperName = upperName;
        this.samefs = samefs;
    }

    /** Makes {@code mount -t overlay} work (fs_context get_tree for the type "overlay"). */
    public static void register() {
        FileSystems.register("overlay", true, OverlayFs::getTree);
    }

    /**
     * fs/overlayfs/super.c: ovl_fill_super for {@code lowerdir=A:B,upperdir=U,workdir=W}: ENOENT
     * for a layer that does not exist, EINVAL for an unknown option, no lower layer, a single lower
     * layer without an upper one, an upper without a work directory, upper and work on different
     * mounts or nested in each other.
     */
    static SuperBlock getTree(FileSystems.Request r) {
        String lowerOpt = null;
        String upperOpt = null;
        String workOpt = null;
        if (r.data() != null) {
            for (String option : r.data().split(",")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq);
                String value = eq < 0 ? null : option.substring(eq + 1);
                switch (key) {
                    case "lowerdir" -> lowerOpt = value;
                    case "upperdir" -> upperOpt = value;
                    case "workdir" -> workOpt = value;
                    case "redirect_dir", "index", "metacopy", "xino", "nfs_export", "volatile", "userxattr", "uuid",
                            "default_permissions", "verity" -> throw new SysException(Errno.ENOSYS);
                    default -> throw new SysException(Errno.EINVAL);
                }
            }
        }
        if (lowerOpt == null || lowerOpt.isEmpty()) {
            throw new SysException(Errno.EINVAL);
        }
        List<Path> lowerPaths = new ArrayList<>();
        for (String dir : lowerOpt.split(":")) {
            lowerPaths.add(directory(r, dir));
        }
        Path upperPath = upperOpt == null ? null : directory(r, upperOpt);
        Path workPath = workOpt == null ? null : directory(r, workOpt);
        if (upperPath == null && lowerPaths.size() < 2 || upperPath != null && workPath == null) {
            throw new SysException(Errno.EINVAL);
        }
        if (upperPath != null) {
            if (upperPath.mnt() != workPath.mnt() || nested(upperPath.inode(), workPath.inode())) {
                throw new SysException(Errno.EINVAL);
            }
            if (upperPath.mnt().readOnly()) {
                throw new SysException(Errno.EROFS);
            }
        }
        List<Directory> lowers = new ArrayList<>();
        boolean samefs = true;
        for (Path p : lowerPaths) {
            lowers.add((Directory) p.inode());
            samefs &= upperPath == null ? p.inode().sb() == lowerPaths.get(0).inode().sb()
                    : p.inode().sb() == upperPath.inode().sb();
        }
        Directory upper = upperPath == null ? null : (Directory) upperPath.inode();
        Directory work = workPath == null ? null : workDir((Directory) workPath.inode());
        SuperBlock sb = new SuperBlock("overlay", r.source(), r.kernel().nextAnonDevice(),
                superOptions(lowerOpt, upperOpt, workOpt, upper), 1);
        OverlayFs fs = new OverlayFs(r.kernel(), sb, lowers, upper, work, upperOpt, samefs);
        sb.setOwner(fs);
        sb.setRoot(new OvlDirectory(fs, null, "/", upper, lowers));
        for (Directory lower : lowers) {
            fs.lowerFingerprints.add(Fingerprint.of(lower));
        }
        return sb;
    }

    private static Path directory(FileSystems.Request r, String name) {
        Path p = r.kernel().lookup(r.task(), name, true);
        if (!(p.inode() instanceof Directory)) {
            throw new SysException(Errno.ENOTDIR);
        }
        return p;
    }

    /** fs/overlayfs/super.c: ovl_workdir_ok: upper and work must be separate subtrees. */
    private static boolean nested(Inode a, Inode b) {
        return below((Directory) a, (Directory) b) || below((Directory) b, (Directory) a);
    }

    private static boolean below(Directory dir, Directory top) {
        for (Directory cur = dir; ; cur = cur.parent()) {
            if (cur == top) {
                return true;
            }
            if (cur.parent() == cur) {
                return false;
            }
        }
    }

    /** fs/overlayfs/super.c: ovl_workdir_create: {@code work/} (mode 0) in the work directory, made afresh. */
    private static Directory workDir(Directory workdir) {
        if (workdir.lookup("work", null) != null) {
            workdir.unlink("work");
        }
        Directory made = new Directory(workdir.sb(), workdir.sb().allocateIno(), 0, workdir);
        workdir.link("work", made);
        return made;
    }

    /**
     * fs/overlayfs/params.c: ovl_show_options, as this kernel shows them: the layers as given, then
     * {@code uuid=on} when the upper layer was empty and had never been an upper layer (uuid=auto
     * then turns it on and records it); read-only overlays show {@code redirect_dir=on}.
     */
    private static String superOptions(String lower, String upperOpt, String workOpt, Directory upper) {
        if (upper == null) {
            return "ro,lowerdir=" + lower + ",redirect_dir=on";
        }
        boolean fresh = upper.names(null).isEmpty() && upper.xattr("trusted.overlay.uuid") == null;
        upper.setXattr("trusted.overlay.uuid", "isolab");
        return "rw,lowerdir=" + lower + ",upperdir=" + upperOpt + ",workdir=" + workOpt + (fresh ? ",uuid=on" : "");
    }

    SuperBlock sb() {
        return sb;
    }

    Kernel kernel() {
        return kernel;
    }

    /** The upper layer's root; null for a read-only overlay. */
    Directory upperRoot() {
        return upper;
    }

    /** The upper layer as the mount options name it, for events. */
    String upperName() {
        return upperName;
    }

    /** Whether every layer is on one filesystem (then objects keep their lower inode numbers). */
    boolean samefs() {
        return samefs;
    }

    /** The one whiteout inode of this upper layer, made in {@code work/} on first use. */
    CharDevice sharedWhiteout() {
        if (whiteout == null) {
            // fs/overlayfs/dir.c: ovl_whiteout: a temporary name "#<hex>" in work/ (ovl_tempname).
            String minor = sb.device().substring(sb.device().indexOf(':') + 1);
            whiteout = Tmpfs.chardev(work, "#" + Integer.toHexString(0x1000 + Integer.parseInt(minor)), 0, 0, 0);
        }
        return whiteout;
    }

    /** Records that the upper object {@code copy} was copied up from {@code origin} (its file handle in trusted.overlay.origin). */
    void recordOrigin(Inode copy, Inode origin) {
        origins.add(new Inode[] {copy, origin});
    }

    /** fs/overlayfs/namei.c: ovl_check_origin: the lower object an upper one was copied up from, or null. */
    Inode originOf(Inode upperObject) {
        for (Inode[] pair : origins) {
            if (pair[0] == upperObject) {
                return pair[1];
            }
        }
        return null;
    }

    /** Whether the overlay has an upper layer (else it is read-only for good). */
    public boolean writable() {
        return upper != null;
    }

    /** The lower layers, top first. */
    public List<Directory> lowers() {
        return List.copyOf(lowers);
    }

    /** Which lower layers differ from what they were at mount time (a checker: overlayfs never writes them). */
    public List<Integer> changedLowers() {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < lowers.size(); i++) {
            if (!Fingerprint.of(lowers.get(i)).equals(lowerFingerprints.get(i))) {
                changed.add(i);
            }
        }
        return changed;
    }
}
