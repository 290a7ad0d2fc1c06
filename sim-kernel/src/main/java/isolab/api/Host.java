package isolab.api;

/** A Linux machine that runs shell command lines in named terminals and can be observed. */
public interface Host extends AutoCloseable {

    /** Which implementation this is: the simulator or a real Linux host. */
    HostKind kind();

    /**
     * The terminal called {@code name}, created on first use as a root bash in the host's initial
     * namespaces and cgroups, working directory {@code /root}.
     */
    Terminal terminal(String name);

    /** An immutable snapshot of what can be observed on this host now. */
    HostView view();

    /** Tears the host down; when this returns no process, mount or cgroup of it is left. */
    @Override
    void close();
}
