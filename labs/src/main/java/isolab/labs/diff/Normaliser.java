package isolab.labs.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule for what legitimately differs between two hosts running the same lab. Each rewrites
 * a line of output so that the legitimate difference disappears and nothing else does; values
 * are renamed consistently per transcript ({@link Names}), so "the same namespace as before" and
 * "a new namespace" stay distinguishable.
 */
sealed interface Normaliser {

    /** The line with this rule's values replaced. */
    String apply(String line, Names names);

    /** What this rule replaces and the names it gives, for a person reading a comparison. */
    String what();

    /** Every rule, in the order they apply. */
    List<Normaliser> ALL = List.of(new MountTable(), new MacAddresses(), new Timestamps(), new NamespaceInodes(),
            new OuterPids(), new KernelRelease(), new PingTimes(), new IpcKeys());

    /** The line with every rule applied. */
    static String normalise(String line, Names names) {
        String result = line;
        for (Normaliser normaliser : ALL) {
            result = normaliser.apply(result, names);
        }
        return result;
    }

    /** Replaces each match of {@code pattern}'s group {@code group} with {@code f} of it. */
    static String replaceGroup(String line, Pattern pattern, int group, java.util.function.UnaryOperator<String> f) {
        Matcher m = pattern.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(line, last, m.start(group)).append(f.apply(m.group(group)));
            last = m.end(group);
        }
        return out.append(line.substring(last)).toString();
    }

    /**
     * Mount ids and device numbers: the first three fields of a {@code /proc/PID/mountinfo} line
     * (mount id, parent id, {@code major:minor}) and the {@code Device:} of {@code stat}. Each host
     * numbers mounts and anonymous devices its own way (docs/MACHINE.md: "normalised by the differ").
     */
    record MountTable() implements Normaliser {

        @Override
        public String what() {
            return "mount ids and device numbers (the first three fields of mountinfo lines, the Device: of stat), named <mnt#N> and <dev#N>";
        }
        private static final Pattern MOUNTINFO = Pattern.compile("^(\\d+) (\\d+) (\\d+:\\d+) (/\\S*) (\\S+) ");
        private static final Pattern STAT_DEVICE = Pattern.compile("Device: (\\d+,\\d+|[0-9a-f]+h/\\d+d)");

        @Override
        public String apply(String line, Names names) {
            Matcher m = MOUNTINFO.matcher(line);
            if (m.find()) {
                return names.of("mnt", m.group(1)) + " " + names.of("mnt", m.group(2)) + " " + names.of("dev", m.group(3))
                        + line.substring(m.end(3));
            }
            return replaceGroup(line, STAT_DEVICE, 1, dev -> names.of("dev", dev));
        }
    }

    /**
     * Wall-clock times and dates: ISO dates with times ({@code 2026-11-22 01:39:55.13 +0000}),
     * date(1)'s default format, {@code ls -l}'s dates, and clock times {@code H:MM} / {@code HH:MM:SS}
     * (ps START, STIME and TIME). A simulator's clock is virtual; a real host's is the wall's.
     */
    record Timestamps() implements Normaliser {

        @Override
        public String what() {
            return "wall-clock times and dates (ISO dates, date(1), the dates of ls -l, the START and TIME of ps), shown as <time>";
        }
        private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
        private static final Pattern ISO = Pattern.compile(
                "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?(?:[+-]\\d{2}:?\\d{2}|Z))?");
        private static final Pattern DATE = Pattern.compile(
                "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MONTH + " [ \\d]\\d \\d{2}:\\d{2}:\\d{2}(?: [A-Z]{2,5})? \\d{4}");
        private static final Pattern LS_DATE = Pattern.compile(MONTH + " [ \\d]\\d (?: \\d{4}|\\d{2}:\\d{2})");
        private static final Pattern CLOCK = Pattern.compile("(?<![\\d:.])\\d{1,3}:\\d{2}(?::\\d{2})?(?![\\d:])");

        @Override
        public String apply(String line, Names names) {
            String result = ISO.matcher(line).replaceAll("<time>");
            result = DATE.matcher(result).replaceAll("<time>");
            result = LS_DATE.matcher(result).replaceAll("<time>");
            return CLOCK.matcher(result).replaceAll("<time>");
        }
    }

    /**
     * Namespace inode numbers: {@code type:[N]} as {@code /proc/PID/ns/*} links read, and bare
     * numbers in nsfs's range (from 4026531830, the initial namespaces' fixed inodes, up to
     * 2^32-1) as {@code lsns} prints them. Each host allocates inodes its own way.
     */
    record NamespaceInodes() implements Normaliser {

        @Override
        public String what() {
            return "namespace inode numbers (links such as uts:[4026532446], the NS column of lsns), named <ns#N>";
        }
        private static final Pattern LINK = Pattern.compile(
                "\\b(?:cgroup|ipc|mnt|net|pid|pid_for_children|time|time_for_children|user|uts):\\[(\\d+)]");
        private static final Pattern BARE = Pattern.compile("(?<![\\d.])(40265\\d{5}|40[3-9]\\d{7}|4[1-2]\\d{8})(?![\\d.])");

        @Override
        public String apply(String line, Names names) {
            String result = replaceGroup(line, LINK, 1, inode -> names.of("ns", inode));
            // 4294967295 is (u32)-1, the length of an identity uid_map/gid_map line, never an inode.
            return replaceGroup(result, BARE, 1, inode -> Long.parseLong(inode) >= 4026531830L
                    && Long.parseLong(inode) < 4294967295L ? names.of("ns", inode) : inode);
        }
    }

    /**
     * PIDs outside the lab's namespaces. The lab's namespaces are those its commands create;
     * outside them is the machine's own PID namespace (level 0, where init is 1), whose numbers
     * count every process either host ever forked. A process in a namespace the lab created shows
     * its outside PID next to its inside ones on the {@code NSpid:}, {@code NStgid:},
     * {@code NSpgid:} and {@code NSsid:} lines of {@code /proc/PID/status} (outermost first): on a
     * line with two or more entries, the first is renamed ({@code <pid#1>}), the others are PIDs in
     * the lab's namespaces and must agree exactly. PIDs anywhere else are compared exactly: both
     * hosts present the same machine (docs/MACHINE.md), so a difference there is a fidelity bug.
     */
    record OuterPids() implements Normaliser {

        @Override
        public String what() {
            return "PIDs outside the lab's namespaces (the first, outermost entry of NSpid:, NStgid:, NSpgid:, NSsid:), named <pid#N>";
        }
        private static final Pattern NS_IDS = Pattern.compile("^(NSpid|NStgid|NSpgid|NSsid):(\\s+)(\\d+)((?:\\s+\\d+)+)\\s*$");

        @Override
        public String apply(String line, Names names) {
            Matcher m = NS_IDS.matcher(line);
            if (!m.matches()) {
                return line;
            }
            return m.group(1) + ":" + m.group(2) + names.of("pid", m.group(3)) + m.group(4);
        }
    }

    /**
     * The kernel's release and version: a line that is only a release ({@code uname -r}) and the
     * release and version fields of {@code uname -a} / {@code /proc/version}. docs/MACHINE.md: the
     * release is the host's on a real host and {@code 6.18.44-isolab} on the simulator.
     */
    record KernelRelease() implements Normaliser {

        @Override
        public String what() {
            return "the kernel release and version (uname -r, uname -a, /proc/version), shown as <release> and <version>";
        }
        private static final Pattern RELEASE_LINE = Pattern.compile("^\\d+\\.\\d+\\.\\d+(?:-\\S+)?$");
        private static final Pattern UNAME_ALL = Pattern.compile("^Linux (\\S+) \\d+\\.\\d+\\.\\d+\\S* #.*? (\\S+) GNU/Linux$");
        private static final Pattern PROC_VERSION = Pattern.compile("^Linux version \\d+\\.\\d+\\.\\d+\\S* .*$");

        @Override
        public String apply(String line, Names names) {
            if (RELEASE_LINE.matcher(line).matches()) {
                return "<release>";
            }
            Matcher m = UNAME_ALL.matcher(line);
            if (m.matches()) {
                return "Linux " + m.group(1) + " <release> <version> " + m.group(2) + " GNU/Linux";
            }
            return PROC_VERSION.matcher(line).matches() ? "Linux version <release> <version>" : line;
        }
    }

    /**
     * MAC addresses of veth pairs and bridges: the kernel gives each new one a random address
     * ({@code eth_hw_addr_random}), so no two hosts agree. The all-zero address of {@code lo}
     * and the broadcast address are the same everywhere and are kept.
     */
    record MacAddresses() implements Normaliser {

        @Override
        public String what() {
            return "MAC addresses of veth pairs and bridges (random on every host), named <mac#N>";
        }
        private static final Pattern MAC = Pattern.compile("(?<![0-9a-f:])([0-9a-f]{2}(?::[0-9a-f]{2}){5})(?![0-9a-f:])");

        @Override
        public String apply(String line, Names names) {
            return replaceGroup(line, MAC, 1, mac -> mac.equals("00:00:00:00:00:00") || mac.equals("ff:ff:ff:ff:ff:ff")
                    ? mac : names.of("mac", mac));
        }
    }

    /**
     * ping's round-trip times and elapsed time: wall-clock on a real host, virtual on the
     * simulator. Which packets got an answer, their sequence numbers and TTLs are kept.
     */
    record PingTimes() implements Normaliser {

        @Override
        public String what() {
            return "round-trip and elapsed times of ping, shown as <rtt> and <elapsed>";
        }
        private static final Pattern TIME = Pattern.compile("\\btime[=<]\\d+(?:\\.\\d+)? ms\\b");
        private static final Pattern ELAPSED = Pattern.compile("(packet loss, time )\\d+ms");
        private static final Pattern RTT = Pattern.compile("^(rtt min/avg/max/mdev = )[\\d./]+( ms)$");

        @Override
        public String apply(String line, Names names) {
            String result = TIME.matcher(line).replaceAll("time=<rtt> ms");
            result = ELAPSED.matcher(result).replaceAll("$1<elapsed>ms");
            return RTT.matcher(result).replaceAll("$1<rtt>$2");
        }
    }

    /**
     * System V IPC keys as {@code ipcs} prints them: {@code ipcmk} draws a random key
     * ({@code random()} in util-linux's ipcmk.c). {@code 0x00000000} (IPC_PRIVATE) is kept.
     */
    record IpcKeys() implements Normaliser {

        @Override
        public String what() {
            return "System V IPC keys that ipcmk draws at random, named <key#N>";
        }
        private static final Pattern KEY = Pattern.compile("^(0x[0-9a-f]{8})(?=\\s)");

        @Override
        public String apply(String line, Names names) {
            return replaceGroup(line, KEY, 1, key -> key.equals("0x00000000") ? key : names.of("key", key));
        }
    }
}
