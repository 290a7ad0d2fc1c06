package isolab.sim.process;

import isolab.api.ProcessEvent;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Path;
import isolab.sim.fs.RegularFile;
import isolab.sim.kernel.Kernel;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Program execution (fs/exec.c: do_execve): find the file, recognise its format - the model's ELF
 * stand-in {@code \177ELF isolab:<id>} or a {@code #!} script (fs/binfmt_script.c) - and past the
 * point of no return replace the task's program: close close-on-exec files, reset caught signals
 * to their defaults, set comm and argv. The new image then runs; execve never returns.
 */
public final class Exec {

    /** The magic that starts every executable the model runs as a built-in program. */
    public static final String ELF_MAGIC = "\177ELF isolab:";

    /** BINPRM_MAX_RECURSION: how many interpreters deep a script may go. */
    private static final int MAX_RECURSION = 4;

    /** TASK_COMM_LEN - 1: the longest comm. */
    public static final int COMM_MAX = 15;

    private Exec() {
    }

    /** What the format handlers found: the image to run and the argv it gets. */
    private record Loaded(Image image, List<String> argv) {
    }

    /**
     * Replaces {@code task}'s program with the one at {@code file}; does not return. {@code
     * filename} is the path as given, used for comm and for scripts.
     */
    public static void execve(Kernel kernel, Task task, Path file, String filename, List<String> argv,
            List<String> envp) {
        Loaded loaded = load(kernel, task, file, filename, argv, 0);
        task.files.closeOnExec();
        task.caughtSignals = 0;
        task.cred = task.cred.afterExec();
        // fs/exec.c: begin_new_exec -> exec_task_namespaces: a process that unshared a time
        // namespace enters it at execve.
        if (task.nsproxy.time() != task.nsproxy.timeForChildren()) {
            task.nsproxy = new isolab.sim.namespace.NsProxy(task.nsproxy.uts(), task.nsproxy.ipc(), task.nsproxy.mnt(),
                    task.nsproxy.pidForChildren(), task.nsproxy.net(), task.nsproxy.timeForChildren(),
                    task.nsproxy.timeForChildren(), task.nsproxy.cgroup());
        }
        if (task.nsproxy.time() instanceof isolab.sim.namespace.TimeNamespace tn) {
            tn.markEntered();
        }
        kernel.memory().execMm(task);     // fs/exec.c: exec_mmap: the old address space goes
        task.comm = comm(filename);
        task.argv = List.copyOf(loaded.argv());
        task.environ = List.copyOf(envp);
        kernel.emit(new ProcessEvent.Execed(task.pid(), task.comm, task.argv));
        int status;
        try {
            status = loaded.image().run(task, task.argv, task.environ);
        } catch (RuntimeException bug) {
            // A program let an error escape: it must never return into the image it replaced.
            // A C program would crash; the model records the bug and ends the task with SIGSEGV.
            kernel.reportBug(task, bug);
            throw new TaskExit(Signal.SIGSEGV);
        }
        throw new TaskExit((status & 0xff) << 8);
    }

    /** The comm for a program run as {@code filename}: its last component, cut to 15 characters. */
    public static String comm(String filename) {
        String base = filename.substring(filename.lastIndexOf('/') + 1);
        return base.length() > COMM_MAX ? base.substring(0, COMM_MAX) : base;
    }

    private static Loaded load(Kernel kernel, Task task, Path file, String filename, List<String> argv, int depth) {
        Inode inode = file.inode();
        if (inode.isDirectory() || !(inode instanceof RegularFile regular)) {
            throw new SysException(Errno.EACCES);
        }
        if ((inode.mode() & 0111) == 0) {
            throw new SysException(Errno.EACCES);
        }
        String head = new String(regular.content(), 0, (int) Math.min(regular.size(), 256), StandardCharsets.ISO_8859_1);
        if (head.startsWith(ELF_MAGIC)) {
            String id = head.substring(ELF_MAGIC.length()).split("\n", 2)[0].trim();
            Image image = kernel.binaryLoader().load(id);
            if (image == null) {
                throw new SysException(Errno.ENOEXEC);
            }
            return new Loaded(image, argv);
        }
        if (head.startsWith("#!")) {
            if (depth >= MAX_RECURSION) {
                throw new SysException(Errno.ELOOP);
            }
            String line = head.substring(2).split("\n", 2)[0].trim();
            if (line.isEmpty()) {
                throw new SysException(Errno.ENOEXEC);
            }
            String[] parts = line.split("[ \t]+", 2);
            List<String> newArgv = new ArrayList<>();
            newArgv.add(parts[0]);
            if (parts.length > 1) {
                newArgv.add(parts[1]);
            }
            newArgv.add(filename);
            if (argv.size() > 1) {
                newArgv.addAll(argv.subList(1, argv.size()));
            }
            Path interpreter = kernel.lookup(task, parts[0], true);
            return load(kernel, task, interpreter, parts[0], newArgv, depth + 1);
        }
        throw new SysException(Errno.ENOEXEC);
    }
}
