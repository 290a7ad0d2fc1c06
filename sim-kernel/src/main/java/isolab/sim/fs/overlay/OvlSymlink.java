package isolab.sim.fs.overlay;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Symlink;

/** A symbolic link of the merged tree: its target and metadata are its real link's. */
final class OvlSymlink extends Symlink implements OvlInode {

    private final OverlayFs fs;
    private final OvlDirectory parent;
    private final String name;
    private final Symlink lower;
    private Symlink upper;

    OvlSymlink(OverlayFs fs, OvlDirectory parent, String name, Symlink upper, Symlink lower) {
        super(fs.sb(), 0, "");
        this.fs = fs;
        this.parent = parent;
        this.name = name;
        this.upper = upper;
        this.lower = lower;
    }

    @Override
    public OverlayFs fs() {
        return fs;
    }

    @Override
    public OvlDirectory parentDir() {
        return parent;
    }

    @Override
    public String entryName() {
        return name;
    }

    @Override
    public Inode upper() {
        return upper;
    }

    @Override
    public Inode lower() {
        return lower;
    }

    private Symlink link() {
        return upper != null ? upper : lower;
    }

    @Override
    public String target(Caller caller) {
        return link().target(caller);
    }

    @Override
    public Inode follow(Caller caller) {
        return link().follow(caller);
    }

    @Override
    public long size() {
        return link().size();
    }

    @Override
    public long ino() {
        return overlayIno();
    }

    @Override
    public String device() {
        return fs.samefs() ? fs.sb().device() : link().device();
    }

    @Override
    public int mode() {
        return link().mode();
    }

    @Override
    public int uid() {
        return link().uid();
    }

    @Override
    public int gid() {
        return link().gid();
    }

    @Override
    public long mtimeTicks() {
        return link().mtimeTicks();
    }
}
