package isolab.sim.shell;

import java.util.List;

/**
 * The printf builtin (coreutils printf's rules, as bash and dash implement them): the format is
 * reused until the arguments run out; {@code %s %b %c %d %i %u %o %x %X %e %f %g %%} with flags,
 * width and precision; backslash escapes in the format.
 */
public final class Printf {

    /** How a printf implementation words its complaints (bash, dash and coreutils differ). */
    public interface Voice {
        /** An argument of a numeric conversion is not a number. */
        void invalidNumber(String arg);

        /** An unknown conversion character. */
        void invalidDirective(char conv);
    }

    private Printf() {
    }

    /** The shell's voice: bash's and dash's messages through the shell's error prefix. */
    private static Voice voiceOf(Shell sh) {
        return new Voice() {
            @Override
            public void invalidNumber(String arg) {
                sh.error(sh.dialect.bash() ? "printf: " + arg + ": invalid number" : "printf: " + arg + ": expected numeric value");
            }

            @Override
            public void invalidDirective(char conv) {
                sh.error("printf: %" + conv + ": invalid directive");
            }
        };
    }

    /**
     * Formats {@code args} with {@code format} into {@code out}, reusing the format until the
     * arguments run out; returns 1 if an argument or directive was bad (after telling {@code voice}).
     */
    public static int format(String format, List<String> args, StringBuilder out, Voice voice) {
        int status = 0;
        int used = 0;
        do {
            int before = used;
            int[] consumed = {used};
            boolean[] stop = {false};
            status |= once(voice, format, args, consumed, out, stop);
            used = consumed[0];
            if (stop[0] || used == before) {
                break;
            }
        } while (used < args.size());
        return status;
    }

    static int run(Shell sh, List<String> w) {
        if (w.size() < 2) {
            sh.error(sh.dialect.bash() ? "printf: usage: printf [-v var] format [arguments]" : "printf: usage: printf format [arg ...]");
            return 2;
        }
        StringBuilder out = new StringBuilder();
        int status = format(w.get(1), w.subList(2, w.size()), out, voiceOf(sh));
        return Builtins.out(sh, out.toString()) ? status : 1;
    }

    private static int once(Voice voice, String f, List<String> args, int[] next, StringBuilder out, boolean[] stop) {
        int status = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\\') {
                StringBuilder tmp = new StringBuilder();
                int end = escape(f, i, tmp);
                out.append(tmp);
                i = end;
                continue;
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 < f.length() && f.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int j = i + 1;
            while (j < f.length() && "-+ #0".indexOf(f.charAt(j)) >= 0) {
                j++;
            }
            while (j < f.length() && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '.')) {
                j++;
            }
            if (j >= f.length()) {
                out.append(f, i, f.length());
                break;
            }
            String spec = f.substring(i, j);
            char conv = f.charAt(j);
            String arg = next[0] < args.size() ? args.get(next[0]++) : null;
            switch (conv) {
                case 's' -> out.append(String.format(spec + "s", arg == null ? "" : arg));
                case 'b' -> {
                    StringBuilder tmp = new StringBuilder();
                    if (escapes(arg == null ? "" : arg, tmp)) {
                        stop[0] = true;
                        out.append(tmp);
                        return status;
                    }
                    out.append(String.format(spec + "s", tmp));
                }
                case 'c' -> out.append(arg == null || arg.isEmpty() ? "" : arg.substring(0, 1));
                case 'd', 'i', 'u' -> {
                    long v = number(voice, arg);
                    if (v == Long.MIN_VALUE) {
                        status = 1;
                        v = 0;
                    }
                    out.append(String.format(spec + "d", v));
                }
                case 'o', 'x', 'X' -> {
                    long v = number(voice, arg);
                    if (v == Long.MIN_VALUE) {
                        status = 1;
                        v = 0;
                    }
                    out.append(String.format(spec + conv, v));
                }
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double v;
                    try {
                        v = arg == null || arg.isEmpty() ? 0 : Double.parseDouble(arg);
                    } catch (NumberFormatException e) {
                        voice.invalidNumber(arg);
                        status = 1;
                        v = 0;
                    }
                    out.append(String.format(spec + (conv == 'F' ? 'f' : conv), v));
                }
                default -> {
                    voice.invalidDirective(conv);
                    return 1;
                }
            }
            i = j;
        }
        return status;
    }

    private static long number(Voice voice, String arg) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        try {
            if (arg.startsWith("'") || arg.startsWith("\"")) {
                return arg.length() > 1 ? arg.charAt(1) : 0;
            }
            if (arg.startsWith("0x") || arg.startsWith("0X")) {
                return Long.parseLong(arg.substring(2), 16);
            }
            return Long.parseLong(arg.trim());
        } catch (NumberFormatException e) {
            voice.invalidNumber(arg);
            return Long.MIN_VALUE;
        }
    }

    /** Interprets one backslash escape at {@code i}; returns the index of its last character. */
    private static int escape(String s, int i, StringBuilder out) {
        if (i + 1 >= s.length()) {
            out.append('\\');
            return i;
        }
        char n = s.charAt(i + 1);
        switch (n) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\013');
            case 'e' -> out.append('\033');
            case '\\' -> out.append('\\');
            case '"' -> out.append('"');
            case '\'' -> out.append('\'');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int j = i + 1;
                int v = 0;
                int digits = 0;
                if (n == '0') {
                    j++;
                }
                while (j < s.length() && digits < 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                    v = v * 8 + (s.charAt(j) - '0');
                    j++;
                    digits++;
                }
                out.append((char) v);
                return j - 1;
            }
            default -> {
                out.append('\\').append(n);
            }
        }
        return i + 1;
    }

    /** echo -e / %b escapes into {@code out}; returns true if {@code \c} asked to stop all output. */
    static boolean escapes(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            if (s.charAt(i + 1) == 'c') {
                return true;
            }
            i = escape(s, i, out);
        }
        return false;
    }
}
