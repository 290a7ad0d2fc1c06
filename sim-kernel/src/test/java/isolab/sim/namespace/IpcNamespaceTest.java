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

    @Test
    void ipcs_i_shows_one_object_in_full_and_its_creator_s_pid() {
        // Measured with util-linux 2.38: ipcs -m -i keeps the creator's PID after it exited.
        try (Machine m = new Machine()) {
            m.out("ipcmk -M 4096");
            assertEquals("""

                    Shared memory Segment shmid=0
                    uid=0\tgid=0\tcuid=0\tcgid=0
                    mode=0644\taccess_perms=0644
                    bytes=4096\tlpid=0\tcpid=3\tnattch=0
                    att_time=Not set                   \n\
                    det_time=Not set                   \n\
                    change_time=Mon Jan  6 09:00:00 2025  \n\

                    """, m.out("ipcs -m -i 0"));
            var missing = m.run("ipcs -m -i 5");
            assertEquals("ipcs: id 5 not found\n", missing.output());
            assertEquals(0, missing.status());
            var two = m.run("ipcs -q -m -i 0");
            assertEquals("ipcs: when using an ID, a single resource must be specified\n", two.output());
            assertEquals(1, two.status());
        }
    }

    @Test
    void ipcs_views_of_times_pids_creators_and_usage_have_util_linux_s_columns() {
        try (Machine m = new Machine()) {
            m.out("ipcmk -Q; ipcmk -M 5000; ipcmk -S 3");
            assertEquals("0        root       Not set              Not set              Jan  6 09:00:00     \n",
                    m.out("ipcs -q -t | head -4 | tail -1"));
            assertEquals("0        root        Not set                    Mon Jan  6 09:00:00 2025  \n",
                    m.out("ipcs -s -t | head -4 | tail -1"));
            assertEquals("0        root            0         0\n", m.out("ipcs -q -p | head -4 | tail -1"));
            assertEquals("\n\n", m.out("ipcs -s -p"));
            assertEquals("0          644        root       root       root       root      \n", m.out("ipcs -m -c | head -4 | tail -1"));
            assertEquals("segments allocated 1\npages allocated 2\n", m.out("ipcs -m -u | head -4 | tail -2"));
            assertEquals("allocated semaphores = 3\n", m.out("ipcs -s -u | grep allocated"));
        }
    }
}
