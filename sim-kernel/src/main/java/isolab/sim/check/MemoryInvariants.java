package isolab.sim.check;

import isolab.sim.kernel.Kernel;
import isolab.sim.memory.Lru;
import isolab.sim.memory.Memcg;
import isolab.sim.memory.Memory;
import java.util.List;

/**
 * Invariants of memory cgroups: a memcg's usage is exactly the pages on its own LRU lists plus its
 * children's usage (so children's charges never exceed their parent's), never above its max nor
 * its peak, its memory+swap usage equals it (no swap), and its page statistics add up to its LRU
 * lists.
 */
final class MemoryInvariants {

    private MemoryInvariants() {
    }

    static void check(Kernel kernel, List<String> v) {
        Memory memory = kernel.memory();
        if (memory.root() == null) {
            return;
        }
        for (Memcg m : memory.root().subtree()) {
            long own = 0;
            for (Lru lru : Lru.values()) {
                own += m.lruvec().size(lru);
            }
            long children = 0;
            for (Memcg c : memory.root().subtree()) {
                if (c.parent() == m) {
                    children += c.memory().usage();
                }
            }
            if (m.memory().usage() != own + children) {
                v.add(m + " uses " + m.memory().usage() + " pages but has " + own + " on its lists and " + children
                        + " in its children");
            }
            if (m.memsw().usage() != m.memory().usage()) {
                v.add(m + " has " + m.memsw().usage() + " pages of memory+swap but " + m.memory().usage() + " of memory, with no swap");
            }
            if (m.memory().usage() > m.memory().max()) {
                v.add(m + " uses " + m.memory().usage() + " pages, over its max " + m.memory().max());
            }
            if (m.memory().watermark() < m.memory().usage()) {
                v.add(m + " peaked at " + m.memory().watermark() + " pages below its usage " + m.memory().usage());
            }
            if (m.cachePages() + m.rssPages() != own) {
                v.add(m + " counts " + m.cachePages() + " cache and " + m.rssPages() + " rss pages but has " + own + " on its lists");
            }
        }
    }
}
