package isolab.real.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtyTest {

    private final List<byte[]> typed = new ArrayList<>();
    private final Pty pty = new Pty(2, 0, typed::add, () -> { });

    @Test
    void output_is_taken_in_the_order_it_was_displayed() {
        pty.displayed(new byte[] {1, 2});
        pty.displayed(new byte[] {3});
        assertArrayEquals(new byte[] {1, 2}, pty.take(2));
        assertArrayEquals(new byte[] {3}, pty.peek(0));
    }

    @Test
    void waiting_ends_at_the_deadline_without_output_and_at_once_after_an_exit() throws InterruptedException {
        long start = System.nanoTime();
        assertEquals(0, pty.await(0, start + 50_000_000L));
        assertTrue(System.nanoTime() - start >= 50_000_000L);
        pty.exited(new ExitStatus(3, 0));
        assertEquals(0, pty.await(0, System.nanoTime() + 10_000_000_000L));
        assertEquals(3, pty.exit().orElseThrow().shellStatus());
    }

    @Test
    void unread_output_beyond_the_limit_keeps_the_newest_bytes() {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 20; i++) {
            java.util.Arrays.fill(chunk, (byte) i);
            pty.displayed(chunk);
        }
        byte[] kept = pty.peek(0);
        assertEquals(Pty.MAX_BUFFERED, kept.length);
        assertEquals(4, kept[0]);
        assertEquals(19, kept[kept.length - 1]);
    }

    @Test
    void typing_goes_to_the_keyboard() {
        pty.type(new byte[] {'l', 's', '\r'});
        assertArrayEquals(new byte[] {'l', 's', '\r'}, typed.get(0));
    }
}
