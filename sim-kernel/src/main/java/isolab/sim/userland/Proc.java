package isolab.sim.userland;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running program's view of itself - what libc gives a C program: its arguments and
 * environment, buffered standard output (line-buffered on a terminal, else flushed in blocks and at
 * exit, as stdio does) and unbuffered standard error, and small helpers over the system calls.
 */
public final class Proc {

    /** BUFSIZ of stdio for a pipe or file. */
    private static final int BUFSIZ = 4096;

    private final Syscalls sys;
    private final List<String> argv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private Boolean stdoutIsTty;
    private boolean stdoutBroken;

    public Proc(Syscalls sys, List<String> argv, List<String> envp) {
        this.sys = sys;
        this.argv = List.copyOf(argv);
        for (String entry : envp) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
    }

    /** The system calls of the task this program runs in. */
    public Syscalls sys() {
        return sys;
    }

    /** argv, with argv[0] the name the program was run as. */
    public List<String> argv() {
        return argv;
    }

    /**
     * glibc's program_invocation_name: argv[0] as given, path included. coreutils and procps name
     * themselves this way in messages ({@code /usr/bin/printf: ...}), util-linux by {@link #name()}.
     */
    public String invocationName() {
        return argv.isEmpty() ? "?" : argv.get(0);
    }

    /** The arguments after argv[0]. */
    public List<String> args() {
        return argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
    }

    /** The program name for messages: the last component of argv[0]. */
    public String name() {
        String zero = argv.isEmpty() ? "?" : argv.get(0);
        return zero.substring(zero.lastIndexOf('/') + 1);
    }

    /** The environment, in order. */
    public Map<String, String> env() {
        return env;
    }

    /** The environment as {@code NAME=value} strings, for execve. */
    public List<String> envp() {
        List<String> list = new ArrayList<>();
        env.forEach((k, v) -> list.add(k + "=" + v));
        return list;
    }

    /** Writes to standard output through the stdio buffer. */
    public void out(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stdout.write(bytes, 0, bytes.length);
        if (stdoutIsTty()) {
            if (text.indexOf('\n') >= 0) {
                flush();
            }
        } else if (stdout.size() >= BUFSIZ) {
            flush();
        }
    }

    /** Writes a line to standard output. */
    public void println(String line) {
        out(line + "\n");
    }

    /** Writes to standard error, unbuffered. Failures are ignored, as fprintf(stderr) ignores them. */
    public void err(String text) {
        try {
            sys.write(2, text);
        } catch (SysException ignored) {
            // stderr closed or broken: nothing to report it to.
        }
    }

    /** Writes {@code <prog>: message} and a newline to standard error. */
    public void error(String message) {
        err(name() + ": " + message + "\n");
    }

    /** Flushes standard output; a write error is remembered for {@link #exitStatus}. */
    public void flush() {
        if (stdout.size() == 0) {
            return;
        }
        byte[] bytes = stdout.toByteArray();
        stdout.reset();
        try {
            int done = 0;
            while (done < bytes.length) {
                done += sys.write(1, bytes, done, bytes.length - done);
            }
        } catch (SysException e) {
            stdoutBroken = true;
        }
    }

    /** Whether standard output could not be written. */
    public boolean stdoutBroken() {
        return stdoutBroken;
    }

    /** Whether standard output is a terminal. */
    public boolean stdoutIsTty() {
        if (stdoutIsTty == null) {
            stdoutIsTty = sys.isatty(1);
        }
        return stdoutIsTty;
    }

    /** Flushes and ends the program with {@code status} (exit(3)); does not return. */
    public int exit(int status) {
        flush();
        sys.exit(status);
        return status;
    }

    /** Reads a whole file by path. */
    public String readFile(String path) {
        int fd = sys.open(path, OpenFile.O_RDONLY, 0);
        try {
            return readAll(fd);
        } finally {
            sys.close(fd);
        }
    }

    /** The PIDs this process's /proc lists, ascending; none when /proc cannot be read (procps: readproc.c). */
    public List<Integer> procPids() {
        List<Integer> pids = new ArrayList<>();
        try {
            int fd = sys.open("/proc", OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
            try {
                for (DirEntry e : sys.getdents(fd)) {
                    if (e.name().matches("\\d+")) {
                        pids.add(Integer.parseInt(e.name()));
                    }
                }
            } finally {
                sys.close(fd);
            }
        } catch (SysException e) {
            return pids;
        }
        pids.sort(null);
        return pids;
    }

    /** The names in directory {@code dir} but "." and "..", in getdents order; open(2) and getdents(2) errors pass. */
    public List<String> listDir(String dir) {
        List<String> names = new ArrayList<>();
        int fd = sys.open(dir, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
        try {
            for (DirEntry e : sys.getdents(fd)) {
                if (!e.name().equals(".") && !e.name().equals("..")) {
                    names.add(e.name());
                }
            }
        } finally {
            sys.close(fd);
        }
        return names;
    }

    /** Reads {@code fd} to its end. */
    public String readAll(int fd) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n = sys.read(fd, buffer, 0, buffer.length);
            if (n <= 0) {
                break;
            }
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** A reader of lines from {@code fd}, for programs that stream (grep, head). */
    public LineReader lines(int fd) {
        return new LineReader(sys, fd);
    }

    /** The strerror text of a failed call. */
    public static String strerror(SysException e) {
        return e.errno().strerror();
    }

    /** Whether {@code e} is {@code errno}. */
    public static boolean is(SysException e, Errno errno) {
        return e.errno() == errno;
    }

    /** Reads lines from a descriptor as they arrive, without reading past what is needed. */
    public static final class LineReader {
        private final Syscalls sys;
        private final int fd;
        private final byte[] buffer = new byte[4096];
        private int start;
        private int end;
        private boolean eof;

        LineReader(Syscalls sys, int fd) {
            this.sys = sys;
            this.fd = fd;
        }

        /** The next line with its newline (the last may lack one), or null at end of input. */
        public String next() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (start == end) {
                    if (eof) {
                        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                    }
                    int n = sys.read(fd, buffer, 0, buffer.length);
                    if (n <= 0) {
                        eof = true;
                        continue;
                    }
                    start = 0;
                    end = n;
                }
                byte b = buffer[start++];
                line.write(b);
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }
}
