package isolab.sim.cgroup;

import isolab.sim.process.Task;

/**
 * A control file (include/linux/cgroup-defs.h: struct cftype): its name, mode, where it appears,
 * and how it is read and written. Reads render the file for one reader; writes get the text of one
 * write(2) and the task that opened the file (kernfs passes the opener's credentials).
 */
public record Cftype(String name, int mode, Where where, Reader read, Writer write) {

    /** Which cgroups have the file (CFTYPE_ONLY_ON_ROOT, CFTYPE_NOT_ON_ROOT). */
    public enum Where { EVERY, ONLY_ON_ROOT, NOT_ON_ROOT }

    /** Renders the file's text for {@code reader}. */
    @FunctionalInterface
    public interface Reader {
        String read(Cgroup cgroup, Task reader);
    }

    /** Takes one write; throws SysException to fail it. */
    @FunctionalInterface
    public interface Writer {
        void write(Cgroup cgroup, Task opener, String text);
    }

    /** Whether the file appears in {@code cgroup}: "root" is the host's root (see {@link Hierarchy#delegated}). */
    public boolean appearsIn(Cgroup cgroup) {
        boolean hostRoot = cgroup.isRoot() && !cgroup.hierarchy().delegated();
        return switch (where) {
            case EVERY -> true;
            case ONLY_ON_ROOT -> hostRoot;
            case NOT_ON_ROOT -> !hostRoot;
        };
    }
}
