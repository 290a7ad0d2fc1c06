package isolab.sim.memory;

import isolab.api.MemoryEvent;
import java.util.EnumMap;
import java.util.List;

/**
 * Memcg limit reclaim (mm/vmscan.c: try_to_free_mem_cgroup_pages, do_try_to_free_pages,
 * shrink_node_memcgs, shrink_lruvec, shrink_active_list, shrink_inactive_list;
 * KERNEL-SEMANTICS.md 2.3-2.5). Reclaim runs for a target memcg and walks its subtree in
 * pre-order, the target included, resuming after the memcg where the target's last reclaim
 * stopped and stopping as soon as the goal ({@code max(nr, SWAP_CLUSTER_MAX)}) is met. Each memcg
 * is scanned {@code list size >> priority} pages per list, priority falling from 12 to 0.
 *
 * <p>The machine has no swap, so get_scan_count gives SCAN_FILE: anon (and shmem) is never
 * scanned. The active file list is deactivated only when the target's inactive file list is low
 * (inactive_is_low: below 1 GiB, inactive < active), or when the target's workingset activations
 * changed since its last reclaim, or on the retry pass with force_deactivate after a pass that
 * freed nothing. Every inactive page cache folio reclaim reaches is freed: unmapped page cache
 * is not judged by PG_referenced (folio_check_references), and nothing here is dirty.
 *
 * <p>An evicted folio leaves a shadow entry for {@link Workingset} to judge its refault by.
 *
 * <p>Simplifies: no dirty or writeback pages;
 * the whole scan target of a list is taken in 32-page batches without the proportional trim of
 * the other list after the goal is met.
 */
public final class Reclaim {

    /** include/linux/swap.h: SWAP_CLUSTER_MAX. */
    static final int SWAP_CLUSTER_MAX = 32;

    /** include/linux/mmzone.h: DEF_PRIORITY. */
    static final int DEF_PRIORITY = 12;

    private Reclaim() {
    }

    /** One reclaim run (struct scan_control, the parts the model uses). */
    private static final class ScanControl {
        final Memcg target;
        final long nrToReclaim;
        long nrReclaimed;
        int priority;
        boolean forceDeactivate;
        boolean mayDeactivateFile;
        boolean fullWalk;

        ScanControl(Memcg target, long nrToReclaim) {
            this.target = target;
            this.nrToReclaim = nrToReclaim;
        }
    }

    /** try_to_free_mem_cgroup_pages: reclaims at least {@code nrPages} (at least 32) from {@code target}'s subtree; returns how many. */
    public static long tryToFreeMemCgroupPages(Memory memory, Memcg target, long nrPages) {
        ScanControl sc = new ScanControl(target, Math.max(nrPages, SWAP_CLUSTER_MAX));
        doTryToFreePages(memory, sc);
        if (sc.nrReclaimed == 0) {
            // do_try_to_free_pages: retry once more with a full walk and force_deactivate.
            sc.forceDeactivate = true;
            sc.fullWalk = true;
            doTryToFreePages(memory, sc);
        }
        return sc.nrReclaimed;
    }

    private static void doTryToFreePages(Memory memory, ScanControl sc) {
        for (sc.priority = DEF_PRIORITY; sc.priority >= 0; sc.priority--) {
            prepareScanControl(sc);
            shrinkNodeMemcgs(memory, sc);
            if (sc.nrReclaimed >= sc.nrToReclaim) {
                break;
            }
        }
        sc.target.refaultsSnapshot = sc.target.totalWorkingsetActivateFile();
    }

    /** prepare_scan_control: whether the file active list may be deactivated, from the target's subtree sums. */
    private static void prepareScanControl(ScanControl sc) {
        long inactive = sc.target.totalLru(Lru.INACTIVE_FILE);
        long active = sc.target.totalLru(Lru.ACTIVE_FILE);
        boolean refaulted = sc.target.totalWorkingsetActivateFile() != sc.target.refaultsSnapshot;
        sc.mayDeactivateFile = sc.forceDeactivate || refaulted || inactiveIsLow(inactive, active);
    }

    /** inactive_is_low: below 1 GiB of the type the lists should be 1:1; above, int_sqrt(10 * GiB). */
    static boolean inactiveIsLow(long inactive, long active) {
        long gb = (inactive + active) >> (30 - 12);
        long ratio = gb == 0 ? 1 : (long) Math.sqrt(10.0 * gb);
        return inactive * ratio < active;
    }

    /**
     * shrink_node_memcgs with mem_cgroup_iter's shared position: resume after the memcg the last
     * reclaim of this target stopped at; stop once the goal is met (partial walk).
     */
    private static void shrinkNodeMemcgs(Memory memory, ScanControl sc) {
        List<Memcg> walk = sc.target.subtree();
        int start = 0;
        if (!sc.fullWalk && sc.target.reclaimPosition != null) {
            int last = walk.indexOf(sc.target.reclaimPosition);
            start = last < 0 ? 0 : (last + 1) % walk.size();
        }
        for (int i = 0; i < walk.size(); i++) {
            Memcg m = walk.get((start + i) % walk.size());
            sc.target.reclaimPosition = m;
            shrinkLruvec(memory, sc, m);
            if (!sc.fullWalk && sc.nrReclaimed >= sc.nrToReclaim) {
                return;
            }
        }
        sc.target.reclaimPosition = null;       // a completed walk starts from the beginning next time
    }

    /** shrink_lruvec with SCAN_FILE: both file lists, in 32-page batches, until their targets are done or the goal is met. */
    private static void shrinkLruvec(Memory memory, ScanControl sc, Memcg m) {
        EnumMap<Lru, Long> nr = new EnumMap<>(Lru.class);
        nr.put(Lru.INACTIVE_FILE, m.lruvec.size(Lru.INACTIVE_FILE) >> sc.priority);
        nr.put(Lru.ACTIVE_FILE, m.lruvec.size(Lru.ACTIVE_FILE) >> sc.priority);
        long reclaimed = 0;
        long deactivated = 0;
        while (nr.get(Lru.INACTIVE_FILE) > 0 || nr.get(Lru.ACTIVE_FILE) > 0) {
            for (Lru lru : List.of(Lru.INACTIVE_FILE, Lru.ACTIVE_FILE)) {
                long scan = Math.min(nr.get(lru), SWAP_CLUSTER_MAX);
                nr.put(lru, nr.get(lru) - scan);
                if (scan == 0) {
                    continue;
                }
                if (lru.isActive()) {
                    if (sc.mayDeactivateFile) {
                        deactivated += shrinkActiveList(m, scan);
                    }
                } else {
                    long freed = shrinkInactiveList(memory, sc.target, m, scan);
                    reclaimed += freed;
                    sc.nrReclaimed += freed;
                }
            }
            if (sc.nrReclaimed >= sc.nrToReclaim) {
                break;
            }
        }
        if (deactivated > 0) {
            memory.emit(new MemoryEvent.PagesDeactivated(sc.target.path(), m.path(), Lru.ACTIVE_FILE.statName(), deactivated));
        }
        if (reclaimed > 0) {
            memory.emit(new MemoryEvent.PagesReclaimed(sc.target.path(), m.path(), Lru.INACTIVE_FILE.statName(), reclaimed));
        }
    }

    /**
     * shrink_active_list: up to {@code scan} folios from the active tail go to the inactive head
     * with PG_workingset set (PG_referenced left as is); page cache is never rotated back here.
     */
    private static long shrinkActiveList(Memcg m, long scan) {
        long moved = 0;
        for (; moved < scan; moved++) {
            Folio f = m.lruvec.tail(Lru.ACTIVE_FILE);
            if (f == null) {
                break;
            }
            m.lruvec.del(f);
            f.workingset = true;
            m.lruvec.add(f, Lru.INACTIVE_FILE);
        }
        return moved;
    }

    /** shrink_inactive_list / shrink_folio_list: up to {@code scan} folios from the inactive tail are freed. */
    private static long shrinkInactiveList(Memory memory, Memcg target, Memcg m, long scan) {
        long freed = 0;
        for (long i = 0; i < scan; i++) {
            Folio f = m.lruvec.tail(Lru.INACTIVE_FILE);
            if (f == null) {
                break;
            }
            ((AddressSpace) f.owner).evict(memory, f, Workingset.eviction(f, target));
            freed++;
        }
        return freed;
    }
}
