package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task's file descriptor table (include/linux/fdtable.h): small integers mapped to open file
 * descriptions, each with its close-on-exec flag. fork(2) copies it; the copies share descriptions.
 */
public final class FdTable {

    /** RLIMIT_NOFILE on the lab machines (measured: ulimit -n prints 20000). */
    public static final int NOFILE = 20000;

    private record Slot(OpenFile file, boolean cloexec) {
    }

    private final TreeMap<Integer, Slot> slots = new TreeMap<>();

    /** The table's size (fs/file.c: expand_fdtable grows it to a power of two, never shrinks it). */
    private int capacity = 64;

    /** The table's size, as FDSize in /proc/PID/status. */
    public int capacity() {
        return capacity;
    }

    private void grow(int fd) {
        while (capacity <= fd) {
            capacity *= 2;
        }
    }

    /** The description behind {@code fd}; EBADF if it is not open. */
    public OpenFile get(int fd) {
        Slot slot = slots.get(fd);
        if (slot == null) {
            throw new SysException(Errno.EBADF);
        }
        return slot.file();
    }

    /** Whether {@code fd} is open. */
    public boolean isOpen(int fd) {
        return slots.containsKey(fd);
    }

    /** Installs {@code file} at the lowest free descriptor not below {@code min}; the table takes the caller's reference. */
    public int install(OpenFile file, int min, boolean cloexec) {
        int fd = Math.max(0, min);
        while (slots.containsKey(fd)) {
            fd++;
        }
        if (fd >= NOFILE) {
            file.put();
            throw new SysException(Errno.EMFILE);
        }
        grow(fd);
        slots.put(fd, new Slot(file, cloexec));
        return fd;
    }

    /** Makes {@code newFd} refer to what {@code oldFd} refers to, closing {@code newFd} first (dup2). */
    public int dup2(int oldFd, int newFd) {
        OpenFile file = get(oldFd);
        if (newFd < 0 || newFd >= NOFILE) {
            throw new SysException(Errno.EBADF);
        }
        if (oldFd == newFd) {
            return newFd;
        }
        grow(newFd);
        Slot previous = slots.put(newFd, new Slot(file.get(), false));
        if (previous != null) {
            previous.file().put();
        }
        return newFd;
    }

    /** Closes {@code fd}; EBADF if it is not open. */
    public void close(int fd) {
        Slot slot = slots.remove(fd);
        if (slot == null) {
            throw new SysException(Errno.EBADF);
        }
        slot.file().put();
    }

    /** Sets or clears close-on-exec on {@code fd}. */
    public void setCloexec(int fd, boolean cloexec) {
        Slot slot = slots.get(fd);
        if (slot == null) {
            throw new SysException(Errno.EBADF);
        }
        slots.put(fd, new Slot(slot.file(), cloexec));
    }

    /** A copy for a forked child: same descriptions, one more reference each. */
    public FdTable copy() {
        FdTable copy = new FdTable();
        copy.capacity = capacity;
        for (Map.Entry<Integer, Slot> e : slots.entrySet()) {
            copy.slots.put(e.getKey(), new Slot(e.getValue().file().get(), e.getValue().cloexec()));
        }
        return copy;
    }

    /** Closes every close-on-exec descriptor (execve). */
    public void closeOnExec() {
        for (Integer fd : List.copyOf(slots.keySet())) {
            if (slots.get(fd).cloexec()) {
                close(fd);
            }
        }
    }

    /** Closes every descriptor (exit). */
    public void closeAll() {
        for (Integer fd : List.copyOf(slots.keySet())) {
            close(fd);
        }
    }

    /** The open descriptors, ascending. */
    public List<Integer> fds() {
        return new ArrayList<>(slots.keySet());
    }
}
