package isolab.api.contract;

import isolab.api.Terminal;
import org.junit.jupiter.api.Test;

/**
 * UTS namespaces (hostname, domainname, uname) and IPC namespaces (System V message queues, shared
 * memory and semaphores through ipcmk, ipcs and ipcrm). Observed on Linux in a real sandbox first.
 */
public abstract class UtsIpcContract extends MachineContract {

    private static final String EMPTY_IPCS = """

            ------ Message Queues --------
            key        msqid      owner      perms      used-bytes   messages

            ------ Shared Memory Segments --------
            key        shmid      owner      perms      bytes      nattch     status

            ------ Semaphore Arrays --------
            key        semid      owner      perms      nsems

            """;

    @Test
    void the_machine_s_names_are_isolab_and_none() {
        expect("hostname; domainname; uname -n; uname -s", "isolab\n(none)\nisolab\nLinux\n", 0);
        expect("cat /proc/sys/kernel/hostname /proc/sys/kernel/domainname", "isolab\n(none)\n", 0);
    }

    @Test
    void hostname_sets_the_name_uname_reports() {
        ok("hostname a.b.c");
        expect("hostname; hostname -s; uname -n", "a.b.c\na\na.b.c\n", 0);
    }

    @Test
    void names_set_in_a_new_uts_namespace_stay_in_it() {
        ok("unshare --uts sh");
        expect("hostname inside; domainname dom; uname -n; domainname", "inside\ndom\n", 0);
        Terminal other = host.terminal("other");
        expect(other, "hostname; domainname", "isolab\n(none)\n", 0);
        expect("exit", "", 0);
        expect("hostname; domainname", "isolab\n(none)\n", 0);
    }

    @Test
    void a_new_uts_namespace_starts_with_a_copy_of_the_names() {
        ok("hostname before");
        expect("unshare --uts sh -c 'hostname; hostname after; hostname'; hostname", "before\nafter\nbefore\n", 0);
    }

    @Test
    void a_bad_hostname_is_refused_by_the_program() {
        expect("hostname 'bad name!'", "hostname: the specified hostname is invalid\n", 1);
        expect("hostname", "isolab\n", 0);
    }

    @Test
    void sethostname_without_cap_sys_admin_is_refused() {
        expect("setpriv --reuid=65534 --regid=65534 --clear-groups hostname x",
                "hostname: you must be root to change the host name\n", 1);
    }

    @Test
    void ipcs_on_a_fresh_machine_shows_three_empty_sections() {
        expect("ipcs", EMPTY_IPCS, 0);
    }

    @Test
    void ipcmk_creates_a_queue_a_segment_and_a_semaphore_array_numbered_from_0() {
        expect("ipcmk -Q; ipcmk -M 4096; ipcmk -S 3", """
                Message queue id: 0
                Shared memory id: 0
                Semaphore id: 0
                """, 0);
        expect("ipcs", """

                ------ Message Queues --------
                key        msqid      owner      perms      used-bytes   messages
                0x[0-9a-f]{8} 0          root       644        0            0 (re)

                ------ Shared Memory Segments --------
                key        shmid      owner      perms      bytes      nattch     status
                0x[0-9a-f]{8} 0          root       644        4096       0 (re)

                ------ Semaphore Arrays --------
                key        semid      owner      perms      nsems
                0x[0-9a-f]{8} 0          root       644        3 (re)

                """, 0);
        expect("ipcs -q", """

                ------ Message Queues --------
                key        msqid      owner      perms      used-bytes   messages
                0x[0-9a-f]{8} 0          root       644        0            0 (re)

                """, 0);
        expect("ipcs -m", """

                ------ Shared Memory Segments --------
                key        shmid      owner      perms      bytes      nattch     status
                0x[0-9a-f]{8} 0          root       644        4096       0 (re)

                """, 0);
        expect("ipcs -s", """

                ------ Semaphore Arrays --------
                key        semid      owner      perms      nsems
                0x[0-9a-f]{8} 0          root       644        3 (re)

                """, 0);
    }

    @Test
    void ipcrm_removes_an_object_and_ids_are_not_reused_at_once() {
        ok("ipcmk -Q");
        ok("ipcrm -q 0");
        expect("ipcs -q", """

                ------ Message Queues --------
                key        msqid      owner      perms      used-bytes   messages

                """, 0);
        expect("ipcrm -q 0", "ipcrm: invalid id (0)\n", 1);
        expect("ipcrm -m 99", "ipcrm: invalid id (99)\n", 1);
        expect("ipcmk -Q", "Message queue id: 1\n", 0);
    }

    @Test
    void ipcmk_without_a_resource_or_with_a_bad_option_prints_usage_errors() {
        expect("ipcmk", "ipcmk: bad usage\nTry 'ipcmk --help' for more information.\n", 1);
        expect("ipcmk -X", "ipcmk: invalid option -- 'X'\nTry 'ipcmk --help' for more information.\n", 1);
    }

    @Test
    void a_new_ipc_namespace_has_no_objects_and_its_ids_restart_at_0() {
        ok("ipcmk -Q; ipcmk -Q; ipcmk -M 4096");
        ok("unshare --ipc sh");
        expect("ipcs", EMPTY_IPCS, 0);
        expect("ipcmk -Q", "Message queue id: 0\n", 0);
        expect("exit", "", 0);
        expect("ipcs -q | tail -n +4", """
                0x[0-9a-f]{8} 0          root       644        0            0 (re)
                0x[0-9a-f]{8} 1          root       644        0            0 (re)

                """, 0);
    }

    @Test
    void an_ipc_namespace_s_objects_are_destroyed_with_it() {
        ok("unshare --ipc sh");
        ok("ipcmk -M 4096");
        ok("readlink /proc/self/ns/ipc > /tmp/ns");
        ok("exit");
        expect("ipcs -m | tail -n +4", "\n", 0);
        expect("[ $(cat /tmp/ns) != $(readlink /proc/self/ns/ipc) ]; echo $?", "0\n", 0);
    }
}
