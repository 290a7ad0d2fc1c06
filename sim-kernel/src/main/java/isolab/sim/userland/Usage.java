package isolab.sim.userland;

/** The messages GNU and util-linux programs print for bad usage, in the POSIX locale. */
public final class Usage {

    private Usage() {
    }

    /** {@code prog: message} then coreutils' {@code Try 'prog --help' ...}; returns {@code status}. */
    public static int tryHelp(Proc p, String message, int status) {
        if (message != null) {
            p.error(message);
        }
        p.err("Try '" + p.name() + " --help' for more information.\n");
        return status;
    }

    /** coreutils' error() as printf and chown print it: {@code argv[0]: message}, argv[0] as invoked. */
    public static void errorAsInvoked(Proc p, String message) {
        p.err(p.invocationName() + ": " + message + "\n");
    }

    /** coreutils' usage(EXIT_FAILURE) with argv[0] as invoked: the message, then {@code Try 'argv[0] --help' ...}. */
    public static int tryHelpAsInvoked(Proc p, String message, int status) {
        errorAsInvoked(p, message);
        p.err("Try '" + p.invocationName() + " --help' for more information.\n");
        return status;
    }

    /** The answer for an option the real program has but isolab does not model: status 2. */
    public static int notModelled(Proc p, String option) {
        p.error("option '" + option + "' is not modelled in isolab");
        return 2;
    }

    /** coreutils' quote(): the name in single quotes (POSIX locale). */
    public static String quote(String s) {
        return "'" + s + "'";
    }
}
