package isolab.real.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScreenTest {

    @Test
    void crlf_ends_a_line() {
        assertEquals("a\nb\n", Screen.render("a\r\nb\r\n"));
    }

    @Test
    void a_lone_carriage_return_lets_the_next_text_overwrite_the_line() {
        assertEquals("Xbc\n", Screen.render("abc\rX\r\n"));
    }

    @Test
    void colours_and_cursor_movement_leave_no_characters() {
        assertEquals("bold red\n", Screen.render("\u001b[1mbold\u001b[0m \u001b[31;1mred\u001b[m\r\n"));
    }

    @Test
    void bracketed_paste_switches_and_window_titles_leave_no_characters() {
        assertEquals("x", Screen.render("\u001b[?2004hx\u001b[?2004l\u001b]0;title\u0007"));
    }

    @Test
    void backspace_steps_back_one_column() {
        assertEquals("abd\n", Screen.render("abc\bd\n"));
    }

    @Test
    void tabs_are_kept_and_the_bell_is_not_seen() {
        assertEquals("NSpid:\t2\n", Screen.render("NSpid:\t2\u0007\n"));
    }

    @Test
    void text_without_a_final_newline_ends_without_one() {
        assertEquals("abc", Screen.render("abc"));
    }
}
