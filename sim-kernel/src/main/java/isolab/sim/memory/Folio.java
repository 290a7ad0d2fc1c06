package isolab.sim.memory;

/**
 * One page frame in use (include/linux/mm_types.h: struct folio, order 0): what it holds (anon,
 * page cache or shmem), the memcg it is charged to, and its LRU state (PG_lru, PG_active,
 * PG_referenced, PG_workingset). An anon folio belongs to one process ({@link Mm}); a file
 * folio to one file's page cache ({@link AddressSpace}) at an index.
 */
public final class Folio {

    /** What the page holds. Shmem (tmpfs, shared anonymous memory) is swap-backed: on the anon lists. */
    public enum Kind { ANON, FILE, SHMEM }

    final Kind kind;
    final Object owner;
    final long index;
    Memcg memcg;
    Lru lru;
    boolean referenced;
    boolean workingset;
    boolean mapped;
    Folio prev;
    Folio next;

    Folio(Kind kind, Object owner, long index, Memcg memcg) {
        this.kind = kind;
        this.owner = owner;
        this.index = index;
        this.memcg = memcg;
    }

    public Kind kind() {
        return kind;
    }

    /** The memcg the folio is charged to (folio_memcg); null if uncharged (the host's root). */
    public Memcg memcg() {
        return memcg;
    }

    /** The LRU list it is on, or null while isolated or freed. */
    public Lru lru() {
        return lru;
    }

    public boolean referenced() {
        return referenced;
    }

    /** PG_workingset: set when the folio is deactivated from an active list. */
    public boolean workingset() {
        return workingset;
    }

    /** folio_is_file_lru: page cache goes on the file lists; anon and shmem on the anon lists. */
    public boolean fileLru() {
        return kind == Kind.FILE;
    }

    /** The page index in its file, or in its process's anon pages. */
    public long index() {
        return index;
    }
}
