package isolab.sim.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The job table of an interactive shell (bash's jobs.c): background jobs by number, their state,
 * and which have been reported. bash reports a finished job before the next prompt:
 * {@code [1]+  Done                    sleep 1}.
 */
final class Jobs {

    /** One job: its number, its processes (PIDs in the shell's namespace), its text. */
    static final class Job {
        final int number;
        final List<Integer> pids;
        final String text;
        final int[] statuses;
        boolean notified;
        boolean stopped;
        boolean stopNotified;

        Job(int number, List<Integer> pids, String text) {
            this.number = number;
            this.pids = List.copyOf(pids);
            this.text = text;
            this.statuses = new int[pids.size()];
            java.util.Arrays.fill(statuses, -1);
        }

        boolean done() {
            for (int s : statuses) {
                if (s < 0) {
                    return false;
                }
            }
            return true;
        }

        /** The wait status of the last process. */
        int lastStatus() {
            return statuses[statuses.length - 1];
        }
    }

    private final List<Job> jobs = new ArrayList<>();

    /** Adds a running job; its number is one more than the highest in use. */
    Job add(List<Integer> pids, String text) {
        int number = 1;
        for (Job j : jobs) {
            number = Math.max(number, j.number + 1);
        }
        Job job = new Job(number, pids, text);
        jobs.add(job);
        return job;
    }

    /** Records that {@code pid} ended (or stopped) with {@code waitStatus}; false if it is no job's. */
    boolean childExited(int pid, int waitStatus) {
        for (Job j : jobs) {
            for (int i = 0; i < j.pids.size(); i++) {
                if (j.pids.get(i) == pid) {
                    if ((waitStatus & 0xff) == 0x7f) {
                        j.stopped = true;
                        j.stopNotified = false;
                    } else {
                        j.statuses[i] = waitStatus;
                        j.stopped = false;
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** The job with {@code number}, or null. */
    Job byNumber(int number) {
        for (Job j : jobs) {
            if (j.number == number) {
                return j;
            }
        }
        return null;
    }

    /** The job that has {@code pid}, or null. */
    Job byPid(int pid) {
        for (Job j : jobs) {
            if (j.pids.contains(pid)) {
                return j;
            }
        }
        return null;
    }

    /** The current job ({@code %+}): the most recent; null if none. */
    Job current() {
        return jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
    }

    /** Every job, oldest first. */
    List<Job> all() {
        return List.copyOf(jobs);
    }

    /** The marker bash prints after the job number: + current, - previous, space otherwise. */
    char marker(Job job) {
        int i = jobs.indexOf(job);
        if (i == jobs.size() - 1) {
            return '+';
        }
        if (i == jobs.size() - 2) {
            return '-';
        }
        return ' ';
    }

    /** Forgets a job. */
    void remove(Job job) {
        jobs.remove(job);
    }

    /** Forgets every job (a subshell starts with none). */
    void clear() {
        jobs.clear();
    }

    /** bash's state word for a finished job: Done, Exit N, or the signal's description. */
    static String stateOf(int waitStatus) {
        int sig = waitStatus & 0x7f;
        if (sig != 0) {
            return isolab.sim.process.Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : "");
        }
        int code = (waitStatus >> 8) & 0xff;
        return code == 0 ? "Done" : "Exit " + code;
    }
}
