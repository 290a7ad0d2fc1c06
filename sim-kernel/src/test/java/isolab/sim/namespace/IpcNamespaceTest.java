package isolab.sim.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.sim.Machine;
import org.junit.jupiter.api.Test;

/** System V IPC per IPC namespace, in util-linux's formats (measured: unshare --ipc sh -c 'ipcmk -Q; ...'). */
class IpcNamespaceTest {

    @Test
    void objects_made_in_one_ipc_namespace_are_invisible_in_another() {
        try (Machine m = new Machine()) {
            assertEquals("Message queue id: 0\n", m.out("ipcmk -Q"));
            String host = m.out("ipcs -q");
            assertTrue(host.matches("\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n"
                    + "0x[0-9a-f]{8} 0          root       644        0            0           \n\n"), host);
            assertEquals("\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n\n",
                    m.out("unshare --ipc ipcs -q"));
        }
    }

    @Test
    void ids_count_from_0_per_kind_and_removal_frees_only_that_object() {
        try (Machine m = new Machine()) {
            m.out("unshare --ipc sh");
            assertEquals("Message queue id: 0\n", m.out("ipcmk -Q"));
            assertEquals("Message queue id: 1\n", m.out("ipcmk -Q"));
            assertEquals("Shared memory id: 0\n", m.out("ipcmk -M 4096"));
            assertEquals("Semaphore id: 0\n", m.out("ipcmk -S 2"));
            m.out("ipcrm -q 0");
            assertEquals("1\n", m.out("ipcs -q | grep -c 0x"));
            var bad = m.run("ipcrm -q 99");
            assertEquals("ipcrm: invalid id (99)\n", bad.output());
            assertEquals(1, bad.status());
        }
    }
}
