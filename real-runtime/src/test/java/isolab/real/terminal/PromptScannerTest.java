package isolab.real.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptScannerTest {

    private final PromptProtocol protocol = new PromptProtocol("0123456789ab");
    private final PromptScanner scanner = new PromptScanner(protocol);

    private List<String> events(String... chunks) {
        List<String> seen = new ArrayList<>();
        for (String chunk : chunks) {
            scanner.feed(chunk.getBytes(StandardCharsets.UTF_8));
            for (PromptScanner.Event e = scanner.next(); e != null; e = scanner.next()) {
                seen.add(describe(e));
            }
        }
        return seen;
    }

    private static String describe(PromptScanner.Event e) {
        if (e instanceof PromptScanner.Text text) {
            return "text:" + new String(text.bytes(), StandardCharsets.UTF_8);
        }
        if (e instanceof PromptScanner.Prompt prompt) {
            return "prompt:" + prompt.status();
        }
        return e instanceof PromptScanner.More ? "more" : "run";
    }

    @Test
    void a_prompt_after_output_gives_the_output_then_the_status() {
        assertEquals(List.of("text:ls\r\n", "run", "text:a b\r\n", "prompt:2"),
                events("ls\r\n{isolab:0123456789ab:run}a b\r\n{isolab:0123456789ab:2}"));
    }

    @Test
    void a_token_split_across_chunks_is_held_back_until_it_is_whole() {
        assertEquals(List.of("text:out", "prompt:130"),
                events("out{isol", "ab:0123456789", "ab:13", "0}"));
    }

    @Test
    void a_continuation_prompt_is_an_event_of_its_own() {
        assertEquals(List.of("text:echo a \\\r\n", "more"), events("echo a \\\r\n{isolab:0123456789ab:more}"));
    }

    @Test
    void a_token_of_another_session_is_text() {
        assertEquals(List.of("text:{isolab:ffffffffffff:0}"), events("{isolab:ffffffffffff:0}"));
    }

    @Test
    void a_brace_that_starts_no_token_is_text_at_once() {
        assertEquals(List.of("text:{a}"), events("{a}"));
    }

    @Test
    void a_prefix_with_a_body_that_is_no_token_is_text() {
        assertEquals(List.of("text:{", "text:isolab:0123456789ab:$?}"), events("{isolab:0123456789ab:$?}"));
    }

    @Test
    void what_might_start_a_token_waits_for_more() {
        scanner.feed("abc{isolab:01".getBytes(StandardCharsets.UTF_8));
        assertEquals("text:abc", describe(scanner.next()));
        assertNull(scanner.next());
        assertEquals("{isolab:01", new String(scanner.rest(), StandardCharsets.UTF_8));
    }
}
