package isolab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import isolab.api.CommandResult;
import isolab.api.HostView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run is a pure function of (seed, command log): replaying it gives the same bytes. */
class DeterminismTest {

    private static final List<String> LOG = List.of(
            "ps -ef", "sleep 1 &", "unshare --pid --fork --mount-proc sh", "readlink /proc/self/ns/pid", "ps aux",
            "sleep 0.5 & wait", "exit", "echo $RANDOM $$", "cat /proc/self/mountinfo | wc -l", "head -c 8 /dev/urandom | wc -c",
            "sleep 2", "for i in $(seq 5); do echo $i & done; wait", "readlink /proc/self/ns/uts");

    private static List<String> transcript(long seed, List<HostView> views) {
        List<String> lines = new ArrayList<>();
        try (Machine m = new Machine(seed)) {
            for (String line : LOG) {
                CommandResult r = m.run(line);
                lines.add(line + "\n" + r.output() + r.status() + " " + r.duration() + " " + r.events());
                views.add(m.host().view());
            }
        }
        return lines;
    }

    @Test
    void the_same_seed_and_command_log_give_identical_transcripts_and_views() {
        List<HostView> first = new ArrayList<>();
        List<HostView> second = new ArrayList<>();
        assertEquals(transcript(42, first), transcript(42, second));
        assertEquals(first, second);
    }

    @Test
    void another_seed_numbers_namespaces_differently() {
        List<String> a = transcript(1, new ArrayList<>());
        List<String> b = transcript(2, new ArrayList<>());
        assertNotEquals(a.get(a.size() - 1), b.get(b.size() - 1));
    }
}
