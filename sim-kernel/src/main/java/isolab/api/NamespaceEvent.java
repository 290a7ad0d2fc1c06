package isolab.api;

/** Events of namespaces: created, joined, destroyed, and changes to what they isolate. */
public sealed interface NamespaceEvent extends Event {

    /** {@code pid} created a new {@code type} namespace with inode {@code inode}. */
    record Created(NamespaceType type, long inode, int pid) implements NamespaceEvent {
        @Override
        public String summary() {
            return "process " + pid + " created " + type.procName() + ":[" + inode + "]";
        }
    }

    /** {@code pid} joined the existing {@code type} namespace {@code inode} (setns). */
    record Entered(NamespaceType type, long inode, int pid) implements NamespaceEvent {
        @Override
        public String summary() {
            return "process " + pid + " entered " + type.procName() + ":[" + inode + "]";
        }
    }

    /** The last reference to the {@code type} namespace {@code inode} went away. */
    record Destroyed(NamespaceType type, long inode) implements NamespaceEvent {
        @Override
        public String summary() {
            return type.procName() + ":[" + inode + "] was destroyed";
        }
    }

    /** {@code pid} set the hostname of UTS namespace {@code inode} from {@code before} to {@code after}. */
    record HostnameChanged(long inode, int pid, String before, String after) implements NamespaceEvent {
        @Override
        public String summary() {
            return "process " + pid + " set the hostname of uts:[" + inode + "] from " + before + " to " + after;
        }
    }

    /** {@code pid} wrote the {@code file} ({@code uid_map} or {@code gid_map}) of user namespace {@code inode}. */
    record IdMapWritten(long inode, String file, String map, int pid) implements NamespaceEvent {
        @Override
        public String summary() {
            return "process " + pid + " wrote the " + file + " of user:[" + inode + "]: " + map.strip().replaceAll("\\s+", " ");
        }
    }
}
