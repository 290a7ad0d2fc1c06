/**
 * Running a lab on any {@link isolab.api.Host}.
 *
 * <p>A {@link isolab.labs.run.Session} is a bound lab, a host, a {@link isolab.labs.run.Plan}
 * (whether solutions run) and a log of {@link isolab.labs.run.Action}s: {@code Next} (the next
 * command of the current console or solution step, a whole check, or on to the next step),
 * {@code Forward} (the rest of the step, then on), {@code Type} (the student's own command in a
 * named terminal) and {@code RunCheck} ("check my work"). Its {@link isolab.labs.run.Position} —
 * step index, commands run in it — is "which step am I in". The position never rests on a
 * setup (setups run whole, unseen, when reached — those before the first step at start) nor on
 * a solution the plan skips. Everything is a pure function of (lab, seed, plan, log) and the
 * host: {@link isolab.labs.run.Session#replay} on a fresh host rebuilds a session, which is how
 * the player steps back (the log minus its last action) and how a restarted server resumes.
 *
 * <p>Each command becomes a {@link isolab.labs.run.CommandRun}: step, origin, terminal, the
 * lab's command and expectations, what the host returned (output, status, duration, the
 * simulator's events) and the {@link isolab.labs.match.Match}. {@link
 * isolab.labs.run.Transcript} counts them: {@code N passed, M failed} over the commands with
 * expectations. {@link isolab.labs.run.LabRunner} runs a whole lab (what {@code lab run} does).
 *
 * <p>{@link isolab.labs.run.PredictionKeys} computes a prediction's key for a (lab, seed): a
 * literal answer is its own key; for {@code answer-from} a fresh simulated machine (the lab's
 * cgroup layout, the student's seed) runs the lab as an author would — setups, consoles,
 * solutions and checks in document order — through the first transcript step after the
 * prediction, then runs the command in the prediction's terminal (default: that step's) and
 * takes the first number (number) or the trimmed output (text, choice) as the key.
 */
package isolab.labs.run;
