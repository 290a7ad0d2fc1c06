package isolab.sim.fs;

/**
 * An inode whose content is produced from the model when it is opened (procfs files): opening it
 * asks the inode for a fresh snapshot instead of reading stored bytes.
 */
public interface Rendered {

    /** Opens the inode for {@code caller}; the text is rendered now. */
    OpenFile open(int flags, Path path, Caller caller);
}
