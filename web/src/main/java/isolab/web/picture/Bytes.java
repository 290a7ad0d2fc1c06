package isolab.web.picture;

/** Sizes in the binary units Linux tools print ({@code dd}'s "16 MiB", {@code free -h}'s "Mi"): B, KiB, MiB, GiB. */
final class Bytes {

    /** At or above this a memory cgroup's limit means "no limit": v1 shows PAGE_COUNTER_MAX pages, 9223372036854771712. */
    static final long UNLIMITED = 1L << 60;

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Bytes() {
    }

    /** {@code bytes} in the largest unit it reaches, one decimal unless whole: {@code 0}, {@code 512 KiB}, {@code 59.5 MiB}. */
    static String human(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        if (bytes < 0) {
            return "-" + human(-Math.max(bytes, -Long.MAX_VALUE));
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double tenths = Math.round(value * 10) / 10.0;
        if (tenths >= 1024 && unit < UNITS.length - 1) {
            tenths = 1;
            unit++;
        }
        String number = tenths == Math.rint(tenths) ? Long.toString((long) tenths) : Double.toString(tenths);
        return number + " " + UNITS[unit];
    }

    /** Whether {@code limitBytes} is a real limit, not v1's "unlimited" (or a value that could not be read). */
    static boolean limited(long limitBytes) {
        return limitBytes > 0 && limitBytes < UNLIMITED;
    }

    /** {@code part} as a whole percentage of {@code whole}. */
    static long percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(100.0 * part / whole);
    }
}
