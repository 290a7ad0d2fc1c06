package isolab.real.terminal;

import isolab.real.proc.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The foreground job of a terminal: the process group the terminal delivers Ctrl-C to
 * ({@code tpgid} of any process on it; drivers/tty/tty_jobctrl.c), killed when Ctrl-C was not
 * enough.
 */
final class ForegroundJob {

    private ForegroundJob() {
    }

    /** Sends SIGKILL to every process of the foreground group of the terminal {@code shellHostPid} is on. */
    static void kill(long shellHostPid) {
        long group = ProcStat.of(shellHostPid).map(ProcStat::tpgid).orElse(-1L);
        if (group <= 0) {
            return;
        }
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .filter(pid -> ProcStat.of(pid).map(s -> s.pgrp() == group).orElse(false))
                    .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        } catch (IOException e) {
            // /proc unreadable: the caller escalates to hanging the terminal up.
        }
    }
}
