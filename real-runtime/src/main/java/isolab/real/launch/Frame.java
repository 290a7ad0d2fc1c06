package isolab.real.launch;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One frame of the protocol between the JVM and the C launcher's init (isolab-launcher.c):
 * type (1 byte), channel (u32 big-endian), length (u32 big-endian), payload. A channel names a
 * terminal; 0 is the sandbox itself.
 *
 * @param type the frame's kind, one letter (see the constants)
 * @param channel the terminal it concerns, 0 for none
 * @param payload its bytes
 */
public record Frame(char type, int channel, byte[] payload) {

    /** JVM to init: open a terminal (payload: NUL-separated rows, cols, session, cwd, path, argc, argv..., env...). */
    public static final char OPEN = 'O';
    /** JVM to init: bytes typed on a terminal. */
    public static final char INPUT = 'I';
    /** JVM to init: hang a terminal up. */
    public static final char CLOSE = 'C';
    /** JVM to init: what is the hostname? */
    public static final char HOSTNAME = 'N';
    /** JVM to init: tear the sandbox down. */
    public static final char QUIT = 'Q';
    /** Launcher to JVM: init's PID in the host's PID namespace. */
    public static final char HELLO = 'H';
    /** Init to JVM: the machine is built. */
    public static final char READY = 'R';
    /** Either side of the launch to JVM: a step failed; the payload says which and why. */
    public static final char ERROR = 'E';
    /** Init to JVM: a terminal is open; payload {@code PID PTS}. */
    public static final char OPENED = 'o';
    /** Init to JVM: output of a terminal. */
    public static final char DATA = 'd';
    /** Init to JVM: a terminal's program ended; payload {@code exit N} or {@code signal N}. */
    public static final char EXITED = 'x';
    /** Init to JVM: the hostname. */
    public static final char NAME = 'n';

    /** The largest payload either side sends (init's MAX_PAYLOAD). */
    public static final int MAX_PAYLOAD = 65536;

    public Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("frame payload of " + payload.length + " bytes");
        }
    }

    /** A frame whose payload is {@code text} in UTF-8. */
    public static Frame of(char type, int channel, String text) {
        return new Frame(type, channel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An {@link #OPEN} frame asking for {@code request} on channel {@code channel}. */
    public static Frame open(int channel, PtyRequest request) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of(Integer.toString(request.rows()), Integer.toString(request.cols()),
                request.initSession() ? "init" : "own", request.cwd(), request.path(), Integer.toString(request.argv().size()))) {
            text.append(field).append('\0');
        }
        request.argv().forEach(a -> text.append(a).append('\0'));
        request.env().forEach(e -> text.append(e).append('\0'));
        return of(OPEN, channel, text.substring(0, text.length() - 1));
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Writes this frame, whole, in one write. */
    public void writeTo(OutputStream out) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(9 + payload.length);
        bytes.put((byte) type).putInt(channel).putInt(payload.length).put(payload);
        out.write(bytes.array());
        out.flush();
    }

    /** The next frame from {@code in}, or empty at end of file. */
    public static Optional<Frame> readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.read();
        if (type < 0) {
            return Optional.empty();
        }
        try {
            int channel = data.readInt();
            int length = data.readInt();
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new IOException("bad frame length " + length);
            }
            byte[] payload = new byte[length];
            data.readFully(payload);
            return Optional.of(new Frame((char) type, channel, payload));
        } catch (EOFException cut) {
            return Optional.empty();
        }
    }
}
