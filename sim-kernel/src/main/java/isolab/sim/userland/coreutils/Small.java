package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** More small coreutils: yes, tee, basename, dirname, printenv, date (on the virtual clock, UTC). */
public final class Small {

    private Small() {
    }

    /** yes: the line (default {@code y}) forever, until the reader goes away (SIGPIPE). */
    public static int yes(Proc p) {
        String line = (p.args().isEmpty() ? "y" : String.join(" ", p.args())) + "\n";
        StringBuilder block = new StringBuilder();
        while (block.length() < 4096) {
            block.append(line);
        }
        while (true) {
            p.out(block.toString());
            p.flush();
            if (p.stdoutBroken()) {
                return 1;
            }
        }
    }

    /** tee: copies standard input to standard output and to each file ({@code -a} appends). */
    public static int tee(Proc p) {
        boolean append = false;
        List<String> files = new ArrayList<>();
        for (String a : p.args()) {
            if (a.equals("-a") || a.equals("--append")) {
                append = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.notModelled(p, a);
            } else {
                files.add(a);
            }
        }
        int status = 0;
        List<Integer> fds = new ArrayList<>();
        for (String f : files) {
            try {
                fds.add(p.sys().open(f, OpenFile.O_WRONLY | OpenFile.O_CREAT | (append ? OpenFile.O_APPEND : OpenFile.O_TRUNC), 0666));
            } catch (SysException e) {
                p.error(f + ": " + e.strerror());
                status = 1;
            }
        }
        byte[] buffer = new byte[4096];
        while (true) {
            int n = p.sys().read(0, buffer, 0, buffer.length);
            if (n <= 0) {
                break;
            }
            p.sys().write(1, buffer, 0, n);
            for (int fd : fds) {
                p.sys().write(fd, buffer, 0, n);
            }
        }
        for (int fd : fds) {
            p.sys().close(fd);
        }
        return status;
    }

    /** basename NAME [SUFFIX]. */
    public static int basename(Proc p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        if (args.get(0).startsWith("-") && args.get(0).length() > 1) {
            return Usage.notModelled(p, args.get(0));
        }
        if (args.size() > 2) {
            return Usage.tryHelp(p, "extra operand " + Usage.quote(args.get(2)), 1);
        }
        String name = args.get(0);
        while (name.length() > 1 && name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.equals("/")) {
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        if (args.size() == 2 && name.endsWith(args.get(1)) && !name.equals(args.get(1))) {
            name = name.substring(0, name.length() - args.get(1).length());
        }
        p.out(name + "\n");
        return 0;
    }

    /** dirname NAME... */
    public static int dirname(Proc p) {
        if (p.args().isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        for (String name : p.args()) {
            String n = name;
            while (n.length() > 1 && n.endsWith("/")) {
                n = n.substring(0, n.length() - 1);
            }
            int slash = n.lastIndexOf('/');
            String dir = slash < 0 ? "." : slash == 0 ? "/" : n.substring(0, slash);
            while (dir.length() > 1 && dir.endsWith("/")) {
                dir = dir.substring(0, dir.length() - 1);
            }
            p.out(dir + "\n");
        }
        return 0;
    }

    /** printenv [NAME...]. */
    public static int printenv(Proc p) {
        if (p.args().isEmpty()) {
            StringBuilder s = new StringBuilder();
            p.env().forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            p.out(s.toString());
            return 0;
        }
        int status = 0;
        for (String name : p.args()) {
            String v = p.env().get(name);
            if (v == null) {
                status = 1;
            } else {
                p.out(v + "\n");
            }
        }
        return status;
    }

    /** rev (util-linux): each line reversed. */
    public static int rev(Proc p) {
        List<String> files = p.args().isEmpty() ? List.of("-") : p.args();
        int status = 0;
        for (String f : files) {
            String text = Inputs.readAll(p, f);
            if (text == null) {
                status = 1;
                continue;
            }
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                out.append(new StringBuilder(line).reverse()).append('\n');
            }
            String r = out.toString();
            p.out(text.endsWith("\n") ? r.substring(0, r.length() - 1) : r.substring(0, r.length() - 1));
        }
        return status;
    }

    /** date: the virtual clock's time in UTC, default format or {@code +FORMAT}. */
    public static int date(Proc p) {
        long millis = p.sys().realtimeMillis();
        Instant now = Instant.ofEpochMilli(millis);
        String format = null;
        for (String a : p.args()) {
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (a.equals("-u") || a.equals("--utc")) {
                continue;
            } else {
                return Usage.notModelled(p, a);
            }
        }
        if (format == null) {
            p.out(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC)
                    .format(now) + "\n");
            return 0;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                s.append(c);
                continue;
            }
            char f = format.charAt(++i);
            String pattern = switch (f) {
                case 'Y' -> "yyyy";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'H' -> "HH";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'T' -> "HH:mm:ss";
                case 'F' -> "yyyy-MM-dd";
                case 'a' -> "EEE";
                case 'b' -> "MMM";
                case 'Z' -> "'UTC'";
                default -> null;
            };
            if (f == 's') {
                s.append(millis / 1000);
            } else if (f == 'N') {
                s.append(String.format("%09d", (millis % 1000) * 1_000_000));
            } else if (f == '%') {
                s.append('%');
            } else if (pattern == null) {
                s.append('%').append(f);
            } else {
                s.append(DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC).format(now));
            }
        }
        p.out(s + "\n");
        return 0;
    }
}
