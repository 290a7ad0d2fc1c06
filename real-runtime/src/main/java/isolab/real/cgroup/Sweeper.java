package isolab.real.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Removes what sessions of dead JVMs left behind: their cgroups and any process still in them
 * (killing a sandbox's init also ends its namespaces and, with the last process, its mounts).
 * A session whose owning JVM still runs (same PID and start time) is never touched, so several
 * JVMs may run sessions on one host at once.
 */
public final class Sweeper {

    private Sweeper() {
    }

    /** Sweeps every hierarchy; returns the names of the sessions removed, in name order. */
    public static List<String> sweep(List<Hierarchy> hierarchies) {
        TreeSet<String> removed = new TreeSet<>();
        for (SessionName orphan : orphans(hierarchies)) {
            if (new SessionCgroups(orphan, hierarchies).destroy(Duration.ofSeconds(2))) {
                removed.add(orphan.toString());
            }
        }
        return new ArrayList<>(removed);
    }

    /** The sessions under the hierarchies' {@code isolab/} directories whose owner is dead. */
    static List<SessionName> orphans(List<Hierarchy> hierarchies) {
        TreeSet<String> names = new TreeSet<>();
        for (Hierarchy hierarchy : hierarchies) {
            if (!Files.isDirectory(hierarchy.sessions())) {
                continue;
            }
            try (Stream<Path> entries = Files.list(hierarchy.sessions())) {
                entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).forEach(names::add);
            } catch (IOException raced) {
                // isolab/ went away meanwhile: nothing to sweep there.
            }
        }
        List<SessionName> orphans = new ArrayList<>();
        for (String name : names) {
            Optional<SessionName> session = SessionName.parse(name);
            if (session.isPresent() && !session.get().ownerAlive()) {
                orphans.add(session.get());
            }
        }
        return orphans;
    }
}
