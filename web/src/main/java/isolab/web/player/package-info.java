/**
 * The lab player: one student's session of one lab, step by step.
 *
 * <p>A session is (lab, seed, command log). The log ({@link isolab.grading.gradebook.CommandLog})
 * is the only state: {@link isolab.web.player.Progress} folds it into "which step, how many of its
 * commands ran", and {@link isolab.web.player.Machines} keeps, as a cache, the machine that booting
 * the seed, running the setup and replaying the live runs gives. Stepping back undoes the newest
 * log entry and the machine is rebuilt by replay; after a restart the same replay rebuilds every
 * machine, so nothing but the database has to survive.
 *
 * <p>Order of every action: take the attempt's lock, read the live log, bring the machine in step
 * with it, run the command, append it to the log (committed), release; only then does the browser
 * get a redirect to the page that shows it. A server killed at any point shows, after restart,
 * exactly the steps it had shown.
 *
 * <p>Moving on: Forward runs what is left of the current console step and moves to the next shown
 * step; a prediction must be answered before moving past it (the next step reveals the answer,
 * whose key the simulator computes for the student's parameters). Jumping ahead moves forward
 * step by step; jumping back undoes everything after the start of the target step.
 */
package isolab.web.player;
