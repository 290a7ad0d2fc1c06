package isolab.sim.fs.overlay;

import isolab.sim.fs.Inode;

/**
 * A non-directory object of the merged tree (a file or a symbolic link): it keeps its place in
 * {@link Layers} and answers the questions of {@link OvlInode} from there.
 */
interface OvlLeaf<T extends Inode> extends OvlInode {

    /** Where this object is in the merged tree, and its real objects in the layers. */
    Layers<T> layers();

    /**
     * The place and real objects of one non-directory object: its parent and name in the merged
     * tree, the lower object it shows, and the upper one once it has been copied up.
     */
    final class Layers<T extends Inode> {
        private final OverlayFs fs;
        private final OvlDirectory parent;
        private final String name;
        private final T lower;
        private T upper;

        Layers(OverlayFs fs, OvlDirectory parent, String name, T upper, T lower) {
            this.fs = fs;
            this.parent = parent;
            this.name = name;
            this.upper = upper;
            this.lower = lower;
        }

        /** The object stat and reads see: the upper one if there is one, else the lower one. */
        T real() {
            return upper != null ? upper : lower;
        }

        /** The upper object, made by {@code copyUp} from the lower one the first time it is needed. */
        T upper(java.util.function.UnaryOperator<T> copyUp) {
            if (upper == null) {
                upper = copyUp.apply(lower);
            }
            return upper;
        }

        /** The device stat shows: the overlay's when every layer is on one filesystem, else the real object's. */
        String device() {
            return fs.samefs() ? fs.sb().device() : real().device();
        }
    }

    @Override
    default OverlayFs fs() {
        return layers().fs;
    }

    @Override
    default OvlDirectory parentDir() {
        return layers().parent;
    }

    @Override
    default String entryName() {
        return layers().name;
    }

    @Override
    default Inode upper() {
        return layers().upper;
    }

    @Override
    default Inode lower() {
        return layers().lower;
    }
}
