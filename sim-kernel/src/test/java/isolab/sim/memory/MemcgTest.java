package isolab.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The memory controller on a v1 machine. Each expectation was measured on Linux 6.18 (cgroup v1,
 * under /sys/fs/cgroup/memory/isolab) first: docs/probes/memcg.md.
 */
class MemcgTest {

    private static final String MEM = "/sys/fs/cgroup/memory";

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    private long value(String file) {
        return Long.parseLong(m.out("cat " + MEM + "/" + file).strip());
    }

    private long stat(String cgroup, String name) {
        for (String line : m.out("cat " + MEM + "/" + cgroup + "/memory.stat").split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void a_new_memory_cgroup_lists_the_modelled_files_and_starts_empty() {
        m.out("mkdir " + MEM + "/a");
        assertEquals("""
                cgroup.clone_children
                cgroup.procs
                memory.failcnt
                memory.force_empty
                memory.limit_in_bytes
                memory.max_usage_in_bytes
                memory.memsw.failcnt
                memory.memsw.limit_in_bytes
                memory.memsw.max_usage_in_bytes
                memory.memsw.usage_in_bytes
                memory.move_charge_at_immigrate
                memory.numa_stat
                memory.oom_control
                memory.soft_limit_in_bytes
                memory.stat
                memory.swappiness
                memory.usage_in_bytes
                memory.use_hierarchy
                notify_on_release
                tasks
                """, m.out("ls " + MEM + "/a | cat"));
        assertEquals("9223372036854771712\n0\n0\n0\n1\n60\n", m.out("cd " + MEM + "/a; cat memory.limit_in_bytes memory.usage_in_bytes"
                + " memory.max_usage_in_bytes memory.failcnt memory.use_hierarchy memory.swappiness"));
        assertEquals("oom_kill_disable 0\nunder_oom 0\noom_kill 0\n", m.out("cat " + MEM + "/a/memory.oom_control"));
        assertEquals(536870912L, stat("a", "hierarchical_memory_limit"));
    }

    @Test
    void limit_writes_round_down_to_pages_and_take_suffixes() {
        m.out("mkdir " + MEM + "/a");
        String[][] cases = {{"100000", "98304"}, {"32M", "33554432"}, {"32m", "33554432"}, {"1k", "0"}, {"1G", "1073741824"},
            {"4096", "4096"}, {"-1", "9223372036854771712"}, {"0x1000", "4096"}, {" 64M", "67108864"},
            {"12345678901234567890", "9223372036854771712"}, {"10T", "10995116277760"}};
        for (String[] c : cases) {
            assertEquals(c[1] + "\n", m.out("echo '" + c[0] + "' > " + MEM + "/a/memory.limit_in_bytes; cat " + MEM + "/a/memory.limit_in_bytes"), c[0]);
        }
        for (String bad : new String[] {"abc", "1.5M", "-2"}) {
            CommandResult r = m.run("echo " + bad + " > " + MEM + "/a/memory.limit_in_bytes");
            assertEquals("bash: echo: write error: Invalid argument\n", r.output(), bad);
            assertEquals(1, r.status());
        }
    }

    @Test
    void the_other_files_accept_and_refuse_what_linux_does() {
        m.out("mkdir " + MEM + "/a");
        String a = MEM + "/a/";
        assertEquals(1, m.run("echo 0 > " + a + "memory.use_hierarchy").status());
        assertEquals(0, m.run("echo 1 > " + a + "memory.use_hierarchy").status());
        assertEquals(1, m.run("echo 1 > " + a + "memory.move_charge_at_immigrate").status());
        assertEquals(1, m.run("echo 2 > " + a + "memory.oom_control").status());
        assertEquals(1, m.run("echo 201 > " + a + "memory.swappiness").status());
        assertEquals(1, m.run("echo 5 > " + a + "memory.usage_in_bytes").status());
        assertEquals(0, m.run("echo 0 > " + a + "memory.force_empty").status());
        m.out("echo 1 > " + a + "memory.oom_control; echo 10 > " + a + "memory.swappiness");
        m.out("mkdir " + a + "b");
        // memcontrol-v1.c: mem_cgroup_css_alloc: a child inherits oom_kill_disable and swappiness.
        assertEquals("oom_kill_disable 1\nunder_oom 0\noom_kill 0\n10\n", m.out("cat " + a + "b/memory.oom_control " + a + "b/memory.swappiness"));
    }

    @Test
    void stress_ng_vm_charges_its_buffer_to_its_cgroup_on_the_active_anon_list() {
        m.out("mkdir " + MEM + "/a; echo 128M > " + MEM + "/a/memory.limit_in_bytes");
        m.out("echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("stress-ng --vm 1 --vm-bytes 64M --vm-keep -t 10s > /dev/null 2>&1 &");
        m.out("sleep 1");
        long usage = value("a/memory.usage_in_bytes");
        assertTrue(usage >= 64L << 20 && usage <= 72L << 20, "usage " + usage);
        assertEquals(64L << 20, stat("a", "active_anon"));
        assertEquals(usage - (64L << 20), stat("a", "inactive_anon"));
        assertEquals(560 * 4096, stat("a", "shmem"));
        assertEquals(usage, value("memory.usage_in_bytes"), "the root's usage is the machine's");
        assertTrue(m.out("ps -o rss=,comm= -e").contains("67724 stress-ng-vm"), m.out("ps -o rss=,comm= -e"));
        m.out("sleep 10");
        assertEquals(0, value("a/memory.usage_in_bytes"));
        assertEquals(usage, value("a/memory.max_usage_in_bytes"));
    }

    @Test
    void dd_with_a_buffer_over_the_limit_is_oom_killed() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes");
        m.out("echo $$ > " + MEM + "/a/cgroup.procs");
        CommandResult r = m.run("dd if=/dev/zero of=/dev/null bs=64M count=1");
        assertEquals("Killed\n", r.output());
        assertEquals(137, r.status());
        assertEquals("oom_kill_disable 0\nunder_oom 0\noom_kill 1\n", m.out("cat " + MEM + "/a/memory.oom_control"));
        assertEquals(33554432L, value("a/memory.max_usage_in_bytes"));
        assertTrue(value("a/memory.failcnt") > 0);
        assertEquals(0, value("a/memory.usage_in_bytes"));
    }

    @Test
    void dd_within_the_limit_copies_and_reports() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes");
        m.out("echo $$ > " + MEM + "/a/cgroup.procs");
        CommandResult r = m.run("dd if=/dev/zero of=/dev/null bs=16M count=2");
        assertEquals("2+0 records in\n2+0 records out\n33554432 bytes (34 MB, 32 MiB) copied, 0.00841861 s, 4.0 GB/s\n", r.output());
        assertEquals(16L << 20, value("a/memory.max_usage_in_bytes"));
    }

    @Test
    void reading_a_file_charges_its_page_cache_to_the_reader_and_a_second_read_activates_it() {
        Machine.diskFile(m.host(), "/var/tmp/data", 16 << 20);
        m.out("mkdir " + MEM + "/a; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("cat /var/tmp/data > /dev/null");
        assertEquals(16L << 20, stat("a", "cache"));
        assertEquals(16L << 20, stat("a", "inactive_file"));
        m.out("cat /var/tmp/data > /dev/null");
        assertEquals(16L << 20, stat("a", "active_file"));
        m.out("mkdir " + MEM + "/b; echo $$ > " + MEM + "/b/cgroup.procs; cat /var/tmp/data > /dev/null");
        assertEquals(0, stat("b", "cache"), "the first reader keeps the charge");
    }

    @Test
    void streaming_a_file_through_a_small_cgroup_reclaims_its_own_page_cache() {
        Machine.diskFile(m.host(), "/var/tmp/data", 64 << 20);
        m.out("mkdir " + MEM + "/a; echo 16M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("cat /var/tmp/data > /dev/null");
        long usage = value("a/memory.usage_in_bytes");
        assertTrue(usage <= 16L << 20 && usage > 12L << 20, "usage " + usage);
        assertTrue(value("a/memory.failcnt") > 0);
    }

    @Test
    void lowering_the_limit_below_anon_usage_is_ebusy_and_below_page_cache_reclaims() {
        Machine.diskFile(m.host(), "/var/tmp/data", 8 << 20);
        m.out("mkdir " + MEM + "/a; echo $$ > " + MEM + "/a/cgroup.procs; cat /var/tmp/data > /dev/null");
        m.out("echo 4M > " + MEM + "/a/memory.limit_in_bytes");
        assertTrue(value("a/memory.usage_in_bytes") <= 4L << 20);
        m.out("echo 32M > " + MEM + "/a/memory.limit_in_bytes");
        m.out("stress-ng --vm 1 --vm-bytes 16M --vm-keep -t 5s > /dev/null 2>&1 &");
        m.out("sleep 1");
        CommandResult r = m.run("echo 2M > " + MEM + "/a/memory.limit_in_bytes");
        assertEquals("bash: echo: write error: Device or resource busy\n", r.output());
        assertEquals(1, r.status());
    }

    @Test
    void with_the_oom_killer_disabled_a_faulting_worker_waits_in_d_until_the_limit_is_raised() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo 1 > " + MEM + "/a/memory.oom_control");
        m.out("echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("stress-ng --vm 1 --vm-bytes 64M --vm-keep -t 3s > /dev/null 2>&1 &");
        m.out("sleep 1");
        assertTrue(m.out("ps -o stat=,comm= -e").contains("D    stress-ng-vm"), m.out("ps -o stat=,comm= -e"));
        assertEquals("oom_kill_disable 1\nunder_oom 1\noom_kill 0\n", m.out("cat " + MEM + "/a/memory.oom_control"));
        m.out("echo 128M > " + MEM + "/a/memory.limit_in_bytes");
        m.out("sleep 0.5");
        assertEquals("oom_kill_disable 1\nunder_oom 0\noom_kill 0\n", m.out("cat " + MEM + "/a/memory.oom_control"));
        assertEquals(64L << 20, stat("a", "active_anon"));
    }

    @Test
    void with_the_oom_killer_disabled_a_read_into_a_new_buffer_comes_back_short() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo 1 > " + MEM + "/a/memory.oom_control");
        m.out("echo $$ > " + MEM + "/a/cgroup.procs");
        CommandResult r = m.run("dd if=/dev/zero of=/dev/null bs=64M count=1");
        assertEquals("0+1 records in\n0+1 records out\n33554432 bytes (34 MB, 32 MiB) copied, 0.00841861 s, 4.0 GB/s\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void a_parent_s_limit_fails_the_parent_s_counter_and_the_kill_counts_in_the_victim_s_cgroup() {
        m.out("mkdir -p " + MEM + "/p/a " + MEM + "/p/b; echo 64M > " + MEM + "/p/memory.limit_in_bytes");
        m.out("echo $$ > " + MEM + "/p/a/cgroup.procs; stress-ng --vm 1 --vm-bytes 40M --vm-keep -t 5s > /dev/null 2>&1 &");
        m.out("sleep 1");
        m.out("echo $$ > " + MEM + "/p/b/cgroup.procs; stress-ng --vm 1 --vm-bytes 40M --vm-keep --oomable -t 5s > /dev/null 2>&1 &");
        m.out("sleep 1");
        assertTrue(value("p/memory.failcnt") > 0);
        assertEquals(0, value("p/a/memory.failcnt"));
        assertEquals(0, value("p/b/memory.failcnt"));
        // oom_kill.c: select_bad_process: a's worker (40M resident) outscores b's (stopped short of 40M).
        assertEquals("oom_kill 1\n", m.out("grep oom_kill " + MEM + "/p/a/memory.oom_control | tail -1"));
        assertEquals("oom_kill 0\n", m.out("grep oom_kill " + MEM + "/p/memory.oom_control | tail -1"));
        assertEquals(33554432L * 2, value("p/memory.max_usage_in_bytes"));
    }

    @Test
    void a_stress_ng_worker_over_its_limit_is_killed_and_started_again_about_forty_times_in_three_seconds() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        CommandResult r = m.run("stress-ng --vm 1 --vm-bytes 64M --vm-keep -t 3s");
        assertEquals(0, r.status());
        assertTrue(r.output().matches("(?s).*successful run completed in 3\\.0\\ds\n"), r.output());
        String kills = m.out("grep oom_kill " + MEM + "/a/memory.oom_control | tail -1").strip();
        long n = Long.parseLong(kills.substring("oom_kill ".length()));
        assertTrue(n >= 20 && n <= 80, kills);
    }

    @Test
    void the_oom_kill_is_on_the_timeline() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        m.run("dd if=/dev/zero of=/dev/null bs=64M count=1");
        java.util.List<isolab.api.Event> events = m.host().kernel().events().all();
        isolab.api.MemoryEvent.OomKilled kill = events.stream().filter(e -> e instanceof isolab.api.MemoryEvent.OomKilled)
                .map(e -> (isolab.api.MemoryEvent.OomKilled) e).findFirst().orElseThrow();
        assertEquals("/a", kill.cgroup());
        assertEquals("dd", kill.comm());
        assertEquals(8192 + 1808 / 4, kill.rssPages(), "the buffer and dd's own resident pages");
        assertTrue(events.stream().anyMatch(e -> e instanceof isolab.api.MemoryEvent.LimitHit));
    }

    @Test
    void reclaim_under_a_parent_limit_takes_page_cache_from_both_idle_children() {
        Machine.diskFile(m.host(), "/var/tmp/one", 24 << 20);
        Machine.diskFile(m.host(), "/var/tmp/two", 24 << 20);
        Machine.diskFile(m.host(), "/var/tmp/three", 24 << 20);
        m.out("mkdir -p " + MEM + "/p/a " + MEM + "/p/b " + MEM + "/p/c; echo 56M > " + MEM + "/p/memory.limit_in_bytes");
        m.out("echo $$ > " + MEM + "/p/a/cgroup.procs; cat /var/tmp/one > /dev/null");
        m.out("echo $$ > " + MEM + "/p/b/cgroup.procs; cat /var/tmp/two > /dev/null");
        m.out("echo $$ > " + MEM + "/p/c/cgroup.procs; cat /var/tmp/three > /dev/null");
        long a = stat("p/a", "cache");
        long b = stat("p/b", "cache");
        assertTrue(a < 24L << 20 && b < 24L << 20, "a " + a + " b " + b);
        assertTrue(value("p/memory.usage_in_bytes") <= 56L << 20);
    }

    @Test
    void streaming_a_file_again_refaults_every_page_but_activates_none_without_an_active_list() {
        Machine.diskFile(m.host(), "/var/tmp/data", 64 << 20);
        m.out("mkdir " + MEM + "/a; echo 16M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("cat /var/tmp/data > /dev/null");
        assertEquals(0, stat("a", "workingset_refault_file"));
        m.out("cat /var/tmp/data > /dev/null");
        // KERNEL-SEMANTICS 2.6 (measured): refaults counted, none activated with an empty active list.
        assertEquals(16384, stat("a", "workingset_refault_file"));
        assertEquals(0, stat("a", "active_file"));
    }

    @Test
    void a_hot_set_read_twice_survives_a_stream_while_the_inactive_list_is_the_larger() {
        Machine.diskFile(m.host(), "/var/tmp/hot", 8 << 20);
        Machine.diskFile(m.host(), "/var/tmp/stream", 64 << 20);
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("cat /var/tmp/hot > /dev/null; cat /var/tmp/hot > /dev/null");
        assertEquals(8L << 20, stat("a", "active_file"));
        m.out("cat /var/tmp/stream > /dev/null; cat /var/tmp/stream > /dev/null");
        assertEquals(8L << 20, stat("a", "active_file"));
    }

    @Test
    void a_page_evicted_just_now_refaults_into_the_active_list() {
        Machine.diskFile(m.host(), "/var/tmp/hot", 12 << 20);
        Machine.diskFile(m.host(), "/var/tmp/small", 2 << 20);
        m.out("mkdir " + MEM + "/a; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("cat /var/tmp/hot > /dev/null; cat /var/tmp/hot > /dev/null; cat /var/tmp/small > /dev/null");
        long usage = value("a/memory.usage_in_bytes");
        m.out("echo " + (usage - (2 << 20)) + " > " + MEM + "/a/memory.limit_in_bytes");     // evicts the 2M just read
        long active = stat("a", "active_file");
        m.out("echo -1 > " + MEM + "/a/memory.limit_in_bytes; cat /var/tmp/small > /dev/null");
        assertEquals(512, stat("a", "workingset_refault_file"));
        assertEquals(active + (2 << 20), stat("a", "active_file"), "the refaulted 2M went straight to the active list");
    }

    @Test
    void the_host_view_shows_each_memory_cgroup_s_usage_and_lists() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes; echo $$ > " + MEM + "/a/cgroup.procs");
        m.run("dd if=/dev/zero of=/dev/null bs=64M count=1");
        java.util.List<isolab.api.MemcgView> views = m.host().view().memcgs();
        assertEquals(java.util.List.of("/", "/a"), views.stream().map(isolab.api.MemcgView::path).toList());
        isolab.api.MemcgView a = views.get(1);
        assertEquals(32L << 20, a.limitBytes());
        assertEquals(32L << 20, a.maxUsageBytes());
        assertEquals(1, a.oomKill());
        assertEquals(512L << 20, views.get(0).limitBytes());
    }

    @Test
    void a_tmpfs_file_is_shmem_charged_to_its_writer_activated_by_one_read_after_the_write_and_freed_by_rm() {
        m.out("mkdir " + MEM + "/a; echo $$ > " + MEM + "/a/cgroup.procs");
        m.out("dd if=/dev/zero of=/tmp/f bs=1M count=16 status=none");
        assertEquals(16L << 20, stat("a", "cache"));
        assertEquals(16L << 20, stat("a", "shmem"));
        assertEquals(16L << 20, stat("a", "inactive_anon"));
        assertEquals(0, stat("a", "mapped_file"));
        m.out("cat /tmp/f > /dev/null");
        assertEquals(16L << 20, stat("a", "active_anon"));
        assertEquals(0, stat("a", "inactive_anon"));
        m.out("rm /tmp/f");
        assertEquals(0, stat("a", "cache"));
        assertEquals(0, value("a/memory.usage_in_bytes"));
    }

    @Test
    void filling_a_tmpfs_over_the_limit_oom_kills_the_biggest_process_first_the_shell() {
        m.out("mkdir " + MEM + "/a; echo 32M > " + MEM + "/a/memory.limit_in_bytes");
        CommandResult r = m.run("sh -c 'echo $$ > " + MEM + "/a/cgroup.procs; bash -c \"dd if=/dev/zero of=/tmp/f bs=1M count=64; echo never\"'");
        assertEquals(137, r.status(), r.output());
        assertTrue(!r.output().contains("never"), r.output());
        // measured: bash (4.3M resident) is killed before dd (2.8M); tmpfs pages are nobody's RSS.
        assertEquals("oom_kill 2\n", m.out("grep oom_kill " + MEM + "/a/memory.oom_control | tail -1"));
        long size = Long.parseLong(m.out("stat -c %s /tmp/f").strip());
        assertTrue(size >= 31L << 20 && size <= 32L << 20, "size " + size);
        m.out("rm /tmp/f");
    }

    @Test
    void memsw_limits_may_not_go_below_the_memory_limit_nor_the_memory_limit_above_them() {
        m.out("mkdir " + MEM + "/a");
        String a = MEM + "/a/";
        assertEquals(1, m.run("echo 64M > " + a + "memory.memsw.limit_in_bytes").status(), "below an unlimited memory limit");
        m.out("echo 48M > " + a + "memory.limit_in_bytes; echo 64M > " + a + "memory.memsw.limit_in_bytes");
        assertEquals(1, m.run("echo 80M > " + a + "memory.limit_in_bytes").status());
        assertEquals(1, m.run("echo 16M > " + a + "memory.memsw.limit_in_bytes").status());
        assertEquals(67108864L, stat("a", "hierarchical_memsw_limit"));
        m.out("sh -c 'echo $$ > " + a + "cgroup.procs; exec dd if=/dev/zero of=/dev/null bs=16M count=1 status=none'");
        assertEquals(value("a/memory.max_usage_in_bytes"), value("a/memory.memsw.max_usage_in_bytes"));
        m.run("sh -c 'echo $$ > " + a + "cgroup.procs; exec dd if=/dev/zero of=/dev/null bs=100M count=1 status=none'");
        assertEquals(0, value("a/memory.memsw.failcnt"), "memory's 48M fails before memsw's 64M");
        assertTrue(value("a/memory.failcnt") > 0);
    }
}
