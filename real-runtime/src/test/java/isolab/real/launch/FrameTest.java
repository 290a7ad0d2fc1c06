package isolab.real.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void a_frame_is_type_channel_length_and_payload_big_endian() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frame.of(Frame.INPUT, 258, "ab").writeTo(out);
        assertArrayEquals(new byte[] {'I', 0, 0, 1, 2, 0, 0, 0, 2, 'a', 'b'}, out.toByteArray());
    }

    @Test
    void frames_read_back_in_order_and_then_end() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frame.of(Frame.OPENED, 1, "2 0").writeTo(out);
        new Frame(Frame.READY, 0, new byte[0]).writeTo(out);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals("2 0", Frame.readFrom(in).orElseThrow().text());
        assertEquals(Frame.READY, Frame.readFrom(in).orElseThrow().type());
        assertEquals(Optional.empty(), Frame.readFrom(in));
    }

    @Test
    void a_frame_cut_short_is_the_end_of_the_stream() throws IOException {
        assertEquals(Optional.empty(), Frame.readFrom(new ByteArrayInputStream(new byte[] {'d', 0, 0})));
    }

    @Test
    void an_open_request_lists_its_fields_separated_by_nul() {
        Frame open = Frame.open(3, new PtyRequest(50, 200, true, "/root", "/bin/bash", List.of("bash"),
                List.of("TERM=dumb", "HOME=/root")));
        assertEquals("50\0" + "200\0init\0/root\0/bin/bash\0" + "1\0bash\0TERM=dumb\0HOME=/root", open.text());
        assertEquals(3, open.channel());
    }

    @Test
    void a_payload_larger_than_init_reads_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Frame(Frame.INPUT, 1, new byte[Frame.MAX_PAYLOAD + 1]));
    }

    @Test
    void exit_statuses_read_as_a_shell_reports_them() {
        assertEquals(3, ExitStatus.parse("exit 3").shellStatus());
        assertEquals(137, ExitStatus.parse("signal 9").shellStatus());
        assertThrows(IllegalArgumentException.class, () -> ExitStatus.parse("gone"));
    }

    @Test
    void the_launcher_source_is_shipped_and_hashed_stably() {
        byte[] source = HelperBinary.source();
        assertEquals(HelperBinary.hash(source), HelperBinary.hash(source.clone()));
        assertEquals(16, HelperBinary.hash(source).length());
        assertEquals(true, new String(source, StandardCharsets.UTF_8).contains("pivot_root"));
    }
}
