package isolab.sim.userland.coreutils;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/head and /usr/bin/tail (coreutils): the first or last lines ({@code -n N}, {@code -N},
 * tail's {@code -n +N}) or bytes ({@code -c N}) of each input, with {@code ==> name <==} headers
 * for several. head stops reading as soon as it has enough, as the real one does.
 */
public final class HeadTail {

    private HeadTail() {
    }

    public static int head(Proc p) {
        return run(p, true);
    }

    public static int tail(Proc p) {
        return run(p, false);
    }

    private static int run(Proc p, boolean head) {
        long count = 10;
        boolean bytesMode = false;
        boolean fromStart = false;
        Boolean headers = null;
        List<String> files = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                files.addAll(args.subList(i + 1, args.size()));
                break;
            }
            String value = null;
            if (a.equals("-n") || a.equals("-c") || a.equals("--lines") || a.equals("--bytes")) {
                if (i + 1 >= args.size()) {
                    return Usage.tryHelp(p, "option requires an argument -- '" + a.charAt(a.length() - 1) + "'", 1);
                }
                value = args.get(++i);
                bytesMode = a.equals("-c") || a.equals("--bytes");
            } else if (a.startsWith("--lines=") || a.startsWith("--bytes=")) {
                value = a.substring(a.indexOf('=') + 1);
                bytesMode = a.startsWith("--bytes");
            } else if (a.startsWith("-n") || a.startsWith("-c")) {
                value = a.substring(2);
                bytesMode = a.startsWith("-c");
            } else if (a.matches("-\\d+")) {
                value = a.substring(1);
            } else if (a.equals("-q") || a.equals("--quiet") || a.equals("--silent")) {
                headers = false;
                continue;
            } else if (a.equals("-v") || a.equals("--verbose")) {
                headers = true;
                continue;
            } else if (a.equals("-f") || a.equals("--follow") || a.equals("-F") || a.equals("-z")) {
                return Usage.notModelled(p, a);
            } else if (a.startsWith("--")) {
                return Usage.tryHelp(p, "unrecognized option '" + a + "'", 1);
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, "invalid option -- '" + a.charAt(1) + "'", 1);
            } else {
                files.add(a);
                continue;
            }
            if (!head && value.startsWith("+")) {
                fromStart = true;
                value = value.substring(1);
            }
            try {
                count = Long.parseLong(value.startsWith("-") && head ? value : value);
                if (count < 0 && !head) {
                    count = -count;
                }
            } catch (NumberFormatException e) {
                p.error("invalid number of " + (bytesMode ? "bytes" : "lines") + ": " + Usage.quote(value));
                return 1;
            }
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        boolean showHeaders = headers != null ? headers : files.size() > 1;
        int status = 0;
        boolean first = true;
        for (String file : files) {
            int fd;
            if (file.equals("-")) {
                fd = 0;
            } else {
                try {
                    fd = p.sys().open(file, isolab.sim.fs.OpenFile.O_RDONLY, 0);
                } catch (SysException e) {
                    p.error((head ? "cannot open " + Usage.quote(file) + " for reading: " : "cannot open " + Usage.quote(file)
                            + " for reading: ") + e.strerror());
                    status = 1;
                    continue;
                }
            }
            if (showHeaders) {
                p.out((first ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
            }
            first = false;
            try {
                if (head) {
                    head(p, fd, count, bytesMode);
                } else {
                    tail(p, fd, count, bytesMode, fromStart);
                }
            } catch (SysException e) {
                p.error("error reading " + Usage.quote(file) + ": " + e.strerror());
                status = 1;
            } finally {
                if (fd != 0) {
                    p.sys().close(fd);
                }
            }
        }
        return status;
    }

    private static void head(Proc p, int fd, long count, boolean bytesMode) {
        if (bytesMode && count >= 0) {
            byte[] buffer = new byte[4096];
            long left = count;
            while (left > 0) {
                int n = p.sys().read(fd, buffer, 0, (int) Math.min(buffer.length, left));
                if (n <= 0) {
                    break;
                }
                p.flush();
                p.sys().write(1, buffer, 0, n);
                left -= n;
            }
            return;
        }
        if (bytesMode) {
            byte[] b = p.readAll(fd).getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.max(0, b.length + count);
            p.out(new String(b, 0, n, StandardCharsets.UTF_8));
            return;
        }
        if (count < 0) {
            List<String> lines = new ArrayList<>();
            Proc.LineReader reader = p.lines(fd);
            for (String l = reader.next(); l != null; l = reader.next()) {
                lines.add(l);
            }
            for (int i = 0; i < lines.size() + count; i++) {
                p.out(lines.get(i));
            }
            return;
        }
        Proc.LineReader reader = p.lines(fd);
        for (long i = 0; i < count; i++) {
            String l = reader.next();
            if (l == null) {
                break;
            }
            p.out(l);
        }
    }

    private static void tail(Proc p, int fd, long count, boolean bytesMode, boolean fromStart) {
        if (bytesMode) {
            byte[] b = p.readAll(fd).getBytes(StandardCharsets.UTF_8);
            int start = fromStart ? (int) Math.min(b.length, Math.max(0, count - 1)) : (int) Math.max(0, b.length - count);
            p.out(new String(b, start, b.length - start, StandardCharsets.UTF_8));
            return;
        }
        Proc.LineReader reader = p.lines(fd);
        if (fromStart) {
            long n = 0;
            for (String l = reader.next(); l != null; l = reader.next()) {
                if (++n >= count) {
                    p.out(l);
                }
            }
            return;
        }
        ArrayDeque<String> last = new ArrayDeque<>();
        for (String l = reader.next(); l != null; l = reader.next()) {
            last.addLast(l);
            if (last.size() > count) {
                last.removeFirst();
            }
        }
        for (String l : last) {
            p.out(l);
        }
    }
}
