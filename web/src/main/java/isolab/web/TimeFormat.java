package isolab.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show an instant: {@code 2026-01-05 10:00 UTC}. */
public final class TimeFormat {

    static final TimeFormat INSTANCE = new TimeFormat();

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TimeFormat() {
    }

    /** {@code instant} as a page shows it; empty for null. */
    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
