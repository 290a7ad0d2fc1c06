package isolab.sim.cgroup;

import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import java.util.List;

/**
 * What a controller adds to the cgroup core (include/linux/cgroup-defs.h: the callbacks of
 * struct cgroup_subsys): its control files, a say in every fork (can_fork), and a hand in every
 * migration (can_attach). Each callback gets the controller's own cgroup ("css") of the tasks
 * involved: on v2 the nearest cgroup, from the task's up, where the controller is enabled.
 */
public interface Controller {

    /** The control files, named with the controller's prefix: legacy_cftypes on v1, dfl_cftypes on v2. */
    List<Cftype> files(Kernel kernel, Hierarchy hierarchy);

    /**
     * can_fork: {@code parent} forks a child into {@code css}; throws SysException to refuse the
     * fork (the core has already allocated the child's PID by then, as copy_process does).
     */
    void canFork(Task parent, Cgroup css);

    /** can_attach: {@code task} moves from {@code from} to {@code to}; a controller may not refuse here. */
    void attach(Task task, Cgroup from, Cgroup to);

    /**
     * v2: cgroup.subtree_control enabled the controller for {@code css}, and the tasks below it
     * that the parent's state governed until now move to css's own (cgroup_apply_control).
     */
    void online(Kernel kernel, Cgroup css);

    /**
     * css_alloc at mkdir (cgroup_mkdir: cgroup_apply_control_enable): {@code cgroup} was just made
     * and has this controller's state from now on (v1; on v2 where its parent enables it).
     */
    default void created(Kernel kernel, Cgroup cgroup) {
    }
}
