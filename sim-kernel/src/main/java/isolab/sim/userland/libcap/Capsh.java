package isolab.sim.userland.libcap;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Help;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * /usr/sbin/capsh (libcap 2.66, progs/capsh.c): works through its arguments in order - drop
 * capabilities from the bounding set ({@code --drop=LIST}), test them ({@code --has-p},
 * {@code --has-b}, {@code --supports}), decode a set ({@code --decode=HEX}) - then, at
 * {@code --}, execs /bin/bash (or {@code --shell}) with the rest, or at {@code ==} itself again.
 * Without {@code --} it exits 0. Other options say they are not modelled.
 */
public final class Capsh {

    /** libcap's names, by number (libcap/cap_names.h on Linux 6.18). */
    static final List<String> NAMES = List.of(
            "cap_chown", "cap_dac_override", "cap_dac_read_search", "cap_fowner", "cap_fsetid", "cap_kill",
            "cap_setgid", "cap_setuid", "cap_setpcap", "cap_linux_immutable", "cap_net_bind_service",
            "cap_net_broadcast", "cap_net_admin", "cap_net_raw", "cap_ipc_lock", "cap_ipc_owner", "cap_sys_module",
            "cap_sys_rawio", "cap_sys_chroot", "cap_sys_ptrace", "cap_sys_pacct", "cap_sys_admin", "cap_sys_boot",
            "cap_sys_nice", "cap_sys_resource", "cap_sys_time", "cap_sys_tty_config", "cap_mknod", "cap_lease",
            "cap_audit_write", "cap_audit_control", "cap_setfcap", "cap_mac_override", "cap_mac_admin", "cap_syslog",
            "cap_wake_alarm", "cap_block_suspend", "cap_audit_read", "cap_perfmon", "cap_bpf", "cap_checkpoint_restore");

    private static final String CAP_SETPCAP = "cap_setpcap";

    private Capsh() {
    }

    public static int main(Proc p) {
        String shell = "/bin/bash";
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String option = a.contains("=") ? a.substring(0, a.indexOf('=') + 1) : a;
            switch (option) {
                case "--" -> {
                    return exec(p, shell, args.subList(i + 1, args.size()));
                }
                case "==" -> {
                    return exec(p, p.argv().get(0), args.subList(i + 1, args.size()));
                }
                case "--shell=" -> shell = value;
                case "--drop=" -> {
                    int status = drop(p, value);
                    if (status != 0) {
                        return status;
                    }
                }
                case "--decode=" -> p.out(decode(value));
                case "--supports=" -> {
                    if (number(value) < 0) {
                        p.err("cap[" + value + "] not recognized by library\n");
                        return 1;
                    }
                }
                case "--has-p=", "--has-b=" -> {
                    int status = has(p, value, option.equals("--has-b="));
                    if (status != 0) {
                        return status;
                    }
                }
                case "--help", "-h" -> {
                    p.out(usage(p));
                    return 0;
                }
                default -> {
                    if (a.startsWith("--") && isCapshOption(option)) {
                        p.error("option '" + option.replace("=", "") + "' is not modelled in isolab");
                        return 2;
                    }
                    p.out(usage(p));
                    return 1;
                }
            }
        }
        return 0;
    }

    /** {@code --drop=LIST}: raise CAP_SETPCAP, drop each from the bounding set (capsh.c). */
    private static int drop(Proc p, String list) {
        try {
            if ((capabilities(p, "CapPrm:") & (1L << NAMES.indexOf(CAP_SETPCAP))) == 0) {
                p.err("unable to raise CAP_SETPCAP for BSET changes: Operation not permitted\n");
                return 1;
            }
        } catch (SysException e) {
            p.err("unable to raise CAP_SETPCAP for BSET changes: " + e.strerror() + "\n");
            return 1;
        }
        for (String name : list.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            List<Integer> caps = new ArrayList<>();
            if (name.equalsIgnoreCase("all")) {
                for (int c = 0; c < NAMES.size(); c++) {
                    caps.add(c);
                }
            } else if (number(name) >= 0) {
                caps.add(number(name));
            } else {
                p.err("capability [" + name + "] is unknown to libcap\n");
                return 1;
            }
            for (int cap : caps) {
                try {
                    p.sys().prctlCapbsetDrop(cap);
                } catch (SysException e) {
                    p.err("failed to drop [" + name + "=" + cap + "]: " + e.strerror() + "\n");
                    return 1;
                }
            }
        }
        return 0;
    }

    private static int has(Proc p, String name, boolean bounding) {
        int cap = number(name);
        if (cap < 0) {
            p.err("cap[" + name + "] not recognized by library\n");
            return 1;
        }
        boolean held = bounding ? p.sys().prctlCapbsetRead(cap) : (capabilities(p, "CapPrm:") & (1L << cap)) != 0;
        if (!held) {
            p.err("cap[" + name + "] " + (bounding ? "not in bounding vector" : "not permitted") + "\n");
            return 1;
        }
        return 0;
    }

    /** A set of the caller's, from /proc/self/status (what capget(2) gives libcap). */
    private static long capabilities(Proc p, String line) {
        for (String l : p.readFile("/proc/self/status").split("\n")) {
            if (l.startsWith(line)) {
                return Long.parseUnsignedLong(l.substring(line.length()).trim(), 16);
            }
        }
        return 0;
    }

    /** A capability by libcap name ({@code cap_sys_admin}, any case) or number; -1 if unknown. */
    static int number(String name) {
        if (name.matches("\\d+")) {
            int n = Integer.parseInt(name);
            return n < NAMES.size() ? n : -1;
        }
        return NAMES.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** {@code --decode=HEX}: {@code 0x%016x=name,name}. */
    private static String decode(String hex) {
        long set;
        try {
            set = Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
        } catch (NumberFormatException e) {
            set = 0;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 64; c++) {
            if ((set & (1L << c)) != 0) {
                names.add(c < NAMES.size() ? NAMES.get(c) : String.valueOf(c));
            }
        }
        return String.format("0x%016x=%s%n", set, String.join(",", names));
    }

    /** {@code --} and {@code ==}: exec the program with the remaining arguments, argv[0] its path. */
    private static int exec(Proc p, String program, List<String> rest) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(rest);
        try {
            p.flush();
            p.sys().execve(program, argv, p.envp());
        } catch (SysException e) {
            p.err("execve '" + program + "' failed!\n");
            return 1;
        }
        return 0;
    }

    /** Whether capsh's usage lists {@code option} ({@code --uid=}, {@code --print}, ...). */
    private static boolean isCapshOption(String option) {
        return Help.text("capsh").contains("\n  " + option);
    }

    /** capsh's usage, named as it was run. */
    private static String usage(Proc p) {
        String name = p.argv().isEmpty() ? "capsh" : p.argv().get(0);
        return Help.text("capsh").replace("usage: capsh", "usage: " + name).replace("[capsh]", "[" + name + "]");
    }
}
