package isolab.cli;

import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import isolab.web.Services;
import isolab.web.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isolab user}: manages the roster from the command line. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
        subcommands = {UserCommand.Add.class})
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code isolab user add NAME [--role student|instructor] [--password-stdin]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an account. Without --password-stdin a random password is made and printed once.",
                    "Run it while the server is stopped when the database is the embedded H2 file."})
    static final class Add implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "NAME", description = "The username: 1 to 64 of a-z, 0-9, '.', '_', '-'.")
        String username;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "student",
                description = "student or instructor (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Role parsedRole;
            try {
                parsedRole = Role.fromLabel(role);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Roster.usernameProblem(username).ifPresent(problem -> {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            });
            String password = passwordFromStdin ? readLine() : PasswordHasher.randomPassword();
            String problem = PasswordHasher.problem(password);
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
            try (Services services = Services.open(data.config())) {
                services.roster().add(username, parsedRole, services.hasher().hash(password));
            } catch (Roster.UsernameTakenException e) {
                spec.commandLine().getErr().println("isolab: " + e.getMessage());
                return 1;
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("already in use")) {
                    spec.commandLine().getErr().println("isolab: the database in " + data.dataDir
                            + " is in use by a running server: stop it first (students can register on the web)");
                    return 1;
                }
                throw e;
            }
            out.println("isolab: added " + parsedRole.label() + " '" + username + "'");
            if (!passwordFromStdin) {
                out.println("isolab: password (shown only this once): " + password);
            }
            return 0;
        }

        private static String readLine() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        }
    }
}
