/**
 * The scoring rules, apart from storage and from running anything.
 *
 * <p>A prediction's answer is right when {@link isolab.labs.model.Prediction#accepts} says so for
 * its key (LabMD's rule: a number within the tolerance, text and choices equal once trimmed); a
 * choice answer must also be one of the choices. A wrong answer carries a reason the student is
 * shown (the key, or why the answer could not be read). A check earns its points when every
 * expectation of every command in it held.
 */
package isolab.grading.score;
