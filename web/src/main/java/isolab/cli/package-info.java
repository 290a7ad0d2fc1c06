/**
 * The command line: {@code isolab serve} starts the web app, {@code isolab user add} puts an
 * account on the roster, {@code isolab lab ...} runs, compares, self-tests and lints labs (the labs
 * module's {@code LabCommand}), and {@code isolab lab play} lets a student play a lab at the terminal
({@link isolab.cli.TerminalPlayer}, here because it scores predictions as the gradebook does).
{@link isolab.cli.Main} is what the root launcher script runs.
 *
 * <p>This is where the application is wired: the player runs labs on the simulator, chosen through
 * the labs module's {@code Hosts}, the one place that knows both host implementations.
 */
package isolab.cli;
