package isolab.labs.cli;

import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.labs.parse.LabParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab lint FILE...}. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Report every format error of each lab file as file:line: reason.",
            "Besides parsing, the lab is bound to seeds 0 to 19 to catch what only some parameter values break."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:no errors", "2:some file has errors or cannot be read"})
final class LintCommand implements Callable<Integer> {

    /** How many seeds lint binds to find errors only some parameter values show. */
    static final int SEEDS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabCommand parent;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .lab.md files to check, or ids of built-in labs.")
    List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean clean = true;
        for (String file : files) {
            List<LabError> errors = lint(file, parent == null ? List.of() : parent.labDirs());
            errors.forEach(out::println);
            if (errors.isEmpty()) {
                out.println(file + ": ok");
            }
            clean &= errors.isEmpty();
        }
        out.flush();
        return clean ? 0 : LabCommand.EXIT_USAGE;
    }

    private static List<LabError> lint(String file, List<Path> labDirs) {
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return lintById(file, labDirs);
        } catch (IOException e) {
            return List.of(new LabError(file, 0, "cannot read: " + e.getMessage()));
        }
        try {
            Lab lab = LabParser.parse(file, text);
            return LabParser.bindingErrors(lab, SEEDS);
        } catch (LabFormatException e) {
            return e.errors();
        }
    }

    /** A name that is no file: the lab of the catalog with that id, or "no such file" when there is none. */
    private static List<LabError> lintById(String id, List<Path> labDirs) {
        try {
            return LabParser.bindingErrors(LabFiles.load(id, labDirs), SEEDS);
        } catch (LabFormatException e) {
            return e.errors();
        } catch (LabFiles.NotFound e) {
            return List.of(new LabError(id, 0, "no such file, and no lab has this id"));
        }
    }
}
