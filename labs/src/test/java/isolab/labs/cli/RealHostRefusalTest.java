package isolab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.hosts.Hosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A lab asking for the cgroup layout the real host does not have is refused with the host's reason, never run wrong. */
class RealHostRefusalTest {

    @TempDir
    Path dir;

    @Test
    void a_cgroup_v2_lab_on_a_cgroup_v1_host_is_refused_with_exit_2() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup/memory")), "this host is not cgroup v1");
        Path lab = dir.resolve("v2.lab.md");
        Files.writeString(lab, "---\nid: v2\ntitle: V2\ncgroup: v2\n---\n```console\n$ hostname\nisolab\n```\n");
        CommandLine cli = LabCommand.commandLine(Hosts::of);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("run", lab.toString(), "--host", "real"));
        assertTrue(err.toString().startsWith(lab + ": cannot start the real host: "), err.toString());
        assertTrue(err.toString().contains("v2"), err.toString());
    }
}
