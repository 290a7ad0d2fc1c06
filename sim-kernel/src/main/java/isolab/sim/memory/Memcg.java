package isolab.sim.memory;

import isolab.sim.cgroup.Cgroup;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory cgroup (mm/memcontrol.c: struct mem_cgroup): its {@code memory} page counter, its
 * lruvec, its statistics and its v1 OOM settings. Memcgs form their own tree, parallel to the
 * memory hierarchy's cgroups, that keeps a removed cgroup's memcg as long as pages are charged to
 * it (an offline memcg), so that its parent's reclaim still finds them, as mem_cgroup_iter does.
 */
public final class Memcg {

    final Cgroup cgroup;
    final Memcg parent;
    final List<Memcg> children = new ArrayList<>();
    final PageCounter memory;
    /** v1 memory+swap (memsw): charged with memory; with no swap on the machine its usage equals memory's. */
    final PageCounter memsw;
    final Lruvec lruvec = new Lruvec();
    /** Pages by what they hold (memcg_page_state: NR_FILE_PAGES, NR_ANON_MAPPED, NR_SHMEM, NR_FILE_MAPPED). */
    long cachePages;
    long rssPages;
    long shmemPages;
    long mappedFilePages;
    /** Events (memcg_events: PGPGIN, PGPGOUT, PGFAULT, PGMAJFAULT, WORKINGSET_REFAULT_*). */
    long pgpgin;
    long pgpgout;
    long pgfault;
    long pgmajfault;
    long workingsetRefaultAnon;
    long workingsetRefaultFile;
    long workingsetActivateFile;
    long workingsetRestoreFile;
    /** lruvec->nonresident_age: evictions and activations here and below (mm/workingset.c). */
    long nonresidentAge;
    /** v1 OOM control (memcontrol-v1.c: oom_kill_disable, under_oom) and the MEMCG_OOM_KILL count. */
    boolean oomKillDisable;
    int underOom;
    long oomKill;
    int swappiness = 60;
    long softLimitPages = PageCounter.MAX;
    /** Where the last limit reclaim of this memcg's subtree stopped (the shared mem_cgroup_iter position). */
    Memcg reclaimPosition;
    /** The subtree's WORKINGSET_ACTIVATE_FILE at the last reclaim of this target (lruvec->refaults, for may_deactivate). */
    long refaultsSnapshot;

    Memcg(Cgroup cgroup, Memcg parent) {
        this.cgroup = cgroup;
        this.parent = parent;
        this.memory = new PageCounter(parent == null ? null : parent.memory, this);
        this.memsw = new PageCounter(parent == null ? null : parent.memsw, this);
        if (parent != null) {
            // memcontrol-v1.c: mem_cgroup_css_alloc: v1 children inherit these from their parent.
            oomKillDisable = parent.oomKillDisable;
            swappiness = parent.swappiness;
            int at = 0;
            while (at < parent.children.size() && parent.children.get(at).cgroup.id() < cgroup.id()) {
                at++;
            }
            parent.children.add(at, this);
        }
    }

    /** The cgroup this memcg belongs to (it may have been removed). */
    public Cgroup cgroup() {
        return cgroup;
    }

    /** The parent memcg; null for the machine's root. */
    public Memcg parent() {
        return parent;
    }

    /** The {@code memory} counter. */
    public PageCounter memory() {
        return memory;
    }

    /** The {@code memsw} counter (memory+swap). */
    public PageCounter memsw() {
        return memsw;
    }

    public Lruvec lruvec() {
        return lruvec;
    }

    /** Page cache and shmem pages charged here (memory.stat cache). */
    public long cachePages() {
        return cachePages;
    }

    /** Anonymous pages charged here (memory.stat rss). */
    public long rssPages() {
        return rssPages;
    }

    /** v1 memory.oom_control's oom_kill: processes of this memcg the OOM killer killed. */
    public long oomKill() {
        return oomKill;
    }

    /**
     * The subtree in pre-order, this memcg first (css_next_descendant_pre, the order
     * mem_cgroup_iter walks), offline memcgs included; children in the order they were made.
     */
    public List<Memcg> subtree() {
        List<Memcg> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Memcg m, List<Memcg> out) {
        out.add(m);
        for (Memcg c : m.children) {
            collect(c, out);
        }
    }

    /** Whether {@code other} is this memcg or below it (mem_cgroup_is_descendant). */
    public boolean isAncestorOf(Memcg other) {
        for (Memcg m = other; m != null; m = m.parent) {
            if (m == this) {
                return true;
            }
        }
        return false;
    }

    /** WORKINGSET_ACTIVATE_FILE of the whole subtree (lruvec_page_state of the target). */
    long totalWorkingsetActivateFile() {
        long n = 0;
        for (Memcg m : subtree()) {
            n += m.workingsetActivateFile;
        }
        return n;
    }

    /** Pages on {@code lru} in the whole subtree (the total_* lines, lruvec_page_state of the target). */
    public long totalLru(Lru lru) {
        long n = 0;
        for (Memcg m : subtree()) {
            n += m.lruvec.size(lru);
        }
        return n;
    }

    /** The machine path of its cgroup, {@code /} for the root. */
    public String path() {
        return cgroup.path();
    }

    @Override
    public String toString() {
        return "memcg " + path();
    }
}
