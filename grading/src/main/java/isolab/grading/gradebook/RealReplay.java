package isolab.grading.gradebook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One replay of an attempt's live log on the simulator and on a real Linux host, compared.
 *
 * @param id the row's id (0 before it is stored)
 * @param attemptId the attempt replayed
 * @param logDigest the SHA-256 (hex) of the live log replayed: the result holds until the log changes
 * @param actions how many actions the log had
 * @param startedAt when the replay started
 * @param finishedAt when it ended
 * @param outcome whether the two machines were compared
 * @param reason why it failed or timed out; empty when compared
 * @param commands every command paired by position (empty unless compared)
 * @param pictures the pictures of both machines at the end (empty unless compared)
 */
public record RealReplay(long id, long attemptId, String logDigest, int actions, Instant startedAt, Instant finishedAt,
                         Outcome outcome, String reason, List<Command> commands, List<Picture> pictures) {

    public RealReplay {
        commands = List.copyOf(commands);
        pictures = List.copyOf(pictures);
    }

    /** How a replay ended. */
    public enum Outcome {
        /** Both machines ran the whole log and were compared. */
        COMPARED,
        /** A machine could not start or broke; the reason says which and why. */
        FAILED,
        /** The replay ran past its time limit and its sandboxes were closed. */
        TIMED_OUT;

        /** The word stored in {@code real_replay.outcome}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome fromWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** The commands the hosts disagree on. */
    public List<Command> disagreements() {
        return commands.stream().filter(c -> !c.agrees()).toList();
    }

    /** The picture {@code name} of {@code host} ({@code sim} or {@code real}), or empty text. */
    public String picture(String host, String name) {
        return pictures.stream().filter(p -> p.host().equals(host) && p.name().equals(name)).map(Picture::svg)
                .findFirst().orElse("");
    }

    /**
     * One command as both hosts ran it.
     *
     * @param simStatus its exit status on the simulator, null when the simulator did not run it
     * @param realStatus likewise on the real host
     * @param simNormalised the simulator's output as the differ compared it, lines joined by newlines
     * @param disagreement why the hosts disagree (the differ's words); empty when they agree
     */
    public record Command(int position, String terminal, String line, String simOutput, Integer simStatus,
                          String realOutput, Integer realStatus, String simNormalised, String realNormalised,
                          String disagreement) {

        /** Whether both hosts agree on this command. */
        public boolean agrees() {
            return disagreement.isEmpty();
        }

        /** Whether the differ replaced a value in either output: its lines then hold a name such as {@code <ns#1>}. */
        public boolean normalised() {
            return NAMED.matcher(simNormalised).find() || NAMED.matcher(realNormalised).find();
        }
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("<[a-z]+(#\\d+)?>");

    /** One picture of one host's machine: {@code host} is {@code sim} or {@code real}. */
    public record Picture(String host, String name, String svg) {
    }
}
