package isolab.sim.fs.mount;

import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Tmpfs;
import isolab.sim.fs.proc.ProcFs;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filesystem types the kernel knows (fs/filesystems.c: register_filesystem, get_fs_type), in
 * /proc/filesystems order, each with what makes a new superblock for mount(2) (its fs_context's
 * get_tree). A type the machine's kernel has but isolab does not model mounts with ENOSYS; a
 * block-device filesystem wants a block device the machine does not have.
 */
public final class FileSystems {

    /** What mount(2) hands a filesystem type: the caller, the source, the MS_* flags and the option string. */
    public record Request(Kernel kernel, Task task, String source, long flags, String data) {
    }

    /** Makes a superblock for a mount request; throws the errno mount(2) returns. */
    @FunctionalInterface
    public interface Type {
        SuperBlock getTree(Request request);
    }

    private record Entry(String name, boolean nodev, Type type) {
    }

    private static final List<Entry> TYPES = new ArrayList<>();

    static {
        register("sysfs", true, null);
        register("tmpfs", true, r -> Tmpfs.mount(r.kernel().nextAnonDevice(), r.source(), r.flags(), r.data()));
        register("proc", true, FileSystems::proc);
        register("cgroup", true, null);
        register("cgroup2", true, null);
        register("devtmpfs", true, null);
        register("devpts", true, null);
        register("ext4", false, FileSystems::blockDevice);
        register("overlay", true, null);
        isolab.sim.fs.overlay.OverlayFs.register();
        register("mqueue", true, null);
    }

    private FileSystems() {
    }

    /**
     * Registers (or replaces) filesystem type {@code name}; {@code type} null means the machine's
     * kernel has it but isolab does not model mounting it.
     */
    public static synchronized void register(String name, boolean nodev, Type type) {
        for (int i = 0; i < TYPES.size(); i++) {
            if (TYPES.get(i).name().equals(name)) {
                TYPES.set(i, new Entry(name, nodev, type));
                return;
            }
        }
        TYPES.add(new Entry(name, nodev, type));
    }

    /** get_fs_type: the type called {@code name}: ENODEV if the kernel has none, ENOSYS if isolab does not model it. */
    public static synchronized Type get(String name) {
        for (Entry e : TYPES) {
            if (e.name().equals(name)) {
                if (e.type() == null) {
                    throw new SysException(Errno.ENOSYS);
                }
                return e.type();
            }
        }
        throw new SysException(Errno.ENODEV);
    }

    /** /proc/filesystems: {@code nodev} or nothing, a tab, the name. */
    public static synchronized String proc() {
        StringBuilder s = new StringBuilder();
        for (Entry e : TYPES) {
            s.append(e.nodev() ? "nodev" : "").append('\t').append(e.name()).append('\n');
        }
        return s.toString();
    }

    /** The names of the block-device types, in order (what mount(8) tries for an unknown type). */
    public static synchronized List<String> blockTypes() {
        List<String> names = new ArrayList<>();
        for (Entry e : TYPES) {
            if (!e.nodev()) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** fs/proc/root.c: proc_fill_super: a proc instance for the caller's PID namespace; options are not modelled. */
    private static SuperBlock proc(Request r) {
        if (r.data() != null && !r.data().isEmpty()) {
            for (String option : r.data().split(",")) {
                if (option.startsWith("hidepid=") || option.startsWith("gid=") || option.startsWith("subset=")) {
                    throw new SysException(Errno.ENOSYS);
                }
                throw new SysException(Errno.EINVAL);
            }
        }
        return ProcFs.create(r.kernel(), r.task().pidNs(), r.kernel().nextAnonDevice());
    }

    /**
     * fs/super.c: get_tree_bdev: a disk filesystem wants a block device: ENOENT if the source does not
     * exist, ENOTBLK if it is not one (the machine has none).
     */
    private static SuperBlock blockDevice(Request r) {
        if (r.source() == null || r.source().isEmpty()) {
            throw new SysException(Errno.EINVAL);
        }
        r.kernel().lookup(r.task(), r.source(), true);
        throw new SysException(Errno.ENOTBLK);
    }
}
