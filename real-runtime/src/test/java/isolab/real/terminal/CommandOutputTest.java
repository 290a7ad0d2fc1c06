package isolab.real.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandOutputTest {

    private final CommandOutput output = new CommandOutput();

    private void text(String s) {
        output.text(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bash_s_echo_is_everything_before_ps0_however_readline_drew_it() {
        text("\r<scrolled echo of a long line\r\n");
        output.run();
        text("hello\r\n");
        assertEquals("hello\n", output.render(List.of("echo hello")));
    }

    @Test
    void dash_s_echo_is_the_typed_line_and_crlf() {
        text("echo hello\r\nhello\r\n");
        assertEquals("hello\n", output.render(List.of("echo hello")));
    }

    @Test
    void the_continuation_prompts_between_echoed_lines_go_with_the_echo() {
        text("echo a \\\r\n");
        output.more();
        text("b\r\na b\r\n");
        assertEquals("a b\n", output.render(List.of("echo a \\", "b")));
    }

    @Test
    void a_continuation_prompt_left_over_shows_as_the_default_ps2() {
        text("echo 'x\r\n");
        output.more();
        text("^C\r\n");
        assertEquals("> ^C\n", output.render(List.of("echo 'x")));
    }

    @Test
    void the_tty_echoes_control_characters_in_caret_notation() {
        assertEquals("^[[1m\t^?", CommandOutput.echo("\u001b[1m\t\u007f"));
    }

    @Test
    void output_that_repeats_the_command_is_kept() {
        text("echo echo\r\necho\r\n");
        assertEquals("echo\n", output.render(List.of("echo echo")));
    }

    @Test
    void output_beyond_the_cap_is_counted_not_kept() {
        output.run();
        byte[] lots = new byte[CommandOutput.MAX_BYTES + 10];
        java.util.Arrays.fill(lots, (byte) 'x');
        output.text(lots);
        output.text("abc".getBytes(StandardCharsets.UTF_8));
        String shown = output.render(List.of("x"));
        String note = "\n[isolab: 16 more bytes of output were not kept]\n"; // the PS0 mark took 3 of the cap
        assertEquals(CommandOutput.MAX_BYTES - 3 + note.length(), shown.length());
        assertTrue(shown.endsWith("x" + note), shown.substring(shown.length() - 60));
    }
}
