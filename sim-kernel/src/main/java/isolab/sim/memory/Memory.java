package isolab.sim.memory;

import isolab.api.MemoryEvent;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Hierarchy;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import java.util.TreeMap;

/**
 * The machine's memory: the memcg of every memory cgroup, the anonymous memory of every process,
 * and the LRU bookkeeping every folio goes through (mm/memcontrol.c, mm/swap.c). Charging is
 * {@link Charge}, reclaim {@link Reclaim}, the OOM killer {@link OomKill}.
 *
 * <p>The machine's root memory cgroup is the sandbox's cgroup, a child on the host
 * (docs/MACHINE.md), so unlike Linux's root memcg it is charged and has a limit: 512 MiB.
 */
public final class Memory {

    /** PAGE_SIZE: the machine has 4 KiB pages. */
    public static final int PAGE_SIZE = 4096;

    /** The sandbox's memory.limit_in_bytes (docs/MACHINE.md: Limits). */
    public static final long MACHINE_LIMIT_BYTES = 512L << 20;

    private final Kernel kernel;
    private final Hierarchy hierarchy;
    private final Memcg root;
    private final TreeMap<Long, Memcg> memcgs = new TreeMap<>();
    private final TreeMap<Integer, Mm> mms = new TreeMap<>();
    /** Tasks waiting in a memcg OOM with the killer disabled (memcg_oom_waitq). */
    final isolab.sim.sched.WaitQueue oomWait = new isolab.sim.sched.WaitQueue();
    /** OOM victims that have not exited yet (tsk_is_oom_victim without MMF_OOM_SKIP). */
    final java.util.List<Task> victims = new java.util.ArrayList<>();

    /** The memory of {@code kernel}'s machine; on a v2 machine (no v1 memory hierarchy) charges go nowhere. */
    public Memory(Kernel kernel) {
        this.kernel = kernel;
        Hierarchy h = kernel.cgroups().hierarchyOf("memory");
        this.hierarchy = h != null && !h.isDefault() ? h : null;
        if (hierarchy != null) {
            root = new Memcg(hierarchy.root(), null);
            memcgs.put(hierarchy.root().id(), root);
            if (hierarchy.delegated()) {
                root.memory.setMax(MACHINE_LIMIT_BYTES / PAGE_SIZE);
            }
        } else {
            root = null;
        }
        kernel.onExit(this::exitMm);
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The v1 memory hierarchy, or null on a v2 machine. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** The memcg of the memory hierarchy's root cgroup; null on a v2 machine. */
    public Memcg root() {
        return root;
    }

    /** The memcg of {@code cgroup} (made when first needed, with its ancestors: mem_cgroup_css_alloc). */
    public Memcg memcg(Cgroup cgroup) {
        Memcg m = memcgs.get(cgroup.id());
        if (m == null) {
            m = new Memcg(cgroup, memcg(cgroup.parent()));
            memcgs.put(cgroup.id(), m);
        }
        return m;
    }

    /** The memcg {@code task} charges to (mem_cgroup_from_task); null when memory is not accounted. */
    public Memcg memcgOf(Task task) {
        if (hierarchy == null) {
            return null;
        }
        return memcg(task.cgroups().in(hierarchy));
    }

    /** Whether the root of the hierarchy is charged: only if it is a delegated (sandbox) root (mem_cgroup_is_root). */
    boolean charges(Memcg m) {
        return m != null && (m.parent != null || hierarchy.delegated());
    }

    /** The anonymous memory of {@code task}, made at first use. */
    public Mm mm(Task task) {
        return mms.computeIfAbsent(task.pid(), pid -> new Mm(this, task));
    }

    /** The anonymous memory of {@code task} if it has any, else null. */
    public Mm mmIfAny(Task task) {
        Mm mm = mms.get(task.pid());
        return mm != null && mm.task() == task ? mm : null;
    }

    /**
     * get_mm_rss of {@code task}: the pages its program has resident anyway ({@link ProgramRss},
     * not charged) plus the pages it faulted in; 0 once it has exited.
     */
    public long rssPages(Task task) {
        if (task.exiting() || task.state() == isolab.sim.process.TaskState.ZOMBIE
                || task.state() == isolab.sim.process.TaskState.DEAD) {
            return 0;
        }
        Mm mm = mmIfAny(task);
        return ProgramRss.basePages(task.comm()) + (mm == null ? 0 : mm.rssPages());
    }

    /** exec_mmap: a task that execs drops its old address space, and with it the pages it faulted in. */
    public void execMm(Task task) {
        exitMm(task);
    }

    /** exit_mmap: a task that exits frees its anonymous memory. */
    private void exitMm(Task task) {
        if (task.exiting()) {
            victims.remove(task);
        }
        Mm mm = mmIfAny(task);
        if (mm != null) {
            mms.remove(task.pid());
            mm.release();
        }
    }

    // ---- the LRU (mm/swap.c) ----------------------------------------------------------------

    /** folio_add_lru: a new folio goes on the inactive list of its type (anon since 5.9, file unless a refault activates it). */
    void addNew(Folio f, boolean active) {
        f.memcg.lruvec.add(f, Lru.of(f.fileLru(), active));
    }

    /**
     * folio_mark_accessed (mm/swap.c): inactive unreferenced -> referenced; inactive referenced
     * -> active (PG_referenced cleared); active unreferenced -> referenced. Returns whether the
     * folio was activated.
     */
    boolean markAccessed(Folio f) {
        if (f.lru == null) {
            return false;
        }
        if (!f.lru.isActive() && f.referenced) {
            f.memcg.lruvec.del(f);
            f.referenced = false;
            f.memcg.lruvec.add(f, Lru.of(f.fileLru(), true));
            Workingset.ageNonresident(f.memcg, 1);      // lru_activate
            return true;
        }
        f.referenced = true;
        return false;
    }

    /** Frees a folio: off its LRU, its charge and statistics given back (mem_cgroup_uncharge, pgpgout). */
    void free(Folio f) {
        Memcg m = f.memcg;
        if (f.lru != null) {
            m.lruvec.del(f);
        }
        switch (f.kind) {
            case ANON -> m.rssPages--;
            case FILE -> m.cachePages--;
            case SHMEM -> {
                m.cachePages--;
                m.shmemPages--;
            }
        }
        if (f.mapped && f.kind != Folio.Kind.ANON) {
            m.mappedFilePages--;
        }
        m.pgpgout++;
        if (charges(m)) {
            m.memory.uncharge(1);
            m.memsw.uncharge(1);
            oomWait.wakeAllQuietly();     // memcg1_oom_recover: an uncharge wakes OOM waiters
        }
        f.memcg = null;
    }

    /** A new folio charged to {@code m}: accounted (memcg1_charge_statistics: pgpgin) and put on the LRU. */
    Folio account(Folio.Kind kind, Object owner, long index, Memcg m, boolean mapped, boolean active) {
        Folio f = new Folio(kind, owner, index, m);
        f.mapped = mapped;
        switch (kind) {
            case ANON -> m.rssPages++;
            case FILE -> m.cachePages++;
            case SHMEM -> {
                m.cachePages++;
                m.shmemPages++;
            }
        }
        if (mapped && kind != Folio.Kind.ANON) {
            m.mappedFilePages++;
        }
        m.pgpgin++;
        addNew(f, active);
        return f;
    }

    void emit(MemoryEvent event) {
        kernel.emit(event);
    }
}
