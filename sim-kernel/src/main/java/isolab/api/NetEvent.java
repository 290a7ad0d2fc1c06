package isolab.api;

/**
 * Events of the network stacks: devices created, moved between network namespaces and deleted,
 * and where an echo request went. Namespaces are named by their inode, as in {@code net:[N]}.
 */
public sealed interface NetEvent extends Event {

    /** Device {@code name} ({@code kind}: veth, bridge) got ifindex {@code ifindex} in net namespace {@code netns}. */
    record LinkCreated(long netns, int ifindex, String name, String kind) implements NetEvent {
        @Override
        public String summary() {
            return kind + " " + name + " created as device " + ifindex + " of net:[" + netns + "]";
        }
    }

    /** Device {@code name} moved from net namespace {@code from} to {@code to}, where it is device {@code ifindex}. */
    record LinkMoved(String name, long from, long to, int ifindex) implements NetEvent {
        @Override
        public String summary() {
            return name + " moved from net:[" + from + "] to net:[" + to + "] as device " + ifindex;
        }
    }

    /** Device {@code name} of net namespace {@code netns} was deleted; {@code why} says what took it. */
    record LinkDeleted(long netns, String name, String why) implements NetEvent {
        @Override
        public String summary() {
            return name + " of net:[" + netns + "] deleted (" + why + ")";
        }
    }

    /** An echo request from {@code source} to {@code destination} in net namespace {@code netns}: {@code outcome}. */
    record Echo(long netns, String source, String destination, String outcome) implements NetEvent {
        @Override
        public String summary() {
            return "echo " + source + " -> " + destination + " in net:[" + netns + "]: " + outcome;
        }
    }
}
