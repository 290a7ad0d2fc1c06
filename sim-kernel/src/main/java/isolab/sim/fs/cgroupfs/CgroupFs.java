package isolab.sim.fs.cgroupfs;

import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Cgroups;
import isolab.sim.cgroup.Hierarchy;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Mount;
import isolab.sim.fs.SuperBlock;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.CgroupNamespace;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.TreeSet;

/**
 * Mounting cgroupfs (kernel/cgroup/cgroup-v1.c: cgroup1_get_tree, cgroup1_root_to_use;
 * cgroup.c: cgroup_show_path): which hierarchy a mount's options name, its one superblock, and
 * the directory a mount shows - the caller's cgroup namespace root.
 */
public final class CgroupFs {

    private CgroupFs() {
    }

    /** The superblock of {@code hierarchy}, made on first use: {@code cgroup} (v1) or {@code cgroup2}. */
    public static SuperBlock superBlock(Kernel kernel, Hierarchy hierarchy) {
        if (hierarchy.superBlock() != null) {
            return hierarchy.superBlock();
        }
        String type = hierarchy.isDefault() ? "cgroup2" : "cgroup";
        SuperBlock sb = new SuperBlock(type, type, kernel.nextAnonDevice(), hierarchy.superOptions(), 1);
        sb.setOwner(hierarchy);
        hierarchy.setSuperBlock(sb);
        sb.setRoot(dirOf(kernel, hierarchy.root()));
        return sb;
    }

    /** The directory that shows {@code cgroup}, made on first use (its parent's first). */
    public static CgroupDir dirOf(Kernel kernel, Cgroup cgroup) {
        if (cgroup.kn() != null) {
            return (CgroupDir) cgroup.kn();
        }
        CgroupDir parent = cgroup.isRoot() ? null : dirOf(kernel, cgroup.parent());
        SuperBlock sb = superBlock(kernel, cgroup.hierarchy());
        CgroupDir dir = new CgroupDir(kernel, sb, cgroup, parent);
        cgroup.setKn(dir);
        return dir;
    }

    /**
     * The hierarchy a cgroup mount asks for: {@code cgroup2} the default one; {@code cgroup} the v1
     * hierarchy whose controllers (and {@code name=}) are exactly those listed in {@code data}
     * (every v1 controller when none is listed). An existing name with other controllers is
     * EBUSY, {@code none} without a name EINVAL, an unknown controller ENOENT; anything else would
     * make a new hierarchy, which the machine's cgroup namespace may not (EPERM). Returns the
     * mount's root: the caller's cgroup namespace root there.
     */
    public static Directory mountRoot(Kernel kernel, Task caller, String fsType, String data) {
        Hierarchy hierarchy = "cgroup2".equals(fsType) ? kernel.cgroups().hierarchy(0) : v1Hierarchy(kernel, data);
        return rootFor(kernel, superBlock(kernel, hierarchy), caller);
    }

    /** get_tree of {@code cgroup} and {@code cgroup2} (FileSystems): the hierarchy's one superblock. */
    public static SuperBlock getTree(isolab.sim.fs.mount.FileSystems.Request r, String fsType) {
        return mountRoot(r.kernel(), r.task(), fsType, r.data()).sb();
    }

    /**
     * The root of a new mount of {@code sb} (fc->root): for cgroupfs the caller's cgroup namespace
     * root in that hierarchy; null for any other filesystem (whose root is its superblock's).
     */
    public static Directory rootFor(Kernel kernel, SuperBlock sb, Task caller) {
        if (!(sb.owner() instanceof Hierarchy hierarchy)) {
            return null;
        }
        CgroupNamespace ns = (CgroupNamespace) caller.nsproxy().cgroup();
        return dirOf(kernel, ns.root(hierarchy));
    }

    private static Hierarchy v1Hierarchy(Kernel kernel, String data) {
        TreeSet<String> wanted = new TreeSet<>();
        String name = null;
        boolean none = false;
        for (String option : data == null ? new String[0] : data.split(",")) {
            if (option.isEmpty() || option.equals("rw") || option.equals("ro") || option.equals("noprefix")
                    || option.equals("clone_children") || option.equals("xattr") || option.equals("all")) {
                continue;
            }
            if (option.equals("none")) {
                none = true;
            } else if (option.startsWith("name=")) {
                name = option.substring(5);
            } else if (kernel.cgroups().hierarchyOf(option) == null) {
                throw new SysException(Errno.ENOENT);   // cgroup1_parse_param: unknown subsys name
            } else {
                wanted.add(option);
            }
        }
        if (none && (!wanted.isEmpty() || name == null)) {
            throw new SysException(Errno.EINVAL);   // cgroup1_parse_param: "none" needs a name and no controllers
        }
        for (Hierarchy h : kernel.cgroups().hierarchies()) {
            if (h.isDefault()) {
                continue;
            }
            TreeSet<String> bound = new TreeSet<>();
            h.subsystems().forEach(ss -> bound.add(ss.legacyName()));
            boolean sameName = name == null ? h.name() == null : name.equals(h.name());
            if (sameName && bound.equals(wanted)) {
                return h;
            }
            if (name != null && name.equals(h.name())) {
                throw new SysException(Errno.EBUSY);  // cgroup1_root_to_use: that name with other controllers
            }
        }
        // No such hierarchy: a new one would be made, which only the initial cgroup namespace may
        // do - and the machine's processes are in the sandbox's own (docs/MACHINE.md; measured: EPERM).
        throw new SysException(Errno.EPERM);
    }

    /**
     * mountinfo's root field of a cgroup mount (cgroup_show_path): the mount's root cgroup as the
     * reader's cgroup namespace sees it; null for a mount that is not cgroupfs.
     */
    public static String showPath(Mount mount, Task reader) {
        if (!(mount.sb().owner() instanceof Hierarchy hierarchy) || !(mount.root() instanceof CgroupDir dir)) {
            return null;
        }
        CgroupNamespace ns = (CgroupNamespace) reader.nsproxy().cgroup();
        return Cgroups.pathFrom(ns.root(hierarchy), dir.cgroup());
    }
}
