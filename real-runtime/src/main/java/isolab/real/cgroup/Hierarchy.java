package isolab.real.cgroup;

import java.nio.file.Path;
import java.util.List;

/**
 * One cgroup v1 hierarchy of the host: where it is mounted and which controllers are bound to it
 * (kernel/cgroup/cgroup-v1.c: a controller is bound to at most one hierarchy).
 *
 * @param mountPoint where the host mounts it, e.g. {@code /sys/fs/cgroup/memory}
 * @param controllers the controllers bound to it, e.g. {@code [cpu, cpuacct]}
 */
public record Hierarchy(Path mountPoint, List<String> controllers) {

    public Hierarchy {
        controllers = List.copyOf(controllers);
    }

    /** The hierarchy's name inside a sandbox: its controllers joined by commas, as {@code mount -t cgroup -o} takes them. */
    public String name() {
        return String.join(",", controllers);
    }

    /** Whether {@code controller} is bound to this hierarchy. */
    public boolean has(String controller) {
        return controllers.contains(controller);
    }

    /** The directory under which isolab makes its sessions' cgroups: {@code MOUNTPOINT/isolab}. */
    public Path sessions() {
        return mountPoint.resolve("isolab");
    }
}
