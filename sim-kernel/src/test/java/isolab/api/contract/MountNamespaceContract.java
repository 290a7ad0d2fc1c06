package isolab.api.contract;

import isolab.api.Terminal;
import org.junit.jupiter.api.Test;

/**
 * Mount namespaces: the copy of the mount table, propagation, bind mounts, proc, tmpfs and
 * overlay mounts, umount and its errors, chroot and pivot_root, and the formats of
 * {@code /proc/mounts}, {@code /proc/self/mountinfo} and {@code findmnt}. Observed on Linux first.
 */
public abstract class MountNamespaceContract extends MachineContract {

    private static final String MOUNTS = """
            overlay / overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on 0 0
            proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
            tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0
            devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0
            mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0
            sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
            tmpfs /sys/fs/cgroup tmpfs rw,nosuid,nodev,noexec,relatime,mode=755 0 0
            cgroup /sys/fs/cgroup/cpu cgroup rw,nosuid,nodev,noexec,relatime,cpu 0 0
            cgroup /sys/fs/cgroup/cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpuacct 0 0
            cgroup /sys/fs/cgroup/cpuset cgroup rw,nosuid,nodev,noexec,relatime,cpuset 0 0
            cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,nodev,noexec,relatime,memory 0 0
            cgroup /sys/fs/cgroup/devices cgroup rw,nosuid,nodev,noexec,relatime,devices 0 0
            cgroup /sys/fs/cgroup/freezer cgroup rw,nosuid,nodev,noexec,relatime,freezer 0 0
            cgroup /sys/fs/cgroup/blkio cgroup rw,nosuid,nodev,noexec,relatime,blkio 0 0
            cgroup /sys/fs/cgroup/pids cgroup rw,nosuid,nodev,noexec,relatime,pids 0 0
            tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
            tmpfs /root tmpfs rw,relatime,mode=700 0 0
            """;

    @Test
    void proc_mounts_lists_the_machine_s_mounts_in_order() {
        expect("cat /proc/mounts", MOUNTS, 0);
    }

    @Test
    void the_seeds_count_of_proc_mounts_lines_is_the_machine_s_seventeen() {
        expect("wc -l /proc/mounts", "17 /proc/mounts\n", 0);
        ok("unshare --mount sh");
        expect("mount -t tmpfs t /mnt; wc -l < /proc/mounts", "18\n", 0);
        expect(host.terminal("other"), "wc -l < /proc/mounts", "17\n", 0);
    }

    @Test
    void mountinfo_gives_ids_parents_devices_roots_and_propagation() {
        // fs/proc_namespace.c: show_mountinfo; ids and anonymous devices are the host's.
        expect("cat /proc/self/mountinfo", """
                \\d+ \\d+ 0:\\d+ / / rw,relatime - overlay overlay rw,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on (re)
                \\d+ \\d+ 0:\\d+ / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw (re)
                \\d+ \\d+ 0:\\d+ / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k,mode=755 (re)
                \\d+ \\d+ 0:\\d+ / /dev/pts rw,nosuid,noexec,relatime - devpts devpts rw,gid=5,mode=620,ptmxmode=666 (re)
                \\d+ \\d+ 0:\\d+ / /dev/mqueue rw,nosuid,nodev,noexec,relatime - mqueue mqueue rw (re)
                \\d+ \\d+ 0:\\d+ / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755 (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/cpu rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpu (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/cpuacct rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpuacct (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpuset (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,memory (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/devices rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,devices (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/freezer rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,freezer (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/blkio rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,blkio (re)
                \\d+ \\d+ 0:\\d+ / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,pids (re)
                \\d+ \\d+ 0:\\d+ / /tmp rw,nosuid,nodev - tmpfs tmpfs rw (re)
                \\d+ \\d+ 0:\\d+ / /root rw,relatime - tmpfs tmpfs rw,mode=700 (re)
                """, 0);
    }

    @Test
    void findmnt_list_shows_the_machine_s_mounts_in_the_order_they_were_made() {
        // A tree orders siblings by mount ID (libmount: mnt_table_next_child_fs), and the kernel
        // hands out the lowest free ID (mnt_alloc_id), freed only after an RCU grace period: on a
        // real host a sandbox built while another's mounts are being freed may draw its siblings
        // in another order. The list is in mountinfo order, by the unique, ever-growing mount ID.
        expect("findmnt -l", """
                TARGET                 SOURCE  FSTYPE  OPTIONS
                /                      overlay overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on
                /proc                  proc    proc    rw,nosuid,nodev,noexec,relatime
                /dev                   tmpfs   tmpfs   rw,nosuid,size=65536k,mode=755
                /dev/pts               devpts  devpts  rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666
                /dev/mqueue            mqueue  mqueue  rw,nosuid,nodev,noexec,relatime
                /sys                   sysfs   sysfs   rw,nosuid,nodev,noexec,relatime
                /sys/fs/cgroup         tmpfs   tmpfs   rw,nosuid,nodev,noexec,relatime,mode=755
                /sys/fs/cgroup/cpu     cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,cpu
                /sys/fs/cgroup/cpuacct cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,cpuacct
                /sys/fs/cgroup/cpuset  cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,cpuset
                /sys/fs/cgroup/memory  cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,memory
                /sys/fs/cgroup/devices cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,devices
                /sys/fs/cgroup/freezer cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,freezer
                /sys/fs/cgroup/blkio   cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,blkio
                /sys/fs/cgroup/pids    cgroup  cgroup  rw,nosuid,nodev,noexec,relatime,pids
                /tmp                   tmpfs   tmpfs   rw,nosuid,nodev
                /root                  tmpfs   tmpfs   rw,relatime,mode=700
                """, 0);
    }

    @Test
    void findmnt_draws_the_mount_tree_in_ascii_without_a_locale() {
        ok("mkdir -p /tmp/t && mount -t tmpfs a /tmp/t && mkdir /tmp/t/x /tmp/t/y && mount -t tmpfs b /tmp/t/x"
                + " && mount -t tmpfs c /tmp/t/y && mkdir /tmp/t/x/z && mount -t tmpfs d /tmp/t/x/z");
        expect("findmnt -R -o TARGET,SOURCE,FSTYPE /tmp/t", """
                TARGET         SOURCE FSTYPE
                /tmp/t         a      tmpfs
                |-/tmp/t/x     b      tmpfs
                | `-/tmp/t/x/z d      tmpfs
                `-/tmp/t/y     c      tmpfs
                """, 0);
    }

    @Test
    void every_mount_of_the_machine_is_private() {
        expect("findmnt -o TARGET,PROPAGATION /tmp", """
                TARGET PROPAGATION
                /tmp   private
                """, 0);
        expect("grep -c shared /proc/self/mountinfo", "0\n", 1);
    }

    @Test
    void a_new_mount_namespace_starts_with_a_copy_of_the_mount_table() {
        ok("unshare --mount sh");
        expect("cat /proc/mounts", MOUNTS, 0);
        expect("[ $(readlink /proc/self/ns/mnt) != $(readlink /proc/1/ns/mnt) ]; echo $?", "0\n", 0);
    }

    @Test
    void a_mount_in_a_new_namespace_is_invisible_outside_and_goes_with_it() {
        ok("unshare --mount sh");
        ok("mkdir /tmp/a; mount -t tmpfs inner /tmp/a; echo hi > /tmp/a/f");
        expect("findmnt /tmp/a", """
                TARGET SOURCE FSTYPE OPTIONS
                /tmp/a inner  tmpfs  rw,relatime
                """, 0);
        Terminal other = host.terminal("other");
        expect(other, "findmnt /tmp/a", "", 1);
        expect(other, "ls /tmp/a", "", 0);
        ok("exit");
        expect("ls /tmp/a; grep -c /tmp/a /proc/mounts", "0\n", 1);
    }

    @Test
    void a_bind_mount_shows_the_directory_it_came_from() {
        ok("mkdir /tmp/a /tmp/b; echo hi > /tmp/a/f; mount --bind /tmp/a /tmp/b");
        expect("cat /tmp/b/f", "hi\n", 0);
        expect("findmnt /tmp/b", """
                TARGET SOURCE    FSTYPE OPTIONS
                /tmp/b tmpfs[/a] tmpfs  rw,nosuid,nodev
                """, 0);
        expect("grep /tmp/b /proc/self/mountinfo", "\\d+ \\d+ 0:\\d+ /a /tmp/b rw,nosuid,nodev - tmpfs tmpfs rw (re)\n", 0);
        expect("grep /tmp/b /proc/mounts", "tmpfs /tmp/b tmpfs rw,nosuid,nodev 0 0\n", 0);
    }

    @Test
    void umount_of_something_not_mounted_or_busy_fails_with_status_32() {
        ok("mkdir /tmp/a /tmp/b; mount --bind /tmp/a /tmp/b; umount /tmp/b");
        expect("umount /tmp/b", "umount: /tmp/b: not mounted.\n", 32);
        expect("umount /nonexistent", "umount: /nonexistent: no mount point specified.\n", 32);
        expect("mount -t tmpfs none /tmp/a; cd /tmp/a; umount /tmp/a", "umount: /tmp/a: target is busy.\n", 32);
        expect("cd /; umount /tmp/a; echo $?", "0\n", 0);
        expect("umount", "umount: bad usage\nTry 'umount --help' for more information.\n", 1);
    }

    @Test
    void mount_errors_give_util_linux_s_messages() {
        expect("mount -t tmpfs -o size=1m t /tmp/nodir", """
                mount: /tmp/nodir: mount point does not exist.
                       dmesg(1) may have more information after failed mount system call.
                """, 32);
        expect("mount -t nosuchfs none /tmp", """
                mount: /tmp: special device none does not exist.
                       dmesg(1) may have more information after failed mount system call.
                """, 32);
        expect("mount --bind /nonexistent /tmp", """
                mount: /tmp: special device /nonexistent does not exist.
                       dmesg(1) may have more information after failed mount system call.
                """, 32);
        expect("mount --make-bogus /tmp", "mount: unrecognized option '--make-bogus'\nTry 'mount --help' for more information.\n", 1);
    }

    @Test
    void a_tmpfs_mount_shows_its_size_in_kilobytes() {
        ok("mkdir /tmp/t; mount -t tmpfs -o size=1m t /tmp/t");
        expect("findmnt /tmp/t", """
                TARGET SOURCE FSTYPE OPTIONS
                /tmp/t t      tmpfs  rw,relatime,size=1024k
                """, 0);
    }

    @Test
    void a_proc_mounted_elsewhere_shows_the_same_processes() {
        ok("mkdir /tmp/p; mount -t proc proc /tmp/p");
        expect("cat /tmp/p/1/comm /tmp/p/2/comm", "init\nbash\n", 0);
        expect("grep /tmp/p /proc/mounts", "proc /tmp/p proc rw,relatime 0 0\n", 0);
    }

    @Test
    void an_overlay_mount_copies_a_lower_file_up_when_it_is_written() {
        ok("mkdir -p /tmp/o/l /tmp/o/u /tmp/o/w /tmp/o/m; echo low > /tmp/o/l/f");
        ok("mount -t overlay overlay -o lowerdir=/tmp/o/l,upperdir=/tmp/o/u,workdir=/tmp/o/w /tmp/o/m");
        expect("findmnt /tmp/o/m", """
                TARGET   SOURCE  FSTYPE  OPTIONS
                /tmp/o/m overlay overlay rw,relatime,lowerdir=/tmp/o/l,upperdir=/tmp/o/u,workdir=/tmp/o/w,uuid=on
                """, 0);
        expect("ls /tmp/o/u; cat /tmp/o/m/f", "low\n", 0);
        expect("echo new > /tmp/o/m/f; cat /tmp/o/l/f /tmp/o/u/f /tmp/o/m/f", "low\nnew\nnew\n", 0);
        expect("umount /tmp/o/m; ls /tmp/o/m", "", 0);
        expect("mount -t overlay overlay -o lowerdir=/tmp/nope,upperdir=/tmp/o/u,workdir=/tmp/o/w /tmp/o/m", """
                mount: /tmp/o/m: special device overlay does not exist.
                       dmesg(1) may have more information after failed mount system call.
                """, 32);
    }

    @Test
    void unshare_makes_every_mount_of_the_new_namespace_private_by_default() {
        ok("mkdir /tmp/s /tmp/s2; mount -t tmpfs src /tmp/s; mount --make-shared /tmp/s");
        expect("findmnt -o TARGET,PROPAGATION /tmp/s", "TARGET PROPAGATION\n/tmp/s shared\n", 0);
        expect("grep /tmp/s /proc/self/mountinfo",
                "\\d+ \\d+ 0:\\d+ / /tmp/s rw,relatime shared:\\d+ - tmpfs src rw (re)\n", 0);
        ok("unshare --mount sh");
        expect("findmnt -o TARGET,PROPAGATION /tmp/s", "TARGET PROPAGATION\n/tmp/s private\n", 0);
        ok("mount -t tmpfs inner /tmp/s2");
        expect(host.terminal("other"), "findmnt /tmp/s2", "", 1);
    }

    @Test
    void a_mount_under_a_shared_mount_propagates_to_its_peers_in_both_directions() {
        ok("mkdir /tmp/s; mount -t tmpfs src /tmp/s; mount --make-shared /tmp/s; mkdir /tmp/s/a /tmp/s/b");
        ok("unshare --mount --propagation unchanged sh");
        expect("findmnt -o TARGET,PROPAGATION /tmp/s", "TARGET PROPAGATION\n/tmp/s shared\n", 0);
        ok("mount -t tmpfs frominside /tmp/s/a");
        Terminal other = host.terminal("other");
        expect(other, "findmnt -o TARGET,SOURCE,PROPAGATION /tmp/s/a", """
                TARGET   SOURCE     PROPAGATION
                /tmp/s/a frominside shared
                """, 0);
        ok(other, "mount -t tmpfs fromoutside /tmp/s/b");
        expect("findmnt -o TARGET,SOURCE /tmp/s/b", "TARGET   SOURCE\n/tmp/s/b fromoutside\n", 0);
    }

    @Test
    void unshare_propagation_shared_makes_every_mount_a_peer_of_its_copy() {
        ok("mkdir /tmp/a; unshare --mount --propagation shared sh");
        expect("findmnt -o TARGET,PROPAGATION /tmp", "TARGET PROPAGATION\n/tmp   shared\n", 0);
        expect("findmnt -o TARGET,PROPAGATION /", "TARGET PROPAGATION\n/      shared\n", 0);
        ok("mount -t tmpfs frominside /tmp/a");
        // The machine's copies were private: nothing propagates back out.
        expect(host.terminal("other"), "findmnt /tmp/a", "", 1);
    }

    @Test
    void a_slave_mount_receives_from_its_master_but_does_not_send() {
        ok("mkdir /tmp/s; mount -t tmpfs src /tmp/s; mount --make-shared /tmp/s; mkdir /tmp/s/a /tmp/s/b");
        ok("unshare --mount --propagation slave sh");
        // findmnt says "private" for every mount that is not shared, then adds ",slave".
        expect("findmnt -o TARGET,PROPAGATION /tmp/s", "TARGET PROPAGATION\n/tmp/s private,slave\n", 0);
        expect("grep /tmp/s /proc/self/mountinfo",
                "\\d+ \\d+ 0:\\d+ / /tmp/s rw,relatime master:\\d+ - tmpfs src rw (re)\n", 0);
        ok("mount -t tmpfs frominside /tmp/s/a");
        Terminal other = host.terminal("other");
        expect(other, "findmnt /tmp/s/a", "", 1);
        ok(other, "mount -t tmpfs fromoutside /tmp/s/b");
        expect("findmnt -o TARGET,SOURCE,PROPAGATION /tmp/s/b", """
                TARGET   SOURCE      PROPAGATION
                /tmp/s/b fromoutside private,slave
                """, 0);
    }

    @Test
    void an_unbindable_mount_cannot_be_bind_mounted() {
        ok("mkdir /tmp/s /tmp/u; mount -t tmpfs src /tmp/s; mount --make-unbindable /tmp/s");
        expect("findmnt -o TARGET,PROPAGATION /tmp/s", "TARGET PROPAGATION\n/tmp/s private,unbindable\n", 0);
        expect("grep /tmp/s /proc/self/mountinfo",
                "\\d+ \\d+ 0:\\d+ / /tmp/s rw,relatime unbindable - tmpfs src rw (re)\n", 0);
        expect("mount --bind /tmp/s /tmp/u", """
                mount: /tmp/u: wrong fs type, bad option, bad superblock on /tmp/s, missing codepage or helper program, or other error.
                       dmesg(1) may have more information after failed mount system call.
                """, 32);
    }

    @Test
    void make_rshared_changes_a_whole_subtree() {
        ok("mkdir /tmp/s; mount -t tmpfs src /tmp/s; mkdir /tmp/s/x; mount -t tmpfs sub /tmp/s/x");
        ok("mount --make-rshared /tmp/s");
        expect("findmnt -R -o TARGET,PROPAGATION /tmp/s", """
                TARGET     PROPAGATION
                /tmp/s     shared
                `-/tmp/s/x shared
                """, 0);
        ok("mount --make-private /tmp/s");
        expect("findmnt -R -o TARGET,PROPAGATION /tmp/s", """
                TARGET     PROPAGATION
                /tmp/s     private
                `-/tmp/s/x shared
                """, 0);
    }

    @Test
    void chroot_runs_a_program_with_another_root_directory() {
        ok("mkdir -p /tmp/r/bin; cp /bin/busybox /tmp/r/bin/sh; echo inside > /tmp/r/marker");
        // A static busybox as the chroot's only program: its shell's builtins read the new root.
        expect("chroot /tmp/r /bin/sh -c 'echo /*; read x < /marker; echo $x; cd ..; pwd'", "/bin /marker\ninside\n/\n", 0);
        expect("chroot /nonexistent sh", "chroot: cannot change root directory to '/nonexistent': No such file or directory\n", 125);
        expect("mkdir /tmp/empty; chroot /tmp/empty sh", "chroot: failed to run command 'sh': No such file or directory\n", 127);
    }

    @Test
    void pivot_root_makes_a_mount_the_root_and_puts_the_old_root_under_it() {
        ok("mkdir /tmp/nr");
        ok("unshare --mount sh");
        ok("mount --bind / /tmp/nr; mkdir -p /tmp/nr/mnt/old");
        expect("pivot_root /tmp/nr /tmp/nr/mnt/old; echo $?", "0\n", 0);
        expect("cat /proc/mounts", "cat: /proc/mounts: No such file or directory\n", 1);
        ok("mount -t proc proc /proc");
        expect("head -3 /proc/mounts; tail -2 /proc/mounts", """
                overlay /mnt/old overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on 0 0
                proc /mnt/old/proc proc rw,nosuid,nodev,noexec,relatime 0 0
                tmpfs /mnt/old/dev tmpfs rw,nosuid,size=65536k,mode=755 0 0
                overlay / overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on 0 0
                proc /proc proc rw,relatime 0 0
                """, 0);
        ok("umount -l /mnt/old");
        expect("cat /proc/mounts", """
                overlay / overlay rw,relatime,lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work,uuid=on 0 0
                proc /proc proc rw,relatime 0 0
                """, 0);
        expect("pivot_root /tmp /mnt", "pivot_root: failed to change root from `/tmp' to `/mnt': Device or resource busy\n", 1);
    }
}
