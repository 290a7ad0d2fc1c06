/**
 * Per-student parameters: how a lab's {@code params:} are declared, drawn from a seed, and
 * substituted for {@code {{name}}}.
 *
 * <p>Three kinds, as LAB-FORMAT.md declares them: {@code {int: [lo, hi], step: s}} (step defaults
 * to 1; the values are lo, lo+s, ... up to hi), {@code {pick: [a, b, c]}} (each choice as written
 * in the YAML, a one-line scalar), and {@code {expr: "..."}} — 64-bit integer arithmetic with
 * {@code + - * / %}, unary minus and parentheses over integer literals and parameters declared
 * <em>earlier</em> (a pick is usable when its drawn value is an integer). {@code /} truncates
 * toward zero; overflow and division by zero are errors for that seed, never wrapped values.
 *
 * <p><b>Drawing</b> is part of the format and never changes: {@code root = new SplitMix64(seed)};
 * for each parameter in declaration order, {@code stream = root.split()} (every parameter takes
 * one, {@code expr} included, so a parameter's value depends only on its position and the seed);
 * an int takes {@code lo + step * stream.nextLong((hi - lo) / step + 1)}, a pick takes
 * {@code choices[stream.nextInt(n)]}, an expr evaluates over the values before it. SplitMix64 is
 * {@code isolab.sim.determinism.SplitMix64}, the simulator's own generator.
 *
 * <p><b>Substitution</b> is textual and happens everywhere in the lab body — prose, every fenced
 * block, attribute values — but not in the front matter: {@code {{name}}} (blanks inside the braces
 * allowed) becomes the value; {@code \{{} becomes a literal {@code {{}; a {@code {{} opening no
 * placeholder and a name no parameter declares are load-time errors with their line.
 */
package isolab.labs.params;
