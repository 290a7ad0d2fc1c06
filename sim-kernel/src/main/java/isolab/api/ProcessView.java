package isolab.api;

import java.util.List;

/**
 * One process as {@code /proc/PID} shows it.
 *
 * @param pid the PID in the host's initial PID namespace (on a real host: the sandbox's)
 * @param ppid the parent's PID in the same namespace; 0 for the initial namespace's init
 * @param comm the command name ({@code /proc/PID/comm})
 * @param argv the arguments ({@code /proc/PID/cmdline}); empty for a zombie
 * @param state the state letter of {@code /proc/PID/stat}: R, S, D, T, Z, ...
 * @param uid the real user id, as seen from the host's initial user namespace
 * @param nsPids the PID in each PID namespace the process is visible in, outermost first, as the
 *     {@code NSpid:} line of {@code /proc/PID/status} (starting at the host's initial namespace)
 * @param namespaces the namespaces the process is in
 */
public record ProcessView(
        int pid, int ppid, String comm, List<String> argv, char state, int uid, List<Integer> nsPids,
        NamespaceSet namespaces) {

    public ProcessView {
        argv = List.copyOf(argv);
        nsPids = List.copyOf(nsPids);
    }

    /** The PID the process has in its own (innermost) PID namespace. */
    public int innermostPid() {
        return nsPids.get(nsPids.size() - 1);
    }
}
