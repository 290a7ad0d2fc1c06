package isolab.sim.fs;

/**
 * Who is walking a path or reading a rendered file. Rendered filesystems (procfs) need to know
 * the caller to resolve {@code /proc/self} and to decide what it may see; the process layer
 * implements this with its task.
 */
public interface Caller {

    /** The caller's credentials' effective user id. */
    int euid();
}
