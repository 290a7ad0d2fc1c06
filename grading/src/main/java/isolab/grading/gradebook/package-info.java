/**
 * The gradebook: attempts, the log of every step a student took, prediction answers, check runs,
 * and the scores an instructor reads.
 *
 * <p>An {@link isolab.grading.gradebook.Attempt} is one student's go at one lab with the seed
 * their parameters come from. Its {@link isolab.grading.gradebook.CommandLog} is append-only:
 * each entry is a command run in a terminal or a move to another step, numbered from 1; stepping
 * back marks the newest live entry undone instead of deleting it, so every command a student ever
 * ran stays on record while the player replays only the live entries. A prediction is answered
 * once per attempt. Each "check my work" stores a {@link isolab.grading.gradebook.CheckRun} with
 * one result per check block.
 *
 * <p>An attempt's score is the points of its correct predictions plus the points of its latest
 * check run: checks grade the machine as it stands now, predictions what was said before seeing.
 */
package isolab.grading.gradebook;
