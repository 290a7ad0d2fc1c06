package isolab.sim.timeline;

import isolab.api.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's timeline: every kernel decision as a typed event, in the order it was made.
 * A command's events are those appended between two marks.
 */
public final class EventLog {

    private final List<Event> events = new ArrayList<>();

    /** Appends an event. */
    public void append(Event event) {
        events.add(event);
    }

    /** A position to read from later. */
    public int mark() {
        return events.size();
    }

    /** The events appended since {@code mark}. */
    public List<Event> since(int mark) {
        return List.copyOf(events.subList(mark, events.size()));
    }

    /** Every event since boot. */
    public List<Event> all() {
        return List.copyOf(events);
    }
}
