package isolab.grading.gradebook;

import java.time.Instant;

/** One student's go at one lab; {@code seed} drew its parameters and boots its machines. */
public record Attempt(long id, long accountId, String labId, long seed, Instant startedAt) {
}
