package isolab.sim.fs;

/**
 * A directory whose mkdir(2) and rmdir(2) are its filesystem's own operations (fs/kernfs/dir.c:
 * kernfs_iop_mkdir, kernfs_iop_rmdir calling kernfs_syscall_ops): cgroupfs makes and removes
 * cgroups this way. The system call layer has done the path walk and the permission check.
 */
public interface KernfsDirectory {

    /** Makes the entry {@code name} with permission bits {@code mode} (umask applied) for {@code caller}. */
    void mkdir(String name, int mode, Caller caller);

    /** Removes the directory {@code name} for {@code caller}. */
    void rmdir(String name, Caller caller);
}
