package isolab.sim.fs;

import java.nio.charset.StandardCharsets;

/**
 * A symbolic link: a path stored as text, followed during path walk. Rendered links
 * ({@code /proc/self}, {@code /proc/PID/ns/*}) override {@link #target} and may resolve to an
 * object directly ({@link #follow}) instead of by walking their text.
 */
public class Symlink extends Inode {

    private final String target;

    public Symlink(SuperBlock sb, long ino, String target) {
        super(sb, ino, S_IFLNK | 0777);
        this.target = target;
    }

    /** What readlink(2) returns for {@code caller}; null if the link cannot be read (ENOENT). */
    public String target(Caller caller) {
        return target;
    }

    /**
     * For magic links: the object the link leads to, without a path walk; null for ordinary links,
     * which are followed by walking {@link #target}.
     */
    public Inode follow(Caller caller) {
        return null;
    }

    @Override
    public long size() {
        String text = target(null);
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
