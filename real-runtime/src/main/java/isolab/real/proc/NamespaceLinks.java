package isolab.real.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What {@code /proc} does not tell about a namespace: the user namespace that owns it, and the
 * parent of a PID or user namespace. The kernel tells it through {@code ioctl(NS_GET_USERNS)} and
 * {@code ioctl(NS_GET_PARENT)} on an nsfs file (ioctl_ns(2)), which Java cannot make; the C
 * launcher's probe mode ({@code isolab-launcher --ns-info FILE...}) makes them.
 *
 * @param inode the namespace
 * @param owner the user namespace that owns it, 0 if none or unknown
 * @param parent its parent (PID and user namespaces), 0 if none or unknown
 */
public record NamespaceLinks(long inode, long owner, long parent) {

    /** The links of the namespaces behind {@code files} (as {@code /proc/PID/ns/TYPE}), by file; empty if the probe failed. */
    public static Map<Path, NamespaceLinks> probe(Path launcher, List<Path> files) {
        Map<Path, NamespaceLinks> links = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return links;
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "--ns-info"));
        files.forEach(f -> command.add(f.toString()));
        try {
            Process probe = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!probe.waitFor(5, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return links;
            }
            for (String line : out.split("\n")) {
                parse(line).ifPresent(entry -> links.put(entry.getKey(), entry.getValue()));
            }
        } catch (IOException e) {
            return links;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return links;
    }

    /** One line of the probe's output: {@code FILE INODE OWNER PARENT}. */
    static Optional<Map.Entry<Path, NamespaceLinks>> parse(String line) {
        String[] words = line.trim().split(" ");
        if (words.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(Path.of(words[0]), new NamespaceLinks(
                    Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
