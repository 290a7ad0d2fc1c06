package isolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.roster.Role;
import isolab.web.Services;
import isolab.web.auth.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line: help everywhere, accounts from the command line, bad input refused. */
class MainTest {

    @TempDir
    Path dataDir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    int runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "user", "user add", "lab", "lab run", "lab lint", "lab play", "bench"})
    void every_command_has_help(String command) {
        String[] args = (command + " --help").trim().split(" ");
        assertEquals(0, run(args), err.toString());
        assertTrue(out.toString().startsWith("Usage: isolab" + (command.isEmpty() ? "" : " " + command)), out.toString());
    }

    @Test
    void lab_play_plays_from_standard_input_and_refuses_a_lab_it_cannot_find() {
        assertEquals(0, runWithStdin("\n:score\n", "lab", "play", "uts-and-pid"), err.toString());
        assertTrue(out.toString().contains("(Enter runs: main $ ps -e -o pid,ppid,comm)\nmain $ \n    PID    PPID COMMAND\n"),
                out.toString());
        assertTrue(out.toString().contains("score: 0 of 8 points"), out.toString());
        assertEquals(2, run("lab", "play", "no-such-lab"));
        assertTrue(err.toString().startsWith("no-such-lab: no such file, and no lab has this id (labs: "), err.toString());
    }

    @Test
    void user_add_puts_an_instructor_on_the_roster_with_the_password_given() {
        int status = runWithStdin("a long secret\n", "user", "add", "grace", "--role", "instructor",
                "--password-stdin", "--data", dataDir.toString());
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("added instructor 'grace'"), out.toString());
        try (Services services = Services.open(isolab.web.AppConfig.defaults(dataDir))) {
            var grace = services.roster().byUsername("grace").orElseThrow();
            assertEquals(Role.INSTRUCTOR, grace.role());
            assertTrue(new PasswordHasher().verify("a long secret", grace.passwordHash()));
        }
    }

    @Test
    void user_add_without_a_password_prints_a_generated_one_once() {
        assertEquals(0, run("user", "add", "ada", "--data", dataDir.toString()), err.toString());
        String printed = out.toString().replaceAll("(?s).*password \\(shown only this once\\): (\\S+).*", "$1");
        try (Services services = Services.open(isolab.web.AppConfig.defaults(dataDir))) {
            assertTrue(new PasswordHasher().verify(printed,
                    services.roster().byUsername("ada").orElseThrow().passwordHash()), out.toString());
        }
    }

    @Test
    void user_add_refuses_a_taken_name() {
        run("user", "add", "ada", "--data", dataDir.toString());
        assertEquals(1, run("user", "add", "ada", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("the username 'ada' is taken"), err.toString());
    }

    @Test
    void user_add_refuses_an_unknown_role_and_a_short_password_with_usage_status() {
        assertEquals(2, run("user", "add", "ada", "--role", "admin", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("unknown role 'admin' (expected student or instructor)"), err.toString());
        assertEquals(2, runWithStdin("short\n", "user", "add", "bob", "--password-stdin", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("a password has at least 8 characters"), err.toString());
    }

    @Test
    void serve_refuses_a_port_out_of_range() {
        assertEquals(2, run("serve", "--port", "70000", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("--port must be 0 to 65535, not 70000"), err.toString());
    }

    @Test
    void serve_refuses_a_lab_directory_that_does_not_exist() {
        assertEquals(2, run("serve", "--port", "0", "--labs", dataDir.resolve("nope").toString(),
                "--data", dataDir.toString()));
        assertTrue(err.toString().contains("cannot read the lab directory"), err.toString());
    }

    @Test
    void serve_says_when_its_port_is_taken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, run("serve", "--port", String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--data", dataDir.toString()));
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), err.toString());
        }
    }

    @Test
    void serve_refuses_real_host_slots_without_real_host_or_below_one() {
        assertEquals(2, run("serve", "--port", "0", "--real-host-slots", "3", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("--real-host-slots needs --real-host"), err.toString());
        assertEquals(2, run("serve", "--port", "0", "--real-host", "--real-host-slots", "0", "--data", dataDir.toString()));
        assertTrue(err.toString().contains("--real-host-slots must be 1 or more, not 0"), err.toString());
    }

    @Test
    void serve_with_real_host_says_at_start_whether_this_machine_can_build_sandboxes() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, run("serve", "--real-host", "--real-host-slots", "3", "--port",
                    String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1", "--data", dataDir.toString()));
        }
        String said = err.toString();
        assertTrue(said.contains("isolab: real host on: at most 3 replays at once, 12 more waiting, 180 s each")
                || said.contains("isolab: --real-host is off: this server cannot build a real sandbox: "), said);
    }

    @Test
    void an_unknown_command_is_a_usage_error() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("Unmatched argument at index 0: 'frobnicate'"), err.toString());
    }
}
