/**
 * The instructor's gradebook page: one row per student and lab (the current attempt), with the
 * commands run, predictions answered and the score (predictions plus the latest check run).
 * Only instructors reach it.
 */
package isolab.web.gradebook;
