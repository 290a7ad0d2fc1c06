package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory: names mapped to inodes, and the parent for {@code ..}. Ordinary directories keep
 * their entries in memory (tmpfs, the root filesystem); rendered ones (procfs) override
 * {@link #lookup} and {@link #names} to build entries from the model as they are read.
 */
public class Directory extends Inode {

    private Directory parent;
    private String name = "/";
    /** Overlay only: whether the directory is in the image (lower layer), and its names in the upper layer. */
    private boolean inLower;
    private java.util.TreeSet<String> lowerNames;
    private java.util.TreeSet<String> upperNames;
    private final TreeMap<String, Inode> entries = new TreeMap<>();

    public Directory(SuperBlock sb, long ino, int permissions, Directory parent) {
        super(sb, ino, S_IFDIR | permissions);
        this.parent = parent == null ? this : parent;
        setNlink(2);
    }

    /** The directory {@code ..} names within this filesystem; the root is its own parent. */
    public Directory parent() {
        return parent;
    }

    /** The name this directory has in its parent ({@code /} for a root). */
    public String name() {
        return name;
    }

    /** Names a rendered directory, which is never linked. */
    protected void setName(String name) {
        this.name = name;
    }

    /** The entry called {@code name} for {@code caller}, or null if there is none. */
    public Inode lookup(String name, Caller caller) {
        return entries.get(name);
    }

    /** The names in this directory for {@code caller}, in the order readdir returns them. */
    public List<String> names(Caller caller) {
        return new ArrayList<>(entries.keySet());
    }

    /** Whether names can be added and removed (false for rendered directories). */
    public boolean writable() {
        return true;
    }

    /** Adds {@code name -> inode}; EEXIST if the name is taken. */
    public void link(String name, Inode inode) {
        if (!writable()) {
            throw new SysException(Errno.EPERM);
        }
        if (entries.containsKey(name)) {
            throw new SysException(Errno.EEXIST);
        }
        entries.put(name, inode);
        if (overlayBooted()) {
            copyUp();
            upperNames.add(name);
            if (inode instanceof Directory d && !d.inLower) {
                d.upperNames = new java.util.TreeSet<>();
            }
        }
        if (inode instanceof Directory dir) {
            dir.parent = this;
            dir.name = name;
            setNlink(nlink() + 1);
        } else {
            inode.setNlink(inode.nlink() + 1);
        }
    }

    /**
     * Adds the newly made {@code made} as {@code name} (inode_operations create, mkdir, symlink):
     * returns the object as this directory shows it, which is {@code made} itself except on a
     * filesystem that stacks on others (overlayfs makes it in its upper layer).
     */
    public Inode create(String name, Inode made) {
        link(name, made);
        return made;
    }

    /**
     * Moves {@code name} to {@code newName} in {@code newDir} of the same filesystem, replacing what
     * is there (inode_operations rename); the caller has checked types and emptiness.
     */
    public void rename(String name, Directory newDir, String newName) {
        Inode moving = lookup(name, null);
        if (moving == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (newDir.lookup(newName, null) != null) {
            newDir.unlink(newName);
        }
        unlink(name);
        newDir.link(newName, moving);
    }

    /** Removes {@code name}; ENOENT if absent. */
    public Inode unlink(String name) {
        if (!writable()) {
            throw new SysException(Errno.EPERM);
        }
        Inode removed = entries.remove(name);
        if (removed == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (overlayBooted()) {
            copyUp();
            // A name from the image leaves a whiteout in the upper layer; an upper-only name goes.
            if (lowerNames != null && lowerNames.contains(name)) {
                upperNames.add(name);
            } else {
                upperNames.remove(name);
            }
        }
        if (removed instanceof Directory) {
            setNlink(nlink() - 1);
        } else {
            removed.setNlink(Math.max(0, removed.nlink() - 1));
            if (removed.nlink() == 0 && removed instanceof RegularFile f && f.inMemory()) {
                f.mapping().truncate(0);    // shmem_evict_inode (open files are not waited for)
            }
        }
        return removed;
    }

    /** Whether the directory has no entries. */
    public boolean isEmpty(Caller caller) {
        return names(caller).isEmpty();
    }

    /** The stored entries, for filesystems that build trees. */
    protected Map<String, Inode> entries() {
        return entries;
    }

    private boolean overlayBooted() {
        return sb().fsType().equals("overlay") && sb().sealed();
    }

    /** Overlay copy-up of a directory: it (and its parents) get a directory in the upper layer. */
    private void copyUp() {
        if (upperNames != null) {
            return;
        }
        upperNames = new java.util.TreeSet<>();
        if (parent != this) {
            parent.copyUp();
            parent.upperNames.add(name);
        }
    }

    /** Marks this directory and everything below it as the image (lower layer); called once at boot. */
    public void sealAsLower() {
        inLower = true;
        lowerNames = new java.util.TreeSet<>(entries.keySet());
        for (Inode child : entries.values()) {
            if (child instanceof Directory d && d != this) {
                d.sealAsLower();
            }
        }
    }

    /** Puts {@code names} of this directory into the upper layer (what the sandbox writes at start). */
    public void inUpper(String... names) {
        copyUp();
        upperNames.addAll(java.util.List.of(names));
    }

    /** Overlay: a merged directory (in both layers) reports one link (fs/overlayfs/inode.c: ovl_getattr). */
    @Override
    public int nlink() {
        if (sb().fsType().equals("overlay") && inLower && upperNames != null) {
            return 1;
        }
        return super.nlink();
    }

    /** BOGO_DIRENT_SIZE: what tmpfs counts per directory entry in a directory's size (mm/shmem.c). */
    private static final int BOGO_DIRENT_SIZE = 20;

    /**
     * A disk directory is one 4 KiB block; a tmpfs (or mqueue) directory reports 20 bytes per entry,
     * "." and ".." included; rendered filesystems report 0.
     */
    @Override
    public long size() {
        String type = sb().fsType();
        if (type.equals("tmpfs") || type.equals("mqueue")) {
            return (long) BOGO_DIRENT_SIZE * (entries.size() + 2);
        }
        if (type.equals("overlay") && upperNames != null) {
            // Overlay reports a directory of the upper layer (a tmpfs here) as that directory.
            return (long) BOGO_DIRENT_SIZE * (upperNames.size() + 2);
        }
        return inMemoryFs() ? 0 : 4096;
    }

    @Override
    public long blocks() {
        return inMemoryFs() || upperNames != null ? 0 : 8;
    }
}
