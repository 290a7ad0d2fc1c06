package isolab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A network device (include/linux/netdevice.h: struct net_device) of one of the three kinds the
 * model has: the loopback every namespace is born with, a veth end (drivers/net/veth.c) and a
 * bridge (net/bridge/). It belongs to exactly one {@link NetStack} at a time. Its carrier and
 * operational state are derived from the administrative states of itself and what it is joined
 * to, as the drivers derive them: a veth has carrier when both ends are up (veth_open), a bridge
 * when one of its ports has (br_port_carrier_check) or, before it ever had a port, as soon as it
 * is up.
 */
public final class NetDevice {

    /** The kinds of device ({@code ip link add ... type KIND}). */
    public enum Kind { LOOPBACK, VETH, BRIDGE }

    /** include/uapi/linux/if.h: net_device_flags. */
    public static final int IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40,
            IFF_MULTICAST = 0x1000, IFF_LOWER_UP = 0x10000;

    /** How long IPv6 duplicate address detection keeps a new link-local address tentative, in ticks. */
    static final long DAD_TICKS = 2000;

    private final Kind kind;
    private final long ownMac;
    private NetStack stack;
    private int ifindex;
    private String name;
    private int mtu;
    private boolean up;
    private boolean everUp;
    private NetDevice peer;
    private NetDevice master;
    private boolean hadPorts;
    private long linkLocalSince = -1;
    private final List<IfAddr> addresses = new ArrayList<>();
    private long rxPackets, rxBytes, txPackets, txBytes, txDropped;

    NetDevice(Kind kind, String name, long mac, int mtu) {
        this.kind = kind;
        this.name = name;
        this.ownMac = mac;
        this.mtu = mtu;
    }

    public Kind kind() {
        return kind;
    }

    /** The namespace's stack the device is in. */
    public NetStack stack() {
        return stack;
    }

    void attach(NetStack stack, int ifindex) {
        this.stack = stack;
        this.ifindex = ifindex;
    }

    public int ifindex() {
        return ifindex;
    }

    public String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    public int mtu() {
        return mtu;
    }

    void setMtu(int mtu) {
        this.mtu = mtu;
    }

    /**
     * The MAC address as 48 bits. A bridge takes the lowest of its ports' (br_stp_recalculate_bridge_id),
     * and once its last port has left it is all zeroes (br_mac_zero; measured).
     */
    public long mac() {
        if (kind != Kind.BRIDGE) {
            return ownMac;
        }
        long lowest = -1;
        for (NetDevice port : ports()) {
            if (lowest < 0 || Long.compareUnsigned(port.mac(), lowest) < 0) {
                lowest = port.mac();
            }
        }
        if (lowest < 0) {
            return hadPorts ? 0 : ownMac;
        }
        return lowest;
    }

    /** The MAC address as {@code ip link} prints it. */
    public String macText() {
        StringBuilder s = new StringBuilder();
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (s.length() > 0) {
                s.append(':');
            }
            s.append(String.format("%02x", mac() >>> shift & 0xff));
        }
        return s.toString();
    }

    /** Whether the device is administratively up (IFF_UP). */
    public boolean up() {
        return up;
    }

    void setUp(boolean up) {
        this.up = up;
        everUp |= up;
    }

    /** The queueing discipline: none attached until the device is first up, then noqueue (virtual devices). */
    public String qdisc() {
        return everUp ? "noqueue" : "noop";
    }

    /** The other end of a veth pair; null for other kinds or once the peer is gone. */
    public NetDevice peer() {
        return peer;
    }

    void setPeer(NetDevice peer) {
        this.peer = peer;
    }

    /** The bridge this device is a port of, or null. */
    public NetDevice master() {
        return master;
    }

    void setMaster(NetDevice bridge) {
        this.master = bridge;
        if (bridge != null) {
            bridge.hadPorts = true;
        }
    }

    /** A bridge's ports, by ifindex. */
    public List<NetDevice> ports() {
        List<NetDevice> ports = new ArrayList<>();
        if (stack != null) {
            for (NetDevice d : stack.devices()) {
                if (d.master == this) {
                    ports.add(d);
                }
            }
        }
        return ports;
    }

    /** netif_carrier_ok, for a device that is up. */
    public boolean carrier() {
        if (!up) {
            return false;
        }
        return switch (kind) {
            case LOOPBACK -> true;
            case VETH -> peer != null && peer.up;
            case BRIDGE -> {
                List<NetDevice> ports = ports();
                if (ports.isEmpty()) {
                    yield !hadPorts;
                }
                yield ports.stream().anyMatch(NetDevice::carrier);
            }
        };
    }

    /** The operational state (RFC 2863, as {@code ip link} prints it). */
    public String operstate() {
        if (!up) {
            return "DOWN";
        }
        return switch (kind) {
            case LOOPBACK -> "UNKNOWN";
            case VETH -> carrier() ? "UP" : "LOWERLAYERDOWN";
            case BRIDGE -> ports().isEmpty() && !hadPorts ? "UNKNOWN" : carrier() ? "UP" : "DOWN";
        };
    }

    /** The flags dev_get_flags reports: IFF_RUNNING and IFF_LOWER_UP only while up. */
    public int flags() {
        int flags = kind == Kind.LOOPBACK ? IFF_LOOPBACK : IFF_BROADCAST | IFF_MULTICAST;
        if (up) {
            flags |= IFF_UP;
            if (carrier()) {
                flags |= IFF_RUNNING | IFF_LOWER_UP;
            }
        }
        return flags;
    }

    /** The device's IPv4 addresses, in the order they were added. */
    public List<IfAddr> addresses() {
        return List.copyOf(addresses);
    }

    void addAddress(IfAddr addr) {
        addresses.add(addr);
    }

    void removeAddress(IfAddr addr) {
        addresses.remove(addr);
    }

    void clearAddresses() {
        addresses.clear();
    }

    /** The first primary address, or null (what ifconfig shows). */
    public IfAddr primaryAddress() {
        return addresses.stream().filter(a -> !a.secondary()).findFirst().orElse(null);
    }

    /**
     * Notes the time when IPv6 addrconf would give the device its link-local address (up with a
     * carrier; net/ipv6/addrconf.c: addrconf_dev_config) and forgets it when the device goes down.
     */
    void refresh(long now) {
        if (!up) {
            linkLocalSince = -1;
        } else if (linkLocalSince < 0 && carrier()) {
            linkLocalSince = now;
        }
    }

    /** The IPv6 addresses {@code ip addr} shows, as {@code {address/len, scope, tentative?}} lines, at {@code now}. */
    public List<String[]> inet6(long now) {
        List<String[]> list = new ArrayList<>();
        if (kind == Kind.LOOPBACK) {
            if (up) {
                list.add(new String[] {"::1", "128", "host", ""});
            }
        } else if (linkLocalSince >= 0) {
            list.add(new String[] {linkLocal(), "64", "link", now < linkLocalSince + DAD_TICKS ? "tentative" : ""});
        }
        return list;
    }

    /** fe80:: plus the modified EUI-64 of the MAC address (RFC 4291, appendix A). */
    public String linkLocal() {
        long m = mac();
        int[] b = new int[8];
        b[0] = (int) (m >>> 40 & 0xff) ^ 0x02;
        b[1] = (int) (m >>> 32 & 0xff);
        b[2] = (int) (m >>> 24 & 0xff);
        b[3] = 0xff;
        b[4] = 0xfe;
        b[5] = (int) (m >>> 16 & 0xff);
        b[6] = (int) (m >>> 8 & 0xff);
        b[7] = (int) (m & 0xff);
        StringBuilder s = new StringBuilder("fe80:");
        for (int i = 0; i < 8; i += 2) {
            int group = b[i] << 8 | b[i + 1];
            if (i == 0 && group == 0) {
                continue; // inet_ntop folds a leading zero group into the "::"
            }
            s.append(':').append(Integer.toHexString(group));
        }
        return s.toString();
    }

    public long rxPackets() {
        return rxPackets;
    }

    public long rxBytes() {
        return rxBytes;
    }

    public long txPackets() {
        return txPackets;
    }

    public long txBytes() {
        return txBytes;
    }

    /** Frames dropped on the way out (a loopback that is down drops what is sent to it). */
    public long txDropped() {
        return txDropped;
    }

    void dropped() {
        txDropped++;
    }

    void transmitted(int bytes) {
        txPackets++;
        txBytes += bytes;
    }

    void received(int bytes) {
        rxPackets++;
        rxBytes += bytes;
    }

    @Override
    public String toString() {
        return ifindex + ": " + name;
    }
}
