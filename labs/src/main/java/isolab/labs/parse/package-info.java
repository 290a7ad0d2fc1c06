/**
 * Reading LabMD (LAB-FORMAT.md) into the model. Markdown goes through commonmark-java with
 * source spans, YAML through SnakeYAML's node API (values as written, with their lines); only
 * the tiny grammars that are not Markdown or YAML are read here by hand: a block's info-string
 * attributes and the lines of a transcript.
 *
 * <p>Entry point: {@link isolab.labs.parse.LabParser#parse(String, String)}. It collects every
 * error of a file, each as {@code file:line: reason}, and throws them together; a lab it returns
 * is valid (see {@code isolab.labs.model}). {@link isolab.labs.parse.LabParser#bindingErrors}
 * binds more seeds for {@code lab lint}.
 *
 * <p><b>Front matter</b>: the file starts with a {@code ---} line; the YAML up to the next
 * {@code ---} (or {@code ...}) line holds {@code id} (required, {@code [a-z0-9][a-z0-9-]*}, and
 * when the file is named {@code *.lab.md} its name must be {@code <id>.lab.md}), {@code title}
 * (required), {@code cgroup} ({@code v1}|{@code v2}, default v2), {@code topics}, {@code hosts}
 * (default {@code [sim, real]}) and {@code params}. Unknown keys are errors.
 *
 * <p><b>Blocks</b>: every fenced block (at any depth: in a list or a quote too) whose info string
 * starts with {@code console}, {@code setup}, {@code check}, {@code predict} or {@code solution}
 * is a step; any other fence is prose. Attributes are {@code key=value}, {@code key="a b"} or bare
 * flags; unknown or repeated ones are errors. isolab adds, without changing what LAB-FORMAT.md
 * defines:
 * <ul>
 *   <li>{@code timeout=SECONDS} on console, setup and solution: how long each command may run
 *       (default 30 s, {@code Terminal.DEFAULT_TIMEOUT});</li>
 *   <li>{@code tolerance=N} or {@code tolerance=N%} on console, setup and solution: how far
 *       numbers in those commands' outputs may differ between hosts in {@code lab diff};</li>
 *   <li>{@code terminal=NAME} on predict: the terminal {@code answer-from} runs in (default: the
 *       terminal of the first transcript step after the prediction).</li>
 * </ul>
 * {@code points} defaults to 1. A console, setup or solution block needs a command; a check
 * needs an expectation (an output line or {@code [N]}), or it could never fail.
 *
 * <p><b>Transcripts</b>: a line starting {@code $ } or {@code # } is a command; a command whose
 * line ends in {@code  \} continues on the next line, which must start with {@code > }; the
 * command sent to the terminal keeps the backslash-newline. Lines up to the next command are the
 * expected output; a last line {@code [N]} (0 to 255) is the exit status; {@code ...},
 * {@code  (re)} and {@code  (glob)} lines are patterns. Blank lines before the first command and
 * lines that are only a prompt are skipped; any other line before the first command is an error.
 *
 * <p><b>Predictions</b>: the body is YAML with {@code question} (required), {@code type}
 * ({@code number}|{@code text}|{@code choice}, default text), {@code choices} (choice only,
 * required there), exactly one of {@code answer} and {@code answer-from}, {@code tolerance}
 * (number only) and {@code explain}. {@code {{name}}} may stand anywhere in it, even as a whole
 * value ({@code answer: {{n}}}). An {@code answer-from} needs a transcript step after it. A
 * literal answer must be a number for a number prediction and one of the choices for a choice.
 */
package isolab.labs.parse;
