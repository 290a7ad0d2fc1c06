package isolab.sim.sched;

/**
 * Thrown in a fiber whose machine is shutting down: it unwinds the simulated program's Java
 * stack without running any more of the model. Programs never catch it.
 */
public final class Shutdown extends Error {

    private static final long serialVersionUID = 1L;

    Shutdown() {
        super("machine shut down", null, false, false);
    }
}
