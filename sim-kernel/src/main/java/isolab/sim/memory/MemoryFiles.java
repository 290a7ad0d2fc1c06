package isolab.sim.memory;

import isolab.sim.cgroup.Cftype;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Kstrtox;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.List;

/**
 * The v1 memory controller's control files (mm/memcontrol-v1.c: mem_cgroup_legacy_files), as the
 * lab machine's kernel shows them (measured: docs/probes/memcg.md). Writes are stripped of
 * surrounding blanks (mem_cgroup_write: strstrip). Read-only files take a write and fail it with
 * EINVAL, as cgroup_file_write does for a cftype without a write method.
 *
 * <p>memory.memsw.* are the memory+swap counter's; the machine has no swap, so their usage is
 * memory's. Not here (not modelled): memory.kmem.* (kernel memory is not charged),
 * memory.pressure_level, cgroup.event_control, memory.shown_ram_in_bytes.
 */
public final class MemoryFiles {

    private MemoryFiles() {
    }

    /** The files, each in every cgroup of the memory hierarchy (the machine's root is a child on the host). */
    public static List<Cftype> v1(Memory memory) {
        return List.of(
                rw("memory.failcnt", (c, r) -> line(m(memory, c).memory.failcnt()),
                        (c, w, text) -> m(memory, c).memory.resetFailcnt()),
                new Cftype("memory.force_empty", 0200, Cftype.Where.EVERY, MemoryFiles::invalidRead,
                        (c, w, text) -> forceEmpty(memory, m(memory, c))),
                rw("memory.limit_in_bytes", (c, r) -> line(m(memory, c).memory.max() * Memory.PAGE_SIZE),
                        (c, w, text) -> resizeMax(memory, m(memory, c), w, memparse(text.strip()))),
                rw("memory.max_usage_in_bytes", (c, r) -> line(m(memory, c).memory.watermark() * Memory.PAGE_SIZE),
                        (c, w, text) -> m(memory, c).memory.resetWatermark()),
                rw("memory.memsw.failcnt", (c, r) -> line(m(memory, c).memsw.failcnt()),
                        (c, w, text) -> m(memory, c).memsw.resetFailcnt()),
                rw("memory.memsw.limit_in_bytes", (c, r) -> line(m(memory, c).memsw.max() * Memory.PAGE_SIZE),
                        (c, w, text) -> resizeMemswMax(memory, m(memory, c), w, memparse(text.strip()))),
                rw("memory.memsw.max_usage_in_bytes", (c, r) -> line(m(memory, c).memsw.watermark() * Memory.PAGE_SIZE),
                        (c, w, text) -> m(memory, c).memsw.resetWatermark()),
                ro("memory.memsw.usage_in_bytes", (c, r) -> line(m(memory, c).memsw.usage() * Memory.PAGE_SIZE)),
                rw("memory.move_charge_at_immigrate", (c, r) -> "0\n", (c, w, text) -> moveChargeAtImmigrate(text)),
                ro("memory.numa_stat", (c, r) -> MemoryStat.numaStat(m(memory, c))),
                rw("memory.oom_control", (c, r) -> oomControl(m(memory, c)),
                        (c, w, text) -> oomKillDisable(memory, m(memory, c), text)),
                rw("memory.soft_limit_in_bytes", (c, r) -> line(m(memory, c).softLimitPages * Memory.PAGE_SIZE),
                        (c, w, text) -> m(memory, c).softLimitPages = memparse(text.strip())),
                ro("memory.stat", (c, r) -> MemoryStat.format(m(memory, c))),
                rw("memory.swappiness", (c, r) -> line(m(memory, c).swappiness),
                        (c, w, text) -> swappiness(m(memory, c), text)),
                ro("memory.usage_in_bytes", (c, r) -> line(m(memory, c).memory.usage() * Memory.PAGE_SIZE)),
                rw("memory.use_hierarchy", (c, r) -> "1\n", (c, w, text) -> useHierarchy(text)));
    }

    private static Cftype rw(String name, Cftype.Reader read, Cftype.Writer write) {
        return new Cftype(name, 0644, Cftype.Where.EVERY, read, write);
    }

    private static Cftype ro(String name, Cftype.Reader read) {
        return new Cftype(name, 0444, Cftype.Where.EVERY, read, (c, w, text) -> {
            throw new SysException(Errno.EINVAL);
        });
    }

    private static String invalidRead(Cgroup cgroup, Task reader) {
        throw new SysException(Errno.EINVAL);
    }

    private static Memcg m(Memory memory, Cgroup cgroup) {
        return memory.memcg(cgroup);
    }

    private static String line(long value) {
        return value + "\n";
    }

    /**
     * page_counter_memparse with "-1" for unlimited: memparse (lib/cmdline.c: simple_strtoull
     * base 0, then one of K M G T P E in either case, each x1024), nothing may follow; the result
     * in whole pages, rounded down, at most PAGE_COUNTER_MAX. EINVAL otherwise.
     */
    static long memparse(String s) {
        if (s.equals("-1")) {
            return PageCounter.MAX;
        }
        int radix = 10;
        int at = 0;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            if (s.length() > 2 && Character.digit(s.charAt(2), 16) >= 0) {
                radix = 16;
                at = 2;
            }
        } else if (s.startsWith("0")) {
            radix = 8;
        }
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        while (at < s.length() && Character.digit(s.charAt(at), radix) >= 0) {
            value = value.multiply(java.math.BigInteger.valueOf(radix)).add(java.math.BigInteger.valueOf(Character.digit(s.charAt(at), radix)));
            at++;
        }
        int shift = 0;
        if (at < s.length()) {
            shift = switch (Character.toUpperCase(s.charAt(at))) {
                case 'K' -> 10;
                case 'M' -> 20;
                case 'G' -> 30;
                case 'T' -> 40;
                case 'P' -> 50;
                case 'E' -> 60;
                default -> -1;
            };
            if (shift < 0) {
                throw new SysException(Errno.EINVAL);
            }
            at++;
        }
        if (at != s.length()) {
            throw new SysException(Errno.EINVAL);
        }
        // simple_strtoull and the shifts wrap at 64 bits
        long bytes = value.shiftLeft(shift).longValue();
        return Long.compareUnsigned(Long.divideUnsigned(bytes, Memory.PAGE_SIZE), PageCounter.MAX) > 0
                ? PageCounter.MAX : Long.divideUnsigned(bytes, Memory.PAGE_SIZE);
    }

    /**
     * mem_cgroup_resize_max: set the limit; while usage is above it, reclaim one page at a time
     * in the memcg's subtree; EBUSY (the old limit kept) once reclaim frees nothing. A raised limit
     * wakes tasks waiting in this memcg's OOM (memcg1_oom_recover).
     */
    static void resizeMax(Memory memory, Memcg memcg, Task writer, long pages) {
        if (pages > memcg.memsw.max()) {
            throw new SysException(Errno.EINVAL);       // memory.limit may not exceed memsw.limit
        }
        resize(memory, memcg, memcg.memory, writer, pages);
    }

    /** mem_cgroup_resize_max for memsw: not below memory.limit (EINVAL), else as for memory. */
    static void resizeMemswMax(Memory memory, Memcg memcg, Task writer, long pages) {
        if (pages < memcg.memory.max()) {
            throw new SysException(Errno.EINVAL);
        }
        resize(memory, memcg, memcg.memsw, writer, pages);
    }

    private static void resize(Memory memory, Memcg memcg, PageCounter counter, Task writer, long pages) {
        boolean enlarge = pages > counter.max();
        while (!counter.setMax(pages)) {
            if (writer.caughtSignalPending()) {
                throw new SysException(Errno.EINTR);
            }
            if (Reclaim.tryToFreeMemCgroupPages(memory, memcg, 1) == 0) {
                throw new SysException(Errno.EBUSY);
            }
        }
        if (enlarge) {
            memory.oomWait.wakeAllQuietly();
        }
    }

    /** mem_cgroup_force_empty: reclaim until nothing is charged or 16 passes free nothing; always succeeds. */
    private static void forceEmpty(Memory memory, Memcg memcg) {
        int retries = Charge.MAX_RECLAIM_RETRIES;
        while (retries > 0 && memcg.memory.usage() > 0) {
            if (Reclaim.tryToFreeMemCgroupPages(memory, memcg, 1) == 0) {
                retries--;
            }
        }
    }

    /** mem_cgroup_oom_control_read. */
    private static String oomControl(Memcg m) {
        return "oom_kill_disable " + (m.oomKillDisable ? 1 : 0) + "\nunder_oom " + (m.underOom > 0 ? 1 : 0)
                + "\noom_kill " + m.oomKill + "\n";
    }

    /** mem_cgroup_oom_control_write: 0 or 1 (kstrtoull base 0); turning the killer back on wakes the waiters. */
    private static void oomKillDisable(Memory memory, Memcg m, String text) {
        long v = Kstrtox.kstrtoull(text.strip());
        if (v != 0 && v != 1) {
            throw new SysException(Errno.EINVAL);
        }
        m.oomKillDisable = v == 1;
        if (v == 0) {
            memory.oomWait.wakeAllQuietly();
        }
    }

    /** mem_cgroup_swappiness_write: 0..200, kept (it changes nothing on a machine without swap). */
    private static void swappiness(Memcg m, String text) {
        long v = Kstrtox.kstrtoull(text.strip());
        if (v > 200) {
            throw new SysException(Errno.EINVAL);
        }
        m.swappiness = (int) v;
    }

    /** mem_cgroup_move_charge_write: deprecated; only 0 is accepted on this kernel. */
    private static void moveChargeAtImmigrate(String text) {
        if (Kstrtox.kstrtoull(text.strip()) != 0) {
            throw new SysException(Errno.EINVAL);
        }
    }

    /** mem_cgroup_hierarchy_write: hierarchy is always on; 0 is EINVAL. */
    private static void useHierarchy(String text) {
        if (Kstrtox.kstrtoull(text.strip()) != 1) {
            throw new SysException(Errno.EINVAL);
        }
    }
}
