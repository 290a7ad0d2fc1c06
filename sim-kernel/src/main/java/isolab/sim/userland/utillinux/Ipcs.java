package isolab.sim.userland.utillinux;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;

/**
 * /usr/bin/ipcs (util-linux 2.38): the System V IPC objects of the caller's IPC namespace. The
 * model has no way to create any yet (ipcmk is not modelled), so every namespace's tables are
 * empty, and ipcs prints the empty tables exactly as Linux does for a fresh namespace.
 */
public final class Ipcs {

    static final String QUEUES = "\n------ Message Queues --------\n"
            + "key        msqid      owner      perms      used-bytes   messages    \n";
    static final String SHM = "\n------ Shared Memory Segments --------\n"
            + "key        shmid      owner      perms      bytes      nattch     status      \n";
    static final String SEMS = "\n------ Semaphore Arrays --------\n"
            + "key        semid      owner      perms      nsems     \n";

    private Ipcs() {
    }

    public static int main(Proc p) {
        boolean q = false;
        boolean m = false;
        boolean s = false;
        for (String a : p.args()) {
            switch (a) {
                case "-q", "--queues" -> q = true;
                case "-m", "--shmems" -> m = true;
                case "-s", "--semaphores" -> s = true;
                case "-a", "--all" -> {
                    q = true;
                    m = true;
                    s = true;
                }
                default -> {
                    if (a.startsWith("-")) {
                        if (a.matches("-[lutpcib]|--(limits|summary|time|pid|creator|id|bytes|human|numeric-perms)")) {
                            return Usage.notModelled(p, a);
                        }
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                    return Usage.tryHelp(p, "unknown argument: " + a, 1);
                }
            }
        }
        boolean all = !q && !m && !s;
        StringBuilder out = new StringBuilder();
        if (all || q) {
            out.append(QUEUES).append(all ? "" : "\n");
        }
        if (all || m) {
            out.append(SHM).append(all ? "" : "\n");
        }
        if (all || s) {
            out.append(SEMS).append(all ? "" : "\n");
        }
        if (all) {
            out.append('\n');
        }
        p.out(out.toString());
        return 0;
    }
}
