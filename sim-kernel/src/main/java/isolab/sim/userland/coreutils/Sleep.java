package isolab.sim.userland.coreutils;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;

/** /usr/bin/sleep (coreutils): sleeps the sum of its intervals (suffixes s, m, h, d) in virtual time. */
public final class Sleep {

    private Sleep() {
    }

    public static int main(Proc p) {
        if (p.args().isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        double seconds = 0;
        for (String a : p.args()) {
            if (a.startsWith("--")) {
                return Usage.tryHelp(p, "unrecognized option '" + a + "'", 1);
            }
            if (a.startsWith("-") && a.length() > 1 && !Character.isDigit(a.charAt(1)) && a.charAt(1) != '.') {
                return Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 1);
            }
            double value = parse(a);
            if (Double.isNaN(value)) {
                return Usage.tryHelp(p, "invalid time interval " + Usage.quote(a), 1);
            }
            seconds += value;
        }
        p.sys().nanosleep((long) Math.ceil(seconds * 1000));
        return 0;
    }

    private static double parse(String a) {
        if (a.isEmpty()) {
            return Double.NaN;
        }
        double unit = 1;
        String number = a;
        char last = a.charAt(a.length() - 1);
        if ("smhd".indexOf(last) >= 0) {
            unit = switch (last) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            number = a.substring(0, a.length() - 1);
        }
        if (!number.matches("\\d*\\.?\\d*") || number.isEmpty() || number.equals(".")) {
            if (number.equals("inf") || number.equals("infinity")) {
                return 1e9;
            }
            return Double.NaN;
        }
        return Double.parseDouble(number) * unit;
    }
}
