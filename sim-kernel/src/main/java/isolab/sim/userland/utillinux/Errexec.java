package isolab.sim.userland.utillinux;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Execvp;
import isolab.sim.userland.Proc;
import java.util.List;

/** How util-linux's programs run their command and report that they could not (include/c.h: errexec). */
final class Errexec {

    private Errexec() {
    }

    /**
     * Execs {@code command}; if that fails, prints "failed to execute NAME: reason" and returns
     * EX_EXEC_ENOENT (127) for a missing program, else EX_EXEC_FAILED (126).
     */
    static int execvp(Proc p, List<String> command) {
        try {
            Execvp.execvp(p, command);
        } catch (SysException e) {
            p.error("failed to execute " + command.get(0) + ": " + e.strerror());
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        return 0;
    }
}
