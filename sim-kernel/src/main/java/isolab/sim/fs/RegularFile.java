package isolab.sim.fs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A regular file with its bytes in memory. Executables are regular files too: an ELF stand-in
 * whose bytes name the program to run ({@code \177ELF isolab:coreutils/echo}), or a script
 * starting with {@code #!}.
 */
public class RegularFile extends Inode {

    private byte[] data = new byte[0];
    private int size;
    private boolean onDisk;
    private final isolab.sim.memory.AddressSpace mapping = new isolab.sim.memory.AddressSpace();

    public RegularFile(SuperBlock sb, long ino, int permissions) {
        super(sb, ino, S_IFREG | permissions);
    }

    @Override
    public long size() {
        return size;
    }

    /** Whole 4 KiB pages, in 512-byte units. */
    @Override
    public long blocks() {
        return (size + 4095L) / 4096 * 8;
    }

    /**
     * Called when the file is opened with {@code flags} (the filesystem's file_operations open):
     * nothing for an ordinary file; overlayfs copies a lower file up before it is written.
     */
    public void open(int flags) {
    }

    /** Copies up to {@code length} bytes from {@code offset}; returns how many, 0 at the end. */
    public int read(long offset, byte[] buffer, int at, int length) {
        if (offset >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - offset);
        System.arraycopy(data, (int) offset, buffer, at, n);
        return n;
    }

    /** Writes {@code length} bytes at {@code offset}, growing the file; returns {@code length}. */
    public int write(long offset, byte[] buffer, int at, int length) {
        long end = offset + length;
        if (end > data.length) {
            data = Arrays.copyOf(data, (int) Math.max(end, data.length * 2L));
        }
        System.arraycopy(buffer, at, data, (int) offset, length);
        size = (int) Math.max(size, end);
        return length;
    }

    /** Cuts or extends the file to {@code length} bytes; pages past the new end leave the page cache. */
    public void truncate(long length) {
        if (length < size) {
            mapping.truncate(length);
        }
        if (length > data.length) {
            data = Arrays.copyOf(data, (int) length);
        } else {
            Arrays.fill(data, (int) length, data.length, (byte) 0);
        }
        size = (int) length;
    }

    /**
     * Whether the file is on a disk filesystem and not in the page cache yet, so that reading it
     * charges its pages to the reader (mm/filemap.c). The root image's own files are the real
     * host's, already cached and charged to the host, so reading them charges nothing (as in the
     * sandbox); tmpfs files are never read from disk.
     */
    public boolean onDisk() {
        return onDisk;
    }

    /**
     * Whether the file's pages are memory (shmem): a file of a tmpfs, or of the machine's root,
     * whose writable upper layer is a tmpfs in the real sandbox (a written image file is copied up
     * there). Writing such a file charges the writer's memory cgroup.
     */
    public boolean inMemory() {
        String type = sb().fsType();
        return !onDisk && (type.equals("tmpfs") || type.equals("overlay"));
    }

    /** Marks the file as on disk and not cached yet (a file a lab or test puts in the lower layer). */
    public void markOnDisk() {
        onDisk = true;
    }

    /** The file's page cache (inode->i_mapping). */
    public isolab.sim.memory.AddressSpace mapping() {
        return mapping;
    }

    /** The whole content. */
    public byte[] content() {
        return Arrays.copyOf(data, size);
    }

    /** Replaces the whole content with {@code text} in UTF-8. */
    public void setContent(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        data = bytes;
        size = bytes.length;
    }
}
