package isolab.labs.cli;

import isolab.api.HostKind;
import isolab.labs.hosts.Hosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab}: runs, compares, self-tests and lints labs (LAB-FORMAT.md, "Running labs"). The
 * application's {@code isolab.cli.Main} registers it as a subcommand; {@link #main} runs it alone.
 * Exit status: 0 when everything held, 1 when a command failed, hosts disagreed or a seed failed,
 * 2 for a malformed lab, a bad command line or a host that cannot run the lab.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Run, compare, self-test and lint LabMD labs.",
        subcommands = {RunCommand.class, DiffCommand.class, TestCommand.class, LintCommand.class})
public final class LabCommand implements Runnable {

    /** A lab file or catalog that is broken, a host that cannot run it, a bad command line. */
    public static final int EXIT_USAGE = 2;
    /** Something ran and did not hold: a failed command, a disagreement, a failed seed. */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--labs", paramLabel = "DIR", description = "A directory of more *.lab.md files, found by id like the built-in labs.")
    List<Path> labDirs = new ArrayList<>();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The lab directories given on the command line. */
    List<Path> labDirs() {
        return labDirs;
    }

    /** Runs {@code lab} with {@code args} and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine(Hosts::of).execute(args));
    }

    /** A command line for {@code lab} whose hosts come from {@code hosts}. */
    public static CommandLine commandLine(HostChoice hosts) {
        return new CommandLine(new LabCommand(), factory(hosts));
    }

    /** A picocli factory that gives the subcommands {@code hosts}, for wiring other than the default. */
    public static CommandLine.IFactory factory(HostChoice hosts) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand(hosts));
                }
                if (cls == DiffCommand.class) {
                    return cls.cast(new DiffCommand(hosts));
                }
                if (cls == TestCommand.class) {
                    return cls.cast(new TestCommand(hosts));
                }
                return defaults.create(cls);
            }
        };
    }

    /** Converts {@code sim} and {@code real}. */
    public static final class HostKindConverter implements CommandLine.ITypeConverter<HostKind> {
        @Override
        public HostKind convert(String value) {
            try {
                return HostKind.fromFlag(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
