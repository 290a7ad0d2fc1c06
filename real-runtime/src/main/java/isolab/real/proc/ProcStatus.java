package isolab.real.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of {@code /proc/PID/status} isolab reads (proc(5)).
 *
 * @param ppid the parent's PID ({@code PPid:})
 * @param uid the real user id ({@code Uid:}, first column)
 * @param nsPids the PID in every PID namespace from the reader's down to the process's own
 *     ({@code NSpid:}); kernel/pid.c numbers a task once per level
 */
public record ProcStatus(long ppid, int uid, List<Long> nsPids) {

    public ProcStatus {
        nsPids = List.copyOf(nsPids);
    }

    /** Parses the text of a status file. */
    public static ProcStatus parse(String text) {
        long ppid = 0;
        int uid = -1;
        List<Long> nsPids = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] values = line.substring(colon + 1).trim().split("\\s+");
            switch (line.substring(0, colon)) {
                case "PPid" -> ppid = Long.parseLong(values[0]);
                case "Uid" -> uid = Integer.parseInt(values[0]);
                case "NSpid" -> {
                    for (String value : values) {
                        nsPids.add(Long.parseLong(value));
                    }
                }
                default -> { }
            }
        }
        return new ProcStatus(ppid, uid, nsPids);
    }

    /** The status of {@code pid}, or empty when no such process exists (any more). */
    public static Optional<ProcStatus> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
