package isolab.labs.cli;

import isolab.api.HostKind;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Lab;
import isolab.labs.model.LabFormatException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * What the subcommands that run one lab share: its FILE argument, the parent's {@code --labs}
 * directories, the hosts they run it on, and loading it with its errors printed as the lab says.
 */
public abstract class OneLabCommand implements Callable<Integer> {

    protected final HostChoice hosts;

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabCommand parent;

    @Parameters(paramLabel = "FILE", description = "A .lab.md file, or the id of a built-in lab.")
    String file;

    protected OneLabCommand(HostChoice hosts) {
        this.hosts = hosts;
    }

    OneLabCommand() {
        this(Hosts::of);
    }

    /** The lab FILE names; null once its format errors, or why nothing was found, are printed to {@code err}. */
    final Lab lab(PrintWriter err) {
        try {
            return LabFiles.load(file, parent == null ? List.of() : parent.labDirs());
        } catch (LabFormatException e) {
            e.errors().forEach(err::println);
        } catch (LabFiles.NotFound e) {
            err.println(e.getMessage());
        }
        return null;
    }

    /**
     * The lab FILE names bound to {@code seed}, if it runs on every host of {@code needed}; null once
     * why not is printed to {@code err} (a refusal ends with {@code refusalEnd}).
     */
    protected final BoundLab boundLab(PrintWriter err, long seed, List<HostKind> needed, String refusalEnd) {
        Lab parsed = lab(err);
        if (parsed == null) {
            return null;
        }
        if (!needed.stream().allMatch(parsed.front()::runsOn)) {
            err.println(parsed.file() + ": this lab runs only on " + parsed.front().hosts().stream().map(HostKind::flag).toList()
                    + refusalEnd);
            return null;
        }
        try {
            return parsed.bind(seed);
        } catch (LabFormatException e) {
            e.errors().forEach(err::println);
            return null;
        }
    }
}
