/**
 * Determinism: {@link isolab.sim.determinism.SplitMix64}, the project's PRNG, split per
 * subsystem from the boot seed, and the virtual {@link isolab.sim.determinism.Clock} (one tick
 * is one millisecond; tick 0 is 2025-01-06 09:00:00 UTC). Nothing in {@code isolab.sim} reads the
 * wall clock or iterates a hash-ordered collection (DeterminismRulesTest enforces it).
 */
package isolab.sim.determinism;
