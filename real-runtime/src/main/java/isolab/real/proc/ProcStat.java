package isolab.real.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} isolab reads (proc(5)), with PIDs as the reading process's
 * PID namespace numbers them.
 *
 * @param pid the process
 * @param comm the command name, without its parentheses
 * @param state R, S, D, T, Z, ...
 * @param ppid the parent
 * @param pgrp the process group
 * @param tpgid the foreground process group of the process's controlling terminal, -1 if none
 * @param startTicks when the process started, in clock ticks after boot; with the PID it names
 *     one process for ever, since PIDs are reused and start times are not
 */
public record ProcStat(long pid, String comm, char state, long ppid, long pgrp, long tpgid, long startTicks) {

    /** Parses one stat line; the comm may hold spaces and parentheses, so fields count from its last ')'. */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + line);
        }
        String[] rest = line.substring(close + 2).trim().split(" ");
        // Fields after comm, from 3 (state) on: state ppid pgrp session tty_nr tpgid ... starttime is field 22.
        return new ProcStat(
                Long.parseLong(line.substring(0, open).trim()),
                line.substring(open + 1, close),
                rest[0].charAt(0),
                Long.parseLong(rest[1]),
                Long.parseLong(rest[2]),
                Long.parseLong(rest[5]),
                Long.parseLong(rest[19]));
    }

    /** The stat of {@code pid}, or empty when no such process exists (any more). */
    public static Optional<ProcStat> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** Whether the process {@code pid} that started at {@code startTicks} is still alive (and not a zombie). */
    public static boolean alive(long pid, long startTicks) {
        return of(pid).filter(s -> s.startTicks() == startTicks && s.state() != 'Z').isPresent();
    }
}
