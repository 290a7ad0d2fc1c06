package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiting for jobs and saying how they ended, in each shell's words: foreground waits, the
 * message for a job killed by a signal, background jobs reaped and reported before the prompt
 * ({@code [1]+  Done ...}, {@code Stopped}, {@code Killed}).
 */
final class JobStatus {

    private final Shell sh;

    JobStatus(Shell sh) {
        this.sh = sh;
    }

    /** Waits for a foreground job's processes; returns the shell status of the last one. */
    int waitForeground(List<Integer> pids, String text) {
        List<Integer> remaining = new ArrayList<>(pids);
        int[] statuses = new int[pids.size()];
        while (!remaining.isEmpty()) {
            Wait.Reaped reaped;
            try {
                reaped = sh.sys.wait4(-1, 0);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    sh.traps.deferDuringWait(sh.sys.takeSignals());
                    continue;
                }
                break;
            }
            int index = pids.indexOf(reaped.pid());
            if (index >= 0) {
                statuses[index] = reaped.status();
                remaining.remove(Integer.valueOf(reaped.pid()));
            } else {
                backgroundReaped(reaped.pid(), reaped.status());
            }
        }
        if (sh.monitor) {
            try {
                sh.sys.tcsetpgrp(0, sh.sys.getpid());
            } catch (SysException e) {
                // terminal gone
            }
        }
        int last = statuses[statuses.length - 1];
        reportSignal(last, pids.get(pids.size() - 1), text);
        return shellStatus(last);
    }

    /** The shell's view of a wait status: the exit code, or 128 + the signal. */
    static int shellStatus(int waitStatus) {
        int sig = waitStatus & 0x7f;
        return sig != 0 ? 128 + sig : (waitStatus >> 8) & 0xff;
    }

    /**
     * What the shells print when a foreground job dies of a signal, measured: interactive shells
     * print the signal's description (a newline for SIGINT); non-interactive bash reports
     * {@code bash: line N:     PID Killed                  cmd} for signals other than SIGINT,
     * SIGTERM and SIGPIPE (jobs.c: notify_of_job_status, Debian builds with DONT_REPORT_SIGTERM and
     * DONT_REPORT_SIGPIPE) and the description alone for SIGTERM; dash prints the description.
     */
    private void reportSignal(int waitStatus, int pid, String text) {
        int sig = waitStatus & 0x7f;
        if (sig == 0 || sig == 0x7f || sig == Signal.SIGPIPE) {
            return;
        }
        String what = Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : "");
        if (sig == Signal.SIGINT) {
            if (sh.interactive) {
                sh.proc.err("\n");
            }
            return;
        }
        if (sh.dialect.bash() && !sh.interactive && sig != Signal.SIGTERM && text != null) {
            reportNonInteractive(pid, what, text);
            return;
        }
        sh.proc.err(what + "\n");
    }

    /** bash, not interactive: {@code NAME: line N: %5d STATE(24) COMMAND}. */
    private void reportNonInteractive(int pid, String what, String text) {
        String name = sh.scriptName != null ? sh.scriptName : sh.messages.shellName();
        sh.proc.err(name + ": line " + sh.currentLine + ": " + String.format("%5d ", pid) + pad(what, 24) + text + "\n");
    }

    /**
     * A background child was reaped while the shell waited for something else: its job is updated
     * and non-interactive bash reports it if a signal other than SIGINT, SIGTERM or SIGPIPE killed it.
     */
    void backgroundReaped(int pid, int waitStatus) {
        sh.jobs.childExited(pid, waitStatus);
        int sig = waitStatus & 0x7f;
        if (!sh.interactive && sh.dialect.bash() && sig != 0 && sig != 0x7f && sig != Signal.SIGINT && sig != Signal.SIGTERM
                && sig != Signal.SIGPIPE) {
            Jobs.Job job = sh.jobs.byPid(pid);
            reportNonInteractive(pid, Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : ""),
                    job == null ? "" : job.text);
            if (job != null) {
                job.notified = true;
            }
        }
    }

    /**
     * A job as the shell lists it: bash {@code [1]+  Done                    sleep 1} (jobs.c:
     * pretty_print_job), dash {@code [1] + Done                       sleep 1} (jobs.c: showjob,
     * the command in column 33).
     */
    String jobLine(Jobs.Job job, String state, String text) {
        if (sh.dialect.bash()) {
            return "[" + job.number + "]" + sh.jobs.marker(job) + "  " + pad(state, 24) + text;
        }
        return pad("[" + job.number + "] " + sh.jobs.marker(job) + " " + state, 33) + text;
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    /** Reaps finished background jobs without sleeping; reports them (bash) when {@code notify}. */
    void reapJobs(boolean notify) {
        while (true) {
            Wait.Reaped reaped;
            try {
                reaped = sh.sys.wait4(-1, Wait.WNOHANG | Wait.WUNTRACED);
            } catch (SysException e) {
                break;
            }
            if (reaped.pid() == 0) {
                break;
            }
            sh.jobs.childExited(reaped.pid(), reaped.status());
        }
        if (!notify) {
            return;
        }
        for (Jobs.Job job : sh.jobs.all()) {
            if (!sh.monitor) {
                // set +m: bash reports nothing and forgets finished jobs (measured: `jobs` lists none).
                if (job.done()) {
                    sh.jobs.remove(job);
                }
                continue;
            }
            if (job.stopped && !job.stopNotified && !job.done()) {
                // bash starts a fresh line before it reports a stopped job (jobs.c: notify_of_job_status).
                sh.proc.err(sh.dialect.bash() ? "\n" + jobLine(job, "Stopped", job.text) + "\n"
                        : jobLine(job, "Stopped", job.text) + "\n");
                job.stopNotified = true;
                continue;
            }
            if (job.done()) {
                if (!job.notified) {
                    sh.proc.err(jobLine(job, Jobs.stateOf(job.lastStatus()), job.text) + "\n");
                }
                sh.jobs.remove(job);
            }
        }
    }
}
