package isolab.web.player;

/** A player action that cannot be done now; the message tells the student why. */
public final class PlayerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlayerException(String message) {
        super(message);
    }
}
