package isolab.api;

/**
 * What a host is asked to be: the cgroup layout of the machine and the seed of the run.
 *
 * @param cgroup the cgroup layout; a real host whose layout differs refuses to start
 * @param seed the root seed of the simulator's randomness (a real host records it and ignores it)
 */
public record MachineConfig(CgroupVersion cgroup, long seed) {

    /** The default machine: cgroup v1, as the development hosts have it, seed 0. */
    public static MachineConfig defaults() {
        return new MachineConfig(CgroupVersion.V1, 0L);
    }
}
