package isolab.real.launch;

/**
 * How a process ended, as wait(2) reports it: an exit code, or the signal that killed it.
 *
 * @param code the exit code (0-255), meaningful when {@code signal} is 0
 * @param signal the terminating signal, 0 if the process exited
 */
public record ExitStatus(int code, int signal) {

    /** Parses init's {@code exit N} or {@code signal N}. */
    public static ExitStatus parse(String text) {
        String[] words = text.trim().split(" ");
        if (words.length == 2 && words[0].equals("exit")) {
            return new ExitStatus(Integer.parseInt(words[1]), 0);
        }
        if (words.length == 2 && words[0].equals("signal")) {
            return new ExitStatus(0, Integer.parseInt(words[1]));
        }
        throw new IllegalArgumentException("not an exit status: " + text);
    }

    /** The status a shell would put in {@code $?}: the code, or 128 plus the signal. */
    public int shellStatus() {
        return signal == 0 ? code : 128 + signal;
    }
}
