package isolab.api;

/**
 * One memory cgroup as its v1 files show it, in bytes: what the pictures draw as a usage bar and
 * four LRU lists.
 *
 * @param path the cgroup's path from the memory hierarchy's root on the machine ({@code /} for the root)
 * @param limitBytes memory.limit_in_bytes
 * @param usageBytes memory.usage_in_bytes
 * @param maxUsageBytes memory.max_usage_in_bytes
 * @param failcnt memory.failcnt
 * @param cacheBytes memory.stat cache (page cache and shmem)
 * @param rssBytes memory.stat rss (anonymous)
 * @param inactiveAnonBytes memory.stat inactive_anon
 * @param activeAnonBytes memory.stat active_anon
 * @param inactiveFileBytes memory.stat inactive_file
 * @param activeFileBytes memory.stat active_file
 * @param oomKill memory.oom_control oom_kill
 * @param underOom memory.oom_control under_oom
 */
public record MemcgView(
        String path, long limitBytes, long usageBytes, long maxUsageBytes, long failcnt, long cacheBytes, long rssBytes,
        long inactiveAnonBytes, long activeAnonBytes, long inactiveFileBytes, long activeFileBytes, long oomKill,
        boolean underOom) {
}
