package isolab.sim.fs.overlay;

import isolab.sim.fs.OpenFile;
import isolab.sim.fs.RegularFile;

/**
 * A regular file of the merged tree (fs/overlayfs/file.c): reads go to its real file, upper if
 * copied up, else lower; opening it for writing, truncating it or changing its metadata copies it
 * up first (metacopy off: the whole data).
 */
final class OvlFile extends RegularFile implements OvlLeaf<RegularFile> {

    private final Layers<RegularFile> layers;

    OvlFile(OverlayFs fs, OvlDirectory parent, String name, RegularFile upper, RegularFile lower) {
        super(fs.sb(), 0, 0);
        this.layers = new Layers<>(fs, parent, name, upper, lower);
    }

    @Override
    public Layers<RegularFile> layers() {
        return layers;
    }

    private RegularFile file() {
        return layers.real();
    }

    /** The upper file, copying the lower one up first. */
    RegularFile writable() {
        return layers.upper(lower -> CopyUp.file(this, lower));
    }

    /** fs/overlayfs/file.c: ovl_open: a write-like open copies the file up. */
    @Override
    public void open(int flags) {
        if ((flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY || (flags & OpenFile.O_TRUNC) != 0) {
            writable();
        }
    }

    @Override
    public int read(long offset, byte[] buffer, int at, int length) {
        return file().read(offset, buffer, at, length);
    }

    @Override
    public int write(long offset, byte[] buffer, int at, int length) {
        return writable().write(offset, buffer, at, length);
    }

    @Override
    public void truncate(long length) {
        writable().truncate(length);
    }

    @Override
    public byte[] content() {
        return file().content();
    }

    @Override
    public void setContent(String text) {
        writable().setContent(text);
    }

    @Override
    public long size() {
        return file().size();
    }

    @Override
    public long blocks() {
        return file().blocks();
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
        return file().mode();
    }

    @Override
    public void chmod(int permissions) {
        writable().chmod(permissions);
    }

    @Override
    public int uid() {
        return file().uid();
    }

    @Override
    public int gid() {
        return file().gid();
    }

    @Override
    public void chown(int newUid, int newGid) {
        writable().chown(newUid, newGid);
    }

    @Override
    public int nlink() {
        return file().nlink();
    }

    @Override
    public long mtimeTicks() {
        return file().mtimeTicks();
    }

    @Override
    public void touch(long ticks) {
        writable().touch(ticks);
    }
}
