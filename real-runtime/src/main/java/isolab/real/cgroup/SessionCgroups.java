package isolab.real.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cgroups of one session: {@code MOUNTPOINT/isolab/SESSION} in every hierarchy, with whatever
 * cgroups the lab made below them. Removing them kills every process still in them first
 * (a cgroup with tasks cannot be removed: kernel/cgroup/cgroup.c: cgroup_destroy_locked, EBUSY).
 *
 * @param name the session
 * @param hierarchies the hierarchies the session has a cgroup in
 */
public record SessionCgroups(SessionName name, List<Hierarchy> hierarchies) {

    public SessionCgroups {
        hierarchies = List.copyOf(hierarchies);
    }

    /** The session's own directory in {@code hierarchy}. */
    public Path dir(Hierarchy hierarchy) {
        return hierarchy.sessions().resolve(name.toString());
    }

    /** The session's directories, one per hierarchy. */
    public List<Path> dirs() {
        return hierarchies.stream().map(this::dir).toList();
    }

    /**
     * Makes the session's cgroups with a memory and a pids ceiling. A new cpuset cgroup has no
     * CPUs and no memory nodes (kernel/cgroup/cpuset.c), so those are copied from the parent.
     */
    public void create(long memoryLimitBytes, int pidsMax) {
        try {
            for (Hierarchy hierarchy : hierarchies) {
                Path own = dir(hierarchy);
                for (int attempt = 0; ; attempt++) {
                    try {
                        makeDirectory(hierarchy.sessions());
                        if (hierarchy.has("cpuset")) {
                            inheritCpuset(hierarchy.mountPoint(), hierarchy.sessions());
                        }
                        Files.createDirectory(own);
                        break;
                    } catch (FileSystemException raced) {
                        // Another session removed isolab/ in between: its files are gone (ENOENT), or,
                        // from a directory handle that outlived it, its node is (ENODEV). Make it again.
                        boolean removed = raced instanceof NoSuchFileException || "No such device".equals(raced.getReason());
                        if (!removed || attempt == 20) {
                            throw raced;
                        }
                    }
                }
                if (hierarchy.has("cpuset")) {
                    inheritCpuset(hierarchy.sessions(), own);
                }
                if (hierarchy.has("memory")) {
                    Files.writeString(own.resolve("memory.limit_in_bytes"), Long.toString(memoryLimitBytes));
                }
                if (hierarchy.has("pids")) {
                    Files.writeString(own.resolve("pids.max"), Integer.toString(pidsMax));
                }
            }
        } catch (IOException e) {
            destroy(Duration.ofSeconds(2));
            throw new UncheckedIOException("cannot create the cgroups of session " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether any of the session's cgroups exists. */
    public boolean exists() {
        return dirs().stream().anyMatch(Files::isDirectory);
    }

    /** The PIDs of every process in the session's cgroups and below, once each. */
    public List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        for (Path dir : dirs()) {
            for (long pid : processesBelow(dir)) {
                if (!pids.contains(pid)) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    /**
     * Kills every process of the session and removes its cgroups, deepest first; waits up to
     * {@code patience} for exiting tasks to leave. Returns whether nothing of the session is left.
     */
    public boolean destroy(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            for (long pid : processes()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            boolean gone = true;
            for (Path dir : dirs()) {
                gone &= removeTree(dir);
            }
            if (gone) {
                hierarchies.forEach(h -> removeIfEmpty(h.sessions()));
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleepBriefly();
        }
    }

    /** The PIDs in {@code dir}'s {@code cgroup.procs} and in those of every cgroup below it. */
    static List<Long> processesBelow(Path dir) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path cgroup : walk.filter(Files::isDirectory).toList()) {
                for (String line : Files.readAllLines(cgroup.resolve("cgroup.procs"))) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            // The tree changed under us (or is gone); the caller asks again.
        }
        return pids;
    }

    /** Removes {@code dir} and the cgroups below it, deepest first; true when it no longer exists. */
    static boolean removeTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> deepestFirst = walk.filter(Files::isDirectory)
                    .sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .toList();
            for (Path cgroup : deepestFirst) {
                Files.deleteIfExists(cgroup);
            }
            return true;
        } catch (IOException | UncheckedIOException busy) {
            return !Files.isDirectory(dir);
        }
    }

    /** Removes {@code dir} if no cgroup is left in it; another session's cgroup keeps it (EBUSY). */
    static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException inUse) {
            // Another session lives there.
        } catch (FileSystemException inUse) {
            // EBUSY: the same.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // Made by another session.
        }
    }

    private static void inheritCpuset(Path parent, Path child) throws IOException {
        for (String file : List.of("cpuset.cpus", "cpuset.mems")) {
            if (Files.readString(child.resolve(file)).isBlank()) {
                Files.writeString(child.resolve(file), Files.readString(parent.resolve(file)).trim());
            }
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
