package isolab.labs.selftest;

import java.util.List;

/**
 * What the self-test found for one seed.
 *
 * @param seed the seed
 * @param params the drawn parameters, as {@code name=value} pairs (empty when binding failed)
 * @param problems one sentence per thing wrong; none when the lab held up for this seed
 */
public record SeedResult(long seed, String params, List<String> problems) {

    public SeedResult {
        problems = List.copyOf(problems);
    }

    /** Whether the lab held up for this seed. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
