package isolab.sim.userland.iputils;

import isolab.sim.net.Icmp;
import isolab.sim.net.Inet4;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/ping (iputils 20221126) for IPv4: {@code -c COUNT}, {@code -i INTERVAL},
 * {@code -W TIMEOUT}, {@code -q}, {@code -n}, {@code -4}. Requests go out every interval of
 * virtual time; a reply comes back at once with a round-trip time drawn from the seed and the
 * TTL it arrived with; a next hop nobody answers ARP for is reported as {@code Destination Host
 * Unreachable} when its resolution gives up (three probes a second apart), a router without a
 * route as {@code Destination Net Unreachable} at once; ping waits {@code -W} seconds after its
 * last request for what is outstanding.
 */
public final class Ping {

    /** What getopt's complaint is followed by. */
    private static final String USAGE =
            "\n"
            + "Usage\n"
            + "  ping [options] <destination>\n"
            + "\n"
            + "Options:\n"
            + "  <destination>      dns name or ip address\n"
            + "  -a                 use audible ping\n"
            + "  -A                 use adaptive ping\n"
            + "  -B                 sticky source address\n"
            + "  -c <count>         stop after <count> replies\n"
            + "  -C                 call connect() syscall on socket creation\n"
            + "  -D                 print timestamps\n"
            + "  -d                 use SO_DEBUG socket option\n"
            + "  -e <identifier>    define identifier for ping session, default is random for\n"
            + "                     SOCK_RAW and kernel defined for SOCK_DGRAM\n"
            + "                     Imply using SOCK_RAW (for IPv4 only for identifier 0)\n"
            + "  -f                 flood ping\n"
            + "  -h                 print help and exit\n"
            + "  -I <interface>     either interface name or address\n"
            + "  -i <interval>      seconds between sending each packet\n"
            + "  -L                 suppress loopback of multicast packets\n"
            + "  -l <preload>       send <preload> number of packages while waiting replies\n"
            + "  -m <mark>          tag the packets going out\n"
            + "  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n"
            + "  -n                 no dns name resolution\n"
            + "  -O                 report outstanding replies\n"
            + "  -p <pattern>       contents of padding byte\n"
            + "  -q                 quiet output\n"
            + "  -Q <tclass>        use quality of service <tclass> bits\n"
            + "  -s <size>          use <size> as number of data bytes to be sent\n"
            + "  -S <size>          use <size> as SO_SNDBUF socket option value\n"
            + "  -t <ttl>           define time to live\n"
            + "  -U                 print user-to-user latency\n"
            + "  -v                 verbose output\n"
            + "  -V                 print version and exit\n"
            + "  -w <deadline>      reply wait <deadline> in seconds\n"
            + "  -W <timeout>       time to wait for response\n"
            + "\n"
            + "IPv4 options:\n"
            + "  -4                 use IPv4\n"
            + "  -b                 allow pinging broadcast\n"
            + "  -R                 record route\n"
            + "  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n"
            + "\n"
            + "IPv6 options:\n"
            + "  -6                 use IPv6\n"
            + "  -F <flowlabel>     define flow label, default is random\n"
            + "  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n"
            + "\n"
            + "For more details see ping(8).\n";

    /** The timestamp ping puts in its payload: shorter payloads carry none, and no times are shown. */
    static final int TIMESTAMP_BYTES = 16;

    private Ping() {
    }

    /**
     * inet_aton(3), which getaddrinfo accepts for numeric hosts: one to four parts, decimal, octal
     * (leading 0) or hex (0x), the last part filling the remaining bytes ({@code 127.1} is
     * 127.0.0.1); null if {@code text} is not such an address.
     */
    static Long inetAton(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            try {
                if (part.matches("0[xX][0-9a-fA-F]+")) {
                    values[i] = Long.parseLong(part.substring(2), 16);
                } else if (part.matches("0[0-7]*")) {
                    values[i] = part.length() == 1 ? 0 : Long.parseLong(part.substring(1), 8);
                } else if (part.matches("[1-9][0-9]*")) {
                    values[i] = Long.parseLong(part);
                } else {
                    return null;
                }
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (32 - 8 * (values.length - 1))) {
            return null;
        }
        return address | last;
    }

    /** One request: when it went out and what became of it. */
    private record Probe(int seq, long sentAt, Icmp.Outcome outcome, long answeredAt, int rttMicros, Icmp.Result result) {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        long count = -1;
        long intervalTicks = 1000;
        long lingerTicks = 10000;
        boolean quiet = false;
        int size = 56;
        String destination = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                if (destination != null) {
                    return Usage.notModelled(p, "a second destination");
                }
                destination = a;
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (c == 'q') {
                    quiet = true;
                } else if (c == 'n' || c == '4') {
                    continue;
                } else if (c == 'c' || c == 'i' || c == 'W' || c == 's') {
                    String value = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    if (value == null) {
                        p.err("ping: option requires an argument -- '" + c + "'\n" + USAGE);
                        return 2;
                    }
                    if (c == 's') {
                        Long n = integer(value);
                        if (n == null || n < 0) {
                            p.err("ping: invalid argument: '" + value + "'\n");
                            return 1;
                        }
                        if (n > 65507) {
                            return Usage.notModelled(p, "-s above 65507");
                        }
                        size = n.intValue();
                    } else if (c == 'c') {
                        Long n = integer(value);
                        if (n == null) {
                            p.err("ping: invalid argument: '" + value + "'\n");
                            return 1;
                        }
                        if (n < 1) {
                            p.err("ping: invalid argument: '" + value + "': out of range: 1 <= value <= 9223372036854775807\n");
                            return 1;
                        }
                        count = n;
                    } else {
                        Double seconds = seconds(value);
                        if (seconds == null) {
                            p.err("ping: option argument contains garbage: " + value + "\n"
                                    + "ping: this will become fatal error in the future\n");
                            seconds = 0.0;
                        }
                        if (c == 'i') {
                            intervalTicks = Math.round(seconds * 1000);
                        } else {
                            lingerTicks = Math.round(seconds * 1000);
                        }
                    }
                    break;
                } else if ("aABCDdfhLORrUvV6bTFNeIlmMpQStwP".indexOf(c) >= 0) {
                    return Usage.notModelled(p, "-" + c);
                } else {
                    p.err("ping: invalid option -- '" + c + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (destination == null) {
            p.err("ping: usage error: Destination address required\n");
            return 1;
        }
        if (count < 0) {
            return Usage.notModelled(p, "running until interrupted (give -c COUNT)");
        }
        String shown = destination;
        Long parsed = inetAton(destination);
        boolean named = destination.equals("localhost");
        if (named) {
            parsed = 0x7f000001L;
        } else if (parsed == null) {
            p.err("ping: " + destination + ": Temporary failure in name resolution\n");
            return 2;
        }
        int address = parsed.intValue();
        String ip = Inet4.format(address);
        int source;
        try {
            source = p.sys().pingConnect(address);
        } catch (SysException e) {
            p.err("ping: connect: " + e.strerror() + "\n");
            return 2;
        }
        if (p.sys().isBroadcast(address)) {
            // connect(2) of the probe socket is EACCES without SO_BROADCAST
            p.err("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n");
            return 2;
        }
        String from = named ? shown + " (" + ip + ")" : ip;
        p.out("PING " + shown + " (" + ip + ") " + size + "(" + (size + 28) + ") bytes of data.\n");
        return run(p, address, source, from, shown, count, intervalTicks, lingerTicks, quiet, size);
    }

    private static int run(Proc p, int address, int source, String from, String shown, long count, long interval,
            long linger, boolean quiet, int size) {
        long start = p.sys().monotonicTicks();
        List<Probe> probes = new ArrayList<>();
        int printed = 0;
        for (int seq = 1; count < 0 || seq <= count; seq++) {
            long sendAt = start + (seq - 1) * interval;
            printed = report(p, probes, printed, sendAt, from, quiet, size);
            sleepUntil(p, sendAt);
            Icmp.Result result = p.sys().pingEcho(source, address);
            Icmp.Outcome outcome = result.outcome();
            long answeredAt = sendAt;
            int rtt = 0;
            if (outcome == Icmp.Outcome.REPLY) {
                rtt = p.sys().rttMicros();
            } else if (outcome == Icmp.Outcome.UNREACHABLE) {
                answeredAt = Math.max(sendAt, result.errorAtTicks());
            } else {
                answeredAt = Long.MAX_VALUE;
            }
            probes.add(new Probe(seq, sendAt, outcome, answeredAt, rtt, result));
            printed = report(p, probes, printed, sendAt, from, quiet, size);
        }
        long lastSend = probes.get(probes.size() - 1).sentAt();
        long end = lastSend;
        for (Probe probe : probes) {
            if (probe.answeredAt() == Long.MAX_VALUE || probe.answeredAt() > lastSend + linger) {
                end = lastSend + linger;
            } else {
                end = Math.max(end, probe.answeredAt());
            }
        }
        sleepUntil(p, end);
        report(p, probes, printed, end, from, quiet, size);
        return statistics(p, probes, shown, start, lastSend, end, size >= TIMESTAMP_BYTES);
    }

    /** Prints, in order of arrival, what came back by {@code now}; returns how many are printed. */
    private static int report(Proc p, List<Probe> probes, int printed, long now, String from, boolean quiet, int size) {
        int done = printed;
        while (done < probes.size() && (probes.get(done).outcome() == Icmp.Outcome.LOST || probes.get(done).answeredAt() <= now)) {
            done++;
        }
        for (Probe probe : probes.subList(printed, done)) {
            if (quiet || probe.outcome() == Icmp.Outcome.LOST) {
                continue;
            }
            if (probe.outcome() == Icmp.Outcome.REPLY) {
                p.out((size + 8) + " bytes from " + from + ": icmp_seq=" + probe.seq() + " ttl=" + probe.result().ttl()
                        + (size >= TIMESTAMP_BYTES ? " time=" + micros(probe.rttMicros()) + " ms" : "") + "\n");
            } else {
                p.out("From " + Inet4.format(probe.result().errorFrom()) + " icmp_seq=" + probe.seq() + " Destination "
                        + (probe.result().netUnreachable() ? "Net" : "Host") + " Unreachable\n");
            }
        }
        return done;
    }

    private static void sleepUntil(Proc p, long tick) {
        long now = p.sys().monotonicTicks();
        if (tick > now) {
            p.sys().nanosleep(tick - now);
        }
    }

    /** finish(): the statistics; status 0 if any reply came, else 1. */
    private static int statistics(Proc p, List<Probe> probes, String shown, long start, long lastSend, long end, boolean timing) {
        int transmitted = probes.size();
        int received = 0;
        int errors = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long sum2 = 0;
        int pipe = 1;
        for (Probe probe : probes) {
            if (probe.outcome() == Icmp.Outcome.REPLY) {
                received++;
                long t = probe.rttMicros();
                min = Math.min(min, t);
                max = Math.max(max, t);
                sum += t;
                sum2 += t * t;
            } else if (probe.outcome() == Icmp.Outcome.UNREACHABLE && probe.answeredAt() <= end) {
                errors++;
            }
            if (probe.outcome() != Icmp.Outcome.LOST && probe.answeredAt() <= end) {
                int sentBy = 0;
                for (Probe other : probes) {
                    if (other.sentAt() <= probe.answeredAt()) {
                        sentBy++;
                    }
                }
                pipe = Math.max(pipe, sentBy - probe.seq() + 1);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("\n--- ").append(shown).append(" ping statistics ---\n");
        s.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
        if (errors > 0) {
            s.append(", +").append(errors).append(" errors");
        }
        s.append(", ").append(percent((transmitted - received) * 100.0 / transmitted)).append("% packet loss");
        s.append(", time ").append(lastSend - start).append("ms\n");
        if (received > 0 && timing) {
            long avg = sum / received;
            long mdev = (long) Math.sqrt(Math.max(0, sum2 / received - avg * avg));
            s.append("rtt min/avg/max/mdev = ").append(micros(min)).append('/').append(micros(avg)).append('/')
                    .append(micros(max)).append('/').append(micros(mdev)).append(" ms");
            if (pipe > 1) {
                s.append(", pipe ").append(pipe);
            }
        } else if (pipe > 1) {
            s.append("pipe ").append(pipe);
        }
        s.append('\n');
        p.out(s.toString());
        return received > 0 ? 0 : 1;
    }

    /** {@code %ld.%03ld} of microseconds as milliseconds. */
    private static String micros(long us) {
        return us / 1000 + "." + String.format("%03d", us % 1000);
    }

    /** printf's {@code %g} for a percentage: six significant digits, no trailing zeros. */
    static String percent(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(value).round(new java.math.MathContext(6));
        return d.stripTrailingZeros().toPlainString();
    }

    private static Long integer(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double seconds(String value) {
        try {
            double d = Double.parseDouble(value);
            return d < 0 || Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
