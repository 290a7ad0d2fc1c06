package isolab.sim.shell;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code read} builtin (bash builtins/read.def, dash miscbltin.c): reads one line, a byte at
 * a time so that nothing after it is consumed, and splits it on IFS into the named variables, the
 * last taking the rest. bash's options {@code -r -p -n -N -d -u -t -s -e -i}; dash's {@code -r -p}.
 *
 * <p>Simplifies: {@code -t} with a non-zero timeout waits without one (a read of a pipe or a
 * terminal blocks until input comes); {@code -a} (arrays) says it is not modelled.
 */
final class ReadBuiltin {

    private static final String BASH_USAGE = "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] "
            + "[-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n";

    /** What the options asked for. */
    private static final class Options {
        boolean raw;
        String prompt;
        int fd;
        int nchars = -1;
        boolean exact;
        int delimiter = '\n';
        final List<String> names = new ArrayList<>();
    }

    private ReadBuiltin() {
    }

    static int run(Shell sh, List<String> w) {
        Options o = new Options();
        int status = sh.dialect.bash() ? bashOptions(sh, w, o) : dashOptions(sh, w, o);
        if (status >= 0) {
            return status;
        }
        if (o.names.isEmpty()) {
            o.names.add("REPLY");
        }
        if (o.prompt != null && sh.sys.isatty(o.fd)) {
            sh.proc.err(o.prompt);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        boolean eof = false;
        int count = 0;
        while (o.nchars < 0 || count < o.nchars) {
            int n;
            try {
                n = sh.sys.read(o.fd, one, 0, 1);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    int interrupted = sh.traps.interrupted(sh.sys.takeSignals());
                    if (interrupted != 0) {
                        return interrupted;
                    }
                    continue;
                }
                sh.error("read: read error: " + o.fd + ": " + e.strerror());
                return 1;
            }
            if (n <= 0) {
                eof = true;
                break;
            }
            if (!o.exact && (one[0] & 0xff) == o.delimiter) {
                String sofar = bytes.toString(StandardCharsets.UTF_8);
                if (!o.raw && o.delimiter == '\n' && sofar.endsWith("\\") && !sofar.endsWith("\\\\")) {
                    // a backslash-newline continues the line
                    bytes.reset();
                    bytes.writeBytes(sofar.substring(0, sofar.length() - 1).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                break;
            }
            bytes.write(one[0]);
            count++;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (!o.raw) {
            text = text.replaceAll("\\\\(.)", "$1");
        }
        String ifs = sh.getVar("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<String> fields = split(text, ifs, o.names.size());
        for (int i = 0; i < o.names.size(); i++) {
            sh.setVar(o.names.get(i), i < fields.size() ? fields.get(i) : "", false);
        }
        return eof ? 1 : 0;
    }

    /** Parses bash's options into {@code o}; returns a status to stop with, or -1 to read. */
    private static int bashOptions(Shell sh, List<String> w, Options o) {
        int i = 1;
        for (; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if ("rse".indexOf(c) >= 0) {
                    o.raw |= c == 'r';
                    continue;
                }
                if ("adinNptu".indexOf(c) < 0) {
                    sh.error("read: -" + c + ": invalid option");
                    sh.proc.err(BASH_USAGE);
                    return 2;
                }
                String arg;
                if (k + 1 < a.length()) {
                    arg = a.substring(k + 1);
                } else if (i + 1 < w.size()) {
                    arg = w.get(++i);
                } else {
                    sh.error("read: -" + c + ": option requires an argument");
                    sh.proc.err(BASH_USAGE);
                    return 2;
                }
                int bad = bashOption(sh, c, arg, o);
                if (bad >= 0) {
                    return bad;
                }
                break;
            }
        }
        for (; i < w.size(); i++) {
            if (!Parser.isName(w.get(i))) {
                sh.error("read: `" + w.get(i) + "': not a valid identifier");
                return 1;
            }
            o.names.add(w.get(i));
        }
        return -1;
    }

    private static int bashOption(Shell sh, char c, String arg, Options o) {
        switch (c) {
            case 'a' -> {
                sh.error("read: -a: arrays are not modelled in isolab");
                return 2;
            }
            case 'd' -> o.delimiter = arg.isEmpty() ? 0 : arg.charAt(0);
            case 'p' -> o.prompt = arg;
            case 'i' -> {
                // the initial text of readline (-e); without a terminal's line editing it has no effect
            }
            case 'n', 'N' -> {
                if (!arg.matches("\\d+")) {
                    sh.error("read: " + arg + ": invalid number");
                    return 1;
                }
                o.nchars = Integer.parseInt(arg);
                o.exact = c == 'N';
            }
            case 'u' -> {
                if (!arg.matches("\\d+")) {
                    sh.error("read: " + arg + ": invalid file descriptor specification");
                    return 1;
                }
                o.fd = Integer.parseInt(arg);
            }
            default -> {
                if (!arg.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
                    sh.error("read: " + arg + ": invalid timeout specification");
                    return 1;
                }
            }
        }
        return -1;
    }

    /** dash: {@code -r} and {@code -p prompt} only, and at least one name. */
    private static int dashOptions(Shell sh, List<String> w, Options o) {
        int i = 1;
        for (; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (c == 'r') {
                    o.raw = true;
                } else if (c == 'p') {
                    if (k + 1 < a.length()) {
                        o.prompt = a.substring(k + 1);
                    } else if (i + 1 < w.size()) {
                        o.prompt = w.get(++i);
                    } else {
                        sh.error("read: No arg for -p option");
                        return 2;
                    }
                    break;
                } else {
                    sh.error("read: Illegal option -" + c);
                    return 2;
                }
            }
        }
        if (i >= w.size()) {
            sh.error("read: arg count");
            return 2;
        }
        for (; i < w.size(); i++) {
            if (!Parser.isName(w.get(i))) {
                sh.error("read: " + w.get(i) + ": bad variable name");
                return 2;
            }
            o.names.add(w.get(i));
        }
        return -1;
    }

    /** Splits {@code text} on IFS into at most {@code count} fields, the last taking the rest. */
    static List<String> split(String text, String ifs, int count) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < n) {
            if (fields.size() == count - 1) {
                String rest = text.substring(i);
                int end = rest.length();
                while (end > 0 && ifs.indexOf(rest.charAt(end - 1)) >= 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                fields.add(rest.substring(0, end));
                return fields;
            }
            int start = i;
            while (i < n && ifs.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            fields.add(text.substring(start, i));
            while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < n && ifs.indexOf(text.charAt(i)) >= 0) {
                i++;
                while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
        }
        return fields;
    }
}
