package isolab.sim.memory;

/**
 * A hierarchical page counter (mm/page_counter.c: struct page_counter): usage, max, the peak
 * usage (watermark) and failcnt, in pages, with a parent. A charge is applied to the counter and
 * every ancestor; it fails at the first counter it would take over its max, which then counts the
 * failure, and is taken back from the counters below.
 */
public final class PageCounter {

    /** PAGE_COUNTER_MAX on 64-bit: LONG_MAX / PAGE_SIZE; "unlimited" reads 9223372036854771712 bytes. */
    public static final long MAX = Long.MAX_VALUE / Memory.PAGE_SIZE;

    private final PageCounter parent;
    private final Memcg owner;
    private long usage;
    private long max = MAX;
    private long watermark;
    private long failcnt;

    PageCounter(PageCounter parent, Memcg owner) {
        this.parent = parent;
        this.owner = owner;
    }

    public long usage() {
        return usage;
    }

    public long max() {
        return max;
    }

    public long watermark() {
        return watermark;
    }

    public long failcnt() {
        return failcnt;
    }

    public PageCounter parent() {
        return parent;
    }

    /** The memcg this counter belongs to (mem_cgroup_from_counter). */
    public Memcg owner() {
        return owner;
    }

    /**
     * page_counter_try_charge: adds {@code pages} here and in every ancestor, raising watermarks;
     * returns null on success, or the lowest counter whose max the charge would exceed (its failcnt
     * counted, every charge below it taken back).
     */
    public PageCounter tryCharge(long pages) {
        for (PageCounter c = this; c != null; c = c.parent) {
            if (c.usage + pages > c.max) {
                c.failcnt++;
                for (PageCounter undo = this; undo != c; undo = undo.parent) {
                    undo.usage -= pages;
                }
                return c;
            }
            c.usage += pages;
            c.watermark = Math.max(c.watermark, c.usage);
        }
        return null;
    }

    /** page_counter_charge: adds {@code pages} everywhere up to the root, whatever the limits. */
    public void charge(long pages) {
        for (PageCounter c = this; c != null; c = c.parent) {
            c.usage += pages;
            c.watermark = Math.max(c.watermark, c.usage);
        }
    }

    /** page_counter_uncharge: takes {@code pages} off here and in every ancestor. */
    public void uncharge(long pages) {
        for (PageCounter c = this; c != null; c = c.parent) {
            if (c.usage < pages) {
                throw new IllegalStateException("page_counter underflow: " + c.usage + " - " + pages);
            }
            c.usage -= pages;
        }
    }

    /**
     * page_counter_set_max: sets the limit unless usage is already above it; returns whether it
     * was set (the caller reclaims and tries again, mem_cgroup_resize_max).
     */
    public boolean setMax(long pages) {
        if (usage > pages) {
            return false;
        }
        max = pages;
        return true;
    }

    /** How many pages may still be charged here before the max (mem_cgroup_margin, this counter only). */
    public long margin() {
        return Math.max(0, max - usage);
    }

    /** Writing memory.failcnt (mem_cgroup_reset RES_FAILCNT). */
    public void resetFailcnt() {
        failcnt = 0;
    }

    /** Writing memory.max_usage_in_bytes (page_counter_reset_watermark): the peak becomes the usage now. */
    public void resetWatermark() {
        watermark = usage;
    }
}
