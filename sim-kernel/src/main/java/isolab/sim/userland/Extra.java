package isolab.sim.userland;

import isolab.sim.userland.coreutils.HeadTail;
import isolab.sim.userland.coreutils.Ls;
import isolab.sim.userland.coreutils.Simple;
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
        r.add("coreutils/cut", Text::cut, "/usr/bin/cut");
        r.add("coreutils/tr", Text::tr, "/usr/bin/tr");
        r.add("coreutils/sort", Text::sort, "/usr/bin/sort");
        r.add("procps/kill", Kill::main, "/usr/bin/kill");
    }
}
