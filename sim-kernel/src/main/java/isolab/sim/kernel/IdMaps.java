package isolab.sim.kernel;

import isolab.sim.namespace.UserNamespace;
import isolab.sim.process.Credentials;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writing /proc/PID/uid_map, gid_map and setgroups (kernel/user_namespace.c: map_write,
 * new_idmap_permitted, proc_setgroups_write): a map is written once, in one write, of at most
 * 340 non-overlapping lines; the writer needs CAP_SYS_ADMIN over the namespace, and either
 * CAP_SETUID/CAP_SETGID over its parent or a single line mapping its own effective id (for
 * gid_map only once setgroups is denied).
 */
public final class IdMaps {

    private IdMaps() {
    }

    /** PAGE_SIZE: a map must be written in one write(2) shorter than a page. */
    private static final int PAGE_SIZE = 4096;

    /** CAP_SETFCAP: needed to map the parent's uid 0 (security/commoncap.c, kernel/user_namespace.c). */
    private static final int CAP_SETFCAP = 31;

    /**
     * Writes {@code text} at file offset {@code offset} to the uid_map ({@code uid}) or gid_map of
     * {@code ns}, for the process that opened the file (kernel/user_namespace.c: proc_uid_map_write,
     * map_write), in map_write's order of checks.
     */
    public static void write(Task opener, UserNamespace ns, String text, boolean uid, long offset) {
        Credentials c = opener.cred();
        // proc_uid_map_write: the opener must be in the namespace or in its parent.
        if (ns.parent() == null || c.userNs() != ns && c.userNs() != ns.parent()) {
            throw new SysException(Errno.EPERM);
        }
        // map_write: only one write, at the start of the file, of less than a page.
        if (offset != 0 || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= PAGE_SIZE) {
            throw new SysException(Errno.EINVAL);
        }
        if (!(uid ? ns.uidMap() : ns.gidMap()).isEmpty()) {
            throw new SysException(Errno.EPERM);
        }
        if (!c.capableIn(ns, Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        List<UserNamespace.Extent> extents = parse(text);
        if (!permitted(c, ns, extents, uid)) {
            throw new SysException(Errno.EPERM);
        }
        for (UserNamespace.Extent e : extents) {
            // map_id_range_down: every outside id must be mapped in the parent namespace.
            if (ns.parent().toKernel(e.outside(), uid) < 0 || ns.parent().toKernel(e.outside() + e.count() - 1, uid) < 0) {
                throw new SysException(Errno.EPERM);
            }
        }
        ns.setMap(uid, extents);
        opener.kernel().emit(new isolab.api.NamespaceEvent.IdMapWritten(ns.inode(), uid ? "uid_map" : "gid_map", text,
                opener.pid()));
    }

    /** kernel/user_namespace.c: new_idmap_permitted, with verify_root_map for uid maps. */
    private static boolean permitted(Credentials c, UserNamespace ns, List<UserNamespace.Extent> extents, boolean uid) {
        if (uid && !rootMapAllowed(c, ns, extents)) {
            return false;
        }
        if (extents.size() == 1 && extents.get(0).count() == 1 && ns.ownerKuid() == c.euid()) {
            long id = ns.parent().toKernel(extents.get(0).outside(), uid);
            if (uid && id == c.euid() || !uid && !ns.setgroupsAllowed() && id == c.egid()) {
                return true;
            }
        }
        return c.capableIn(ns.parent(), uid ? Credentials.CAP_SETUID : Credentials.CAP_SETGID);
    }

    /**
     * verify_root_map: mapping the parent's uid 0 needs CAP_SETFCAP - over the parent for a writer
     * outside, and at creation time for a process writing its own namespace's map.
     */
    private static boolean rootMapAllowed(Credentials c, UserNamespace ns, List<UserNamespace.Extent> extents) {
        boolean mapsRoot = extents.stream().anyMatch(e -> e.outside() == 0);
        if (!mapsRoot) {
            return true;
        }
        return c.userNs() == ns ? ns.parentCouldSetfcap() : c.capableIn(ns.parent(), CAP_SETFCAP);
    }

    private static List<UserNamespace.Extent> parse(String text) {
        List<UserNamespace.Extent> extents = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                throw new SysException(Errno.EINVAL);
            }
            long inside;
            long outside;
            long count;
            try {
                inside = Long.parseLong(f[0]);
                outside = Long.parseLong(f[1]);
                count = Long.parseLong(f[2]);
            } catch (NumberFormatException e) {
                throw new SysException(Errno.EINVAL);
            }
            if (count <= 0 || inside < 0 || outside < 0 || inside + count > 0xFFFFFFFFL || outside + count > 0xFFFFFFFFL) {
                throw new SysException(Errno.EINVAL);
            }
            for (UserNamespace.Extent e : extents) {
                // mappings_overlap: neither the inside nor the outside ranges may meet.
                boolean insideOverlap = inside < e.inside() + e.count() && e.inside() < inside + count;
                boolean outsideOverlap = outside < e.outside() + e.count() && e.outside() < outside + count;
                if (insideOverlap || outsideOverlap) {
                    throw new SysException(Errno.EINVAL);
                }
            }
            if (extents.size() == UserNamespace.MAX_EXTENTS) {
                throw new SysException(Errno.EINVAL);
            }
            extents.add(new UserNamespace.Extent(inside, outside, count));
        }
        if (extents.isEmpty()) {
            throw new SysException(Errno.EINVAL);
        }
        return extents;
    }

    /**
     * Writes {@code allow} or {@code deny} to /proc/PID/setgroups of {@code ns}
     * (kernel/user_namespace.c: proc_setgroups_write): one write at offset 0; {@code deny} is
     * refused once gid_map is written, {@code allow} once setgroups was denied.
     */
    public static void writeSetgroups(Task opener, UserNamespace ns, String text, long offset) {
        if (offset != 0 || text.length() >= 8) {
            throw new SysException(Errno.EINVAL);
        }
        String value = text.strip();
        if (!value.equals("allow") && !value.equals("deny")) {
            throw new SysException(Errno.EINVAL);
        }
        boolean gidMapWritten = ns.parent() == null || !ns.gidMap().isEmpty();
        if (value.equals("allow") && !ns.setgroupsAllowed() || value.equals("deny") && gidMapWritten) {
            throw new SysException(Errno.EPERM);
        }
        if (value.equals("deny")) {
            ns.denySetgroups();
        }
    }

    /** The text of a map file: {@code %10u %10u %10u} per line (kernel/user_namespace.c: uid_m_show). */
    public static String render(List<UserNamespace.Extent> map) {
        StringBuilder s = new StringBuilder();
        for (UserNamespace.Extent e : map) {
            s.append(String.format("%10d %10d %10d%n", e.inside(), e.outside(), e.count()));
        }
        return s.toString();
    }
}
