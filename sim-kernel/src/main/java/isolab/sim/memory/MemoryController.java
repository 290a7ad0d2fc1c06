package isolab.sim.memory;

import isolab.sim.cgroup.Cftype;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Controller;
import isolab.sim.cgroup.Hierarchy;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import java.util.List;

/**
 * The memory controller as the cgroup core sees it (mm/memcontrol.c: memory_cgrp_subsys): the v1
 * memory.* files of {@link MemoryFiles}. It never refuses a fork, and a move carries no charge
 * (memory.move_charge_at_immigrate is 0: pages stay charged where they were charged), so the
 * charging itself lives in {@link Memory}, which page faults and the page cache call.
 */
public final class MemoryController implements Controller {

    private List<Cftype> files;

    @Override
    public List<Cftype> files(Kernel kernel, Hierarchy hierarchy) {
        Memory memory = kernel.memory();
        if (memory.hierarchy() != hierarchy) {
            return List.of();       // v2's memory.* files are not modelled yet
        }
        if (files == null) {
            files = MemoryFiles.v1(memory);
        }
        return files;
    }

    /** mem_cgroup_css_alloc: a new cgroup of the memory hierarchy has its memcg (and so its files' state) at once. */
    @Override
    public void created(Kernel kernel, Cgroup cgroup) {
        if (kernel.memory().hierarchy() == cgroup.hierarchy()) {
            kernel.memory().memcg(cgroup);
        }
    }

    @Override
    public void canFork(Task parent, Cgroup css) {
    }

    @Override
    public void attach(Task task, Cgroup from, Cgroup to) {
    }

    @Override
    public void online(Kernel kernel, Cgroup css) {
    }
}
