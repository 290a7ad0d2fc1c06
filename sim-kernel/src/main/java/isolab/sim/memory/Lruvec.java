package isolab.sim.memory;

import java.util.EnumMap;
import java.util.List;

/**
 * A memcg's LRU lists on the machine's one node (include/linux/mmzone.h: struct lruvec): every
 * charged folio is on exactly one of them, except while reclaim has it isolated.
 */
public final class Lruvec {

    private final EnumMap<Lru, LruList> lists = new EnumMap<>(Lru.class);

    Lruvec() {
        for (Lru lru : Lru.values()) {
            lists.put(lru, new LruList());
        }
    }

    /** Pages on {@code lru}. */
    public long size(Lru lru) {
        return lists.get(lru).size();
    }

    /** The folios on {@code lru}, newest first. */
    public List<Folio> folios(Lru lru) {
        return lists.get(lru).folios();
    }

    /** lruvec_add_folio: onto the head of {@code lru}. */
    void add(Folio f, Lru lru) {
        lists.get(lru).addHead(f);
        f.lru = lru;
    }

    /** lruvec_del_folio. */
    void del(Folio f) {
        lists.get(f.lru).remove(f);
        f.lru = null;
    }

    /** The oldest folio of {@code lru}, or null. */
    Folio tail(Lru lru) {
        return lists.get(lru).tail();
    }
}
