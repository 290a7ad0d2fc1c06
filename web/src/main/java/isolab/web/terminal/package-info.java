/**
 * The terminal panel of the player: the live commands of the session as a terminal shows them,
 * and the form that runs a line the student types. A typed line runs on the session's machine in
 * the terminal the student names (default {@code main}) and is stored in the log before the page
 * shows its output, like every other step.
 */
package isolab.web.terminal;
