package isolab.sim.memory;

import isolab.api.MemoryEvent;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The page cache of one file on a disk filesystem (include/linux/fs.h: struct address_space):
 * its resident folios by page index. A read finds each page it spans here or reads it in,
 * charging the new folio to the reader's memcg (mm/filemap.c: filemap_read, filemap_add_folio;
 * "first touch" owns the page, KERNEL-SEMANTICS.md 1.6), and marks it accessed once per read
 * call (two reads make it active). Reclaim evicts from here. The machine's disk files are the overlay's lower layer, which removing a name
 * never deletes (a whiteout hides it), so their pages stay until reclaimed.
 *
 * <p>A page reclaim evicted leaves a shadow entry; reading it again is a refault
 * ({@link Workingset}).
 *
 * <p>Simplifies: one page per folio (Linux 6.18's ext4 reads ahead into large folios, so its
 * pgpgin counts fewer events); no readahead beyond the pages read.
 */
public final class AddressSpace {

    private final TreeMap<Long, Folio> pages = new TreeMap<>();
    private final TreeMap<Long, Workingset.Shadow> shadows = new TreeMap<>();
    private Memory memory;

    /** Resident pages. */
    public int nrPages() {
        return pages.size();
    }

    /**
     * filemap_read of {@code length} bytes at {@code offset} by {@code reader}: missing pages are
     * read in and charged, present ones marked accessed. ENOMEM if a charge fails.
     */
    public void read(Memory memory, Task reader, long offset, long length) {
        if (length <= 0) {
            return;
        }
        this.memory = memory;
        long first = offset / Memory.PAGE_SIZE;
        long last = (offset + length - 1) / Memory.PAGE_SIZE;
        Memcg memcg = memory.memcgOf(reader);
        long added = 0;
        List<Folio> activated = new ArrayList<>();
        try {
            for (long index = first; index <= last; index++) {
                Folio f = pages.get(index);
                if (f == null) {
                    if (memcg == null) {
                        continue;
                    }
                    if (Charge.tryCharge(memory, reader, memcg, 1, false) != Charge.Result.CHARGED) {
                        // A charge from a read() fails rather than waits (memcg1_oom_prepare: not a user fault).
                        throw new SysException(Errno.ENOMEM);
                    }
                    Folio folio = memory.account(Folio.Kind.FILE, this, index, memcg, false, false);
                    pages.put(index, folio);
                    Workingset.Shadow shadow = shadows.remove(index);
                    if (shadow != null) {
                        Workingset.refault(memory, folio, shadow);
                    }
                    memory.markAccessed(folio);     // filemap_read marks what it copies, new folios too
                    added++;
                } else if (memory.markAccessed(f)) {
                    activated.add(f);
                }
            }
        } finally {
            if (added > 0) {
                memory.emit(new MemoryEvent.PagesCharged(reader.pid(), memcg.path(), "file", added));
            }
            report(memory, reader, activated);
        }
    }

    /** One PagesActivated per memcg and list the activated folios went to (active_file, or active_anon for shmem). */
    private static void report(Memory memory, Task reader, List<Folio> activated) {
        TreeMap<String, TreeMap<String, Long>> byMemcg = new TreeMap<>();
        for (Folio f : activated) {
            byMemcg.computeIfAbsent(f.memcg.path(), p -> new TreeMap<>()).merge(f.lru.statName(), 1L, Long::sum);
        }
        byMemcg.forEach((path, lists) -> lists.forEach((list, n) -> memory.emit(new MemoryEvent.PagesActivated(reader.pid(), path, list, n))));
    }

    /** Reclaim frees {@code f} and leaves {@code shadow} in its slot (__remove_mapping). */
    void evict(Memory memory, Folio f, Workingset.Shadow shadow) {
        pages.remove(f.index);
        shadows.put(f.index, shadow);
        memory.free(f);
    }

    /**
     * A write(2) to a tmpfs file (mm/shmem.c: shmem_write_begin, shmem_get_folio): every page it
     * reaches that is not resident yet is charged to the writer as shmem and put on the inactive
     * anon list (swap-backed, so never reclaimed here), already referenced; a resident page it
     * reaches is marked accessed. So the write is a page's first touch, and one read after it
     * activates the page. ENOMEM if a charge fails after the OOM killer had its turn.
     */
    public void shmemWrite(Memory memory, Task writer, long offset, long length) {
        if (length <= 0) {
            return;
        }
        this.memory = memory;
        Memcg memcg = memory.memcgOf(writer);
        if (memcg == null) {
            return;
        }
        long added = 0;
        List<Folio> activated = new ArrayList<>();
        try {
            for (long index = offset / Memory.PAGE_SIZE; index <= (offset + length - 1) / Memory.PAGE_SIZE; index++) {
                Folio f = pages.get(index);
                if (f != null) {
                    if (memory.markAccessed(f)) {       // shmem_get_folio_gfp: SGP_WRITE on a resident folio
                        activated.add(f);
                    }
                    continue;
                }
                if (Charge.tryCharge(memory, writer, memcg, 1, false) != Charge.Result.CHARGED) {
                    throw new SysException(Errno.ENOMEM);
                }
                Folio folio = memory.account(Folio.Kind.SHMEM, this, index, memcg, false, false);
                folio.referenced = true;                // shmem_get_folio_gfp: __folio_set_referenced for SGP_WRITE
                pages.put(index, folio);
                added++;
            }
        } finally {
            if (added > 0) {
                memory.emit(new MemoryEvent.PagesCharged(writer.pid(), memcg.path(), "shmem", added));
            }
            report(memory, writer, activated);
        }
    }

    /** A read(2) of a tmpfs file (shmem_file_read_iter): each resident page it spans is marked accessed. */
    public void shmemRead(Memory memory, Task reader, long offset, long length) {
        List<Folio> activated = new ArrayList<>();
        for (long index = offset / Memory.PAGE_SIZE; length > 0 && index <= (offset + length - 1) / Memory.PAGE_SIZE; index++) {
            Folio f = pages.get(index);
            if (f != null && memory.markAccessed(f)) {
                activated.add(f);
            }
        }
        report(memory, reader, activated);
    }

    /**
     * truncate_inode_pages_range: the file is cut to {@code size} bytes, or gone ({@code 0} when
     * its last link is removed): the pages past the end are freed and uncharged, shadows dropped.
     */
    public void truncate(long size) {
        long first = (size + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE;
        shadows.tailMap(first, true).clear();
        if (memory == null || pages.isEmpty()) {
            return;
        }
        TreeMap<String, Long> byMemcg = new TreeMap<>();
        TreeMap<String, String> kinds = new TreeMap<>();
        for (Folio f : new ArrayList<>(pages.tailMap(first, true).values())) {
            pages.remove(f.index);
            if (f.memcg != null) {
                byMemcg.merge(f.memcg.path(), 1L, Long::sum);
                kinds.put(f.memcg.path(), f.kind.name().toLowerCase(java.util.Locale.ROOT));
                memory.free(f);
            }
        }
        byMemcg.forEach((path, n) -> memory.emit(new MemoryEvent.PagesUncharged(path, kinds.get(path), n)));
    }
}
