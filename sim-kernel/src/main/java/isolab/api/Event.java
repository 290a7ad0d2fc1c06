package isolab.api;

/**
 * A kernel decision a command caused: a process forked, a namespace created, a mount made, a file
 * copied up, a veth pair created.
 * Events are typed records grouped by the kernel concept they belong to; the simulator reports
 * every one in order, a real host reports none. PIDs are PIDs in the host's initial PID namespace.
 */
public sealed interface Event permits ProcessEvent, NamespaceEvent, MountEvent, OverlayEvent, NetEvent, CgroupEvent,
        MemoryEvent {

    /** One sentence for a person reading the timeline, e.g. {@code bash[2] forked 7}. */
    String summary();
}
