package isolab.sim.cgroup;

import isolab.api.CgroupEvent;
import isolab.api.CgroupVersion;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every cgroup hierarchy of the machine and the core rules for changing them
 * (kernel/cgroup/cgroup.c, cgroup-v1.c; Documentation/admin-guide/cgroup-v1/cgroups.rst): a
 * task is in exactly one cgroup of each hierarchy, a child starts in its parent's cgroups, moving
 * a task changes one hierarchy and only that task, and a cgroup can be removed only while no live
 * task is in it and it has no children (EBUSY).
 *
 * <p>The hierarchies are those of docs/MACHINE.md: on a v1 machine one per controller (ids 1-8:
 * cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids), the named {@code systemd} one (9)
 * and the default hierarchy (0) with the controllers no v1 hierarchy has; on a v2 machine the
 * default hierarchy alone, with every controller.
 */
public final class Cgroups {

    /** The v1 hierarchies in id order, as the lab machines' kernel numbers them (docs/MACHINE.md). */
    static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio",
            "pids");

    /** Newest first, the default hierarchy last: the order of the kernel's cgroup_roots list (for_each_root). */
    private final List<Hierarchy> hierarchies = new ArrayList<>();
    private final CssSet initial;

    /** The hierarchies of a machine with the {@code layout} of docs/MACHINE.md, every task at their roots. */
    public Cgroups(CgroupVersion layout) {
        List<Subsys> unbound = new ArrayList<>();
        if (layout == CgroupVersion.V1) {
            for (int i = 0; i < V1_CONTROLLERS.size(); i++) {
                hierarchies.add(0, new Hierarchy(i + 1, List.of(Subsys.of(V1_CONTROLLERS.get(i))), null, true));
            }
            hierarchies.add(0, new Hierarchy(V1_CONTROLLERS.size() + 1, List.of(), "systemd", false));
        }
        for (String name : Subsys.ALL) {
            if (layout == CgroupVersion.V2 || !V1_CONTROLLERS.contains(name)) {
                unbound.add(Subsys.of(name));
            }
        }
        // A v2 machine is shown as a v2 host's root: real sandboxes on v2 hosts are not built yet
        // (real-runtime refuses them), so there is no measured sandbox root to copy.
        hierarchies.add(new Hierarchy(0, unbound, null, false));
        List<Cgroup> roots = new ArrayList<>();
        for (Hierarchy h : hierarchies) {
            roots.add(h.root());
        }
        initial = new CssSet(roots);
    }

    /** Every hierarchy, in the order /proc/PID/cgroup lists them. */
    public List<Hierarchy> hierarchies() {
        return List.copyOf(hierarchies);
    }

    /** The hierarchy with {@code id}, or null. */
    public Hierarchy hierarchy(int id) {
        for (Hierarchy h : hierarchies) {
            if (h.id() == id) {
                return h;
            }
        }
        return null;
    }

    /** The hierarchy a controller is bound to, or null if this kernel has no such controller. */
    public Hierarchy hierarchyOf(String controller) {
        for (Hierarchy h : hierarchies) {
            for (Subsys ss : h.subsystems()) {
                if (ss.legacyName().equals(controller)) {
                    return h;
                }
            }
        }
        return null;
    }

    /** The cgroups init starts in: every hierarchy's root. */
    public CssSet initial() {
        return initial;
    }

    /**
     * mkdir in a cgroup directory (cgroup_mkdir): a new child named {@code name}, owned by the
     * creator's fsuid and fsgid. EEXIST if the name is taken (by a child or a control file, which
     * the caller checks), EINVAL for a name with a newline (it would break /proc/PID/cgroup),
     * ENOENT in a removed cgroup.
     */
    public Cgroup mkdir(Task creator, Cgroup parent, String name) {
        Cgroup child = mkdir(parent, name, creator.cred().fsuid(), creator.cred().fsgid());
        for (Subsys ss : child.hierarchy().subsystems()) {
            if (ss.controller() != null && css(child, ss) == child) {
                ss.controller().created(creator.kernel(), child);
            }
        }
        creator.kernel().emit(new CgroupEvent.Created(child.hierarchy().procName(), child.path(), creator.pid()));
        return child;
    }

    /** mkdir without an event, for building trees in tests and at boot (see {@link #mkdir(Task, Cgroup, String)}). */
    public Cgroup mkdir(Cgroup parent, String name, int uid, int gid) {
        if (parent.isDead()) {
            throw new SysException(Errno.ENOENT);
        }
        if (name.indexOf('\n') >= 0) {
            throw new SysException(Errno.EINVAL);
        }
        if (parent.child(name) != null) {
            throw new SysException(Errno.EEXIST);
        }
        Cgroup child = new Cgroup(parent.hierarchy(), parent, name, parent.hierarchy().allocateId(), uid, gid);
        parent.addChild(child);
        return child;
    }

    /**
     * rmdir of a cgroup directory by {@code remover} (cgroup_rmdir, cgroup_destroy_locked): EBUSY while a live task
     * is in it or it has children; a root cannot be removed (it is a mount's root: EBUSY).
     */
    public void rmdir(Task remover, Cgroup cgroup) {
        Kernel kernel = remover.kernel();
        if (cgroup.isRoot() || !tasks(kernel, cgroup).isEmpty() || !cgroup.children().isEmpty()) {
            throw new SysException(Errno.EBUSY);
        }
        String path = cgroup.path();
        cgroup.kill();
        kernel.emit(new CgroupEvent.Removed(cgroup.hierarchy().procName(), path, remover.pid()));
    }

    /**
     * Moves {@code task} into {@code cgroup} on behalf of {@code by} (cgroup_attach_task), in that cgroup's hierarchy
     * only: its children stay where they are. A task that is exiting is left alone, as
     * cgroup_migrate_add_task skips it. ENODEV if the cgroup was removed meanwhile.
     */
    public void attach(Task task, Cgroup cgroup, Task by) {
        if (cgroup.isDead()) {
            throw new SysException(Errno.ENODEV);
        }
        if (!live(task) || task.cgroups().in(cgroup.hierarchy()) == cgroup) {
            return;     // an exiting task is skipped; one already there does not move
        }
        Cgroup from = task.cgroups().in(cgroup.hierarchy());
        for (Subsys ss : cgroup.hierarchy().subsystems()) {
            if (ss.controller() != null) {
                ss.controller().attach(task, css(from, ss), css(cgroup, ss));
            }
        }
        task.setCgroups(task.cgroups().with(cgroup));
        task.kernel().emit(new CgroupEvent.Attached(task.pid(), cgroup.hierarchy().procName(), cgroup.path(), by.pid()));
    }

    /**
     * cgroup_can_fork: every controller of every hierarchy may refuse the fork of a child of
     * {@code parent} into the parent's cgroups (pids: EAGAIN). Called after the child's PID was
     * allocated, as copy_process does.
     */
    public void canFork(Task parent) {
        for (Hierarchy h : hierarchies) {
            for (Subsys ss : h.subsystems()) {
                if (ss.controller() != null) {
                    ss.controller().canFork(parent, css(parent.cgroups().in(h), ss));
                }
            }
        }
    }

    /**
     * The cgroup whose state of controller {@code ss} governs the tasks of {@code cgroup}
     * (cgroup_e_css): on v1 the cgroup itself; on v2 the nearest one, from the cgroup up, that
     * has the controller - the root, or one whose parent enables it in cgroup.subtree_control.
     */
    public static Cgroup css(Cgroup cgroup, Subsys ss) {
        if (!cgroup.hierarchy().isDefault() || ss.v2Name() == null) {
            return cgroup;
        }
        Cgroup c = cgroup;
        while (!c.isRoot() && !c.parent().subtreeControl().contains(ss.v2Name())) {
            c = c.parent();
        }
        return c;
    }

    /** The live tasks in {@code cgroup} itself, by machine PID (css_task_iter skips exiting tasks). */
    public List<Task> tasks(Kernel kernel, Cgroup cgroup) {
        List<Task> in = new ArrayList<>();
        for (Task t : kernel.pids().all()) {
            if (live(t) && t.cgroups().in(cgroup.hierarchy()) == cgroup) {
                in.add(t);
            }
        }
        return in;
    }

    /** Whether a live task is in {@code cgroup} or below it (cgroup_is_populated). */
    public boolean populated(Kernel kernel, Cgroup cgroup) {
        for (Task t : kernel.pids().all()) {
            if (live(t) && cgroup.isAncestorOf(t.cgroups().in(cgroup.hierarchy()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a task still counts as a member: not exiting and not a zombie (PF_EXITING). */
    public static boolean live(Task task) {
        return !task.exiting() && task.state() != TaskState.ZOMBIE && task.state() != TaskState.DEAD;
    }

    /**
     * The path of {@code to} seen from {@code from}, both in one hierarchy
     * (fs/kernfs/dir.c: kernfs_path_from_node): {@code /} if they are the same; otherwise one
     * {@code /..} per level from {@code from} up to their common ancestor, then {@code /name} per
     * level down to {@code to}. This is how a cgroup namespace shows cgroups outside its root.
     */
    public static String pathFrom(Cgroup from, Cgroup to) {
        if (from == to) {
            return "/";
        }
        Cgroup common = from;
        while (!common.isAncestorOf(to)) {
            common = common.parent();
        }
        StringBuilder s = new StringBuilder();
        for (Cgroup c = from; c != common; c = c.parent()) {
            s.append("/..");
        }
        List<String> down = new ArrayList<>();
        for (Cgroup c = to; c != common; c = c.parent()) {
            down.add(0, c.name());
        }
        for (String name : down) {
            s.append('/').append(name);
        }
        return s.toString();
    }
}
