package isolab.web.compare;

import isolab.grading.gradebook.RealReplay;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the compare page shows, computed once per request.
 *
 * @param labId the lab's id
 * @param title the lab's title
 * @param actions how many live actions the student's log has now
 * @param unavailable why this lab cannot be replayed on a real host here; empty when it can
 * @param running whether the replay of the current log is running or waiting for a sandbox
 * @param replay the stored replay of the current log, or null
 * @param earlier the newest replay of an earlier version of the log, or null (shown only without {@code replay})
 * @param normalisations what the differ replaces before comparing, one sentence each
 * @param slots how many real replays this server runs at once (0 when off)
 * @param timeLimitSeconds how long one replay may take
 * @param error why the last request could not be done, or empty
 * @param student whose stored replay an instructor is reading; empty on a student's own page
 */
public record ComparePage(String labId, String title, int actions, String unavailable, boolean running,
                          RealReplay replay, RealReplay earlier, List<String> normalisations, int slots,
                          long timeLimitSeconds, String error, String student) {

    /**
     * The pictures side by side, in the order the player shows them, each with its title; memory
     * cgroups only when the replay drew them (replays stored before it did have none).
     */
    public List<PictureRow> pictureRows() {
        if (replay == null) {
            return List.of();
        }
        List<PictureRow> rows = new ArrayList<>(List.of(
                new PictureRow("Processes", replay.picture("sim", "processes"), replay.picture("real", "processes")),
                new PictureRow("Namespaces", replay.picture("sim", "namespaces"), replay.picture("real", "namespaces")),
                new PictureRow("Mounts", replay.picture("sim", "mounts"), replay.picture("real", "mounts"))));
        PictureRow memory = new PictureRow("Memory cgroups", replay.picture("sim", "memory"), replay.picture("real", "memory"));
        if (!memory.simSvg().isEmpty() || !memory.realSvg().isEmpty()) {
            rows.add(memory);
        }
        return List.copyOf(rows);
    }

    /** One picture of both machines. */
    public record PictureRow(String title, String simSvg, String realSvg) {
    }
}
