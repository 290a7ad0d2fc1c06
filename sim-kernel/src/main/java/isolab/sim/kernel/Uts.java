package isolab.sim.kernel;

import isolab.api.NamespaceEvent;
import isolab.sim.namespace.UtsNamespace;
import isolab.sim.process.Credentials;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/** sethostname(2) and setdomainname(2) (kernel/sys.c): CAP_SYS_ADMIN, at most 64 bytes. */
public final class Uts {

    private Uts() {
    }

    /** Sets the hostname (or the domain name) of {@code task}'s UTS namespace. */
    public static void set(Kernel kernel, Task task, String name, boolean domain) {
        // kernel/sys.c: sethostname: ns_capable(uts_ns->user_ns, CAP_SYS_ADMIN)
        if (!task.cred().capableIn(task.nsproxy().uts().owner(), Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > UtsNamespace.NEW_UTS_LEN) {
            throw new SysException(Errno.EINVAL);
        }
        UtsNamespace uts = task.nsproxy().uts();
        if (domain) {
            uts.setDomainname(name);
            return;
        }
        String before = uts.nodename();
        uts.setNodename(name);
        kernel.emit(new NamespaceEvent.HostnameChanged(uts.inode(), task.pid(), before, name));
    }
}
