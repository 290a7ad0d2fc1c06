package isolab.sim.process;

import java.util.List;

/**
 * A loaded program image, ready to run in the task that exec'd it: the model's stand-in for the
 * ELF binary mapped into memory. Running it returns the exit status.
 */
@FunctionalInterface
public interface Image {

    /** Runs the program in {@code task} with its arguments and environment; returns the exit status. */
    int run(Task task, List<String> argv, List<String> envp);
}
