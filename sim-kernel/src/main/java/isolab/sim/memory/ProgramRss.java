package isolab.sim.memory;

/**
 * What the lab machine's programs have resident before they do any work (VmRSS, measured on
 * the development host: docs/probes/memcg.md). It is mostly their text and libraries, file pages
 * the host has long had in its page cache, so the model charges none of it to a memory cgroup;
 * it counts where Linux counts it: in {@code ps} RSS and in the OOM killer's badness, which is
 * how a 4 MiB bash can be chosen over a 2 MiB dd filling a tmpfs.
 */
final class ProgramRss {

    private ProgramRss() {
    }

    /** Resident pages of an idle process running {@code comm}. */
    static long basePages(String comm) {
        long kib = switch (comm) {
            case "bash" -> 4344;
            case "sh", "dash" -> 1644;
            case "ps" -> 4436;
            case "grep" -> 2012;
            case "sleep" -> 1792;
            case "cat" -> 1820;
            case "dd" -> 1808;
            case "stress-ng" -> 7464;
            case "stress-ng-vm" -> 1788;
            default -> 1800;
        };
        return kib / 4;
    }
}
