/**
 * The {@code lab} command line (picocli): {@code run}, {@code diff}, {@code test} and
 * {@code lint}, exactly as LAB-FORMAT.md's "Running labs" describes them. FILE is a
 * {@code .lab.md} path or the id of a catalog lab ({@code --labs DIR} adds a directory to the
 * built-in catalog). A malformed lab prints {@code file:line: reason} lines and exits 2 from every
 * subcommand; failures of what ran exit 1. The application's {@code isolab.cli.Main} registers
 * {@link isolab.labs.cli.LabCommand} as a subcommand; {@code LabCommand.main} runs it alone.
 */
package isolab.labs.cli;
