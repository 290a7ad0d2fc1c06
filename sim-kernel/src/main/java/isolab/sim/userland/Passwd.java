package isolab.sim.userland;

import isolab.sim.syscall.SysException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * glibc's getpwnam, getpwuid, getgrnam and getgrgid over the files database: /etc/passwd and
 * /etc/group read afresh at every call, as nss_files does. Names are not namespaced: a user
 * namespace sees the machine's files.
 */
public final class Passwd {

    /** A user: its name, uid and primary gid. */
    public record User(String name, int uid, int gid) {
    }

    private Passwd() {
    }

    /** The user called {@code name}, or null. */
    public static User byName(Proc p, String name) {
        String[] f = find(p, "/etc/passwd", 0, name);
        return f == null ? null : user(f);
    }

    /** The user with {@code uid}, or null. */
    public static User byUid(Proc p, long uid) {
        String[] f = find(p, "/etc/passwd", 2, String.valueOf(uid));
        return f == null ? null : user(f);
    }

    /** The gid of the group called {@code name}, or -1. */
    public static long groupByName(Proc p, String name) {
        String[] f = find(p, "/etc/group", 0, name);
        return f == null ? -1 : Long.parseLong(f[2]);
    }

    /** The name of the group with {@code gid}, or null. */
    public static String groupName(Proc p, long gid) {
        String[] f = find(p, "/etc/group", 2, String.valueOf(gid));
        return f == null ? null : f[0];
    }

    /**
     * Every name of {@code file} (/etc/passwd or /etc/group) by its numeric id, the first line of
     * each id winning; empty when the file cannot be read, so callers print numbers.
     */
    public static Map<Integer, String> namesById(Proc p, String file) {
        Map<Integer, String> names = new LinkedHashMap<>();
        try {
            for (String line : p.readFile(file).split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].matches("\\d+")) {
                    names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                }
            }
        } catch (SysException e) {
            // numeric ids then
        }
        return names;
    }

    private static User user(String[] f) {
        return new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]));
    }

    /** The first well-formed line of {@code file} whose field {@code field} is {@code value}. */
    private static String[] find(Proc p, String file, int field, String value) {
        String text;
        try {
            text = p.readFile(file);
        } catch (SysException e) {
            return null;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= (file.endsWith("passwd") ? 7 : 4) && f[field].equals(value) && f[2].matches("\\d+")
                    && (f.length < 4 || !file.endsWith("passwd") || f[3].matches("\\d+"))) {
                return f;
            }
        }
        return null;
    }
}
