package isolab.sim.kernel;

import isolab.sim.fs.Directory;
import isolab.sim.fs.Tmpfs;

/** The nodes of the machine's /dev (docs/MACHINE.md), with Linux's numbers and modes. */
final class DevTree {

    private DevTree() {
    }

    static void populate(Directory dev) {
        Tmpfs.chardev(dev, "null", 0666, 1, 3);
        Tmpfs.chardev(dev, "zero", 0666, 1, 5);
        Tmpfs.chardev(dev, "full", 0666, 1, 7);
        Tmpfs.chardev(dev, "random", 0666, 1, 8);
        Tmpfs.chardev(dev, "urandom", 0666, 1, 9);
        Tmpfs.chardev(dev, "tty", 0666, 5, 0);
        Tmpfs.symlink(dev, "ptmx", "pts/ptmx");
        Tmpfs.symlink(dev, "fd", "/proc/self/fd");
        Tmpfs.symlink(dev, "stdin", "/proc/self/fd/0");
        Tmpfs.symlink(dev, "stdout", "/proc/self/fd/1");
        Tmpfs.symlink(dev, "stderr", "/proc/self/fd/2");
        Tmpfs.mkdirs(dev, "pts", 0755);
        Tmpfs.mkdirs(dev, "mqueue", 0755);
    }
}
