package isolab.sim.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * One LRU list (a list_head of folios): new and rotated folios go to the head, reclaim takes
 * from the tail, so the tail is the folio that went on longest ago. Linked through the folios
 * themselves, so removal is O(1) as in Linux.
 */
final class LruList {

    private Folio head;
    private Folio tail;
    private long size;

    long size() {
        return size;
    }

    /** list_add: at the head (the newest end). */
    void addHead(Folio f) {
        f.prev = null;
        f.next = head;
        if (head != null) {
            head.prev = f;
        }
        head = f;
        if (tail == null) {
            tail = f;
        }
        size++;
    }

    /** list_del. */
    void remove(Folio f) {
        if (f.prev != null) {
            f.prev.next = f.next;
        } else {
            head = f.next;
        }
        if (f.next != null) {
            f.next.prev = f.prev;
        } else {
            tail = f.prev;
        }
        f.prev = null;
        f.next = null;
        size--;
    }

    /** The oldest folio, or null. */
    Folio tail() {
        return tail;
    }

    /** Head to tail (newest first), a copy. */
    List<Folio> folios() {
        List<Folio> all = new ArrayList<>();
        for (Folio f = head; f != null; f = f.next) {
            all.add(f);
        }
        return all;
    }
}
