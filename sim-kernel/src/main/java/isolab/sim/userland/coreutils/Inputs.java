package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;

/** Opening a coreutils operand: {@code -} is standard input; errors are reported as {@code prog: file: strerror}. */
final class Inputs {

    private Inputs() {
    }

    /** The descriptor for {@code file}, or -1 after printing the error. */
    static int open(Proc p, String file) {
        if (file.equals("-")) {
            return 0;
        }
        try {
            return p.sys().open(file, OpenFile.O_RDONLY, 0);
        } catch (SysException e) {
            p.error(file + ": " + e.strerror());
            return -1;
        }
    }

    /** Closes a descriptor {@link #open} returned. */
    static void close(Proc p, int fd) {
        if (fd > 0) {
            p.sys().close(fd);
        }
    }

    /** Reads the whole of {@code file}; null after printing the error. */
    static String readAll(Proc p, String file) {
        int fd = open(p, file);
        if (fd < 0) {
            return null;
        }
        try {
            return p.readAll(fd);
        } catch (SysException e) {
            p.error(file + ": " + e.strerror());
            return null;
        } finally {
            close(p, fd);
        }
    }
}
