package isolab.sim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.sim.Machine;
import isolab.sim.kernel.Kernel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ptrace read access as /proc/PID/ns needs it (kernel/ptrace.c: __ptrace_may_access). */
class PtraceTest {

    /** Makes the terminal's bash (PID 2) an unprivileged user 1000, as setpriv would. */
    private static void dropToUser1000(Machine m) {
        Kernel kernel = m.host().kernel();
        Task bash = kernel.pids().find(kernel.initialPidNamespace(), 2);
        Credentials root = bash.cred();
        bash.setCred(new Credentials(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, List.of(), 0, 0, 0,
                root.capBounding(), 0, root.userNs()));
    }

    @Test
    void another_user_s_namespace_links_are_eacces() {
        try (Machine m = new Machine()) {
            dropToUser1000(m);
            var r = m.run("readlink -v /proc/1/ns/uts");
            assertEquals("readlink: /proc/1/ns/uts: Permission denied\n", r.output());
            assertEquals(1, r.status());
            assertEquals("nsenter: cannot open /proc/1/ns/uts: Permission denied\n", m.run("nsenter -t 1 -u true").output());
        }
    }

    @Test
    void a_process_of_the_same_user_and_root_may_read_them() {
        try (Machine m = new Machine()) {
            assertEquals(0, m.run("readlink /proc/1/ns/uts").status());
            dropToUser1000(m);
            assertEquals(0, m.run("readlink /proc/$$/ns/uts /proc/self/ns/uts > /dev/null").status());
        }
    }
}
