package isolab.web.picture;

/**
 * The colours namespaces are drawn in: a light fill and a darker stroke that also serves as the
 * colour of text about the namespace. Namespace number 1 of every kind (init's, the host's) is
 * {@link #PLAIN}; number N > 1 has the same colour in every picture, so {@code pid 2} in the
 * matrix is the colour of the PID namespace 2 boxes in the process tree and {@code mnt 2} the
 * colour of the second mount tree.
 */
record Palette(String fill, String stroke) {

    /** What init's namespaces (and namespaces that could not be read) are drawn in. */
    static final Palette PLAIN = new Palette("#f4f5f7", "#4a5260");

    /** Chosen for contrast with each other and with plain grey, and dark enough strokes to read as text. */
    private static final Palette[] COLOURS = {
        new Palette("#fde7c8", "#a15c00"),
        new Palette("#dcf2dc", "#2f6b2f"),
        new Palette("#f6dbe8", "#8c2f5b"),
        new Palette("#dde7f7", "#2f5590"),
        new Palette("#e6e0f5", "#51418c"),
        new Palette("#d8f0f0", "#22696b"),
        new Palette("#f5efc0", "#6b6014"),
        new Palette("#f0dcd8", "#7a3326"),
    };

    /** The colour of namespace number {@code number} of its kind: plain for 1 (and 0, unknown); eight colours repeat after that. */
    static Palette ofNumber(int number) {
        return number <= 1 ? PLAIN : COLOURS[Math.floorMod(number - 2, COLOURS.length)];
    }
}
