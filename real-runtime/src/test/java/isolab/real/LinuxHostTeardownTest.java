package isolab.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.MachineConfig;
import isolab.real.cgroup.CgroupLayout;
import isolab.real.cgroup.Hierarchy;
import isolab.real.cgroup.SessionCgroups;
import isolab.real.cgroup.SessionName;
import isolab.real.cgroup.Sweeper;
import isolab.real.launch.LaunchMode;
import isolab.real.proc.ProcStat;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nothing of a session outlives it: not after close, not after a failure, not after its JVM dies. */
class LinuxHostTeardownTest {

    private static final List<Hierarchy> HIERARCHIES = CgroupLayout.detect().machineHierarchies();

    /**
     * What a session leaves on the host while it runs, to look for afterwards. A namespace's inode
     * number is reused once it is freed, so a process found in the sandbox's mount namespace
     * afterwards counts only if it started before the sandbox ended (then it would keep it alive).
     */
    private record Traces(List<Path> cgroups, List<Long> processes, long mntNamespace, long tracedAtTicks) {
        static Traces of(LinuxHost host) {
            List<Long> processes = host.cgroups().processes();
            long mnt = inode(Path.of("/proc", Long.toString(host.initHostPid()), "ns", "mnt"));
            return new Traces(host.cgroups().dirs(), processes, mnt, uptimeTicks());
        }

        void assertGone() {
            for (Path cgroup : cgroups) {
                assertFalse(Files.exists(cgroup), cgroup + " is left");
            }
            for (long pid : processes) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is left");
            }
            List<Long> keepers = processesIn(mntNamespace).stream()
                    .filter(pid -> ProcStat.of(pid).map(s -> s.startTicks() <= tracedAtTicks).orElse(false))
                    .toList();
            assertTrue(keepers.isEmpty(), "processes still in the sandbox's mount namespace: " + keepers);
        }
    }

    /** Clock ticks since boot (USER_HZ is 100 on Linux), the unit of a process's start time. */
    private static long uptimeTicks() {
        try {
            return (long) (Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]) * 100) + 1;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"HELPER", "UTIL_LINUX"})
    void close_leaves_no_cgroup_process_or_mount_namespace(LaunchMode mode) {
        LinuxHost host = LinuxHost.start(MachineConfig.defaults(), SandboxOptions.defaults().withLaunch(mode));
        host.terminal("main").run("sleep 1000 & mkdir /sys/fs/cgroup/memory/lab /sys/fs/cgroup/pids/lab");
        host.terminal("main").run("sh -c 'echo $$ > /sys/fs/cgroup/pids/lab/cgroup.procs; exec sleep 1000' &");
        host.terminal("other").run("unshare --pid --fork --mount-proc sleep 1000 &");
        Traces traces = Traces.of(host);
        assertTrue(traces.processes().size() >= 6, traces.processes().toString());
        host.close();
        traces.assertGone();
    }

    @Test
    void a_test_that_fails_midway_leaves_nothing_once_its_host_is_closed() {
        Traces traces = null;
        try (LinuxHost host = LinuxHost.start(MachineConfig.defaults())) {
            host.terminal("main").run("sleep 1000 &");
            traces = Traces.of(host);
            throw new AssertionError("a failure in the middle of a test");
        } catch (AssertionError expected) {
            assertEquals("a failure in the middle of a test", expected.getMessage());
        }
        traces.assertGone();
    }

    @Test
    void a_sandbox_whose_init_was_killed_is_torn_down_on_close() {
        LinuxHost host = LinuxHost.start(MachineConfig.defaults());
        host.terminal("main").run("sleep 1000 &");
        Traces traces = Traces.of(host);
        ProcessHandle.of(host.initHostPid()).orElseThrow().destroyForcibly();
        host.close();
        traces.assertGone();
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"HELPER", "UTIL_LINUX"})
    void a_jvm_that_exits_without_closing_its_host_leaves_nothing(LaunchMode mode) throws Exception {
        Process owner = owner(mode, "return");
        Owned owned = Owned.read(owner);
        assertTrue(owner.waitFor(30, TimeUnit.SECONDS), "the owner JVM did not exit");
        assertGoneSoon(owned);
    }

    @Test
    void when_its_jvm_is_killed_the_c_launcher_tears_the_sandbox_down() throws Exception {
        Process owner = owner(LaunchMode.HELPER, "wait");
        Owned owned = Owned.read(owner);
        owner.destroyForcibly().waitFor();
        assertGoneSoon(owned);
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"HELPER", "UTIL_LINUX"})
    void when_its_jvm_and_launcher_are_killed_the_next_sweep_removes_what_is_left(LaunchMode mode) throws Exception {
        Process owner = owner(mode, "wait");
        Owned owned = Owned.read(owner);
        ProcessHandle.of(owned.launcher()).orElseThrow().destroyForcibly();
        owner.destroyForcibly().waitFor();
        waitUntil(() -> !running(owned.init()));
        List<String> swept = Sweeper.sweep(HIERARCHIES);
        assertTrue(swept.contains(owned.session().toString()) || !owned.cgroups().exists(), swept.toString());
        assertFalse(owned.cgroups().exists());
    }

    @Test
    void the_sweeper_leaves_a_live_owner_s_session_alone_and_removes_it_once_the_owner_is_dead() throws Exception {
        Process stand_in = new ProcessBuilder("sleep", "1000").start();
        Process inmate = null;
        try {
            long start = ProcStat.of(stand_in.pid()).orElseThrow().startTicks();
            SessionCgroups session = new SessionCgroups(new SessionName(stand_in.pid(), start, 1), HIERARCHIES);
            session.create(64L << 20, 16);
            inmate = new ProcessBuilder("sleep", "1000").start();
            Files.writeString(session.dirs().get(0).resolve("cgroup.procs"), Long.toString(inmate.pid()));
            Sweeper.sweep(HIERARCHIES);
            assertTrue(session.exists());
            assertTrue(inmate.isAlive());
            stand_in.destroyForcibly().waitFor();
            assertTrue(Sweeper.sweep(HIERARCHIES).contains(session.name().toString()));
            assertFalse(session.exists());
            assertTrue(inmate.waitFor(5, TimeUnit.SECONDS), "the session's process was not killed");
        } finally {
            stand_in.destroyForcibly();
            if (inmate != null) {
                inmate.destroyForcibly();
            }
        }
    }

    /** The sandbox a child JVM reported. */
    private record Owned(SessionName session, long init, long launcher) {
        SessionCgroups cgroups() {
            return new SessionCgroups(session, HIERARCHIES);
        }

        static Owned read(Process owner) throws IOException {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] words = line.split(" ");
                if (words.length == 6 && words[0].equals("session")) {
                    return new Owned(SessionName.parse(words[1]).orElseThrow(), Long.parseLong(words[3]),
                            Long.parseLong(words[5]));
                }
                seen.add(line);
            }
            throw new AssertionError("the owner JVM said no session: " + seen);
        }
    }

    private static Process owner(LaunchMode mode, String then) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SandboxOwner.class.getName(),
                mode.name(), then).redirectErrorStream(true).start();
    }

    private static void assertGoneSoon(Owned owned) throws InterruptedException {
        waitUntil(() -> !owned.cgroups().exists() && !running(owned.init()) && !running(owned.launcher()));
        assertFalse(owned.cgroups().exists(), "the session's cgroups are left");
        assertFalse(running(owned.init()), "init is left");
        assertFalse(running(owned.launcher()), "the launcher is left");
    }

    /** Whether {@code pid} runs; a zombie (ended, waiting for whoever inherited it to reap it) does not. */
    private static boolean running(long pid) {
        return ProcStat.of(pid).filter(s -> s.state() != 'Z').isPresent();
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 500 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
    }

    static long inode(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return Long.parseLong(target.substring(target.indexOf('[') + 1, target.indexOf(']')));
        } catch (IOException e) {
            return -1;
        }
    }

    static List<Long> processesIn(long mntNamespace) {
        List<Long> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && inode(entry.resolve("ns/mnt")) == mntNamespace) {
                    members.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return members;
    }

    static String classpath() {
        return System.getProperty("java.class.path").replace(File.pathSeparatorChar, '\n');
    }
}
