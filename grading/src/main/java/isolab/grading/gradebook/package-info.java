/**
 * The gradebook: attempts, the log of every step a student took, prediction answers, check runs,
 * and the scores an instructor reads.
 *
 * <p>An {@link isolab.grading.gradebook.Attempt} is one student's go at one lab with the seed
 * their parameters come from. Its {@link isolab.grading.gradebook.ActionLog} is append-only:
 * each entry is an action of the player's replay log (labs' {@code Session} actions: next,
 * forward, type) with the commands it ran and what they showed, numbered from 1; stepping back
 * marks the newest live action undone instead of deleting it, so every command a student ever ran
 * stays on record while the player replays only the live actions. A prediction is answered
 * once per attempt. Each "check my work" stores a {@link isolab.grading.gradebook.CheckRun} with
 * one result per check block.
 *
 * <p>An attempt's score is the points of its correct predictions plus the points of its latest
 * check run: checks grade the machine as it stands now, predictions what was said before seeing.
 */
package isolab.grading.gradebook;
