package isolab.sim.memory;

import java.util.List;

/**
 * memory.stat and memory.numa_stat of v1 (mm/memcontrol-v1.c: memcg1_stat_format,
 * memcg_numa_stat_show): the memcg's own counters, then its hierarchical limits, then
 * {@code total_} sums over its subtree, in the kernel's order (measured: docs/probes/memcg.md).
 * Page counts are shown in bytes, events (pgpgin, pgpgout, pgfault, pgmajfault) as counts.
 */
final class MemoryStat {

    private MemoryStat() {
    }

    /** One memory.stat item: its name and how to read it from one memcg. */
    private record Item(String name, boolean pages, java.util.function.ToLongFunction<Memcg> value) {
    }

    /** memcg1_stat_names and memcg1_events, in order; rss_huge, dirty, writeback, swap and swapcached are always 0 here. */
    private static final List<Item> ITEMS = List.of(
            new Item("cache", true, m -> m.cachePages),
            new Item("rss", true, m -> m.rssPages),
            new Item("rss_huge", true, m -> 0),
            new Item("shmem", true, m -> m.shmemPages),
            new Item("mapped_file", true, m -> m.mappedFilePages),
            new Item("dirty", true, m -> 0),
            new Item("writeback", true, m -> 0),
            new Item("workingset_refault_anon", false, m -> m.workingsetRefaultAnon),
            new Item("workingset_refault_file", false, m -> m.workingsetRefaultFile),
            new Item("swap", true, m -> 0),
            new Item("swapcached", true, m -> 0),
            new Item("pgpgin", false, m -> m.pgpgin),
            new Item("pgpgout", false, m -> m.pgpgout),
            new Item("pgfault", false, m -> m.pgfault),
            new Item("pgmajfault", false, m -> m.pgmajfault),
            new Item("inactive_anon", true, m -> m.lruvec.size(Lru.INACTIVE_ANON)),
            new Item("active_anon", true, m -> m.lruvec.size(Lru.ACTIVE_ANON)),
            new Item("inactive_file", true, m -> m.lruvec.size(Lru.INACTIVE_FILE)),
            new Item("active_file", true, m -> m.lruvec.size(Lru.ACTIVE_FILE)),
            new Item("unevictable", true, m -> 0));

    static String format(Memcg memcg) {
        StringBuilder s = new StringBuilder();
        for (Item item : ITEMS) {
            s.append(item.name()).append(' ').append(shown(item, item.value().applyAsLong(memcg))).append('\n');
        }
        long limit = PageCounter.MAX;
        for (Memcg m = memcg; m != null; m = m.parent) {
            limit = Math.min(limit, m.memory.max());
        }
        s.append("hierarchical_memory_limit ").append(limit * Memory.PAGE_SIZE).append('\n');
        long memswLimit = PageCounter.MAX;
        for (Memcg m = memcg; m != null; m = m.parent) {
            memswLimit = Math.min(memswLimit, m.memsw.max());
        }
        s.append("hierarchical_memsw_limit ").append(memswLimit * Memory.PAGE_SIZE).append('\n');
        List<Memcg> subtree = memcg.subtree();
        for (Item item : ITEMS) {
            long total = 0;
            for (Memcg m : subtree) {
                total += item.value().applyAsLong(m);
            }
            s.append("total_").append(item.name()).append(' ').append(shown(item, total)).append('\n');
        }
        return s.toString();
    }

    private static long shown(Item item, long value) {
        return item.pages() ? value * Memory.PAGE_SIZE : value;
    }

    /** memcg_numa_stat_show: pages per LRU kind, on the one node N0, local then hierarchical. */
    static String numaStat(Memcg memcg) {
        StringBuilder s = new StringBuilder();
        for (boolean hierarchical : new boolean[] {false, true}) {
            long file = hierarchical ? memcg.totalLru(Lru.INACTIVE_FILE) + memcg.totalLru(Lru.ACTIVE_FILE)
                    : memcg.lruvec.size(Lru.INACTIVE_FILE) + memcg.lruvec.size(Lru.ACTIVE_FILE);
            long anon = hierarchical ? memcg.totalLru(Lru.INACTIVE_ANON) + memcg.totalLru(Lru.ACTIVE_ANON)
                    : memcg.lruvec.size(Lru.INACTIVE_ANON) + memcg.lruvec.size(Lru.ACTIVE_ANON);
            String p = hierarchical ? "hierarchical_" : "";
            s.append(p).append("total=").append(file + anon).append(" N0=").append(file + anon).append('\n');
            s.append(p).append("file=").append(file).append(" N0=").append(file).append('\n');
            s.append(p).append("anon=").append(anon).append(" N0=").append(anon).append('\n');
            s.append(p).append("unevictable=0 N0=0\n");
        }
        return s.toString();
    }
}
