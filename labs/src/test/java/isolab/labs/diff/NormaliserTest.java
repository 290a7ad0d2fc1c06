package isolab.labs.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.model.Tolerance;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    static String norm(String line, Names names) {
        return Normaliser.normalise(line, names);
    }

    @Test
    void every_rule_says_what_it_replaces_and_the_names_it_gives_in_the_order_they_apply() {
        java.util.List<String> said = TranscriptDiffer.normalisations();
        assertEquals(Normaliser.ALL.size() + 1, said.size(), "one sentence per rule, then the tolerance");
        for (int i = 0; i < Normaliser.ALL.size(); i++) {
            assertEquals(Normaliser.ALL.get(i).what(), said.get(i));
            assertTrue(said.get(i).matches(".*<[a-z]+(#N)?>.*"), "names the values it gives: " + said.get(i));
        }
        assertTrue(said.get(0).startsWith("mount ids"), said.get(0));
        assertTrue(said.get(said.size() - 1).contains("tolerance="));
    }

    @Test
    void namespace_inodes_are_renamed_in_order_of_first_appearance_and_consistently() {
        Names names = new Names();
        assertEquals("uts:[<ns#1>]", norm("uts:[4026531838]", names));
        assertEquals("uts:[<ns#2>]", norm("uts:[4026532251]", names));
        assertEquals("uts:[<ns#1>]", norm("uts:[4026531838]", names));
        assertEquals("<ns#2> uts         1   7 root sh", norm("4026532251 uts         1   7 root sh", names), "lsns");
        assertEquals("4026531829 is too small", norm("4026531829 is too small", names));
    }

    @Test
    void mountinfo_ids_and_devices_are_renamed_but_the_rest_of_the_line_is_kept() {
        Names names = new Names();
        assertEquals("<mnt#1> <mnt#2> <dev#1> / /proc rw,relatime - proc proc rw",
                norm("22 27 0:21 / /proc rw,relatime - proc proc rw", names));
        assertEquals("<mnt#2> <mnt#3> <dev#2> / / rw - overlay overlay rw",
                norm("27 1 0:33 / / rw - overlay overlay rw", names));
        assertEquals("Device: <dev#3>\tInode: 2           Links: 21", norm("Device: 254,0\tInode: 2           Links: 21", names));
    }

    @Test
    void timestamps_become_a_marker() {
        Names names = new Names();
        assertEquals("Access: <time>", norm("Access: 2026-11-22 01:39:55.138222570 +0000", names));
        assertEquals("<time>", norm("Sun Nov 22 01:57:57 UTC 2026", names));
        assertEquals("crw-rw-rw- 1 root root 1, 3 <time> /dev/null", norm("crw-rw-rw- 1 root root 1, 3 Nov 19 20:20 /dev/null", names));
        assertEquals("root         1  0.0  0.0   2592  1720 ?        S    <time>   <time> sh",
                norm("root         1  0.0  0.0   2592  1720 ?        S    01:47   0:00 sh", names));
        assertEquals("12:34:56:78 is not a time", norm("12:34:56:78 is not a time", names));
    }

    @Test
    void only_the_outermost_pid_of_a_multi_level_nspid_line_is_renamed() {
        Names names = new Names();
        assertEquals("NSpid:\t<pid#1>\t2", norm("NSpid:\t17\t2", names));
        assertEquals("NSpid:\t<pid#2>\t1\t1", norm("NSpid:\t23\t1\t1", names));
        assertEquals("NSpid:\t5", norm("NSpid:\t5", names), "one level: a PID of the namespace itself");
        assertEquals("PPid:\t17", norm("PPid:\t17", names));
    }

    @Test
    void random_mac_addresses_are_renamed_but_lo_s_and_broadcast_are_kept() {
        Names names = new Names();
        assertEquals("    link/ether <mac#1> brd ff:ff:ff:ff:ff:ff link-netns red",
                norm("    link/ether 5a:21:9c:0e:4b:10 brd ff:ff:ff:ff:ff:ff link-netns red", names));
        assertEquals("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                norm("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00", names));
        assertEquals("ether <mac#1>  txqueuelen 1000", norm("ether 5a:21:9c:0e:4b:10  txqueuelen 1000", names));
        assertEquals("veth1@veth0      DOWN           <mac#2> <BROADCAST,MULTICAST,M-DOWN>",
                norm("veth1@veth0      DOWN           da:02:11:f5:34:12 <BROADCAST,MULTICAST,M-DOWN>", names),
                "a MAC address ending in what looks like a clock time is still a MAC address");
    }

    @Test
    void ping_s_round_trip_times_are_masked_but_not_its_replies() {
        Names names = new Names();
        assertEquals("64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=<rtt> ms",
                norm("64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.041 ms", names));
        assertEquals("1 packets transmitted, 1 received, 0% packet loss, time <elapsed>ms",
                norm("1 packets transmitted, 1 received, 0% packet loss, time 0ms", names));
        assertEquals("rtt min/avg/max/mdev = <rtt> ms", norm("rtt min/avg/max/mdev = 0.041/0.041/0.041/0.000 ms", names));
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time <elapsed>ms",
                norm("1 packets transmitted, 0 received, 100% packet loss, time 0ms", names));
    }

    @Test
    void ipc_keys_are_renamed_but_ipc_private_is_kept() {
        Names names = new Names();
        assertEquals("<key#1> 0          root       644        0            0",
                norm("0x6f1c2a3b 0          root       644        0            0", names));
        assertEquals("0x00000000 1          root       644        4096       0",
                norm("0x00000000 1          root       644        4096       0", names));
    }

    @Test
    void an_identity_uid_map_keeps_its_length() {
        assertEquals("         0          0 4294967295", norm("         0          0 4294967295", new Names()));
    }

    @Test
    void the_kernel_release_is_the_host_s_own() {
        Names names = new Names();
        assertEquals("<release>", norm("6.18.44-fc-v669", names));
        assertEquals("Linux isolab <release> <version> x86_64 GNU/Linux",
                norm("Linux isolab 6.18.44-fc-v669 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux", names));
    }

    @Test
    void numbers_may_differ_within_a_stated_tolerance_when_the_text_around_them_is_equal() {
        assertTrue(TranscriptDiffer.sameLine("4096000 bytes", "4100096 bytes", Tolerance.parse("1%")));
        assertFalse(TranscriptDiffer.sameLine("4096000 bytes", "4100096 bytes", Tolerance.EXACT));
        assertFalse(TranscriptDiffer.sameLine("4096000 bytes", "5000000 bytes", Tolerance.parse("1%")));
        assertFalse(TranscriptDiffer.sameLine("4096000 bytes", "4100096 pages", Tolerance.parse("1%")));
        assertTrue(TranscriptDiffer.sameLine("usage 100 limit 200", "usage 103 limit 200", Tolerance.parse("4")));
    }
}
