/**
 * LabMD: labs written as Markdown (LAB-FORMAT.md), run on the simulator and on real hosts.
 *
 * <p>The packages, from the file to the verdict:
 * <ul>
 *   <li>{@code model} — records and sealed types of a lab: front matter, steps, commands,
 *       expected lines, predictions; {@code Lab.bind(seed)} gives a student's {@code BoundLab};</li>
 *   <li>{@code params} — per-student parameters: declaration, drawing with SplitMix64,
 *       {@code expr} arithmetic, {@code {{name}}} substitution;</li>
 *   <li>{@code parse} — the parser, every error as {@code file:line: reason};</li>
 *   <li>{@code match} — output against expectations: literal, {@code (re)}, {@code (glob)},
 *       {@code ...}, {@code [N]};</li>
 *   <li>{@code run} — sessions (replayable logs of actions), transcripts, prediction keys;</li>
 *   <li>{@code diff} — two hosts' transcripts compared, with normalisers;</li>
 *   <li>{@code selftest} — with the solution every check passes, without it every check fails;</li>
 *   <li>{@code catalog} — the built-in labs and labs from directories;</li>
 *   <li>{@code hosts} — {@code --host sim|real} to a host factory;</li>
 *   <li>{@code cli} — {@code lab run|diff|test|lint}.</li>
 * </ul>
 */
package isolab.labs;
