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

    /** Writes {@code text} to the uid_map ({@code uid}) or gid_map of {@code ns}, on behalf of {@code writer}. */
    public static void write(Task writer, UserNamespace ns, String text, boolean uid) {
        if (ns.parent() == null || !(uid ? ns.uidMap() : ns.gidMap()).isEmpty()) {
            throw new SysException(Errno.EPERM);
        }
        List<UserNamespace.Extent> extents = parse(text);
        Credentials c = writer.cred();
        if (!c.capableIn(ns, Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        if (!permitted(c, ns, extents, uid)) {
            throw new SysException(Errno.EPERM);
        }
        for (UserNamespace.Extent e : extents) {
            // Every outside id must exist in the parent namespace.
            if (ns.parent().toKernel(e.outside(), uid) < 0 || ns.parent().toKernel(e.outside() + e.count() - 1, uid) < 0) {
                throw new SysException(Errno.EPERM);
            }
        }
        ns.setMap(uid, extents);
    }

    private static boolean permitted(Credentials c, UserNamespace ns, List<UserNamespace.Extent> extents, boolean uid) {
        long ownId = uid ? c.euid() : c.egid();
        if (extents.size() == 1 && extents.get(0).count() == 1 && ns.parent().toKernel(extents.get(0).outside(), uid) == ownId
                && ns.ownerKuid() == c.euid() && (uid || !ns.setgroupsAllowed())) {
            return true;
        }
        return c.capableIn(ns.parent(), uid ? Credentials.CAP_SETUID : Credentials.CAP_SETGID);
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
                boolean insideOverlap = inside < e.inside() + e.count() && e.inside() < inside + count;
                boolean outsideOverlap = outside < e.outside() + e.count() && e.outside() < outside + count;
                if (insideOverlap || outsideOverlap) {
                    throw new SysException(Errno.EINVAL);
                }
            }
            extents.add(new UserNamespace.Extent(inside, outside, count));
        }
        if (extents.isEmpty() || extents.size() > UserNamespace.MAX_EXTENTS) {
            throw new SysException(Errno.EINVAL);
        }
        return extents;
    }

    /** Writes {@code allow} or {@code deny} to /proc/PID/setgroups of {@code ns}. */
    public static void writeSetgroups(Task writer, UserNamespace ns, String text) {
        String value = text.trim();
        if (!value.equals("allow") && !value.equals("deny")) {
            throw new SysException(Errno.EINVAL);
        }
        if (!ns.gidMap().isEmpty() || ns.parent() == null) {
            throw new SysException(Errno.EPERM);
        }
        if (value.equals("allow") && !ns.setgroupsAllowed()) {
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
