package isolab.sim.memory;

import isolab.api.MemoryEvent;
import isolab.sim.process.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's anonymous memory (include/linux/mm_types.h: struct mm_struct, the anon part): the
 * folios its page faults allocated. A first touch of a page faults it in: charged to the task's
 * memcg at that moment (mem_cgroup_charge from do_anonymous_page) and put on the inactive anon
 * list (folio_add_lru_vma, Linux 5.9 and later). Touching a resident page again only sets the
 * PTE's accessed bit, which nothing reads without swap. Exit frees everything (exit_mmap).
 *
 * <p>Simplifies: one mm per process, not shared by threads or copied by fork (the workloads
 * allocate after they fork); pages are allocated and freed in whole regions, not mapped at
 * addresses; the programs' own text, stack and heap are not modelled (only the memory the
 * workloads ask for is charged).
 */
public final class Mm {

    private final Memory memory;
    private final Task task;
    private final List<Folio> anon = new ArrayList<>();

    Mm(Memory memory, Task task) {
        this.memory = memory;
        this.task = task;
    }

    /** The process. */
    public Task task() {
        return task;
    }

    /** get_mm_rss: resident anon pages plus mapped shmem pages. */
    public long rssPages() {
        return anon.size();
    }

    /** What a burst of faults came to. */
    public enum Fault {
        /** Every page is resident. */
        DONE,
        /** A charge failed for good (VM_FAULT_OOM): the caller's pending SIGKILL ends it, or it retries. */
        OOM
    }

    /**
     * do_anonymous_page for up to {@code pages} new pages: each is charged (reclaiming, OOM-killing
     * on the way) and put on the inactive anon list; stops at the first charge that fails.
     * Returns how the burst ended; {@link #rssPages()} tells how far it got.
     */
    public Fault faultIn(long pages) {
        return faultIn(Folio.Kind.ANON, pages, false, true);
    }

    /**
     * Faults in {@code pages} new pages of a private anonymous ({@code ANON}) or shared anonymous
     * ({@code SHMEM}: charged as shmem, on the anon lists) mapping; see {@link #faultIn(long)}.
     * {@code populate}: the pages are faulted in by get_user_pages with FOLL_TOUCH (MAP_POPULATE,
     * mlock-less populate), which marks each one accessed twice, so they start on the active list.
     * {@code userFault}: the program touched the pages itself; otherwise the kernel did, copying
     * into them for a system call (copy_to_user), which fails rather than waits when the OOM
     * killer is disabled.
     */
    public Fault faultIn(Folio.Kind kind, long pages, boolean populate, boolean userFault) {
        Memcg memcg = memory.memcgOf(task);
        long done = 0;
        Fault result = Fault.DONE;
        for (; done < pages; done++) {
            if (memcg != null) {
                Charge.Result r = Charge.tryCharge(memory, task, memcg, 1, userFault);
                if (r != Charge.Result.CHARGED) {
                    result = Fault.OOM;
                    break;
                }
                memcg.pgfault++;
                anon.add(memory.account(kind, this, anon.size(), memcg, true, populate));
            } else {
                anon.add(new Folio(kind, this, anon.size(), null));
            }
        }
        if (done > 0 && memcg != null) {
            memory.emit(new MemoryEvent.PagesCharged(task.pid(), memcg.path(), kind.name().toLowerCase(java.util.Locale.ROOT), done));
        }
        return result;
    }

    /** munmap of the newest {@code pages} anon pages (all if more): freed and uncharged. */
    public void unmap(long pages) {
        long n = Math.min(pages, anon.size());
        TreeCounts freed = new TreeCounts();
        for (long i = 0; i < n; i++) {
            Folio f = anon.remove(anon.size() - 1);
            if (f.memcg != null) {
                freed.add(f.memcg.path());
                memory.free(f);
            }
        }
        freed.emit(memory, "anon");
    }

    /** exit_mmap: everything goes. */
    void release() {
        unmap(anon.size());
    }

    /** Pages freed per memcg path, reported as one event each. */
    private static final class TreeCounts {
        private final java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();

        void add(String path) {
            counts.merge(path, 1L, Long::sum);
        }

        void emit(Memory memory, String kind) {
            counts.forEach((path, n) -> memory.emit(new MemoryEvent.PagesUncharged(path, kind, n)));
        }
    }
}
