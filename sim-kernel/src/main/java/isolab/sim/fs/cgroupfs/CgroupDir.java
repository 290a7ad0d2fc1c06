package isolab.sim.fs.cgroupfs;

import isolab.sim.cgroup.Cftype;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.CoreFiles;
import isolab.sim.cgroup.Subsys;
import isolab.sim.fs.Caller;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.KernfsDirectory;
import isolab.sim.fs.SuperBlock;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The directory of one cgroup: its control files (the core's and its hierarchy's controllers')
 * and one directory per child. mkdir makes a child cgroup, rmdir removes one (EBUSY while it has
 * tasks or children). Owned by whoever made the cgroup; {@code 2 + children} links, size 0.
 */
public final class CgroupDir extends Directory implements KernfsDirectory {

    private final Kernel kernel;
    private final Cgroup cgroup;

    CgroupDir(Kernel kernel, SuperBlock sb, Cgroup cgroup, CgroupDir parent) {
        super(sb, cgroup.id(), 0755, parent);
        this.kernel = kernel;
        this.cgroup = cgroup;
        setName(cgroup.name());
        chown(cgroup.ownerUid(), cgroup.ownerGid());
        touch(kernel.clock().nowTicks());
    }

    /** The cgroup this directory shows. */
    public Cgroup cgroup() {
        return cgroup;
    }

    /** The control files of this cgroup, by name. */
    private TreeMap<String, Cftype> files() {
        TreeMap<String, Cftype> files = new TreeMap<>();
        if (cgroup.isDead()) {
            return files;
        }
        for (Cftype cft : CoreFiles.of(kernel, cgroup.hierarchy())) {
            if (cft.appearsIn(cgroup)) {
                files.put(cft.name(), cft);
            }
        }
        for (Subsys ss : cgroup.hierarchy().subsystems()) {
            if (!hasCss(ss)) {
                continue;
            }
            for (Cftype cft : ss.files(kernel, cgroup.hierarchy())) {
                if (cft.appearsIn(cgroup)) {
                    files.put(cft.name(), cft);
                }
            }
        }
        return files;
    }

    /**
     * Whether the cgroup has the controller's state, and so its files: always on v1; on v2 at
     * the root and where the parent enables the controller in cgroup.subtree_control.
     */
    private boolean hasCss(Subsys ss) {
        return !cgroup.hierarchy().isDefault() || cgroup.isRoot() || ss.v2Name() != null &&
                cgroup.parent().subtreeControl().contains(ss.v2Name());
    }

    @Override
    public Inode lookup(String name, Caller caller) {
        Cgroup child = cgroup.child(name);
        if (child != null) {
            return CgroupFs.dirOf(kernel, child);
        }
        List<String> names = new ArrayList<>(files().keySet());
        int index = names.indexOf(name);
        if (index < 0) {
            return null;
        }
        CgroupFile file = new CgroupFile(sb(), (cgroup.id() << 8) + 128 + index, cgroup, files().get(name));
        file.chown(cgroup.ownerUid(), cgroup.ownerGid());
        file.touch(mtimeTicks());
        return file;
    }

    @Override
    public List<String> names(Caller caller) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        files().keySet().forEach(n -> names.put(n, true));
        cgroup.children().forEach(c -> names.put(c.name(), true));
        return new ArrayList<>(names.keySet());
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public int nlink() {
        return 2 + cgroup.children().size();
    }

    @Override
    public long size() {
        return 0;
    }

    /** cgroup_mkdir: a control file's name is taken (EEXIST); the rest is the cgroup core's. */
    @Override
    public void mkdir(String name, int mode, Caller caller) {
        if (files().containsKey(name)) {
            throw new SysException(Errno.EEXIST);
        }
        Cgroup child = kernel.cgroups().mkdir((Task) caller, cgroup, name);
        CgroupFs.dirOf(kernel, child).chmod(mode);
    }

    /** cgroup_rmdir: ENOTDIR for a control file, ENOENT for no such name; the rest is the cgroup core's. */
    @Override
    public void rmdir(String name, Caller caller) {
        Cgroup child = cgroup.child(name);
        if (child == null) {
            throw new SysException(files().containsKey(name) ? Errno.ENOTDIR : Errno.ENOENT);
        }
        kernel.cgroups().rmdir((Task) caller, child);
    }
}
