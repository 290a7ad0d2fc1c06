package isolab.sim.cgroup;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * The kernel's number parsing for control files (lib/kstrtox.c), with base 0: {@code 0x} for
 * hex, a leading {@code 0} for octal, else decimal; one trailing newline allowed. EINVAL for no
 * digits or anything after them, ERANGE for a number that does not fit.
 */
public final class Kstrtox {

    private Kstrtox() {
    }

    /** kstrtoll(s, 0): a signed 64-bit number. */
    public static long kstrtoll(String s) {
        if (s.startsWith("-")) {
            long magnitude = kstrtoull(s.substring(1), false);
            if (magnitude < 0 && magnitude != Long.MIN_VALUE) {
                throw new SysException(Errno.ERANGE);   // (long long)-tmp > 0
            }
            return -magnitude;
        }
        long value = kstrtoull(s, true);
        if (value < 0) {
            throw new SysException(Errno.ERANGE);       // (long long)tmp < 0
        }
        return value;
    }

    /** kstrtoull(s, 0): an unsigned 64-bit number, in a long. */
    public static long kstrtoull(String s) {
        return kstrtoull(s, true);
    }

    /** kstrtoint(s, 0): kstrtoll, then ERANGE outside a 32-bit int. */
    public static int kstrtoint(String s) {
        long value = kstrtoll(s);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new SysException(Errno.ERANGE);
        }
        return (int) value;
    }

    /** _kstrtoull(s, 0) as an unsigned 64-bit value in a long; {@code plus}: a leading '+' is taken (kstrtoull). */
    static long kstrtoull(String s, boolean plus) {
        int i = plus && s.startsWith("+") ? 1 : 0;
        int radix = 10;
        if (i < s.length() && s.charAt(i) == '0') {
            if (i + 2 < s.length() && Character.toLowerCase(s.charAt(i + 1)) == 'x'
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            } else {
                radix = 8;
            }
        }
        long value = 0;
        int digits = 0;
        for (; i < s.length(); i++, digits++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, radix)) > 0) {
                throw new SysException(Errno.ERANGE);   // _parse_integer: KSTRTOX_OVERFLOW
            }
            value = value * radix + d;
        }
        if (digits == 0) {
            throw new SysException(Errno.EINVAL);
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        if (i < s.length()) {
            throw new SysException(Errno.EINVAL);
        }
        return value;
    }
}
