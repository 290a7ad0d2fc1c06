package isolab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The ARP cache of one network namespace (net/core/neighbour.c, net/ipv4/arp.c), with the
 * states {@code ip neigh} shows and the timers reduced to fixed ones: an entry a reply
 * confirmed is REACHABLE for 30 s (reachable_time, randomised 15-45 s on Linux), then STALE;
 * one learnt from a request is in DELAY for 5 s (delay_first_probe_time), then confirmed; a
 * resolution nobody answers is INCOMPLETE for 3 s (three probes a second apart), then FAILED.
 * What the cache changes: a packet to a neighbour with a known address is sent without ARP, so
 * when that neighbour has gone the packet is just lost (no "Host Unreachable") while the entry
 * is REACHABLE and until its probes fail, 5 + 3 s after its first use once it is STALE. A device that goes down or loses its
 * carrier loses its entries (neigh_ifdown, neigh_carrier_down).
 */
public final class Neighbours {

    static final long REACHABLE_TICKS = 30000, DELAY_TICKS = 5000, PROBES_TICKS = 3000;

    /** One entry: who, on which device, the link-layer address (-1 unknown), and its timestamps. */
    private static final class Entry {
        final NetDevice dev;
        final int address;
        long mac = -1;
        long confirmedAt = -1;
        long learntAt = -1;
        long resolvingSince = -1;
        long failingSince = -1;

        Entry(NetDevice dev, int address) {
            this.dev = dev;
            this.address = address;
        }
    }

    /** What the cache says about sending to a neighbour that did not answer now. */
    public enum Miss { LOST, UNREACHABLE }

    /** When the resolution of {@code address} on {@code dev} that is under way gives up, or -1. */
    long failsAt(NetDevice dev, int address) {
        Entry e = find(dev, address);
        return e == null || e.resolvingSince < 0 ? -1 : e.resolvingSince + PROBES_TICKS;
    }

    private final List<Entry> entries = new ArrayList<>();

    private Entry find(NetDevice dev, int address) {
        for (Entry e : entries) {
            if (e.dev == dev && e.address == address) {
                return e;
            }
        }
        return null;
    }

    private Entry entry(NetDevice dev, int address) {
        Entry e = find(dev, address);
        if (e == null) {
            e = new Entry(dev, address);
            entries.add(0, e);
        }
        return e;
    }

    /** The neighbour answered (an ARP reply or a confirmed send): REACHABLE from {@code now}. */
    void confirmed(NetDevice dev, int address, long mac, long now) {
        Entry e = entry(dev, address);
        e.mac = mac;
        e.confirmedAt = now;
        e.resolvingSince = -1;
        e.failingSince = -1;
    }

    /**
     * A packet went to a neighbour that is there: a first resolution makes the entry REACHABLE; a
     * STALE one goes through DELAY and is confirmed by its probe 5 s later (neigh_event_send).
     */
    void used(NetDevice dev, int address, long mac, long now) {
        Entry e = find(dev, address);
        if (e == null || e.mac != mac || e.failingSince >= 0) {
            confirmed(dev, address, mac, now);
        } else if (now >= e.confirmedAt + REACHABLE_TICKS) {
            e.learntAt = now;
            e.confirmedAt = now + DELAY_TICKS;
        }
    }

    /** An ARP request from the neighbour taught its address (neigh_event_ns), and a reply went to it. */
    void learnt(NetDevice dev, int address, long mac, long now) {
        Entry e = entry(dev, address);
        if (e.mac == mac && e.failingSince < 0 && e.confirmedAt >= 0) {
            return;
        }
        e.mac = mac;
        e.learntAt = now;
        e.confirmedAt = now + DELAY_TICKS;
        e.resolvingSince = -1;
        e.failingSince = -1;
    }

    /** Nobody answered for {@code address} on {@code dev} at {@code now}: is the packet lost, or unreachable? */
    Miss missed(NetDevice dev, int address, long now) {
        Entry e = find(dev, address);
        if (e != null && e.mac >= 0) {
            if (now < e.confirmedAt + REACHABLE_TICKS && e.failingSince < 0) {
                return Miss.LOST; // REACHABLE: trusted until reachable_time runs out (neigh_timer_handler)
            }
            if (e.failingSince < 0) {
                e.failingSince = now; // a use of a STALE entry: DELAY, then the probes
            }
            if (now < e.failingSince + DELAY_TICKS + PROBES_TICKS) {
                return Miss.LOST;
            }
            e.mac = -1;
            e.resolvingSince = -1;
        }
        e = entry(dev, address);
        if (e.resolvingSince < 0 || now >= e.resolvingSince + PROBES_TICKS) {
            e.resolvingSince = now;
        }
        return Miss.UNREACHABLE;
    }

    /** Forgets the entries of devices that are down or without carrier. */
    void refresh() {
        entries.removeIf(e -> !e.dev.carrier() || e.dev.stack() == null);
    }

    /** One line of {@code ip neigh}: address, device, link-layer address, state. */
    public record Shown(String address, String device, String mac, String state) {
    }

    /** The entries, newest first, with their states at {@code now}. */
    public List<Shown> show(long now) {
        List<Shown> shown = new ArrayList<>();
        for (Entry e : entries) {
            String state;
            if (e.mac < 0) {
                state = e.resolvingSince >= 0 && now < e.resolvingSince + PROBES_TICKS ? "INCOMPLETE" : "FAILED";
            } else if (e.failingSince >= 0) {
                state = now < e.failingSince + DELAY_TICKS ? "DELAY" : now < e.failingSince + DELAY_TICKS + PROBES_TICKS ? "PROBE" : "FAILED";
            } else if (e.learntAt >= 0 && now < e.learntAt + DELAY_TICKS) {
                state = "DELAY";
            } else {
                state = now < e.confirmedAt + REACHABLE_TICKS ? "REACHABLE" : "STALE";
            }
            String mac = null;
            if (e.mac >= 0 && !state.equals("FAILED")) {
                mac = macText(e.mac);
            }
            shown.add(new Shown(Inet4.format(e.address), e.dev.name(), mac, state));
        }
        return shown;
    }

    private static String macText(long mac) {
        StringBuilder s = new StringBuilder();
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (s.length() > 0) {
                s.append(':');
            }
            s.append(String.format("%02x", mac >>> shift & 0xff));
        }
        return s.toString();
    }
}
