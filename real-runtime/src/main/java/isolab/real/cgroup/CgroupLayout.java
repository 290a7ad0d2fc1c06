package isolab.real.cgroup;

import isolab.api.CgroupVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cgroup layout of the host this JVM runs on, read from its mount table: which controllers
 * are v1 hierarchies, and which are in the v2 tree. A host is {@link CgroupVersion#V1} when its
 * memory controller is bound to a v1 hierarchy, {@link CgroupVersion#V2} when it is in the
 * cgroup2 tree (Documentation/admin-guide/cgroup-v2.rst: a controller is in one or the other).
 *
 * @param version the layout, empty when the host has no memory controller at all
 * @param hierarchies the v1 hierarchies, in mount order (named ones like {@code name=systemd} left out)
 * @param unified where the cgroup2 tree is mounted, if it is
 * @param unifiedControllers the controllers available in the cgroup2 tree ({@code cgroup.controllers})
 */
public record CgroupLayout(
        Optional<CgroupVersion> version, List<Hierarchy> hierarchies, Optional<Path> unified,
        List<String> unifiedControllers) {

    /** The controllers of docs/MACHINE.md's v1 machine, in the order its cgroup mounts are listed. */
    public static final List<String> MACHINE_CONTROLLERS =
            List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids");

    public CgroupLayout {
        hierarchies = List.copyOf(hierarchies);
        unifiedControllers = List.copyOf(unifiedControllers);
    }

    /** The layout of this host, from {@code /proc/self/mountinfo} and {@code /proc/cgroups}. */
    public static CgroupLayout detect() {
        try {
            Set<String> known = new LinkedHashSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/cgroups"))) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    known.add(line.split("\\s+")[0]);
                }
            }
            return parse(Files.readString(Path.of("/proc/self/mountinfo")), known, CgroupLayout::readControllers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's cgroup layout", e);
        }
    }

    /**
     * The layout described by a mountinfo text; {@code known} are the controller names of
     * {@code /proc/cgroups}, {@code controllersOf} reads a cgroup2 mount's {@code cgroup.controllers}.
     */
    static CgroupLayout parse(String mountinfo, Set<String> known, Function<Path, String> controllersOf) {
        List<Hierarchy> hierarchies = new ArrayList<>();
        Path unified = null;
        List<String> unifiedControllers = List.of();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            int dash = Arrays.asList(fields).indexOf("-");
            if (dash < 0 || fields.length < dash + 4) {
                continue;
            }
            Path mountPoint = Path.of(fields[4]);
            if (fields[dash + 1].equals("cgroup")) {
                List<String> controllers = new ArrayList<>();
                for (String option : fields[dash + 3].split(",")) {
                    if (known.contains(option)) {
                        controllers.add(option);
                    }
                }
                if (!controllers.isEmpty() && hierarchies.stream().noneMatch(h -> h.controllers().equals(controllers))) {
                    hierarchies.add(new Hierarchy(mountPoint, controllers));
                }
            } else if (fields[dash + 1].equals("cgroup2") && unified == null) {
                unified = mountPoint;
                String text = controllersOf.apply(mountPoint).trim();
                unifiedControllers = text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
            }
        }
        Optional<CgroupVersion> version = Optional.empty();
        if (hierarchies.stream().anyMatch(h -> h.has("memory"))) {
            version = Optional.of(CgroupVersion.V1);
        } else if (unifiedControllers.contains("memory")) {
            version = Optional.of(CgroupVersion.V2);
        }
        return new CgroupLayout(version, hierarchies, Optional.ofNullable(unified), unifiedControllers);
    }

    /** The v1 hierarchies that carry MACHINE.md's controllers, in MACHINE.md's order. */
    public List<Hierarchy> machineHierarchies() {
        return hierarchies.stream()
                .filter(h -> h.controllers().stream().anyMatch(MACHINE_CONTROLLERS::contains))
                .sorted(Comparator.comparingInt(CgroupLayout::machineOrder))
                .toList();
    }

    /** One sentence saying what the host has, for a person deciding where to run a lab. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (version.isEmpty()) {
            text.append("this host has no memory cgroup controller");
        } else if (version.get() == CgroupVersion.V1) {
            text.append("this host's cgroup layout is v1: ")
                    .append(String.join(", ", hierarchies.stream().map(Hierarchy::name).toList()))
                    .append(" are v1 hierarchies");
        } else {
            text.append("this host's cgroup layout is v2: the cgroup2 tree at ").append(unified.orElseThrow())
                    .append(" has the controllers ").append(String.join(", ", unifiedControllers));
        }
        if (version.orElse(null) != CgroupVersion.V2 && unified.isPresent()) {
            text.append(unified.map(u -> "; the cgroup2 tree at " + u).get())
                    .append(unifiedControllers.isEmpty()
                            ? " has no controllers"
                            : " has only " + String.join(", ", unifiedControllers));
        }
        return text.toString();
    }

    private static int machineOrder(Hierarchy hierarchy) {
        return hierarchy.controllers().stream()
                .mapToInt(MACHINE_CONTROLLERS::indexOf)
                .filter(i -> i >= 0)
                .min()
                .orElse(Integer.MAX_VALUE);
    }

    private static String readControllers(Path unified) {
        try {
            return Files.readString(unified.resolve("cgroup.controllers"));
        } catch (IOException e) {
            return "";
        }
    }
}
