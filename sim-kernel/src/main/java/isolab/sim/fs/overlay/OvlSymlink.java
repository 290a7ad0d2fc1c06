package isolab.sim.fs.overlay;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Symlink;

/** A symbolic link of the merged tree: its target and metadata are its real link's. */
final class OvlSymlink extends Symlink implements OvlLeaf<Symlink> {

    private final Layers<Symlink> layers;

    OvlSymlink(OverlayFs fs, OvlDirectory parent, String name, Symlink upper, Symlink lower) {
        super(fs.sb(), 0, "");
        this.layers = new Layers<>(fs, parent, name, upper, lower);
    }

    @Override
    public Layers<Symlink> layers() {
        return layers;
    }

    private Symlink link() {
        return layers.real();
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
        return layers.device();
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
