/**
 * The scoring rules, apart from storage: when a prediction's answer matches its key.
 *
 * <p>A number answer matches when it is within the tolerance of the key: absolute ({@code 0.5})
 * or a percentage of the key ({@code 5%}); no tolerance means equal. The key of a number
 * prediction is the first number in the simulator's output. A text answer matches when it equals
 * the key after trimming and collapsing runs of blanks (case matters: Linux's output is
 * case-sensitive). A choice answer must be one of the choices, and matches the key as a number
 * when both are numbers, else as text. An answer that cannot be read (not a number, not one of the
 * choices) is wrong, with a reason the student is shown.
 */
package isolab.grading.score;
