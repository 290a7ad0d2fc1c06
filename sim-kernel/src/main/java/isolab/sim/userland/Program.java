package isolab.sim.userland;

/**
 * A user program of the simulated machine: one method, run in the task that exec'd it, that
 * talks to the machine only through system calls (via its {@link Proc}) and returns its exit
 * status.
 */
@FunctionalInterface
public interface Program {

    /** Runs the program; the return value is its exit status. */
    int main(Proc proc);
}
