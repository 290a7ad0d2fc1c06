package isolab.sim.userland.coreutils;

import isolab.sim.syscall.Utsname;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/** /usr/bin/uname (coreutils): system information from uname(2). */
public final class Uname {

    private static final Getopt OPTIONS = new Getopt("asnrvmpio", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "a"), Getopt.opt("kernel-name", Getopt.Arg.NONE, "s"),
            Getopt.opt("nodename", Getopt.Arg.NONE, "n"), Getopt.opt("kernel-release", Getopt.Arg.NONE, "r"),
            Getopt.opt("kernel-version", Getopt.Arg.NONE, "v"), Getopt.opt("machine", Getopt.Arg.NONE, "m"),
            Getopt.opt("processor", Getopt.Arg.NONE, "p"), Getopt.opt("hardware-platform", Getopt.Arg.NONE, "i"),
            Getopt.opt("operating-system", Getopt.Arg.NONE, "o"), Getopt.opt("help", Getopt.Arg.NONE, "help"),
            Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private Uname() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        if (!parsed.operands().isEmpty()) {
            return Usage.tryHelp(p, "extra operand " + Usage.quote(parsed.operands().get(0)), 1);
        }
        Utsname u = p.sys().uname();
        boolean all = parsed.has("a");
        List<String> out = new ArrayList<>();
        if (all || parsed.has("s") || parsed.options().isEmpty()) {
            out.add(u.sysname());
        }
        if (all || parsed.has("n")) {
            out.add(u.nodename());
        }
        if (all || parsed.has("r")) {
            out.add(u.release());
        }
        if (all || parsed.has("v")) {
            out.add(u.version());
        }
        if (all || parsed.has("m")) {
            out.add(u.machine());
        }
        if (parsed.has("p")) {
            out.add("unknown");
        }
        if (parsed.has("i")) {
            out.add("unknown");
        }
        if (all || parsed.has("o")) {
            out.add("GNU/Linux");
        }
        if (parsed.has("help") || parsed.has("version")) {
            return Usage.notModelled(p, parsed.has("help") ? "--help" : "--version");
        }
        p.out(String.join(" ", out) + "\n");
        return 0;
    }
}
