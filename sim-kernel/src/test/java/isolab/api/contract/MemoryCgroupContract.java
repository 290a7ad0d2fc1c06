package isolab.api.contract;

import org.junit.jupiter.api.Test;

/**
 * The v1 memory controller as a student sees it: limit writes and their errors, charges of a
 * workload's anonymous memory within a stated tolerance, the OOM kill of a workload over its
 * limit and its traces, and page cache charged to the task that reads a file first. Observed on
 * Linux first (docs/probes/memcg.md). Byte counts that Linux's own programs and kernel memory
 * perturb are checked within bounds: usage of a 64 MiB stress-ng worker between 64 and 88 MiB,
 * page cache of a 16 MiB file between 16 and 17 MiB.
 */
public abstract class MemoryCgroupContract extends MachineContract {

    private static final String A = "/sys/fs/cgroup/memory/a/";

    /**
     * Puts a file of {@code bytes} zero bytes on the machine's disk, not in the page cache yet,
     * and returns its path: a real host makes it on its root filesystem (the sandbox's lower layer)
     * and evicts its pages; the simulator adds it to its root image.
     */
    protected abstract String diskFile(int bytes);

    /** A shell test that {@code file}'s number lies in [{@code low}, {@code high}]; prints ok or the number. */
    private static String within(String file, long low, long high) {
        return "v=$(cat " + file + "); if [ $v -ge " + low + " ] && [ $v -le " + high + " ]; then echo ok; else echo $v; fi";
    }

    private static String statWithin(String name, long low, long high) {
        return "v=$(grep '^" + name + " ' " + A + "memory.stat | cut -d' ' -f2); if [ $v -ge " + low + " ] && [ $v -le " + high
                + " ]; then echo ok; else echo $v; fi";
    }

    @Test
    void a_limit_is_rounded_down_to_whole_pages_and_minus_one_is_unlimited() {
        ok("mkdir " + A);
        expect("cat " + A + "memory.limit_in_bytes", "9223372036854771712\n", 0);
        expect("echo 100000 > " + A + "memory.limit_in_bytes; cat " + A + "memory.limit_in_bytes", "98304\n", 0);
        expect("echo 32M > " + A + "memory.limit_in_bytes; cat " + A + "memory.limit_in_bytes", "33554432\n", 0);
        expect("echo 1g > " + A + "memory.limit_in_bytes; cat " + A + "memory.limit_in_bytes", "1073741824\n", 0);
        expect("echo -1 > " + A + "memory.limit_in_bytes; cat " + A + "memory.limit_in_bytes", "9223372036854771712\n", 0);
    }

    @Test
    void a_limit_that_is_not_a_size_is_invalid() {
        ok("mkdir " + A);
        expect("echo 1.5M > " + A + "memory.limit_in_bytes", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo lots > " + A + "memory.limit_in_bytes", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 0 > " + A + "memory.use_hierarchy", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 2 > " + A + "memory.oom_control", "bash: echo: write error: Invalid argument\n", 1);
        expect("cat " + A + "memory.limit_in_bytes " + A + "memory.use_hierarchy", "9223372036854771712\n1\n", 0);
    }

    @Test
    void a_new_cgroup_s_stat_is_all_zero_under_the_machine_s_512M() {
        ok("mkdir " + A);
        expect("cat " + A + "memory.stat", """
                cache 0
                rss 0
                rss_huge 0
                shmem 0
                mapped_file 0
                dirty 0
                writeback 0
                workingset_refault_anon 0
                workingset_refault_file 0
                swap 0
                swapcached 0
                pgpgin 0
                pgpgout 0
                pgfault 0
                pgmajfault 0
                inactive_anon 0
                active_anon 0
                inactive_file 0
                active_file 0
                unevictable 0
                hierarchical_memory_limit 536870912
                hierarchical_memsw_limit 9223372036854771712
                total_cache 0
                total_rss 0
                total_rss_huge 0
                total_shmem 0
                total_mapped_file 0
                total_dirty 0
                total_writeback 0
                total_workingset_refault_anon 0
                total_workingset_refault_file 0
                total_swap 0
                total_swapcached 0
                total_pgpgin 0
                total_pgpgout 0
                total_pgfault 0
                total_pgmajfault 0
                total_inactive_anon 0
                total_active_anon 0
                total_inactive_file 0
                total_active_file 0
                total_unevictable 0
                """, 0);
        expect("cat " + A + "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n", 0);
        expect("cat /sys/fs/cgroup/memory/memory.limit_in_bytes", "536870912\n", 0);
    }

    @Test
    void a_stress_ng_worker_s_buffer_is_charged_to_its_cgroup_on_the_active_anon_list() {
        ok("mkdir " + A + "; echo 128M > " + A + "memory.limit_in_bytes; echo $$ > " + A + "cgroup.procs");
        ok("(stress-ng --vm 1 --vm-bytes 64M --vm-keep -t 3s > /dev/null 2>&1 &)");
        ok("sleep 1.5");
        // stress-ng's vm methods at times take up to 8M more for a moment (measured: rss 68.4M to 77.2M).
        expect(within(A + "memory.usage_in_bytes", 64L << 20, 88L << 20), "ok\n", 0);
        expect(statWithin("rss", 64L << 20, 80L << 20), "ok\n", 0);
        // stress-ng populates its buffer (active); its own heap and shared memory are inactive.
        expect(statWithin("active_anon", 64L << 20, 65L << 20), "ok\n", 0);
        expect(statWithin("inactive_anon", 1L << 20, 16L << 20), "ok\n", 0);
        ok("sleep 3");
        expect(statWithin("rss", 0, 1L << 20), "ok\n", 0);
        expect(within(A + "memory.max_usage_in_bytes", 64L << 20, 88L << 20), "ok\n", 0);
    }

    @Test
    void stress_ng_reports_its_run_on_stderr() {
        expect("stress-ng --vm 1 --vm-bytes 8M -t 1s 2>&1 >/dev/null", """
                stress-ng: info:  \\[\\d+\\] setting to a 1 second run per stressor (re)
                stress-ng: info:  \\[\\d+\\] dispatching hogs: 1 vm (re)
                stress-ng: info:  \\[\\d+\\] successful run completed in 1\\.\\d\\ds (re)
                """, 0);
    }

    @Test
    void a_program_over_the_limit_is_oom_killed_and_bash_says_killed() {
        ok("mkdir " + A + "; echo 32M > " + A + "memory.limit_in_bytes; echo $$ > " + A + "cgroup.procs");
        expect("dd if=/dev/zero of=/dev/null bs=64M count=1", "Killed\n", 137);
        expect("cat " + A + "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n", 0);
        expect("cat " + A + "memory.max_usage_in_bytes", "33554432\n", 0);
        expect("[ $(cat " + A + "memory.failcnt) -gt 0 ] && echo failed", "failed\n", 0);
        expect("cat /sys/fs/cgroup/memory/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n", 0);
    }

    @Test
    void dd_s_buffer_is_charged_as_inactive_anon() {
        ok("mkdir " + A + "; echo $$ > " + A + "cgroup.procs");
        ok("(dd if=/dev/zero of=/dev/null bs=32M count=100000 2>/dev/null & echo $! > /tmp/dd.pid)");
        ok("sleep 0.5");
        expect(statWithin("inactive_anon", 32L << 20, 34L << 20), "ok\n", 0);
        expect(statWithin("active_anon", 0, 1L << 20), "ok\n", 0);
        ok("kill $(cat /tmp/dd.pid)");
    }

    @Test
    void a_program_within_the_limit_runs() {
        ok("mkdir " + A + "; echo 32M > " + A + "memory.limit_in_bytes; echo $$ > " + A + "cgroup.procs");
        expect("dd if=/dev/zero of=/dev/null bs=16M count=2", """
                2+0 records in
                2+0 records out
                33554432 bytes \\(34 MB, 32 MiB\\) copied, [0-9.e-]+ s, [0-9.]+ [kMG]?B/s (re)
                """, 0);
        expect("cat " + A + "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n", 0);
    }

    @Test
    void lowering_the_limit_below_anonymous_usage_is_busy() {
        ok("mkdir " + A + "; echo 64M > " + A + "memory.limit_in_bytes; echo $$ > " + A + "cgroup.procs");
        ok("(stress-ng --vm 1 --vm-bytes 16M --vm-keep -t 2s > /dev/null 2>&1 &)");
        ok("sleep 1");
        expect("echo 4M > " + A + "memory.limit_in_bytes", "bash: echo: write error: Device or resource busy\n", 1);
        expect("cat " + A + "memory.limit_in_bytes", "67108864\n", 0);
        ok("sleep 2");
    }

    @Test
    void reading_a_file_charges_its_page_cache_to_the_reader_and_a_second_read_activates_it() {
        String file = diskFile(16 << 20);
        ok("mkdir " + A + "; echo $$ > " + A + "cgroup.procs");
        ok("cat " + file + " > /dev/null");
        expect(statWithin("cache", 16L << 20, 17L << 20), "ok\n", 0);
        expect(statWithin("inactive_file", 16L << 20, 17L << 20), "ok\n", 0);
        ok("cat " + file + " > /dev/null");
        expect(statWithin("active_file", 16L << 20, 17L << 20), "ok\n", 0);
        ok("mkdir /sys/fs/cgroup/memory/b; echo $$ > /sys/fs/cgroup/memory/b/cgroup.procs; cat " + file + " > /dev/null");
        expect("grep '^cache ' /sys/fs/cgroup/memory/b/memory.stat", "cache 0\n", 0);
    }

    @Test
    void a_file_written_to_tmpfs_is_shmem_charged_to_the_writer_until_it_is_removed() {
        ok("mkdir " + A + "; echo $$ > " + A + "cgroup.procs");
        ok("dd if=/dev/zero of=/tmp/f bs=1M count=16 status=none");
        expect(statWithin("shmem", 16L << 20, 16L << 20), "ok\n", 0);
        expect(statWithin("cache", 16L << 20, 17L << 20), "ok\n", 0);
        expect(statWithin("inactive_anon", 16L << 20, 18L << 20), "ok\n", 0);
        ok("cat /tmp/f > /dev/null; cat /tmp/f > /dev/null");
        // A page or two may still sit in a per-CPU LRU batch when it is read (measured: 16769024).
        expect(statWithin("active_anon", (16L << 20) - (64L << 10), 17L << 20), "ok\n", 0);
        ok("rm /tmp/f");
        expect(statWithin("shmem", 0, 0), "ok\n", 0);
    }

    @Test
    void a_tmpfs_page_is_referenced_by_its_write_so_one_read_activates_it() {
        // mm/shmem.c: shmem_get_folio_gfp sets PG_referenced on a folio it allocates for SGP_WRITE.
        ok("mkdir " + A + "; echo $$ > " + A + "cgroup.procs");
        ok("dd if=/dev/zero of=/tmp/f bs=1M count=8 status=none");
        expect(statWithin("inactive_anon", 8L << 20, 10L << 20), "ok\n", 0);
        expect(statWithin("active_anon", 0, 1L << 20), "ok\n", 0);
        ok("cat /tmp/f > /dev/null");
        expect(statWithin("active_anon", (8L << 20) - (64L << 10), 9L << 20), "ok\n", 0);
        expect(statWithin("inactive_anon", 0, 2L << 20), "ok\n", 0);
        ok("rm /tmp/f");
    }

    @Test
    void a_child_s_charges_count_in_its_parent_whose_limit_kills_in_the_child() {
        String child = A + "job/";
        ok("mkdir " + A + " " + child + "; echo 32M > " + A + "memory.limit_in_bytes; echo $$ > " + child + "cgroup.procs");
        ok("dd if=/dev/zero of=/tmp/f bs=1M count=8 status=none");
        expect("grep -E '^(total_)?shmem ' " + A + "memory.stat " + child + "memory.stat", """
                /sys/fs/cgroup/memory/a/memory.stat:shmem 0
                /sys/fs/cgroup/memory/a/memory.stat:total_shmem 8388608
                /sys/fs/cgroup/memory/a/job/memory.stat:shmem 8388608
                /sys/fs/cgroup/memory/a/job/memory.stat:total_shmem 8388608
                """, 0);
        expect(within(A + "memory.usage_in_bytes", 8L << 20, 12L << 20), "ok\n", 0);
        expect("grep hierarchical_memory_limit " + child + "memory.stat", "hierarchical_memory_limit 33554432\n", 0);
        expect("dd if=/dev/zero of=/dev/null bs=32M count=1", "Killed\n", 137);
        expect("[ $(cat " + A + "memory.failcnt) -gt 0 ] && cat " + child + "memory.failcnt", "0\n", 0);
        expect("tail -n1 " + A + "memory.oom_control " + child + "memory.oom_control", """
                ==> /sys/fs/cgroup/memory/a/memory.oom_control <==
                oom_kill 0

                ==> /sys/fs/cgroup/memory/a/job/memory.oom_control <==
                oom_kill 1
                """, 0);
        ok("rm /tmp/f");
    }

    @Test
    void the_memory_limit_stays_at_or_below_the_memory_and_swap_limit() {
        ok("mkdir " + A);
        expect("echo 64M > " + A + "memory.memsw.limit_in_bytes", "bash: echo: write error: Invalid argument\n", 1);
        ok("echo 48M > " + A + "memory.limit_in_bytes; echo 64M > " + A + "memory.memsw.limit_in_bytes");
        expect("echo 80M > " + A + "memory.limit_in_bytes", "bash: echo: write error: Invalid argument\n", 1);
        expect("grep hierarchical " + A + "memory.stat", "hierarchical_memory_limit 50331648\nhierarchical_memsw_limit 67108864\n", 0);
        expect("cat " + A + "memory.memsw.usage_in_bytes " + A + "memory.memsw.failcnt", "0\n0\n", 0);
    }

    @Test
    void the_host_view_shows_the_memory_cgroups_with_their_limits_and_kills() {
        ok("mkdir " + A + "; echo 32M > " + A + "memory.limit_in_bytes; echo $$ > " + A + "cgroup.procs");
        expect("dd if=/dev/zero of=/dev/null bs=64M count=1", "Killed\n", 137);
        java.util.List<isolab.api.MemcgView> memcgs = host.view().memcgs();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("/", "/a"),
                memcgs.stream().map(isolab.api.MemcgView::path).toList());
        org.junit.jupiter.api.Assertions.assertEquals(512L << 20, memcgs.get(0).limitBytes());
        isolab.api.MemcgView a = memcgs.get(1);
        org.junit.jupiter.api.Assertions.assertEquals(32L << 20, a.limitBytes());
        org.junit.jupiter.api.Assertions.assertEquals(32L << 20, a.maxUsageBytes());
        org.junit.jupiter.api.Assertions.assertEquals(1, a.oomKill());
        org.junit.jupiter.api.Assertions.assertTrue(a.failcnt() > 0);
    }

    @Test
    void a_memory_cgroup_is_in_the_host_view_as_soon_as_it_is_made() {
        // mm/memcontrol.c: mem_cgroup_css_alloc runs at mkdir, before any file of it is read.
        ok("mkdir " + A + " " + A + "b");
        java.util.List<isolab.api.MemcgView> memcgs = host.view().memcgs();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("/", "/a", "/a/b"),
                memcgs.stream().map(isolab.api.MemcgView::path).toList());
        org.junit.jupiter.api.Assertions.assertEquals(0, memcgs.get(2).usageBytes());
        org.junit.jupiter.api.Assertions.assertEquals(0, memcgs.get(2).failcnt());
    }
}
