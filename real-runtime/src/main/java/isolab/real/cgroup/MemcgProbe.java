package isolab.real.cgroup;

import isolab.api.MemcgView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the memory cgroups of a sandbox from the host's v1 memory hierarchy: the session's
 * directory (the machine's root, {@code /}) and every cgroup below it, in pre-order with
 * children by name, each as its memory.* files show it. A cgroup removed while it is read is
 * left out.
 */
public final class MemcgProbe {

    private MemcgProbe() {
    }

    /** The memory cgroups at and below {@code root}. */
    public static List<MemcgView> read(Path root) {
        List<MemcgView> views = new ArrayList<>();
        collect(root, root, views);
        return views;
    }

    private static void collect(Path root, Path dir, List<MemcgView> views) {
        try {
            views.add(view(root, dir));
        } catch (IOException | RuntimeException gone) {
            return;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException gone) {
            return;
        }
        for (Path child : children) {
            collect(root, child, views);
        }
    }

    private static MemcgView view(Path root, Path dir) throws IOException {
        String path = "/" + root.relativize(dir).toString();
        Stat stat = new Stat(Files.readString(dir.resolve("memory.stat"), StandardCharsets.UTF_8));
        String oom = Files.readString(dir.resolve("memory.oom_control"), StandardCharsets.UTF_8);
        return new MemcgView(path.equals("/") ? "/" : path, number(dir, "memory.limit_in_bytes"),
                number(dir, "memory.usage_in_bytes"), number(dir, "memory.max_usage_in_bytes"),
                number(dir, "memory.failcnt"), stat.get("cache"), stat.get("rss"), stat.get("inactive_anon"),
                stat.get("active_anon"), stat.get("inactive_file"), stat.get("active_file"),
                new Stat(oom).get("oom_kill"), new Stat(oom).get("under_oom") != 0);
    }

    private static long number(Path dir, String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file), StandardCharsets.UTF_8).strip());
    }

    /** "name value" lines. */
    private record Stat(String text) {
        long get(String name) {
            for (String line : text.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Long.parseLong(line.substring(name.length() + 1).strip());
                }
            }
            return 0;
        }
    }
}
