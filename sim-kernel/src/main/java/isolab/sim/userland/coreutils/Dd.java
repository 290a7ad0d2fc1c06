package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * /usr/bin/dd (coreutils 9.1), the operands {@code if= of= bs= count= status=none|noxfer|progress}:
 * copies {@code count} blocks of {@code bs} bytes, one read(2) and one write(2) per block, through
 * a buffer of {@code bs} bytes whose pages fault in as the first reads fill it (so {@code bs=64M}
 * needs 64 MiB of anonymous memory, as on Linux). At the end it reports the records and the
 * bytes copied on stderr; the time is virtual (the copy is modelled at 4 GB/s). Other operands
 * ({@code skip= seek= conv= iflag= oflag= ibs= obs=}) say they are not modelled.
 */
public final class Dd {

    /** The modelled copy rate, bytes per second. */
    static final long BYTES_PER_SECOND = 4_000_000_000L;

    /** The modelled fixed cost of a run, seconds (measured: about 30 microseconds for one byte). */
    static final double OVERHEAD_SECONDS = 30e-6;

    /** How much of a block one read(2) of the model moves at a time. */
    private static final int CHUNK = 1 << 20;

    private Dd() {
    }

    public static int main(Proc p) {
        String in = null;
        String out = null;
        long bs = 512;
        long count = -1;
        String status = "default";
        for (String a : p.args()) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                p.error("unrecognized operand " + quote(a));
                p.err("Try 'dd --help' for more information.\n");
                return 1;
            }
            String key = a.substring(0, eq);
            String value = a.substring(eq + 1);
            switch (key) {
                case "if" -> in = value;
                case "of" -> out = value;
                case "bs", "count" -> {
                    long n = number(value);
                    if (n < 0 || key.equals("bs") && n == 0) {
                        p.error("invalid number: " + quote(value));
                        return 1;
                    }
                    if (key.equals("bs")) {
                        bs = n;
                    } else {
                        count = n;
                    }
                }
                case "status" -> {
                    if (!value.equals("none") && !value.equals("noxfer") && !value.equals("progress")) {
                        p.error("invalid status level: " + quote(value));
                        p.err("Try 'dd --help' for more information.\n");
                        return 1;
                    }
                    status = value;
                }
                case "skip", "seek", "conv", "iflag", "oflag", "ibs", "obs", "cbs", "iseek", "oseek" -> {
                    p.error("operand '" + key + "=' is not modelled in isolab");
                    return 2;
                }
                default -> {
                    p.error("unrecognized operand " + quote(a));
                    p.err("Try 'dd --help' for more information.\n");
                    return 1;
                }
            }
        }
        int ifd = 0;
        int ofd = 1;
        try {
            if (in != null) {
                ifd = p.sys().open(in, OpenFile.O_RDONLY, 0);
            }
        } catch (SysException e) {
            p.error("failed to open " + quote(in) + ": " + e.strerror());
            return 1;
        }
        try {
            if (out != null) {
                ofd = p.sys().open(out, OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_TRUNC, 0666);
            }
        } catch (SysException e) {
            p.error("failed to open " + quote(out) + ": " + e.strerror());
            return 1;
        }
        return copy(p, in, out, ifd, ofd, bs, count, status);
    }

    private static int copy(Proc p, String in, String out, int ifd, int ofd, long bs, long count, String status) {
        byte[] buffer = new byte[(int) Math.min(bs, CHUNK)];
        long touchedPages = 0;
        long full = 0;
        long partial = 0;
        long bytes = 0;
        long slept = 0;
        int result = 0;
        boolean writeFailed = false;
        try {
            while (count < 0 || full + partial < count) {
                long got = 0;
                while (got < bs) {
                    int n = p.sys().read(ifd, buffer, 0, (int) Math.min(buffer.length, bs - got));
                    if (n <= 0) {
                        break;
                    }
                    long needPages = (got + n + 4095) / 4096;
                    boolean shortCopy = false;
                    if (needPages > touchedPages) {
                        // the read fills the buffer: its pages fault in from the kernel's copy
                        touchedPages += p.sys().copyToNewPages(needPages - touchedPages);
                        if (touchedPages < needPages) {
                            n = (int) Math.max(0, touchedPages * 4096 - got);
                            shortCopy = true;
                            if (n == 0 && got == 0) {
                                throw new SysException(isolab.sim.syscall.Errno.EFAULT);   // nothing copied
                            }
                        }
                    }
                    if (n > 0) {
                        try {
                            p.sys().write(ofd, buffer, 0, n);
                        } catch (SysException e) {
                            p.error("error writing " + quote(out == null ? "standard output" : out) + ": " + e.strerror());
                            writeFailed = true;
                            break;
                        }
                    }
                    got += n;
                    if (shortCopy) {
                        break;
                    }
                }
                if (writeFailed) {
                    result = 1;
                    break;
                }
                if (got == 0) {
                    break;
                }
                if (got == bs) {
                    full++;
                } else {
                    partial++;
                }
                bytes += got;
                long due = bytes * 1000 / BYTES_PER_SECOND;     // the copy takes virtual time as it goes
                if (due > slept) {
                    p.sys().nanosleep(due - slept);
                    slept = due;
                }
            }
        } catch (SysException e) {
            p.error("error reading " + quote(in == null ? "standard input" : in) + ": " + e.strerror());
            result = 1;
        }
        long ticks = (bytes * 1000 + BYTES_PER_SECOND - 1) / BYTES_PER_SECOND;
        if (ticks > slept) {
            p.sys().nanosleep(ticks - slept);
        }
        if (!status.equals("none")) {
            p.err(full + "+" + partial + " records in\n" + full + "+" + partial + " records out\n");
            if (!status.equals("noxfer")) {
                p.err(transfer(bytes));
            }
        }
        return result;
    }

    /**
     * print_xfer_stats: "N bytes (SI, IEC) copied, T s, RATE/s" at the modelled rate; the IEC
     * size only when it has a prefix, neither for fewer than 1000 bytes (measured).
     */
    static String transfer(long bytes) {
        double seconds = OVERHEAD_SECONDS + bytes / (double) BYTES_PER_SECOND;
        String si = human(bytes, 1000);
        String iec = human(bytes, 1024);
        String what;
        if (bytes < 1000) {
            what = bytes + (bytes == 1 ? " byte copied" : " bytes copied");
        } else if (bytes < 1024) {
            what = bytes + " bytes (" + si + ") copied";
        } else {
            what = bytes + " bytes (" + si + ", " + iec + ") copied";
        }
        return what + ", " + g(seconds) + " s, " + rate(bytes / seconds) + "\n";
    }

    /** gnulib human_readable of an exact byte count, autoscaled and rounded: "34 MB", "1.0 MiB", "512 B". */
    static String human(long amount, int base) {
        String[] prefixes = base == 1000 ? new String[] {"", "k", "M", "G", "T", "P", "E"}
                : new String[] {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        if (amount < base) {
            return amount + " B";
        }
        double value = amount;
        int power = 0;
        while (value >= base && power < prefixes.length - 1) {
            value /= base;
            power++;
        }
        String number;
        if (value < 10) {
            double rounded = Math.round(value * 10) / 10.0;
            number = rounded >= 10 ? "10" : String.format(Locale.ROOT, "%.1f", rounded);
        } else {
            long rounded = Math.round(value);
            if (rounded >= base && power < prefixes.length - 1) {
                power++;
                number = "1.0";
            } else {
                number = Long.toString(rounded);
            }
        }
        return number + " " + prefixes[power] + "B";
    }

    /** The rate, SI with one decimal from kB on (measured: "45.2 kB/s", "63.2 MB/s", "0.0 kB/s"). */
    static String rate(double bytesPerSecond) {
        String[] prefixes = {"k", "M", "G", "T", "P", "E"};
        double value = bytesPerSecond / 1000;
        int power = 0;
        while (Math.round(value * 10) / 10.0 >= 1000 && power < prefixes.length - 1) {
            value /= 1000;
            power++;
        }
        return String.format(Locale.ROOT, "%.1f", value) + " " + prefixes[power] + "B/s";
    }

    /** C's %g: six significant digits, trailing zeros dropped, an exponent below 1e-4 ("4.4276e-05"). */
    static String g(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(6));
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            return mantissa.toPlainString() + "e" + sign + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** dd's numbers: factors joined by {@code x}, each digits with an optional c w b K k M G T suffix, kB MB GB (x1000) or KiB MiB GiB (x1024); -1 if malformed. */
    static long number(String s) {
        long product = 1;
        for (String factor : s.split("x", -1)) {
            long n = factor(factor);
            if (n < 0) {
                return -1;
            }
            try {
                product = Math.multiplyExact(product, n);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return product;
    }

    private static long factor(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([cwbkKMGT]?)(B|iB)?").matcher(s);
        if (!m.matches() || m.group(2).isEmpty() && m.group(3) != null || "cwb".contains(m.group(2)) && !m.group(2).isEmpty() && m.group(3) != null) {
            return -1;
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
        boolean decimal = "B".equals(m.group(3));
        long unit = switch (m.group(2)) {
            case "" -> 1;
            case "c" -> 1;
            case "w" -> 2;
            case "b" -> 512;
            case "k", "K" -> decimal ? 1000 : 1024;
            case "M" -> decimal ? 1000_000 : 1L << 20;
            case "G" -> decimal ? 1000_000_000 : 1L << 30;
            default -> decimal ? 1000_000_000_000L : 1L << 40;
        };
        try {
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
