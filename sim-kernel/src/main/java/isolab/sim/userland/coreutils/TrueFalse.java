package isolab.sim.userland.coreutils;

import isolab.sim.userland.Proc;

/** /usr/bin/true and /usr/bin/false (coreutils): exit 0 and exit 1. */
public final class TrueFalse {

    private TrueFalse() {
    }

    public static int yes(Proc p) {
        return 0;
    }

    public static int no(Proc p) {
        return 1;
    }
}
