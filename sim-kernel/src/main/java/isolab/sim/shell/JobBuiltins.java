package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/** The job-control builtins: kill (with job specs and -l), wait, jobs and fg. */
final class JobBuiltins {

    private JobBuiltins() {
    }

    private static boolean out(Shell sh, String text) {
        return Builtins.out(sh, text);
    }

    // ---- jobs, kill, wait --------------------------------------------------------------------

    static int kill(Shell sh, List<String> w) {
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        if (args.isEmpty()) {
            if (sh.dialect.bash()) {
                sh.proc.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n");
            } else {
                sh.error("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]");
            }
            return 2;
        }
        int sig = Signal.SIGTERM;
        String first = args.get(0);
        if (first.equals("-l") || first.equals("-L")) {
            return listSignals(sh, args.subList(1, args.size()));
        }
        if (first.equals("-s") || first.equals("-n")) {
            if (args.size() < 2) {
                sh.error("kill: " + first + ": option requires an argument");
                return 2;
            }
            sig = VariableBuiltins.signalNumber(args.get(1));
            if (sig < 0) {
                sh.error(sh.dialect.bash() ? "kill: " + args.get(1) + ": invalid signal specification"
                        : "kill: invalid signal number or name: " + args.get(1));
                return 1;
            }
            args = args.subList(2, args.size());
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            sig = VariableBuiltins.signalNumber(first.substring(1));
            if (sig < 0 && !first.substring(1).equals("0")) {
                sh.error(sh.dialect.bash() ? "kill: " + first.substring(1) + ": invalid signal specification"
                        : "kill: invalid signal number or name: " + first.substring(1));
                return 1;
            }
            if (first.equals("-0")) {
                sig = 0;
            }
            args = args.subList(1, args.size());
        } else if (first.equals("--")) {
            args = args.subList(1, args.size());
        }
        int status = 0;
        List<Integer> pendingContinue = new ArrayList<>();
        for (String target : args) {
            List<Integer> pids = new ArrayList<>();
            if (target.startsWith("%")) {
                Jobs.Job job = jobSpec(sh, target);
                if (job == null) {
                    sh.error(sh.dialect.bash() ? "kill: " + target + ": no such job" : "kill: No such job: " + target);
                    status = 1;
                    continue;
                }
                pids.add(-job.pids.get(0));
                if (job.stopped && (sig == Signal.SIGTERM || sig == Signal.SIGHUP)) {
                    // bash (jobs.c: kill_pid) continues a stopped job it terminates or hangs up.
                    pendingContinue.add(job.pids.get(0));
                }
            } else {
                try {
                    pids.add(Integer.parseInt(target));
                } catch (NumberFormatException e) {
                    sh.error(sh.dialect.bash() ? "kill: " + target + ": arguments must be process or job IDs"
                            : "kill: Illegal number: " + target);
                    status = sh.dialect.bash() ? 1 : 2;
                    continue;
                }
            }
            for (int pid : pids) {
                try {
                    try {
                        sh.sys.kill(pid, sig);
                    } catch (SysException e) {
                        if (pid < 0 && e.errno() == Errno.ESRCH) {
                            sh.sys.kill(-pid, sig);
                        } else {
                            throw e;
                        }
                    }
                } catch (SysException e) {
                    if (sh.dialect.bash()) {
                        sh.error("kill: (" + Math.abs(pid) + ") - " + e.strerror());
                    } else {
                        sh.error("kill: " + e.strerror());
                    }
                    status = 1;
                }
            }
        }
        for (int pid : pendingContinue) {
            try {
                sh.sys.kill(-pid, Signal.SIGCONT);
            } catch (SysException e) {
                // the job is gone
            }
        }
        return status;
    }

    static int listSignals(Shell sh, List<String> args) {
        if (!args.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (String a : args) {
                try {
                    int n = Integer.parseInt(a);
                    if (n > 128) {
                        n -= 128;
                    }
                    s.append(Signal.valid(n) ? Signal.name(n) : "?").append('\n');
                } catch (NumberFormatException e) {
                    s.append(VariableBuiltins.signalNumber(a)).append('\n');
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        StringBuilder s = new StringBuilder();
        if (sh.dialect.bash()) {
            // bash's list: 1-31, then the real-time signals 34-64 (32 and 33 belong to glibc).
            List<String> names = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
                numbers.add(sig);
                names.add("SIG" + Signal.name(sig));
            }
            for (int sig = 34; sig <= 64; sig++) {
                numbers.add(sig);
                names.add(sig == 34 ? "SIGRTMIN" : sig == 64 ? "SIGRTMAX" : sig <= 49 ? "SIGRTMIN+" + (sig - 34)
                        : "SIGRTMAX-" + (64 - sig));
            }
            for (int i = 0; i < names.size(); i++) {
                s.append(String.format("%2d) %s", numbers.get(i), names.get(i)));
                s.append((i + 1) % 5 == 0 ? "\n" : i == names.size() - 1 ? "\t\n" : "\t");
            }
        } else {
            s.append("0\n");
            for (int sig = 1; sig <= Signal.NSIG_STANDARD; sig++) {
                s.append(Signal.name(sig)).append('\n');
            }
        }
        return out(sh, s.toString()) ? 0 : 1;
    }

    static Jobs.Job jobSpec(Shell sh, String spec) {
        String body = spec.substring(1);
        if (body.isEmpty() || body.equals("+") || body.equals("%")) {
            return sh.jobs.current();
        }
        try {
            return sh.jobs.byNumber(Integer.parseInt(body));
        } catch (NumberFormatException e) {
            for (Jobs.Job job : sh.jobs.all()) {
                if (job.text.startsWith(body)) {
                    return job;
                }
            }
            return null;
        }
    }

    static int waitBuiltin(Shell sh, List<String> w) {
        if (w.size() == 1) {
            while (true) {
                try {
                    Wait.Reaped r = sh.sys.wait4(-1, 0);
                    sh.backgroundReaped(r.pid(), r.status());
                    waited(sh, r.pid());
                    if (!sh.interactive && !sh.dialect.bash()) {
                        reportWaited(sh, r.status());
                    }
                } catch (SysException e) {
                    if (e.errno() == Errno.EINTR) {
                        int status = sh.traps.interrupted(sh.sys.takeSignals());
                        if (status != 0) {
                            return status;
                        }
                        continue;
                    }
                    return 0;
                }
            }
        }
        int status = 0;
        for (String target : w.subList(1, w.size())) {
            int pid;
            if (target.startsWith("%")) {
                Jobs.Job job = jobSpec(sh, target);
                if (job == null) {
                    sh.error(sh.dialect.bash() ? "wait: " + target + ": no such job" : "wait: No such job: " + target);
                    status = 127;
                    continue;
                }
                pid = job.pids.get(job.pids.size() - 1);
            } else {
                try {
                    pid = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    sh.error(sh.dialect.bash() ? "wait: `" + target + "': not a pid or valid job spec" : "wait: Illegal number: " + target);
                    status = sh.dialect.bash() ? 1 : 2;
                    continue;
                }
            }
            Jobs.Job job = sh.jobs.byPid(pid);
            if (job != null && job.done()) {
                int i = job.pids.indexOf(pid);
                status = Shell.shellStatus(job.statuses[i]);
                continue;
            }
            try {
                Wait.Reaped r;
                while (true) {
                    try {
                        r = sh.sys.wait4(pid, 0);
                        break;
                    } catch (SysException e) {
                        if (e.errno() != Errno.EINTR) {
                            throw e;
                        }
                        int interrupted = sh.traps.interrupted(sh.sys.takeSignals());
                        if (interrupted != 0) {
                            return interrupted;
                        }
                    }
                }
                sh.backgroundReaped(r.pid(), r.status());
                waited(sh, r.pid());
                if (!sh.interactive && !sh.dialect.bash()) {
                    reportWaited(sh, r.status());
                }
                status = Shell.shellStatus(r.status());
            } catch (SysException e) {
                if (sh.dialect.bash()) {
                    sh.error("wait: pid " + pid + " is not a child of this shell");
                }
                status = 127;
            }
        }
        return status;
    }

    /**
     * A job that ended while {@code wait} waited for it is not reported at the next prompt (bash
     * jobs.c: a job waited for is marked notified; one that ended before the wait is reported).
     */
    private static void waited(Shell sh, int pid) {
        Jobs.Job job = sh.jobs.byPid(pid);
        if (job != null && job.done()) {
            job.notified = true;
        }
    }

    /** dash reports a waited-for job that a signal killed by the signal's description. */
    private static void reportWaited(Shell sh, int waitStatus) {
        int sig = waitStatus & 0x7f;
        if (sig != 0 && sig != 0x7f && sig != Signal.SIGINT && sig != Signal.SIGPIPE) {
            sh.proc.err(Signal.description(sig) + ((waitStatus & 0x80) != 0 ? " (core dumped)" : "") + "\n");
        }
    }

    static int jobs(Shell sh, List<String> w) {
        sh.reapJobs(false);
        StringBuilder s = new StringBuilder();
        for (Jobs.Job job : sh.jobs.all()) {
            String state = job.done() ? Jobs.stateOf(job.lastStatus()) : job.stopped ? "Stopped" : "Running";
            s.append(sh.jobLine(job, state, job.text + (job.done() || job.stopped || !sh.dialect.bash() ? "" : " &")))
                    .append('\n');
            if (job.done()) {
                job.notified = true;
            }
        }
        return out(sh, s.toString()) ? 0 : 1;
    }

    /**
     * bg: continues a stopped job in the background (SIGCONT to its process group) - bash
     * {@code [1]+ sleep 100 &}, dash {@code [1] sleep 100}; bash refuses a job already running.
     */
    static int bg(Shell sh, List<String> w) {
        Jobs.Job job = w.size() > 1 ? jobSpec(sh, w.get(1)) : sh.jobs.current();
        if (job == null || job.done()) {
            sh.error(sh.dialect.bash() ? "bg: " + (w.size() > 1 ? w.get(1) : "current") + ": no such job"
                    : "bg: No current job");
            return 1;
        }
        if (!job.stopped && sh.dialect.bash()) {
            sh.error("bg: job " + job.number + " already in background");
            return 0;
        }
        out(sh, sh.dialect.bash() ? "[" + job.number + "]" + sh.jobs.marker(job) + " " + job.text + " &\n"
                : "[" + job.number + "] " + job.text + "\n");
        job.stopped = false;
        job.stopNotified = false;
        try {
            sh.sys.kill(-job.pids.get(0), Signal.SIGCONT);
        } catch (SysException e) {
            for (int pid : job.pids) {
                try {
                    sh.sys.kill(pid, Signal.SIGCONT);
                } catch (SysException gone) {
                    // already reaped
                }
            }
        }
        return 0;
    }

    static int fg(Shell sh, List<String> w) {
        Jobs.Job job = w.size() > 1 ? jobSpec(sh, w.get(1)) : sh.jobs.current();
        if (job == null) {
            sh.error(sh.dialect.bash() ? "fg: " + (w.size() > 1 ? w.get(1) : "current") + ": no such job" : "fg: No current job");
            return 1;
        }
        out(sh, job.text + "\n");
        try {
            sh.sys.tcsetpgrp(0, job.pids.get(0));
        } catch (SysException e) {
            // the job may already be gone
        }
        int status = 0;
        for (int pid : job.pids) {
            try {
                Wait.Reaped r = sh.sys.wait4(pid, 0);
                status = Shell.shellStatus(r.status());
            } catch (SysException e) {
                int i = job.pids.indexOf(pid);
                status = job.statuses[i] >= 0 ? Shell.shellStatus(job.statuses[i]) : 0;
            }
        }
        try {
            sh.sys.tcsetpgrp(0, sh.sys.getpid());
        } catch (SysException e) {
            // terminal gone
        }
        sh.jobs.remove(job);
        return status;
    }

}
