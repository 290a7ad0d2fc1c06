package isolab.sim.userland.hostname;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.util.List;

/**
 * /usr/bin/hostname (Debian's hostname 3.23): prints the UTS hostname, or sets it with
 * sethostname(2); -s short name. Options that need name resolution are not modelled.
 */
public final class Hostname {

    static final String USAGE = """
            Usage: hostname [-b] {hostname|-F file}         set host name (from file)
                   hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
                   hostname                                 display host name

                   {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
                   {yp,nis,}domainname                      display NIS domain name

                   dnsdomainname                            display dns domain name

                   hostname -V|--version|-h|--help          print info and exit

            Program name:
                   {yp,nis,}domainname=hostname -y
                   dnsdomainname=hostname -d

            Program options:
                -a, --alias            alias names
                -A, --all-fqdns        all long host names (FQDNs)
                -b, --boot             set default hostname if none available
                -d, --domain           DNS domain name
                -f, --fqdn, --long     long host name (FQDN)
                -F, --file             read host name or NIS domain name from given file
                -i, --ip-address       addresses for the host name
                -I, --all-ip-addresses all addresses for the host
                -s, --short            short host name
                -y, --yp, --nis        NIS/YP domain name

            Description:
               This command can get or set the host name or the NIS domain name. You can
               also get the DNS domain or the FQDN (fully qualified domain name).
               Unless you are using bind or NIS for host lookups you can change the
               FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
               part of the FQDN) in the /etc/hosts file.
            """;

    private Hostname() {
    }

    /** {@code domainname}: the NIS domain name of the UTS namespace, or sets it. */
    public static int domainname(Proc p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            p.out(p.sys().uname().domainname() + "\n");
            return 0;
        }
        if (args.size() == 1 && !args.get(0).startsWith("-")) {
            try {
                p.sys().setdomainname(args.get(0));
                return 0;
            } catch (SysException e) {
                // hostname.c: setnname: EPERM and EINVAL have their own words, other errors none.
                p.err(e.errno() == Errno.EINVAL ? "domainname: name too long\n"
                        : e.errno() == Errno.EPERM ? "domainname: you must be root to change the domain name\n" : "");
                return 1;
            }
        }
        if (args.size() > 1 && args.stream().noneMatch(a -> a.startsWith("-"))) {
            p.err(USAGE);
            return 255;
        }
        p.error("option '" + args.get(0) + "' is not modelled in isolab");
        return 2;
    }

    /** {@code dnsdomainname}: {@code hostname -d} under its own name. */
    public static int dnsdomainname(Proc p) {
        if (!p.args().isEmpty()) {
            p.error("option '" + p.args().get(0) + "' is not modelled in isolab");
            return 2;
        }
        return resolving(p, "-d");
    }

    /**
     * The options that resolve the host name (getaddrinfo with AI_CANONNAME, through /etc/hosts,
     * then DNS). The machine has no network beyond lo, so a name that /etc/hosts does not list
     * cannot be resolved: {@code Temporary failure in name resolution}, status 1 (measured in the
     * sandbox); {@code -A} lists the FQDNs of the machine's non-loopback addresses: none, an empty
     * line. Answers from /etc/hosts are not modelled.
     */
    private static int resolving(Proc p, String option) {
        if (option.equals("-A") || option.equals("--all-fqdns")) {
            p.out("\n");
            return 0;
        }
        String name = p.sys().uname().nodename();
        String hosts;
        try {
            hosts = p.readFile("/etc/hosts");
        } catch (isolab.sim.syscall.SysException e) {
            hosts = "";
        }
        for (String line : hosts.split("\n")) {
            String[] f = line.replaceAll("#.*", "").trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                if (f[i].equals(name)) {
                    p.error("option '" + option + "' for a name in /etc/hosts is not modelled in isolab");
                    return 2;
                }
            }
        }
        p.error("Temporary failure in name resolution");
        return 1;
    }

    /**
     * hostname.c: check_name: letters, digits, hyphens and dots, at least one character, and
     * neither a hyphen nor a dot at either end of the name or of a label (measured: {@code a..b},
     * {@code a-.b}, {@code a_b} are refused, {@code a--b} is not). Spaces around it were stripped.
     */
    static boolean valid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum && c != '-' && c != '.') {
                return false;
            }
            boolean edge = i == 0 || i == name.length() - 1;
            if (c == '.' && (edge || !isAlnum(name.charAt(i - 1)) || !isAlnum(name.charAt(i + 1)))) {
                return false;
            }
            if (c == '-' && edge) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        boolean shortName = false;
        String set = null;
        boolean operandsOnly = false;
        for (String a : args) {
            if (!operandsOnly && a.equals("--")) {
                operandsOnly = true;
            } else if (operandsOnly) {
                if (set != null) {
                    p.err(USAGE);
                    return 255;
                }
                set = a;
            } else if (a.equals("-s") || a.equals("--short")) {
                shortName = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                p.err(USAGE);
                return 0;
            } else if (a.equals("-V") || a.equals("--version")) {
                p.err("hostname 3.23\n");
                return 0;
            } else if (a.startsWith("--") || (a.startsWith("-") && a.length() == 2 && "aAbdfFiIy".indexOf(a.charAt(1)) >= 0)) {
                if (a.startsWith("--") && !List.of("--alias", "--all-fqdns", "--boot", "--domain", "--fqdn", "--long",
                        "--file", "--ip-address", "--all-ip-addresses", "--yp", "--nis").contains(a)) {
                    p.err("hostname: unrecognized option '" + a + "'\n");
                    p.err(USAGE);
                    return 255;
                }
                if (List.of("-d", "--domain", "-f", "--fqdn", "--long", "-i", "--ip-address", "-A", "--all-fqdns").contains(a)) {
                    return resolving(p, a);
                }
                p.error("option '" + a + "' is not modelled in isolab");
                return 2;
            } else if (a.startsWith("-") && a.length() > 1) {
                p.err("hostname: invalid option -- '" + a.charAt(1) + "'\n");
                p.err(USAGE);
                return 255;
            } else if (set == null) {
                set = a;
            } else {
                p.err(USAGE);
                return 255;
            }
        }
        if (set != null) {
            String name = set.strip();
            if (!valid(name)) {
                p.err("hostname: the specified hostname is invalid\n");
                return 1;
            }
            try {
                p.sys().sethostname(name);
            } catch (SysException e) {
                // hostname.c: sethname: EPERM and EINVAL have their own words, other errors none.
                p.err(e.errno() == Errno.EINVAL ? "hostname: name too long\n"
                        : e.errno() == Errno.EPERM ? "hostname: you must be root to change the host name\n" : "");
                return 1;
            }
            return 0;
        }
        String name = p.sys().uname().nodename();
        if (shortName && name.contains(".")) {
            name = name.substring(0, name.indexOf('.'));
        }
        p.out(name + "\n");
        return 0;
    }
}
