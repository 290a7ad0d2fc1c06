package isolab.sim.memory;

import isolab.api.MemcgView;
import java.util.ArrayList;
import java.util.List;

/** Snapshots of the memcgs as the api's records, for {@link isolab.api.HostView}. */
public final class MemcgViews {

    private MemcgViews() {
    }

    /** Every live memcg in pre-order from the machine's root; empty on a machine without a v1 memory hierarchy. */
    public static List<MemcgView> of(Memory memory) {
        List<MemcgView> views = new ArrayList<>();
        if (memory.root() == null) {
            return views;
        }
        for (Memcg m : memory.root().subtree()) {
            if (m.cgroup.isDead()) {
                continue;
            }
            long page = Memory.PAGE_SIZE;
            views.add(new MemcgView(m.path(), m.memory.max() * page, m.memory.usage() * page, m.memory.watermark() * page,
                    m.memory.failcnt(), m.cachePages * page, m.rssPages * page, m.lruvec.size(Lru.INACTIVE_ANON) * page,
                    m.lruvec.size(Lru.ACTIVE_ANON) * page, m.lruvec.size(Lru.INACTIVE_FILE) * page,
                    m.lruvec.size(Lru.ACTIVE_FILE) * page, m.oomKill, m.underOom > 0));
        }
        return views;
    }
}
