/**
 * The timeline: every kernel decision as a typed {@link isolab.api.Event}, in order; a command's
 * events are those between two marks. Stepping back is replaying the command log on a new
 * machine with the same seed.
 */
package isolab.sim.timeline;
