package isolab.sim.process;

/**
 * Signal numbers, names and default actions of x86-64 Linux (arch/x86/include/uapi/asm/signal.h;
 * kernel/signal.c: sig_kernel_ignore, sig_kernel_stop, sig_kernel_coredump), and the texts
 * strsignal(3) and bash print for them.
 */
public final class Signal {

    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGSTKFLT = 16;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGURG = 23;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGVTALRM = 26;
    public static final int SIGPROF = 27;
    public static final int SIGWINCH = 28;
    public static final int SIGIO = 29;
    public static final int SIGPWR = 30;
    public static final int SIGSYS = 31;

    /** The highest standard signal this model knows. */
    public static final int NSIG_STANDARD = 31;

    private static final String[] NAMES = {
        null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"};

    private static final String[] DESCRIPTIONS = {
        null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
        "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
        "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded",
        "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible",
        "Power failure", "Bad system call"};

    private Signal() {
    }

    /** The bit of {@code sig} in a signal mask. */
    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    /** Whether {@code sig} is a valid signal number (1..31 here; 0 is the existence check). */
    public static boolean valid(int sig) {
        return sig >= 1 && sig <= NSIG_STANDARD;
    }

    /** The name without {@code SIG}: {@code KILL}. */
    public static String name(int sig) {
        return valid(sig) ? NAMES[sig] : null;
    }

    /** The number for a name with or without {@code SIG} ({@code TERM}, {@code SIGTERM}), or -1. */
    public static int number(String name) {
        String bare = name.startsWith("SIG") ? name.substring(3) : name;
        for (int sig = 1; sig <= NSIG_STANDARD; sig++) {
            if (NAMES[sig].equals(bare)) {
                return sig;
            }
        }
        if (bare.equals("IO")) {
            return SIGIO;
        }
        if (bare.equals("IOT")) {
            return SIGABRT;
        }
        return -1;
    }

    /** strsignal(3): {@code Terminated}, {@code Killed}. */
    public static String description(int sig) {
        return valid(sig) ? DESCRIPTIONS[sig] : "Unknown signal " + sig;
    }

    /** Whether the default action is to ignore (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). */
    public static boolean ignoredByDefault(int sig) {
        return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
    }

    /** Whether the default action is to stop (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU). */
    public static boolean stopsByDefault(int sig) {
        return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
    }

    /** Whether the default action dumps core (bit 0x80 of the wait status). */
    public static boolean dumpsCore(int sig) {
        return sig == SIGQUIT || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT || sig == SIGBUS
                || sig == SIGFPE || sig == SIGSEGV || sig == SIGXCPU || sig == SIGXFSZ || sig == SIGSYS;
    }
}
