package isolab.sim.userland;

import isolab.sim.userland.coreutils.HeadTail;
import isolab.sim.userland.coreutils.Ls;
import isolab.sim.userland.coreutils.Simple;
import isolab.sim.userland.coreutils.Sort;
import isolab.sim.userland.coreutils.Text;
import isolab.sim.userland.coreutils.Wc;
import isolab.sim.userland.grep.Grep;
import isolab.sim.userland.procps.Kill;

/** The rest of the installed programs (coreutils, procps, grep beyond the core set). */
final class Extra {

    private Extra() {
    }

    static void register(Programs.Registrar r) {
        r.add("grep/grep", Grep::main, "/usr/bin/grep");
        r.add("coreutils/dd", isolab.sim.userland.coreutils.Dd::main, "/usr/bin/dd");
        r.add("stress-ng/stress-ng", isolab.sim.userland.stressng.StressNg::main, "/usr/bin/stress-ng");
        r.add("coreutils/wc", Wc::main, "/usr/bin/wc");
        r.add("coreutils/head", HeadTail::head, "/usr/bin/head");
        r.add("coreutils/tail", HeadTail::tail, "/usr/bin/tail");
        r.add("coreutils/ls", Ls::main, "/usr/bin/ls");
        r.add("coreutils/pwd", Simple::pwd, "/usr/bin/pwd");
        r.add("coreutils/id", Simple::id, "/usr/bin/id");
        r.add("coreutils/whoami", Simple::whoami, "/usr/bin/whoami");
        r.add("coreutils/env", Simple::env, "/usr/bin/env");
        r.add("coreutils/seq", Simple::seq, "/usr/bin/seq");
        r.add("coreutils/mkdir", Simple::mkdir, "/usr/bin/mkdir");
        r.add("coreutils/rmdir", Simple::rmdir, "/usr/bin/rmdir");
        r.add("coreutils/touch", Simple::touch, "/usr/bin/touch");
        r.add("coreutils/rm", Simple::rm, "/usr/bin/rm");
        r.add("coreutils/ln", Simple::ln, "/usr/bin/ln");
        r.add("coreutils/cut", Text::cut, "/usr/bin/cut");
        r.add("coreutils/tr", Text::tr, "/usr/bin/tr");
        r.add("coreutils/sort", Sort::main, "/usr/bin/sort");
        r.add("procps/kill", Kill::main, "/usr/bin/kill");
        r.add("libcap2-bin/capsh", isolab.sim.userland.libcap.Capsh::main, "/usr/sbin/capsh");
        r.add("coreutils/yes", isolab.sim.userland.coreutils.Small::yes, "/usr/bin/yes");
        r.add("coreutils/tee", isolab.sim.userland.coreutils.Small::tee, "/usr/bin/tee");
        r.add("coreutils/basename", isolab.sim.userland.coreutils.Small::basename, "/usr/bin/basename");
        r.add("coreutils/dirname", isolab.sim.userland.coreutils.Small::dirname, "/usr/bin/dirname");
        r.add("coreutils/printenv", isolab.sim.userland.coreutils.Small::printenv, "/usr/bin/printenv");
        r.add("util-linux/rev", isolab.sim.userland.coreutils.Small::rev, "/usr/bin/rev");
        r.add("coreutils/date", isolab.sim.userland.coreutils.Small::date, "/usr/bin/date");
        r.add("coreutils/stat", isolab.sim.userland.coreutils.StatChroot::stat, "/usr/bin/stat");
        r.add("coreutils/chroot", isolab.sim.userland.coreutils.StatChroot::chroot, "/usr/sbin/chroot");
        r.add("util-linux/mount", isolab.sim.userland.utillinux.Mount::mount, "/usr/bin/mount");
        r.add("util-linux/umount", isolab.sim.userland.utillinux.Umount::main, "/usr/bin/umount");
        r.add("util-linux/nsenter", isolab.sim.userland.utillinux.Nsenter::main, "/usr/bin/nsenter");
        r.add("util-linux/ipcs", isolab.sim.userland.utillinux.Ipcs::main, "/usr/bin/ipcs");
        r.add("util-linux/ipcmk", isolab.sim.userland.utillinux.Ipcs::ipcmk, "/usr/bin/ipcmk");
        r.add("util-linux/ipcrm", isolab.sim.userland.utillinux.Ipcs::ipcrm, "/usr/bin/ipcrm");
        r.add("iproute2/ip", isolab.sim.userland.iproute2.Ip::main, "/usr/sbin/ip", "/usr/bin/ip");
        r.add("net-tools/ifconfig", isolab.sim.userland.nettools.Ifconfig::main, "/usr/sbin/ifconfig");
        r.add("iputils/ping", isolab.sim.userland.iputils.Ping::main, "/usr/bin/ping");
        r.add("net-tools/route", isolab.sim.userland.nettools.Route::main, "/usr/sbin/route");
        r.add("iproute2/bridge", isolab.sim.userland.iproute2.Bridge::main, "/usr/sbin/bridge");
        r.add("procps/sysctl", isolab.sim.userland.procps.Sysctl::main, "/usr/sbin/sysctl");
        r.add("util-linux/findmnt", isolab.sim.userland.utillinux.Findmnt::main, "/usr/bin/findmnt");
        r.add("coreutils/cp", isolab.sim.userland.coreutils.Cp::cp, "/usr/bin/cp");
        r.add("coreutils/mv", isolab.sim.userland.coreutils.Cp::mv, "/usr/bin/mv");
        r.add("coreutils/chmod", isolab.sim.userland.coreutils.Chmod::main, "/usr/bin/chmod");
        r.add("busybox/busybox", isolab.sim.userland.busybox.Busybox::main, "/usr/bin/busybox");
        r.add("util-linux/pivot_root", isolab.sim.userland.utillinux.PivotRoot::main, "/usr/sbin/pivot_root");
        r.add("util-linux/lsns", isolab.sim.userland.utillinux.Lsns::main, "/usr/bin/lsns");
        r.add("util-linux/setpriv", isolab.sim.userland.utillinux.Setpriv::main, "/usr/bin/setpriv");
        r.add("coreutils/chown", isolab.sim.userland.coreutils.Chown::main, "/usr/bin/chown");
        r.add("coreutils/printf", isolab.sim.userland.coreutils.Printf::main, "/usr/bin/printf");
        r.add("procps/uptime", isolab.sim.userland.procps.Uptime::main, "/usr/bin/uptime");
    }
}
