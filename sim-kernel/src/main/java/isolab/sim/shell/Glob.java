package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.util.ArrayList;
import java.util.List;

/**
 * Pattern matching (fnmatch(3): {@code *}, {@code ?}, {@code [...]} with ranges and {@code !}/{@code ^}
 * negation, backslash for a literal character) and pathname expansion over the machine's
 * directories, read with getdents. Matches are sorted in byte order (the POSIX locale); names
 * starting with {@code .} match only a pattern that starts with {@code .}.
 */
public final class Glob {

    private Glob() {
    }

    /** Whether {@code pattern} has an unescaped {@code *}, {@code ?} or {@code [}. */
    public static boolean hasMagic(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Removes the backslashes that protect literal characters in {@code pattern}. */
    public static String unescape(String pattern) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                s.append(pattern.charAt(++i));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Whether {@code text} matches {@code pattern} as a whole. */
    public static boolean match(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = ti; k <= t.length(); k++) {
                    if (match(p, pi, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                ti++;
                continue;
            }
            if (c == '[') {
                int end = classEnd(p, pi);
                if (end > 0) {
                    if (!inClass(p.substring(pi + 1, end), t.charAt(ti))) {
                        return false;
                    }
                    pi = end + 1;
                    ti++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) {
                pi++;
                c = p.charAt(pi);
            }
            if (c != t.charAt(ti)) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }

    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            if (p.charAt(i) == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean inClass(String spec, char c) {
        boolean negate = !spec.isEmpty() && (spec.charAt(0) == '!' || spec.charAt(0) == '^');
        String body = negate ? spec.substring(1) : spec;
        boolean found = false;
        for (int i = 0; i < body.length(); i++) {
            char lo = body.charAt(i);
            if (lo == '\\' && i + 1 < body.length()) {
                lo = body.charAt(++i);
            }
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                char hi = body.charAt(i + 2);
                if (c >= lo && c <= hi) {
                    found = true;
                }
                i += 2;
            } else if (c == lo) {
                found = true;
            }
        }
        return found != negate;
    }

    /** Expands {@code pattern} against the file system; empty if nothing matches. */
    public static List<String> expand(Syscalls sys, String pattern) {
        boolean absolute = pattern.startsWith("/");
        String[] parts = pattern.split("/", -1);
        List<String> results = new ArrayList<>();
        results.add(absolute ? "/" : "");
        for (int i = absolute ? 1 : 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String base : results) {
                if (part.isEmpty()) {
                    if (last) {
                        next.add(base);
                    }
                    continue;
                }
                if (!hasMagic(part)) {
                    String candidate = join(base, unescape(part));
                    if (exists(sys, candidate)) {
                        next.add(candidate);
                    }
                    continue;
                }
                for (String name : list(sys, base.isEmpty() ? "." : base)) {
                    if (name.startsWith(".") && !part.startsWith(".") && !part.startsWith("\\.")) {
                        continue;
                    }
                    if (name.equals(".") || name.equals("..")) {
                        continue;
                    }
                    if (match(part, name)) {
                        String candidate = join(base, name);
                        if (!last && !isDirectory(sys, candidate)) {
                            continue;
                        }
                        next.add(candidate);
                    }
                }
            }
            results = next;
            if (results.isEmpty()) {
                return results;
            }
        }
        if (pattern.endsWith("/")) {
            List<String> withSlash = new ArrayList<>();
            for (String r : results) {
                withSlash.add(r.endsWith("/") ? r : r + "/");
            }
            results = withSlash;
        }
        results.sort(null);
        return results;
    }

    private static String join(String base, String name) {
        if (base.isEmpty()) {
            return name;
        }
        return base.endsWith("/") ? base + name : base + "/" + name;
    }

    private static boolean exists(Syscalls sys, String path) {
        try {
            sys.lstat(path);
            return true;
        } catch (SysException e) {
            return false;
        }
    }

    private static boolean isDirectory(Syscalls sys, String path) {
        try {
            return sys.stat(path).isDirectory();
        } catch (SysException e) {
            return false;
        }
    }

    private static List<String> list(Syscalls sys, String dir) {
        List<String> names = new ArrayList<>();
        try {
            int fd = sys.open(dir, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
            try {
                for (DirEntry e : sys.getdents(fd)) {
                    names.add(e.name());
                }
            } finally {
                sys.close(fd);
            }
        } catch (SysException e) {
            return names;
        }
        names.sort(null);
        return names;
    }
}
