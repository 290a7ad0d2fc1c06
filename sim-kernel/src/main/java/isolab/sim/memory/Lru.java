package isolab.sim.memory;

/**
 * The evictable LRU lists of an lruvec (include/linux/mmzone.h: enum lru_list), named as
 * memory.stat names them. The unevictable list is not modelled (nothing mlocks).
 */
public enum Lru {
    INACTIVE_ANON("inactive_anon", false, false),
    ACTIVE_ANON("active_anon", false, true),
    INACTIVE_FILE("inactive_file", true, false),
    ACTIVE_FILE("active_file", true, true);

    private final String statName;
    private final boolean file;
    private final boolean active;

    Lru(String statName, boolean file, boolean active) {
        this.statName = statName;
        this.file = file;
        this.active = active;
    }

    /** The memory.stat line's name. */
    public String statName() {
        return statName;
    }

    public boolean isFile() {
        return file;
    }

    public boolean isActive() {
        return active;
    }

    /** folio_lru_list: the list for a folio of this type (file or anon), active or not. */
    public static Lru of(boolean file, boolean active) {
        if (file) {
            return active ? ACTIVE_FILE : INACTIVE_FILE;
        }
        return active ? ACTIVE_ANON : INACTIVE_ANON;
    }
}
