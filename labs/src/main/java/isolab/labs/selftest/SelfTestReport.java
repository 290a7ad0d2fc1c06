package isolab.labs.selftest;

import java.util.List;

/** The self-test of one lab over a sweep of seeds. */
public record SelfTestReport(String labId, List<SeedResult> seeds) {

    public SelfTestReport {
        seeds = List.copyOf(seeds);
    }

    /** Whether every seed passed. */
    public boolean passed() {
        return seeds.stream().allMatch(SeedResult::passed);
    }

    /** The last line of {@code lab test}. */
    public String summary() {
        long failed = seeds.stream().filter(s -> !s.passed()).count();
        return seeds.size() + " seeds: " + (seeds.size() - failed) + " passed, " + failed + " failed";
    }
}
