package isolab.api;

/** Events of the mount tree: mounts made, removed, and propagated between namespaces. */
public sealed interface MountEvent extends Event {

    /** A {@code fsType} filesystem from {@code source} was mounted on {@code target} in mnt namespace {@code mntNamespace}. */
    record Mounted(long mntNamespace, int mountId, String fsType, String source, String target, boolean propagated)
            implements MountEvent {
        @Override
        public String summary() {
            return (propagated ? "propagated: " : "") + fsType + " " + source + " mounted on " + target
                    + " in mnt:[" + mntNamespace + "]";
        }
    }

    /** The mount {@code mountId} on {@code target} was removed from mnt namespace {@code mntNamespace}. */
    record Unmounted(long mntNamespace, int mountId, String target, boolean propagated) implements MountEvent {
        @Override
        public String summary() {
            return (propagated ? "propagated: " : "") + target + " unmounted in mnt:[" + mntNamespace + "]";
        }
    }
}
