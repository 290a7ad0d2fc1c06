package isolab.sim.userland.procps;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * /usr/bin/uptime (procps-ng 4.0.2, uptime.c and library/uptime.c): the time of day, how long the
 * machine has been up as /proc/uptime says - so in a time namespace with the namespace's boottime
 * offset - the logged-in users from utmp (the machine has none) and /proc/loadavg; {@code -p} in
 * words, {@code -s} the moment it came up. The clock is UTC (the machine has no local zone).
 */
public final class Uptime {

    private static final String USAGE = """

            Usage:
             uptime [options]

            Options:
             -p, --pretty   show uptime in pretty format
             -h, --help     display this help and exit
             -s, --since    system up since
             -V, --version  output version information and exit

            For more details see uptime(1).
            """;

    private Uptime() {
    }

    public static int main(Proc p) {
        boolean pretty = false;
        for (String a : p.args()) {
            switch (a) {
                case "-p", "--pretty" -> pretty = true;
                case "-s", "--since" -> {
                    return since(p);
                }
                case "-h", "--help" -> {
                    p.out(USAGE);
                    return 0;
                }
                case "-V", "--version" -> {
                    p.out("uptime from procps-ng 4.0.2\n");
                    return 0;
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        p.err(a.startsWith("--") ? "uptime: unrecognized option '" + a + "'\n"
                                : "uptime: invalid option -- '" + a.charAt(1) + "'\n");
                    }
                    p.err(USAGE);
                    return 1;
                }
            }
        }
        Double up = uptimeSeconds(p);
        if (up == null) {
            return 1;
        }
        p.out((pretty ? pretty(up) : plain(p, up)) + "\n");
        return 0;
    }

    /** library/uptime.c: procps_uptime_sprint. */
    private static String plain(Proc p, double upSeconds) {
        int up = (int) upSeconds;
        int days = up / 86400;
        int hours = up / 3600 % 24;
        int minutes = up / 60 % 60;
        LocalDateTime now = LocalDateTime.ofInstant(Instant.ofEpochMilli(p.sys().realtimeMillis()), ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(String.format(" %02d:%02d:%02d up ", now.getHour(), now.getMinute(), now.getSecond()));
        if (days != 0) {
            s.append(days).append(days > 1 ? " days, " : " day, ");
        }
        s.append(hours != 0 ? String.format("%2d:%02d, ", hours, minutes) : minutes + " min, ");
        int users = 0;   // count_users(): no utmp on the machine
        s.append(String.format("%2d %s,  load average: %s", users, users > 1 ? "users" : "user", load(p)));
        return s.toString();
    }

    private static String load(Proc p) {
        try {
            String[] f = p.readFile("/proc/loadavg").split(" ");
            return String.format("%.2f, %.2f, %.2f", Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]));
        } catch (RuntimeException e) {
            // a missing or malformed /proc/loadavg: procps_loadavg leaves the averages at 0
            return "0.00, 0.00, 0.00";
        }
    }

    /** library/uptime.c: procps_uptime_sprint_pretty: decades down to minutes, the units above zero. */
    private static String pretty(double upSeconds) {
        double left = upSeconds;
        long[] sizes = {60L * 60 * 24 * 365 * 10, 60L * 60 * 24 * 365, 60L * 60 * 24 * 7, 60L * 60 * 24, 60L * 60, 60};
        String[][] names = {{"decade", "decades"}, {"year", "years"}, {"week", "weeks"}, {"day", "days"},
            {"hour", "hours"}, {"minute", "minutes"}};
        long[] counts = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            if (left > sizes[i]) {
                counts[i] = (long) left / sizes[i];
                left -= counts[i] * sizes[i];
            }
        }
        StringBuilder s = new StringBuilder("up ");
        boolean comma = false;
        for (int i = 0; i < sizes.length; i++) {
            boolean minutesAnyway = i == sizes.length - 1 && left < 60;
            if (counts[i] != 0 || minutesAnyway) {
                s.append(comma ? ", " : "").append(counts[i]).append(' ').append(names[i][counts[i] > 1 ? 1 : 0]);
                comma = true;
            }
        }
        return s.toString();
    }

    /** The first number of /proc/uptime; null once "Cannot get system uptime" is printed. */
    private static Double uptimeSeconds(Proc p) {
        try {
            return Double.parseDouble(p.readFile("/proc/uptime").split(" ")[0]);
        } catch (SysException | NumberFormatException e) {
            p.error("Cannot get system uptime");
            return null;
        }
    }

    /** {@code -s}: now minus the uptime, {@code YYYY-MM-DD HH:MM:SS}. */
    private static int since(Proc p) {
        Double up = uptimeSeconds(p);
        if (up == null) {
            return 1;
        }
        long bootMillis = p.sys().realtimeMillis() - (long) (up * 1000);
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(bootMillis), ZoneOffset.UTC);
        p.out(String.format("%04d-%02d-%02d %02d:%02d:%02d%n", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond()));
        return 0;
    }
}
