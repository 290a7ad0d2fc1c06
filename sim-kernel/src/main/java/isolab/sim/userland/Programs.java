package isolab.sim.userland;

import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Tmpfs;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Exec;
import isolab.sim.process.Image;
import isolab.sim.shell.Shell;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.coreutils.Cat;
import isolab.sim.userland.coreutils.Echo;
import isolab.sim.userland.coreutils.Readlink;
import isolab.sim.userland.coreutils.Sleep;
import isolab.sim.userland.coreutils.TrueFalse;
import isolab.sim.userland.coreutils.Uname;
import isolab.sim.userland.hostname.Hostname;
import isolab.sim.userland.init.Init;
import isolab.sim.userland.procps.Ps;
import isolab.sim.userland.utillinux.Unshare;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installed userland: every program the model runs, by id ({@code coreutils/echo}), and where
 * Debian puts its file ({@code /usr/bin/echo}). {@link #install} writes the executables into the
 * root filesystem and gives the kernel a loader for them, so that exec finds programs the way
 * Linux does: by path, through the file system.
 */
public final class Programs {

    /** A program and the paths it is installed at (the first is the file, the rest symlinks to it). */
    private record Entry(Program program, List<String> paths) {
    }

    private static final Map<String, Entry> PROGRAMS = new LinkedHashMap<>();

    private static void add(String id, Program program, String... paths) {
        PROGRAMS.put(id, new Entry(program, List.of(paths)));
    }

    static {
        add("init/init", Init::main, "/usr/sbin/init");
        add("bash/bash", Shell::bash, "/usr/bin/bash");
        add("dash/dash", Shell::dash, "/usr/bin/dash", "/usr/bin/sh");
        add("coreutils/echo", Echo::main, "/usr/bin/echo");
        add("coreutils/cat", Cat::main, "/usr/bin/cat");
        add("coreutils/true", TrueFalse::yes, "/usr/bin/true");
        add("coreutils/false", TrueFalse::no, "/usr/bin/false");
        add("coreutils/sleep", Sleep::main, "/usr/bin/sleep");
        add("coreutils/readlink", Readlink::main, "/usr/bin/readlink");
        add("coreutils/uname", Uname::main, "/usr/bin/uname");
        add("hostname/hostname", Hostname::main, "/usr/bin/hostname");
        add("hostname/domainname", Hostname::domainname, "/usr/bin/domainname", "/usr/bin/nisdomainname",
                "/usr/bin/ypdomainname");
        add("hostname/dnsdomainname", Hostname::dnsdomainname, "/usr/bin/dnsdomainname");
        add("procps/ps", Ps::main, "/usr/bin/ps");
        add("util-linux/unshare", Unshare::main, "/usr/bin/unshare");
        Extra.register(Programs::add);
    }

    /** Registers more programs; used by {@link Extra} so this table stays readable. */
    interface Registrar {
        void add(String id, Program program, String... paths);
    }

    private Programs() {
    }

    /** Writes every program into {@code kernel}'s root filesystem and installs the loader. */
    public static void install(Kernel kernel) {
        Directory root = (Directory) kernel.rootPath().inode();
        for (Map.Entry<String, Entry> e : PROGRAMS.entrySet()) {
            List<String> paths = e.getValue().paths();
            String first = paths.get(0);
            Directory dir = Tmpfs.mkdirs(root, first.substring(0, first.lastIndexOf('/')), 0755);
            String name = first.substring(first.lastIndexOf('/') + 1);
            if (dir.lookup(name, null) == null) {
                Tmpfs.file(dir, name, 0755, Exec.ELF_MAGIC + e.getKey() + "\n");
            }
            for (String alias : paths.subList(1, paths.size())) {
                Directory aliasDir = Tmpfs.mkdirs(root, alias.substring(0, alias.lastIndexOf('/')), 0755);
                String aliasName = alias.substring(alias.lastIndexOf('/') + 1);
                Inode existing = aliasDir.lookup(aliasName, null);
                if (existing == null) {
                    Tmpfs.symlink(aliasDir, aliasName, name);
                }
            }
        }
        kernel.setBinaryLoader(Programs::load);
    }

    /** The image of program {@code id}, or null. */
    static Image load(String id) {
        Entry entry = PROGRAMS.get(id);
        if (entry == null) {
            return null;
        }
        return (task, argv, envp) -> {
            Proc proc = new Proc(new Syscalls(task.kernel(), task), argv, envp);
            int status = entry.program().main(proc);
            proc.flush();
            return status;
        };
    }

    /** Every installed program's paths, for the fidelity ledger and tests. */
    public static Map<String, List<String>> installed() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        PROGRAMS.forEach((id, e) -> map.put(id, e.paths()));
        return map;
    }
}
