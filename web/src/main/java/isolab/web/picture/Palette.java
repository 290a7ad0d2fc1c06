package isolab.web.picture;

/** The colours namespaces are drawn in: a fill and a darker stroke, chosen for contrast. */
record Palette(String fill, String stroke) {

    private static final Palette[] COLOURS = {
        new Palette("#e8eef7", "#3b5b8c"),
        new Palette("#fde7c8", "#a15c00"),
        new Palette("#dcf2dc", "#2f6b2f"),
        new Palette("#f6dbe8", "#8c2f5b"),
        new Palette("#e6e0f5", "#51418c"),
        new Palette("#d8f0f0", "#22696b"),
        new Palette("#f5f0c8", "#6b6014"),
        new Palette("#f0dcd8", "#7a3326"),
    };

    /** The {@code index}-th colour; colours repeat after eight. */
    static Palette of(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
