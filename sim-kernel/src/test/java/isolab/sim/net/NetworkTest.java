package isolab.sim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The network model through the programs that use it, each expectation measured on Linux 6.18
 * in {@code unshare --net} first. A second namespace is a background {@code unshare --net sleep}
 * reached with {@code nsenter -n}, so these tests need no named namespaces (mount propagation).
 */
class NetworkTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    /** The machine's veth0 10.0.0.1/24, up, joined to veth1 10.0.0.2/24 in the namespace of {@code $P}. */
    private void pair() {
        m.out("ip link set lo up");
        m.out("unshare --net sleep 1000 & P=$!");
        m.out("ip link add veth0 type veth peer name veth1 netns $P");
        m.out("ip addr add 10.0.0.1/24 dev veth0; ip link set veth0 up");
        m.out("nsenter -t $P -n sh -c 'ip addr add 10.0.0.2/24 dev veth1; ip link set veth1 up'");
    }

    @Test
    void ping_crosses_a_veth_pair_and_each_end_counts_the_frames() {
        pair();
        CommandResult ping = m.run("ping -c 2 -i 0.2 10.0.0.2 | grep -c 'bytes from 10.0.0.2'");
        assertEquals("2\n", ping.output());
        String dev = m.out("grep veth0 /proc/net/dev");
        assertEquals(" veth0:     196       2    0    0    0     0          0         0      196       2    0    0    0     0       0          0\n",
                dev, "two requests out, two replies in, 98 bytes each");
    }

    @Test
    void a_namespace_that_dies_takes_its_veth_end_and_the_peer_with_it() {
        pair();
        m.run("kill $P; wait $P");
        assertEquals("lo\n", m.out("ls /sys/class/net"));
        assertEquals("", m.out("ip route"), "the connected route went with veth0");
    }

    @Test
    void the_timeline_shows_links_created_moved_and_taken_by_a_dying_namespace_and_where_pings_went() {
        m.out("unshare --net sleep 1000 & P=$!");
        java.util.List<String> made = m.run("ip link add veth0 type veth peer name veth1").events().stream()
                .filter(e -> e instanceof isolab.api.NetEvent).map(isolab.api.Event::summary).toList();
        assertEquals(2, made.size(), made.toString());
        assertTrue(made.get(0).startsWith("veth veth1 created as device 2 of net:["), made.toString());
        assertTrue(m.run("ip link set veth1 netns $P").events().stream()
                .anyMatch(e -> e instanceof isolab.api.NetEvent.LinkMoved mv && mv.name().equals("veth1") && mv.ifindex() == 2));
        assertTrue(m.run("ping -c 1 127.0.0.1 -W 1; ip link set lo up; ping -c 1 127.0.0.1").events().stream()
                .anyMatch(e -> e instanceof isolab.api.NetEvent.Echo echo && echo.outcome().equals("answered")));
        java.util.List<String> gone = m.run("kill $P; wait $P").events().stream()
                .filter(e -> e instanceof isolab.api.NetEvent.LinkDeleted).map(isolab.api.Event::summary).toList();
        assertEquals(2, gone.size(), gone.toString());
        assertTrue(gone.get(0).startsWith("veth1 of net:[") && gone.get(0).endsWith("(its network namespace died)"), gone.toString());
        assertTrue(gone.get(1).startsWith("veth0 of net:[") && gone.get(1).endsWith("(its veth peer veth1 went)"), gone.toString());
    }

    @Test
    void a_bridge_passes_frames_between_ports_so_two_namespaces_reach_each_other() {
        m.out("ip link add br0 type bridge; ip link set br0 up");
        m.out("unshare --net sleep 1000 & A=$!; unshare --net sleep 1000 & B=$!");
        m.out("ip link add a0 type veth peer name a1 netns $A; ip link add b0 type veth peer name b1 netns $B");
        m.out("ip link set a0 master br0; ip link set b0 master br0; ip link set a0 up; ip link set b0 up");
        m.out("nsenter -t $A -n sh -c 'ip addr add 10.0.1.1/24 dev a1; ip link set a1 up'");
        m.out("nsenter -t $B -n sh -c 'ip addr add 10.0.1.2/24 dev b1; ip link set b1 up'");
        assertEquals("1 packets transmitted, 1 received, 0% packet loss, time 0ms\n",
                m.out("nsenter -t $A -n ping -c 1 10.0.1.2 | grep transmitted"));
        assertEquals("br0              UP\n", m.out("ip -br addr show br0 | cut -c1-19"));
        m.out("ip link set b0 nomaster");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("nsenter -t $A -n ping -c 1 -W 1 10.0.1.2 | grep transmitted"), "b0 left the bridge");
    }

    @Test
    void a_bridge_takes_the_lowest_mac_address_of_its_ports() {
        m.out("ip link add br0 type bridge; ip link add v0 type veth peer name v1");
        m.out("ip link set v0 master br0; ip link set v1 master br0");
        String bridge = m.out("ip -br link show br0 | cut -c33-49");
        String v0 = m.out("ip -br link show v0 | cut -c33-49");
        String v1 = m.out("ip -br link show v1 | cut -c33-49");
        assertEquals(v0.compareTo(v1) < 0 ? v0 : v1, bridge);
        m.out("ip link set br0 up; ip link set v0 nomaster; ip link set v1 nomaster");
        assertEquals("2: br0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000\n"
                + "    link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff\n", m.out("ip link show br0"), "measured: a bridge its ports left");
    }

    @Test
    void a_next_hop_nobody_answers_is_host_unreachable_after_three_seconds() {
        pair();
        assertEquals("PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.\n"
                + "From 10.0.0.1 icmp_seq=1 Destination Host Unreachable\n\n"
                + "--- 10.0.0.9 ping statistics ---\n"
                + "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n\n",
                m.run("ping -c 1 10.0.0.9").output());
        assertEquals("3\n", m.out("s=$(date +%s); ping -c 1 10.0.0.9 >/dev/null; echo $(( $(date +%s) - s ))"));
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("ping -c 1 -W 1 10.0.0.9 | grep transmitted; true"), "-W 1 gives up before ARP does");
    }

    @Test
    void a_down_device_loses_its_routes_but_its_address_still_answers_through_lo() {
        pair();
        m.out("ip link set veth0 down");
        assertEquals("", m.out("ip route"));
        assertEquals("1 received\n", m.out("ping -c 1 10.0.0.1 | grep -o '1 received'"));
        m.out("ip link set lo down");
        assertEquals(1, m.run("ping -c 1 -W 1 10.0.0.1").status(), "local delivery goes through lo");
    }

    @Test
    void a_default_route_needs_a_gateway_on_a_link() {
        pair();
        CommandResult far = m.run("ip route add default via 10.9.9.9");
        assertEquals("Error: Nexthop has invalid gateway.\n", far.output());
        assertEquals(2, far.status());
        m.out("ip route add default via 10.0.0.2");
        assertEquals("default via 10.0.0.2 dev veth0 \n10.0.0.0/24 dev veth0 proto kernel scope link src 10.0.0.1 \n",
                m.out("ip route"));
        assertEquals("RTNETLINK answers: File exists\n", m.run("ip route add default via 10.0.0.2").output());
        m.out("ip route del default");
        assertEquals("RTNETLINK answers: No such process\n", m.run("ip route del default").output());
    }

    @Test
    void with_ip_forward_set_the_machine_routes_between_two_namespaces_and_reports_what_it_cannot_reach() {
        // measured: the machine between A (10.1.0.0/24) and B (10.2.0.0/24), sysctl -w net.ipv4.ip_forward=1
        m.out("ip link set lo up; unshare --net sleep 1000 & A=$!; unshare --net sleep 1000 & B=$!");
        m.out("ip link add a0 type veth peer name a1 netns $A; ip link add b0 type veth peer name b1 netns $B");
        m.out("ip link set a0 up; ip link set b0 up; ip addr add 10.1.0.1/24 dev a0; ip addr add 10.2.0.1/24 dev b0");
        m.out("nsenter -t $A -n sh -c 'ip link set a1 up; ip addr add 10.1.0.2/24 dev a1; ip route add default via 10.1.0.1'");
        m.out("nsenter -t $B -n sh -c 'ip link set b1 up; ip addr add 10.2.0.2/24 dev b1'");
        assertEquals("0\n", m.out("cat /proc/sys/net/ipv4/ip_forward"));
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("nsenter -t $A -n ping -c 1 -W 1 10.2.0.2 | grep transmitted"), "no forwarding yet");
        assertEquals("net.ipv4.ip_forward = 1\n", m.out("sysctl -w net.ipv4.ip_forward=1"));
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("nsenter -t $A -n ping -c 1 -W 1 10.2.0.2 | grep transmitted"), "B has no route back");
        m.out("nsenter -t $B -n ip route add default via 10.2.0.1");
        assertEquals("64 bytes from 10.2.0.2: icmp_seq=1 ttl=63 time=",
                m.out("nsenter -t $A -n ping -c 1 10.2.0.2 | grep bytes.from").substring(0, 47), "one router crossed");
        assertEquals("From 10.1.0.1 icmp_seq=1 Destination Net Unreachable\n",
                m.out("nsenter -t $A -n ping -c 1 -W 1 10.9.0.2 | grep From"));
        assertEquals("From 10.1.0.1 icmp_seq=1 Destination Host Unreachable\n",
                m.out("nsenter -t $A -n ping -c 1 10.2.0.7 | grep From"));
        assertEquals("0\n", m.out("nsenter -t $A -n cat /proc/sys/net/ipv4/ip_forward"), "each namespace has its own");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("nsenter -t $A -n ping -c 1 -W 1 127.0.0.1 | grep transmitted"), "127.0.0.0/8 is never forwarded");
        CommandResult missing = m.run("sysctl net.ipv4.nosuch");
        assertEquals("sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n", missing.output());
        assertEquals(1, missing.status());
        assertEquals("sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n",
                m.run("sysctl -w net.ipv4.ip_forward=abc").output());
        assertEquals("Linux\n1\n", m.out("sysctl -n kernel.ostype net.ipv4.ip_forward"));
    }

    @Test
    void namespaces_do_not_forward_so_a_gateway_drops_what_is_not_its_own() {
        pair();
        m.out("nsenter -t $P -n ip route add default via 10.0.0.1");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("nsenter -t $P -n ping -c 1 -W 1 8.8.8.8 | grep transmitted"));
    }

    @Test
    void a_second_address_in_a_subnet_is_secondary_and_goes_with_its_primary() {
        m.out("ip link add v0 type veth peer name v1");
        m.out("ip addr add 10.0.0.1/24 dev v0; ip addr add 10.0.0.5/24 dev v0; ip addr add 10.0.0.7/24 brd + dev v0");
        assertEquals("    inet 10.0.0.1/24 scope global v0\n"
                + "    inet 10.0.0.5/24 scope global secondary v0\n"
                + "    inet 10.0.0.7/24 brd 10.0.0.255 scope global secondary v0\n", m.out("ip addr show v0 | grep inet"));
        assertEquals("Error: ipv4: Address already assigned.\n", m.run("ip addr add 10.0.0.5/24 dev v0").output());
        m.out("ip addr del 10.0.0.1/24 dev v0");
        assertEquals("", m.out("ip addr show v0 | grep inet; true"));
        assertEquals("Error: ipv4: Address not found.\n", m.run("ip addr del 10.0.0.1/24 dev v0").output());
    }

    @Test
    void sysfs_shows_the_devices_of_the_namespace_that_mounted_it() {
        m.out("ip link add v0 type veth peer name v1");
        assertEquals("lo\nv0\nv1\n", m.out("unshare --net ls -1 /sys/class/net"), "the machine's sysfs, read from elsewhere");
        assertEquals("lo\n", m.out("unshare --net --mount sh -c 'mount -t sysfs sysfs /sys; ls -1 /sys/class/net'"));
        assertEquals("down\n1500\n0x1002\n", m.out("cd /sys/class/net/v0; cat operstate mtu flags"));
    }

    @Test
    void loopback_and_bridges_cannot_change_namespace_and_lo_cannot_be_deleted() {
        m.out("ip link add br0 type bridge");
        assertEquals("Error: The interface netns is immutable.\n", m.run("ip link set lo netns 1").output());
        assertEquals("Error: The interface netns is immutable.\n", m.run("ip link set br0 netns 1").output());
        assertEquals("RTNETLINK answers: Operation not supported\n", m.run("ip link del lo").output());
    }

    @Test
    void root_of_a_user_namespace_rules_its_own_network_namespace_only() {
        // measured: in unshare --user --map-root-user --net, a veth of its own works, one into the machine's namespace is EPERM
        m.out("unshare --net sleep 1000 & P=$!");
        assertEquals("RTNETLINK answers: Operation not permitted\n2\n0\nRTNETLINK answers: Operation not permitted\n2\n",
                m.out("unshare --user --map-root-user --net sh -c 'ip link add v0 type veth peer name v1 netns '$P' 2>&1; echo $?;"
                        + " ip link add v0 type veth peer name v1; echo $?; ip link set v1 netns '$P' 2>&1; echo $?'"));
    }

    @Test
    void ip_netns_exec_binds_the_namespace_s_etc_files_and_attach_names_a_process_s_namespace() {
        // measured: /etc/netns/red/resolv.conf shows as /etc/resolv.conf in ip netns exec red; ip netns attach
        m.out("mkdir -p /etc/netns/red; echo '10.0.0.2 db' > /etc/netns/red/hosts; ip netns add red");
        assertEquals("10.0.0.2 db\n", m.out("ip netns exec red cat /etc/hosts"));
        assertTrue(m.out("cat /etc/hosts").startsWith("127.0.0.1\tlocalhost"), "only inside");
        m.out("unshare --net sleep 1000 & P=$!");
        assertEquals("", m.out("ip netns attach blue $P"));
        assertEquals("blue\n", m.out("ip netns identify $P"));
        assertEquals("Bind /proc/999999/ns/net -> /run/netns/green failed: No such file or directory\n",
                m.run("ip netns attach green 999999").output());
        assertEquals("Invalid PID: abc\n", m.run("ip netns attach green abc").output());
        assertEquals("blue\nred\n", m.out("ip netns list"));
    }

    @Test
    void link_errors_read_as_iproute2_s() {
        m.out("ip link add veth0 type veth peer name veth1");
        assertEquals("RTNETLINK answers: File exists\n", m.run("ip link add veth0 type veth peer name veth2").output());
        assertEquals("Error: Attribute failed policy validation.\n",
                m.run("ip link add averyveryverylongname type veth peer name x1").output());
        assertEquals("Error: Unknown device type.\n", m.run("ip link add x2 type bogus").output());
        assertEquals("Error: argument \"averyveryverylongname\" is wrong: \"name\" not a valid ifname\n",
                m.run("ip link set veth0 name averyveryverylongname").output());
        assertEquals("Error: argument \"br9\" is wrong: Device does not exist\n\n",
                m.run("ip link set veth0 master br9").output());
        assertEquals("Error: argument \"nosuch\" is wrong: Invalid \"netns\" value\n\n",
                m.run("ip link set veth0 netns nosuch").output());
        assertEquals("RTNETLINK answers: No such process\n", m.run("ip link set veth0 netns 99999").output());
        assertEquals("Error: mtu less than device minimum.\n", m.run("ip link set veth0 mtu 20").output());
        assertEquals("Error: either \"dev\" is duplicate, or \"bogus\" is a garbage.\n", m.run("ip link set veth0 bogus").output());
        m.out("ip link add x2 type veth peer");
        assertTrue(m.out("ip -o link").contains(": veth2@x2: "), "an unnamed peer takes the lowest free vethN");
    }

    @Test
    void ping_refuses_broadcasts_names_it_cannot_resolve_and_bad_counts() {
        pair();
        assertEquals("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n",
                m.run("ping -c 1 10.0.0.255").output());
        assertEquals("ping: foo: Temporary failure in name resolution\n", m.run("ping -c 1 foo").output());
        CommandResult zero = m.run("ping -c 0 10.0.0.2");
        assertEquals("ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", zero.output());
        assertEquals(1, zero.status());
        assertEquals("64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=\n",
                m.out("ping -c 1 localhost | head -2 | tail -1 | cut -c1-60"));
    }

    @Test
    void the_arp_cache_remembers_who_answered_so_a_vanished_neighbour_is_lost_not_unreachable() {
        // measured: ip neigh on both sides after a ping, after an unanswered one, 3 s later, after the peer went down
        pair();
        m.out("ping -c 1 10.0.0.2");
        assertTrue(m.out("ip neigh").matches("10\\.0\\.0\\.2 dev veth0 lladdr [0-9a-f:]{17} REACHABLE \n"), m.out("ip neigh"));
        assertTrue(m.out("nsenter -t $P -n ip neigh").matches("10\\.0\\.0\\.1 dev veth1 lladdr [0-9a-f:]{17} DELAY \n"));
        m.run("ping -c 1 -W 1 10.0.0.7");
        assertEquals("10.0.0.7 dev veth0 INCOMPLETE \n", m.out("ip neigh | head -1"));
        m.out("sleep 3");
        assertEquals("10.0.0.7 FAILED \n", m.out("ip neigh show dev veth0 | head -1"));
        m.out("nsenter -t $P -n ip addr del 10.0.0.2/24 dev veth1");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("ping -c 1 10.0.0.2 | grep transmitted"), "sent to the cached address: no error");
        assertEquals("10.0.0.2 dev veth0 lladdr", m.out("ip neigh show 10.0.0.2").substring(0, 25), "still trusted");
        m.out("sleep 20");
        m.out("sleep 20");
        assertEquals("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n",
                m.out("ping -c 1 -W 1 10.0.0.2 | grep transmitted"), "STALE now: this use starts the probes");
        assertTrue(m.out("ip neigh show 10.0.0.2").endsWith(" DELAY \n"), m.out("ip neigh show 10.0.0.2"));
        m.out("sleep 8");
        assertEquals("1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n",
                m.out("ping -c 1 10.0.0.2 | grep transmitted"), "the entry failed its probes: ARP again, and it fails");
        m.out("nsenter -t $P -n ip link set veth1 down");
        assertEquals("", m.out("ip neigh show dev veth0"), "a device that loses its carrier loses its entries");
    }

    @Test
    void ip_route_get_names_the_route_a_packet_would_take() {
        // measured: unshare --net sh -c 'ip route get 127.0.0.1; ip link set lo up; ...'
        assertEquals("RTNETLINK answers: Network is unreachable\n", m.run("ip route get 127.0.0.1").output());
        m.out("ip link set lo up");
        assertEquals("local 127.0.0.1 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n", m.out("ip route get 127.0.0.1"));
        m.out("ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up; ip addr add 10.0.0.1/24 dev v0");
        m.out("ip route add default via 10.0.0.2");
        assertEquals("10.0.0.5 dev v0 src 10.0.0.1 uid 0 \n    cache \n", m.out("ip route get 10.0.0.5"));
        assertEquals("8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n", m.out("ip route get 8.8.8.8"));
        assertEquals("local 10.0.0.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n", m.out("ip route get 10.0.0.1"));
        assertEquals("Error: any valid prefix is expected rather than \"foo\".\n", m.run("ip route get foo").output());
    }

    @Test
    void ip_s_link_adds_the_counters_in_columns() {
        // measured: ip -s link show v0 on a fresh pair
        m.out("ip link add v0 type veth peer name v1");
        assertEquals("    RX:  bytes packets errors dropped  missed   mcast           \n"
                + "             0       0      0       0       0       0 \n"
                + "    TX:  bytes packets errors dropped carrier collsns           \n"
                + "             0       0      0       0       0       0 \n", m.out("ip -s link show v0 | tail -4"));
    }

    @Test
    void route_prints_the_main_table_in_net_tools_format() {
        // measured: unshare --net sh -c '...; ip route add default via 10.0.0.2; ip route add 10.6.0.0/16 dev v0; route -n'
        m.out("ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up; ip addr add 10.0.0.1/24 dev v0");
        m.out("ip route add default via 10.0.0.2; ip route add 10.6.0.0/16 dev v0");
        assertEquals("Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
                + "0.0.0.0         10.0.0.2        0.0.0.0         UG    0      0        0 v0\n"
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 v0\n"
                + "10.6.0.0        0.0.0.0         255.255.0.0     U     0      0        0 v0\n", m.out("route -n"));
        assertEquals("default         10.0.0.2        0.0.0.0         UG    0      0        0 v0\n", m.out("route | grep UG"));
    }

    @Test
    void bridge_link_shows_ports_forwarding_only_with_a_carrier_on_an_up_bridge() {
        // measured: bridge link after each step
        m.out("ip link add br0 type bridge; ip link add v0 type veth peer name v1; ip link set v1 master br0; ip link set v1 up");
        assertEquals("3: v1@v0: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n",
                m.out("bridge link"));
        m.out("ip link set v0 up");
        assertEquals("3: v1@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state disabled priority 32 cost 2 \n",
                m.out("bridge link"));
        m.out("ip link set br0 up");
        assertEquals("3: v1@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 \n",
                m.out("bridge link show dev v1"));
        assertEquals("Object \"foo\" is unknown, try \"bridge help\".\n", m.run("bridge foo").output());
    }

    @Test
    void ping_sizes_numeric_forms_and_drops_on_a_down_lo_read_as_measured() {
        m.out("ip link set lo up");
        assertTrue(m.out("ping -c 1 -s 100 127.0.0.1").startsWith("PING 127.0.0.1 (127.0.0.1) 100(128) bytes of data.\n"
                + "108 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.0"));
        assertEquals("PING 127.0.0.1 (127.0.0.1) 8(36) bytes of data.\n16 bytes from 127.0.0.1: icmp_seq=1 ttl=64\n\n"
                + "--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\n\n",
                m.out("ping -c 1 -s 8 127.0.0.1"), "a payload without room for a timestamp: no times");
        assertTrue(m.out("ping -c 1 127.1").startsWith("PING 127.1 (127.0.0.1) 56(84) bytes of data.\n"
                + "64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=0.0"), "inet_aton's short form");
        assertEquals("ping: connect: Network is unreachable\n", m.run("ping -c 1 255.255.255.255").output(),
                "no route is found before the broadcast is refused");
        m.out("ip link set lo down");
        m.run("ping -c 1 -W 1 127.0.0.1");
        assertEquals("    lo:     588       6    0    0    0     0          0         0      588       6    0    1    0     0       0          0\n",
                m.out("grep lo: /proc/net/dev"), "a down lo drops what is sent to it");
    }

    @Test
    void odd_requests_get_iproute2_s_and_net_tools_answers() {
        m.out("ip link add br0 type bridge");
        assertEquals("Error: Can not enslave a bridge to a bridge.\n", m.run("ip link set br0 master br0").output());
        assertEquals("Error: argument \"bogus\" is wrong: table id value is invalid\n\n", m.run("ip route show table bogus").output());
        assertEquals("", m.out("ip route show table 100"));
        CommandResult z = m.run("ifconfig -z");
        assertEquals("ifconfig: option `-z' not recognised.\nifconfig: `--help' gives usage information.\n", z.output());
        assertEquals(1, z.status());
        m.out("ip link set lo up");
        assertEquals("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 state UNKNOWN qlen 1000\n", m.out("ip -6 addr | head -1"),
                "an IPv6 link dump has no qdisc and no group");
        m.out("ip route add 10.5.0.0/16 dev lo");
        assertEquals("", m.out("ip route add default via 127.0.0.2"), "a local address is a valid gateway");
    }

    @Test
    void ifconfig_lists_by_name_with_net_tools_formats() {
        pair();
        assertEquals("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n"
                + "lo              65536        0      0      0 0             0      0      0      0 LRU\n"
                + "veth0            1500        0      0      0 0             0      0      0      0 BMRU\n",
                m.out("ifconfig -s"));
        String veth0 = m.out("ifconfig veth0");
        assertTrue(veth0.startsWith("veth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                + "        inet 10.0.0.1  netmask 255.255.255.0  broadcast 0.0.0.0\n"
                + "        inet6 fe80::"), veth0);
        assertEquals("", m.out("ifconfig veth0 down"));
        assertEquals("veth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500\n", m.out("ifconfig veth0 | head -1"));
        assertEquals("1.0 KiB", isolab.sim.userland.nettools.Ifconfig.scaled(1025));
    }
}
