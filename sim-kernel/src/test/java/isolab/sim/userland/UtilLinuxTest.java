package isolab.sim.userland;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** mount, umount, nsenter, lsns, stat and chroot, with util-linux's and coreutils' messages (measured). */
class UtilLinuxTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void mount_lists_the_namespace_s_mounts_as_util_linux_does() {
        assertEquals("""
                overlay on / type overlay (rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on)
                proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)
                tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)
                """, m.out("mount | head -3"));
    }

    @Test
    void a_tmpfs_mounted_in_a_new_mount_namespace_is_invisible_outside() {
        m.out("mkdir /tmp/mp");
        assertEquals("tmpfs on /tmp/mp type tmpfs (rw,relatime)\n",
                m.out("unshare --mount sh -c 'mount -t tmpfs tmpfs /tmp/mp && mount | tail -1'"));
        assertEquals("tmpfs on /root type tmpfs (rw,relatime,mode=700)\n", m.out("mount | tail -1"));
    }

    @Test
    void mount_and_umount_failures_exit_32_with_libmount_s_messages() {
        m.out("mkdir /tmp/mp");
        CommandResult bogus = m.run("mount -t bogus x /tmp/mp");
        assertEquals("mount: /tmp/mp: unknown filesystem type 'bogus'.\n"
                + "       dmesg(1) may have more information after failed mount system call.\n", bogus.output());
        assertEquals(32, bogus.status());
        assertEquals("mount: /nonexist: mount point does not exist.\n"
                + "       dmesg(1) may have more information after failed mount system call.\n",
                m.run("mount -t proc proc /nonexist").output());
        assertEquals("umount: /tmp/mp: not mounted.\n", m.run("umount /tmp/mp").output());
        m.out("mount -t tmpfs tmpfs /tmp/mp && mkdir /tmp/mp/sub && mount -t tmpfs t2 /tmp/mp/sub");
        assertEquals("umount: /tmp/mp: target is busy.\n", m.run("umount /tmp/mp").output());
        assertEquals("", m.out("umount -l /tmp/mp"));
    }

    @Test
    void nsenter_joins_the_namespaces_of_a_target_process() {
        m.run("unshare --uts --pid --fork --mount-proc sh -c 'hostname box; sleep 100' &");
        String pid = m.out("ps -e -o pid=,comm= | grep ' sleep$' | tr -d ' a-z'").trim();
        assertEquals("box\n", m.out("nsenter -t " + pid + " -u hostname"));
        assertEquals("    PID COMMAND\n      1 sh\n      3 sleep\n      4 ps\n",
                m.out("nsenter -t " + pid + " -p -m ps -o pid,comm"));
        assertEquals("isolab\n", m.out("hostname"));
    }

    @Test
    void nsenter_reports_a_missing_target() {
        CommandResult r = m.run("nsenter -t 99999 -u true");
        assertEquals("nsenter: cannot open /proc/99999/ns/uts: No such file or directory\n", r.output());
        assertEquals(1, r.status());
    }

    @Test
    void lsns_lists_each_namespace_once_with_its_lowest_pid() {
        String out = m.out("lsns -t uts");
        assertTrue(out.matches("        NS TYPE NPROCS PID USER COMMAND\n\\d{10} uts       3   1 root /sbin/init\n"), out);
    }

    @Test
    void lsns_columns_take_libsmartcols_width_hints() {
        // TYPE's hint is 5: "user" (4, as wide as the header) is padded to it, "pid" (3) is not.
        assertTrue(m.out("lsns -t user").startsWith("        NS TYPE  NPROCS PID USER COMMAND\n"));
        assertTrue(m.out("lsns -t pid").startsWith("        NS TYPE NPROCS PID USER COMMAND\n"));
        assertEquals("PID NPROCS COMMAND\n  1      4 /sbin/init\n", m.out("lsns -t pid -o PID,NPROCS,COMMAND | cat"));
        assertEquals("/proc/1/ns/uts    0\n", m.out("lsns -n -t uts -o PATH,PPID"));
        assertEquals("lsns: unknown column: BOGUS\n", m.run("lsns -o BOGUS").output());
    }

    @Test
    void unshare_kill_child_makes_the_child_die_with_unshare() {
        // measured: kill -9 of unshare --fork --kill-child takes the child along; without it the child is orphaned.
        m.out("unshare --fork --kill-child sleep 100 &");
        m.out("kill -9 $!; sleep 0.1");
        assertEquals("", m.run("ps -C sleep -o pid=").output());
        m.out("unshare --fork sleep 100 &");
        m.out("kill -9 $!; sleep 0.1");
        assertEquals("      1 sleep\n", m.out("ps -C sleep -o ppid=,comm="));
    }

    @Test
    void unshare_root_and_wd_change_directory_before_the_program_starts() {
        assertEquals("/tmp\n/tmp\n", m.out("unshare --wd=/tmp pwd; unshare --root=/ --wd=/tmp pwd"));
        CommandResult r = m.run("unshare -R /nonexist true");
        assertEquals("unshare: cannot change root directory to '/nonexist': No such file or directory\n", r.output());
        assertEquals(1, r.status());
        assertEquals("unshare: cannot chdir to '/nonexist': No such file or directory\n", m.run("unshare -w /nonexist true").output());
        assertEquals("unshare: unknown signal: BOGUS\n", m.run("unshare --kill-child=BOGUS true").output());
    }

    @Test
    void unshare_and_lsns_print_util_linux_s_help() {
        assertTrue(m.out("unshare --help").startsWith("\nUsage:\n unshare [options] [<program> [<argument>...]]\n"));
        assertEquals("lsns from util-linux 2.38.1\n", m.out("lsns -V"));
    }

    @Test
    void stat_prints_the_inode_of_a_namespace_and_file_details() {
        String link = m.out("readlink /proc/self/ns/uts");
        assertEquals(link.replaceAll("\\D", "") + "\n", m.out("stat -L -c %i /proc/self/ns/uts"));
        assertEquals("/etc 60 directory\n/etc/hostname 7 regular file\n", m.out("stat -c '%n %s %F' /etc /etc/hostname"));
        assertEquals("stat: cannot statx '/nonexist': No such file or directory\n", m.run("stat /nonexist").output());
        assertTrue(m.out("stat /etc/hostname").startsWith("  File: /etc/hostname\n  Size: 7         \tBlocks: 8"));
    }

    @Test
    void a_fresh_network_namespace_has_only_lo_and_it_is_down() {
        // measured: unshare --net --ipc sh -c 'ip link; ip addr; ipcs'
        assertEquals("1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n", m.out("unshare --net ip link"));
        assertEquals("", m.out("ifconfig"));
        assertEquals("lo: flags=8<LOOPBACK>  mtu 65536\n", m.out("ifconfig -a | head -1"));
        assertEquals("", m.out("unshare --net sh -c 'ip link add veth0 type veth peer name veth1'"));
        assertEquals("lo:\n", m.out("ip -o link | cut -d' ' -f2"), "the pair died with its namespace");
    }

    @Test
    void bringing_lo_up_gives_it_the_loopback_addresses_in_that_namespace_only() {
        // measured: unshare --net sh -c 'ip link set lo up; ip -br addr; ip link set lo down; ip -br addr'
        assertEquals("lo               UNKNOWN        127.0.0.1/8 ::1/128 \nlo               DOWN           127.0.0.1/8 \n",
                m.out("unshare --net sh -c 'ip link set lo up; ip -br addr; ip link set lo down; ip -br addr'"));
        assertEquals("lo               DOWN           \n", m.out("ip -br addr"));
        assertEquals("Cannot find device \"eth0\"\n", m.run("ip link set eth0 up").output());
        CommandResult denied = m.run("unshare --user ip link set lo up");
        assertEquals("RTNETLINK answers: Operation not permitted\n", denied.output());
        assertEquals(2, denied.status());
    }

    @Test
    void a_fresh_ipc_namespace_has_empty_tables() {
        assertEquals("\n------ Message Queues --------\nkey        msqid      owner      perms      used-bytes   messages    \n\n"
                + "------ Shared Memory Segments --------\nkey        shmid      owner      perms      bytes      nattch     status      \n\n"
                + "------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     \n\n",
                m.out("unshare --ipc ipcs"));
    }

    @Test
    void chroot_reports_a_missing_directory_with_status_125() {
        CommandResult r = m.run("chroot /nonexist true");
        assertEquals("chroot: cannot change root directory to '/nonexist': No such file or directory\n", r.output());
        assertEquals(125, r.status());
    }
}
