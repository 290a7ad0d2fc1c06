package isolab.real.launch;

import java.util.List;

/**
 * A program to start on a new pseudo-terminal of the sandbox, as a session leader with the
 * terminal as its controlling terminal.
 *
 * @param rows the terminal's height
 * @param cols the terminal's width
 * @param initSession whether the pty becomes the controlling terminal of init's session and the
 *     program joins that session (MACHINE.md: PID 1 holds the first terminal, so that ps's default
 *     selection, the processes on the caller's terminal, lists it there); otherwise the program
 *     leads a session of its own
 * @param cwd the working directory, inside the sandbox
 * @param path the program's file, inside the sandbox
 * @param argv its arguments, {@code argv[0]} first
 * @param env its whole environment, {@code NAME=value} each
 */
public record PtyRequest(int rows, int cols, boolean initSession, String cwd, String path, List<String> argv, List<String> env) {

    public PtyRequest {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a program needs argv[0]");
        }
    }
}
