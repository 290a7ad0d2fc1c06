package isolab.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The machine of docs/MACHINE.md, looked at from inside the real sandbox. */
class LinuxHostMachineTest {

    private LinuxHost host;
    private Terminal main;

    @BeforeEach
    void boot() {
        host = LinuxHost.start(MachineConfig.defaults());
        main = host.terminal("main");
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private String ok(String line) {
        CommandResult result = main.run(line);
        assertEquals(0, result.status(), () -> "status of `" + line + "`, output: " + result.output());
        return result.output();
    }

    @Test
    void pid_1_is_init_and_the_names_are_machine_md_s() {
        assertEquals("init\n/sbin/init\n", ok("cat /proc/1/comm; tr '\\0' '\\n' < /proc/1/cmdline"));
        assertEquals("isolab\n(none)\nisolab\n", ok("hostname; domainname; uname -n"));
    }

    @Test
    void root_and_init_have_every_capability_but_cap_sys_resource_whatever_the_host_has() {
        // 0x1fffeffffff: CAP_CHECKPOINT_RESTORE (40) and below, without CAP_SYS_RESOURCE (24).
        assertEquals("""
                /proc/1/status:CapPrm:\t000001fffeffffff
                /proc/1/status:CapEff:\t000001fffeffffff
                /proc/1/status:CapBnd:\t000001fffeffffff
                /proc/self/status:CapPrm:\t000001fffeffffff
                /proc/self/status:CapEff:\t000001fffeffffff
                /proc/self/status:CapBnd:\t000001fffeffffff
                """, ok("grep -E 'Cap(Prm|Eff|Bnd)' /proc/1/status /proc/self/status"));
    }

    @Test
    void dev_holds_the_nodes_and_links_of_machine_md_and_nothing_else() {
        assertEquals("""
                c 1,3 null
                c 1,5 zero
                c 1,7 full
                c 1,8 random
                c 1,9 urandom
                c 5,0 tty
                """, ok("for n in null zero full random urandom tty; do stat -c '%F %t,%T %n' /dev/$n; done"
                        + " | sed 's/character special file/c/; s/ \\/dev\\// /'"));
        assertEquals("fd -> /proc/self/fd\nptmx -> pts/ptmx\nstderr -> /proc/self/fd/2\n"
                        + "stdin -> /proc/self/fd/0\nstdout -> /proc/self/fd/1\n",
                ok("cd /dev && for l in *; do if [ -L $l ]; then echo \"$l -> $(readlink $l)\"; fi; done"));
        assertEquals("fd full mqueue null ptmx pts random stderr stdin stdout tty urandom zero\n", ok("echo $(ls /dev)"));
    }

    @Test
    void the_sandbox_s_cgroups_have_machine_md_s_ceilings_and_are_its_root() throws IOException {
        assertEquals("536870912\n512\n", ok("cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max"));
        assertTrue(ok("cat /proc/self/cgroup").lines().filter(l -> !l.startsWith("0::"))
                .allMatch(l -> l.endsWith(":/")), ok("cat /proc/self/cgroup"));
        Path memory = host.cgroups().dirs().stream().filter(d -> d.startsWith("/sys/fs/cgroup/memory")).findFirst()
                .orElseThrow();
        assertEquals("536870912", Files.readString(memory.resolve("memory.limit_in_bytes")).trim());
    }

    @Test
    void the_network_namespace_has_only_lo_and_it_is_down() {
        assertEquals("lo\n", ok("ls /sys/class/net"));
        assertEquals("down\n", ok("cat /sys/class/net/lo/operstate"));
    }

    @Test
    void run_starts_empty_and_a_named_network_namespace_stays_in_the_machine() {
        assertEquals("", ok("ls -A /run"));
        ok("ip netns add isolab-probe-ns");
        assertEquals("isolab-probe-ns\n", ok("ls /run/netns"));
        assertTrue(Files.notExists(Path.of("/run/netns/isolab-probe-ns")));
    }

    @Test
    void bash_reads_the_machine_s_bashrc_which_sets_nothing() {
        assertTrue(ok("cat /etc/bash.bashrc").lines().allMatch(l -> l.startsWith("#")));
        assertEquals("", ok("alias"));
    }

    @Test
    void a_write_to_the_root_lands_in_the_upper_layer_and_never_on_the_host() {
        ok("echo sandboxed > /etc/isolab-probe");
        assertEquals("sandboxed\n", ok("cat /etc/isolab-probe"));
        assertTrue(Files.notExists(Path.of("/etc/isolab-probe")));
    }
}
