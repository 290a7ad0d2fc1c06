package isolab.sim.memory;

/**
 * Workingset detection (mm/workingset.c; KERNEL-SEMANTICS.md 2.6). Every lruvec has a
 * nonresident age, a clock that ticks for every eviction and activation in it and below it.
 * Evicting a page cache folio leaves a {@link Shadow} in its file's slot: the reclaim target, its
 * age then, and whether the folio was in the workingset. When the page is read again, the
 * refault distance (how far the target's clock moved since) is compared with the pages the
 * target could have kept (its active file pages; anon counts only with swap, which the machine
 * has not): a page that would have stayed with that much more memory comes back active.
 *
 * <p>Simplifies: shadow entries are never reclaimed themselves (Linux's shadow shrinker drops
 * them beyond about an eighth of the LRU pages, forgetting very old evictions); bucket order 0.
 */
final class Workingset {

    private Workingset() {
    }

    /** What reclaim leaves in a file's slot (pack_shadow). */
    record Shadow(Memcg evictionMemcg, long eviction, boolean workingset) {
    }

    /** workingset_age_nonresident: the clock of {@code memcg} and every ancestor moves on by {@code pages}. */
    static void ageNonresident(Memcg memcg, long pages) {
        for (Memcg m = memcg; m != null; m = m.parent) {
            m.nonresidentAge += pages;
        }
    }

    /** workingset_eviction: the shadow of {@code f}, evicted by reclaim for {@code target}. */
    static Shadow eviction(Folio f, Memcg target) {
        long eviction = target.nonresidentAge;
        ageNonresident(target, 1);
        return new Shadow(target, eviction, f.workingset);
    }

    /**
     * workingset_refault: {@code f} was just read in again where {@code shadow} was. The refault
     * is counted in the memcg that now owns the folio; if it is recent, the folio goes straight to
     * the active list (WORKINGSET_ACTIVATE) and keeps PG_workingset if it had it (WORKINGSET_RESTORE).
     * Returns whether it was activated.
     */
    static boolean refault(Memory memory, Folio f, Shadow shadow) {
        Memcg owner = f.memcg;
        owner.workingsetRefaultFile++;
        long distance = shadow.evictionMemcg().nonresidentAge - shadow.eviction();
        long workingsetSize = shadow.evictionMemcg().totalLru(Lru.ACTIVE_FILE);
        if (distance > workingsetSize) {
            return false;
        }
        owner.lruvec.del(f);
        owner.lruvec.add(f, Lru.ACTIVE_FILE);
        ageNonresident(owner, 1);
        owner.workingsetActivateFile++;
        if (shadow.workingset()) {
            f.workingset = true;
            owner.workingsetRestoreFile++;
        }
        return true;
    }
}
