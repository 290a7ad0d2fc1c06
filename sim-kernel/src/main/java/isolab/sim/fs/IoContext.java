package isolab.sim.fs;

import isolab.sim.sched.Scheduler;
import isolab.sim.sched.WaitQueue;

/**
 * What a file needs from the task doing I/O on it: a way to sleep that a signal can interrupt,
 * and SIGPIPE. The process layer implements it with its task.
 */
public interface IoContext extends Caller {

    /**
     * Sleeps on {@code queue} until woken. Throws EINTR if a signal arrives, and does not return
     * at all if the signal kills the task.
     */
    void sleepOn(WaitQueue queue);

    /**
     * Called before a read of terminal {@code tty}: a process of a background group reading its
     * controlling terminal gets SIGTTIN (drivers/tty/tty_jobctrl.c: __tty_check_change) and the
     * read is restarted once it is continued; EIO if it ignores SIGTTIN.
     */
    default void checkTerminalRead(Object tty, int foregroundPgrp) {
    }

    /**
     * Called before a read of {@code length} bytes at {@code offset} of a file on disk: the pages
     * go through the page cache, charged to the reader's memory cgroup (mm/filemap.c:
     * filemap_read). Throws ENOMEM if they cannot be charged.
     */
    default void pageCacheRead(RegularFile file, long offset, int length) {
    }

    /**
     * Called before a write of {@code length} bytes at {@code offset} of a tmpfs file: new pages
     * are charged to the writer's memory cgroup as shmem (mm/shmem.c). Throws ENOMEM if they
     * cannot be.
     */
    default void shmemWrite(RegularFile file, long offset, int length) {
    }

    /** Called before a read of a tmpfs file: the pages read are marked accessed (mm/shmem.c). */
    default void shmemRead(RegularFile file, long offset, int length) {
    }

    /** Sends SIGPIPE to the caller (a write to a pipe nobody reads). */
    void raiseSigpipe();

    /** The machine's scheduler, to wake other tasks. */
    Scheduler scheduler();

    /** Virtual time now, in ticks. */
    long nowTicks();
}
