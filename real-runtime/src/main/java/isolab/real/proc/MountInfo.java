package isolab.real.proc;

import isolab.api.MountView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code /proc/PID/mountinfo} (proc(5); fs/proc_namespace.c: show_mountinfo) into mount views. */
public final class MountInfo {

    private MountInfo() {
    }

    /** Every line of {@code text}, in order, as mounts of the mount namespace {@code mntNamespace}. */
    public static List<MountView> parse(long mntNamespace, String text) {
        List<MountView> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                mounts.add(parseLine(mntNamespace, line));
            }
        }
        return mounts;
    }

    /**
     * One line: {@code ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS}.
     * Paths come back with the kernel's octal escapes ({@code \040} for a space) decoded.
     */
    public static MountView parseLine(long mntNamespace, String line) {
        String[] fields = line.split(" ");
        int dash = Arrays.asList(fields).indexOf("-");
        if (dash < 6 || fields.length < dash + 4) {
            throw new IllegalArgumentException("not a mountinfo line: " + line);
        }
        return new MountView(
                mntNamespace,
                Integer.parseInt(fields[0]),
                Integer.parseInt(fields[1]),
                fields[2],
                unescape(fields[3]),
                unescape(fields[4]),
                fields[5],
                String.join(" ", Arrays.copyOfRange(fields, 6, dash)),
                fields[dash + 1],
                unescape(fields[dash + 2]),
                fields[dash + 3]);
    }

    /** Decodes the {@code \ooo} escapes fs/proc_namespace.c: mangle writes for space, tab, newline and backslash. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
