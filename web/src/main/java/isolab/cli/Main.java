package isolab.cli;

import isolab.labs.cli.HostChoice;
import isolab.labs.cli.LabCommand;
import isolab.labs.hosts.Hosts;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code isolab}: the application's command line. */
@Command(name = "isolab", mixinStandardHelpOptions = true, version = "isolab 0.1.0",
        description = "Learn how containers really work: a simulated Linux kernel and real containers, side by side.",
        subcommands = {ServeCommand.class, UserCommand.class, LabCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand wired. */
    public static CommandLine commandLine() {
        return commandLine(Hosts::of);
    }

    /** The command line with every subcommand wired to {@code hosts}; {@code lab play} joins the labs module's {@code lab}. */
    static CommandLine commandLine(HostChoice hosts) {
        CommandLine line = new CommandLine(new Main(), LabCommand.factory(hosts));
        CommandLine lab = line.getSubcommands().get("lab");
        lab.addSubcommand("play", new CommandLine(new PlayCommand(hosts), LabCommand.factory(hosts)));
        return line;
    }

    public static void main(String[] args) {
        int status = commandLine().execute(args);
        if (status != 0 || !ServeCommand.serving()) {
            System.exit(status);
        }
    }
}
