package isolab.api.contract;

import org.junit.jupiter.api.Test;

/**
 * Network namespaces: {@code lo} only and down in a new one, {@code ip link}, {@code ip addr},
 * {@code ip netns}, veth pairs, moving links, a bridge, {@code ping} between namespaces and
 * {@code ifconfig}. Observed on Linux in a real sandbox first; times and MAC addresses vary.
 */
public abstract class NetNamespaceContract extends MachineContract {

    private static final String LO_DOWN_LINK = """
            1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
            """;

    private static final String MAC = "[0-9a-f]{2}(:[0-9a-f]{2}){5}";

    /** Two namespaces joined by a veth pair: the machine's veth0 10.0.0.1, red's veth1 10.0.0.2. */
    private void connectRed() {
        ok("ip netns add red");
        ok("ip link add veth0 type veth peer name veth1");
        ok("ip link set veth1 netns red");
        ok("ip addr add 10.0.0.1/24 dev veth0; ip link set veth0 up");
        ok("ip netns exec red ip addr add 10.0.0.2/24 dev veth1");
        ok("ip netns exec red ip link set veth1 up");
    }

    @Test
    void the_machine_s_network_namespace_has_only_lo_and_it_is_down() {
        expect("ip link", LO_DOWN_LINK, 0);
        expect("ip addr", """
                1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                """, 0);
    }

    @Test
    void a_new_network_namespace_has_only_lo_and_it_is_down() {
        ok("ip link set lo up");
        expect("unshare --net ip link", LO_DOWN_LINK, 0);
        expect("unshare --net cat /proc/net/dev", """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
                """, 0);
    }

    @Test
    void bringing_lo_up_gives_it_127_0_0_1_and_state_unknown() {
        ok("ip link set lo up");
        expect("ip addr show lo", """
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                    inet 127.0.0.1/8 scope host lo
                       valid_lft forever preferred_lft forever
                    inet6 ::1/128 scope host
                       valid_lft forever preferred_lft forever
                """, 0);
        expect("ping -c 1 127.0.0.1", """
                PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.
                64 bytes from 127.0.0.1: icmp_seq=1 ttl=64 time=[0-9.]+ ms (re)

                --- 127.0.0.1 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time \\d+ms (re)
                rtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms (re)
                """, 0);
    }

    @Test
    void ifconfig_shows_only_interfaces_that_are_up_unless_asked_for_all() {
        expect("ifconfig", "", 0);
        expect("ifconfig -a", """
                lo: flags=8<LOOPBACK>  mtu 65536
                        loop  txqueuelen 1000  (Local Loopback)
                        RX packets 0  bytes 0 (0.0 B)
                        RX errors 0  dropped 0  overruns 0  frame 0
                        TX packets 0  bytes 0 (0.0 B)
                        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0

                """, 0);
        ok("ip link set lo up");
        expect("ifconfig", """
                lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
                        inet 127.0.0.1  netmask 255.0.0.0
                        inet6 ::1  prefixlen 128  scopeid 0x10<host>
                        loop  txqueuelen 1000  (Local Loopback)
                        RX packets 0  bytes 0 (0.0 B)
                        RX errors 0  dropped 0  overruns 0  frame 0
                        TX packets 0  bytes 0 (0.0 B)
                        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0

                """, 0);
    }

    @Test
    void ip_netns_add_list_exec_and_delete() {
        expect("ip netns list", "", 0);
        ok("ip netns add red; ip netns add blue");
        expect("ip netns list", "blue\nred\n", 0);
        expect("ls /run/netns", "blue  red\n", 0);
        expect("ip netns exec red ip link", LO_DOWN_LINK, 0);
        expect("[ $(ip netns exec red readlink /proc/self/ns/net) != $(readlink /proc/self/ns/net) ]; echo $?", "0\n", 0);
        ok("ip netns delete red");
        expect("ip netns list", "blue\n", 0);
    }

    @Test
    void ip_netns_errors_name_the_file_under_run_netns() {
        ok("ip netns add red");
        expect("ip netns add red", "Cannot create namespace file \"/run/netns/red\": File exists\n", 1);
        expect("ip netns delete nosuch", "Cannot remove namespace file \"/run/netns/nosuch\": No such file or directory\n", 1);
        expect("ip netns exec nosuch true", "Cannot open network namespace \"nosuch\": No such file or directory\n", 255);
    }

    @Test
    void a_veth_pair_is_two_linked_interfaces_numbered_peer_first() {
        ok("ip link add veth0 type veth peer name veth1");
        expect("ip link", """
                1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                2: veth1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/ether %s brd ff:ff:ff:ff:ff:ff (re)
                3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
                    link/ether %s brd ff:ff:ff:ff:ff:ff (re)
                """.formatted(MAC, MAC), 0);
    }

    @Test
    void a_link_moved_into_a_namespace_leaves_the_machine_and_names_its_peer_by_index() {
        connectRed();
        expect("ip link show veth0", """
                3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
                    link/ether %s brd ff:ff:ff:ff:ff:ff link-netns red (re)
                """.formatted(MAC), 0);
        expect("ip link show veth1", "Device \"veth1\" does not exist.\n", 1);
        expect("ip netns exec red ip addr show veth1", """
                2: veth1@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000
                    link/ether %s brd ff:ff:ff:ff:ff:ff link-netnsid 0 (re)
                    inet 10.0.0.2/24 scope global veth1
                       valid_lft forever preferred_lft forever
                    inet6 fe80::[0-9a-f:]+/64 scope link( tentative)? (re)
                       valid_lft forever preferred_lft forever
                """.formatted(MAC), 0);
    }

    @Test
    void ping_reaches_the_other_end_of_a_veth_pair() {
        connectRed();
        expect("ping -c 2 -i 0.2 10.0.0.2", """
                PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
                64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=[0-9.]+ ms (re)
                64 bytes from 10.0.0.2: icmp_seq=2 ttl=64 time=[0-9.]+ ms (re)

                --- 10.0.0.2 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time \\d+ms (re)
                rtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms (re)
                """, 0);
        expect("ip netns exec red ping -c 1 10.0.0.1", """
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=[0-9.]+ ms (re)

                --- 10.0.0.1 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time \\d+ms (re)
                rtt min/avg/max/mdev = [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ ms (re)
                """, 0);
    }

    @Test
    void ping_of_an_address_nobody_answers_loses_every_packet_and_exits_1() {
        connectRed();
        expect("ping -c 1 -W 1 10.0.0.9", """
                PING 10.0.0.9 (10.0.0.9) 56(84) bytes of data.

                --- 10.0.0.9 ping statistics ---
                1 packets transmitted, 0 received, 100% packet loss, time \\d+ms (re)

                """, 1);
    }

    @Test
    void ping_without_a_route_fails_at_once_with_status_2() {
        expect("ping -c 1 10.1.1.1", "ping: connect: Network is unreachable\n", 2);
        expect("ping", "ping: usage error: Destination address required\n", 1);
    }

    @Test
    void a_bridge_joins_veth_ends_so_two_namespaces_reach_each_other() {
        ok("ip link add br0 type bridge; ip link set br0 up");
        expect("ip link show br0", """
                2: br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
                    link/ether %s brd ff:ff:ff:ff:ff:ff (re)
                """.formatted(MAC), 0);
        for (String ns : new String[] {"red", "blue"}) {
            ok("ip netns add " + ns);
            ok("ip link add " + ns + "0 type veth peer name " + ns + "1");
            ok("ip link set " + ns + "0 master br0; ip link set " + ns + "0 up");
            ok("ip link set " + ns + "1 netns " + ns);
        }
        ok("ip netns exec red ip addr add 10.0.1.1/24 dev red1; ip netns exec red ip link set red1 up");
        ok("ip netns exec blue ip addr add 10.0.1.2/24 dev blue1; ip netns exec blue ip link set blue1 up");
        expect("ip netns exec red ping -c 1 -W 2 10.0.1.2 | grep -E 'transmitted'",
                "1 packets transmitted, 1 received, 0% packet loss, time \\d+ms (re)\n", 0);
        expect("ip -o link show master br0 | cut -d' ' -f2", "red0@if\\d+: (re)\nblue0@if\\d+: (re)\n", 0);
    }

    @Test
    void ip_errors_give_iproute2_s_messages() {
        expect("ip addr add 10.0.0.1/24 dev nosuch", "Cannot find device \"nosuch\"\n", 1);
        expect("ip link set nosuch up", "Cannot find device \"nosuch\"\n", 1);
        expect("ip link add bad", "Not enough information: \"type\" argument is required\n", 1);
        expect("ip nosuch", "Object \"nosuch\" is unknown, try \"ip help\".\n", 1);
    }
}
