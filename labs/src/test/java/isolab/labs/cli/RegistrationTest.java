package isolab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The application's Main registers {@code lab} by class; that must work with picocli's default factory. */
class RegistrationTest {

    @Command(name = "isolab", subcommands = LabCommand.class)
    static final class Main implements Runnable {
        @Override
        public void run() {
        }
    }

    @TempDir
    Path dir;

    @Test
    void lab_registered_by_class_under_another_command_runs_its_subcommands() throws Exception {
        Path bad = dir.resolve("bad.lab.md");
        Files.writeString(bad, "---\nid: bad\n---\n");
        CommandLine cli = new CommandLine(new Main());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(2, cli.execute("lab", "lint", bad.toString()));
        assertEquals(bad + ":2: the front matter needs 'title: <what the lab is about>'\n", out.toString());
    }
}
