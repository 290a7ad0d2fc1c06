/**
 * Checkers beside the model (TigerBeetle's habit): {@link isolab.sim.check.Invariants} lists the
 * violations of properties that must hold between commands (processes, PID namespaces, the
 * network stacks: {@code NetInvariants}); tests run it after every step.
 */
package isolab.sim.check;
