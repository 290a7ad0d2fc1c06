/**
 * The model of a lab written in LabMD (LAB-FORMAT.md): records and sealed types only, no parsing
 * and no running.
 *
 * <p>A {@link isolab.labs.model.Lab} is the file as written: {@link isolab.labs.model.FrontMatter}
 * and a list of {@link isolab.labs.model.Step}s, one per runnable fenced block in document order,
 * each carrying the Markdown prose written before it (its narrative) and the line of its opening
 * fence. Transcript steps ({@code console}, {@code setup}, {@code check}, {@code solution}) hold
 * {@link isolab.labs.model.Command}s — the command text with continuation lines joined by
 * backslash-newline, the expected output as {@link isolab.labs.model.ExpectedLine}s (literal,
 * {@code (re)}, {@code (glob)}, {@code ...}) and the expected status of a last {@code [N]} line. A
 * {@link isolab.labs.model.PredictStep} holds a {@link isolab.labs.model.Prediction}.
 *
 * <p>Texts in a {@code Lab} still hold {@code {{name}}} placeholders. {@link
 * isolab.labs.model.Lab#bind(long)} draws a student's parameters from a seed and gives a {@link
 * isolab.labs.model.BoundLab}: the same steps, at the same indices, with every placeholder
 * replaced. Everything that runs a lab — the runner, the differ, grading, the player — works on a
 * {@code BoundLab}; the step index is the stable address of a step across seeds.
 *
 * <p>Invariant: a {@code Lab} built by the parser has been validated — every placeholder names a
 * declared parameter, every regular expression compiles for the reference seed 0, every
 * prediction has exactly one of {@code answer} and {@code answer-from}. Binding can still fail
 * for a seed where an {@code expr} parameter divides by zero or overflows.
 */
package isolab.labs.model;
