package isolab.sim.userland;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.List;

/** execvp(3): runs a program found on PATH (or by path, if the name has a slash). Returns only on failure. */
public final class Execvp {

    private Execvp() {
    }

    /** Execs {@code argv[0]} with {@code argv}; throws the last relevant error if nothing could be run. */
    public static void execvp(Proc p, List<String> argv) {
        String name = argv.get(0);
        p.flush();
        if (name.contains("/")) {
            p.sys().execve(name, argv, p.envp());
            return;
        }
        String path = p.env().getOrDefault("PATH", "/usr/local/bin:/bin:/usr/bin");
        SysException last = new SysException(Errno.ENOENT);
        boolean denied = false;
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                p.sys().execve(candidate, argv, p.envp());
            } catch (SysException e) {
                if (e.errno() == Errno.EACCES) {
                    denied = true;
                } else if (e.errno() != Errno.ENOENT && e.errno() != Errno.ENOTDIR) {
                    throw e;
                }
                last = e;
            }
        }
        throw denied ? new SysException(Errno.EACCES) : last;
    }
}
