package isolab.sim.userland.init;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;

/**
 * /sbin/init of the lab machine (docs/MACHINE.md): PID 1 does nothing but reap the children it
 * inherits. It ignores every signal it has no handler for, as the kernel arranges for any init.
 */
public final class Init {

    private Init() {
    }

    public static int main(Proc p) {
        while (true) {
            try {
                p.sys().wait4(-1, 0);
            } catch (SysException e) {
                // ECHILD: nothing to reap until an orphan arrives; sleep on the child-exit queue.
                p.sys().waitForChildren();
            }
        }
    }
}
