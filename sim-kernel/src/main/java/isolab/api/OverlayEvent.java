package isolab.api;

/**
 * Events of overlay filesystems (Documentation/filesystems/overlayfs.rst): what a write through
 * the merged view did to the upper layer. {@code upperdir} names the overlay by its upper layer,
 * as its mount options give it; {@code path} is the object's path from the overlay's root.
 */
public sealed interface OverlayEvent extends Event {

    /**
     * {@code path} was copied up from a lower layer: a directory (its metadata only), or a file
     * with all its {@code bytes}, parents first.
     */
    record CopiedUp(String upperdir, String path, boolean directory, long bytes) implements OverlayEvent {
        @Override
        public String summary() {
            return "copied up " + path + (directory ? " (directory)" : " (" + bytes + " bytes)") + " to " + upperdir;
        }
    }

    /** Removing {@code path}, which a lower layer has, left a whiteout (character device 0/0) in the upper layer. */
    record WhiteoutCreated(String upperdir, String path) implements OverlayEvent {
        @Override
        public String summary() {
            return "whiteout for " + path + " created in " + upperdir;
        }
    }

    /** The directory {@code path}, made where a lower layer's object was removed, is opaque: it hides the lower layers. */
    record OpaqueDirCreated(String upperdir, String path) implements OverlayEvent {
        @Override
        public String summary() {
            return "opaque directory " + path + " created in " + upperdir;
        }
    }
}
