package isolab.sim.syscall;

import isolab.api.NamespaceEvent;
import isolab.api.NamespaceType;
import isolab.sim.determinism.Clock;
import isolab.sim.fs.Attr;
import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.InodeFile;
import isolab.sim.fs.KernfsDirectory;
import isolab.sim.fs.Mount;
import isolab.sim.fs.Namei;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.fs.RegularFile;
import isolab.sim.fs.Rendered;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Symlink;
import isolab.sim.fs.Tmpfs;
import isolab.sim.fs.cgroupfs.CgroupFs;
import isolab.sim.fs.mount.CloneTree;
import isolab.sim.fs.mount.FileSystems;
import isolab.sim.fs.mount.Graft;
import isolab.sim.fs.mount.MountPoints;
import isolab.sim.fs.mount.PivotRoot;
import isolab.sim.fs.mount.Propagation;
import isolab.sim.fs.mount.Umount;
import isolab.sim.fs.overlay.OverlayFs;
import isolab.sim.fs.pipe.Pipe;
import isolab.sim.fs.proc.NsfsInode;
import isolab.sim.kernel.Kernel;
import isolab.sim.kernel.Uts;
import isolab.sim.namespace.IpcNamespace;
import isolab.sim.namespace.MntNamespace;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.NetNamespace;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.namespace.TimeNamespace;
import isolab.sim.namespace.UserNamespace;
import isolab.sim.net.Icmp;
import isolab.sim.net.IfAddr;
import isolab.sim.net.Inet4;
import isolab.sim.net.Neighbours;
import isolab.sim.net.NetDevice;
import isolab.sim.net.NetStack;
import isolab.sim.net.NetlinkError;
import isolab.sim.net.Rtnl;
import isolab.sim.net.RtnlDump;
import isolab.sim.process.Credentials;
import isolab.sim.process.Exec;
import isolab.sim.process.Fork;
import isolab.sim.process.Prctl;
import isolab.sim.process.SetId;
import isolab.sim.process.Signal;
import isolab.sim.process.Signals;
import isolab.sim.process.Task;
import isolab.sim.process.TaskExit;
import isolab.sim.process.Wait;
import isolab.sim.tty.Tty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The system call boundary for one task: argument checks and errnos, then a call into the
 * mechanism that holds the semantics (process, namespace, fs). Programs see the machine only
 * through this class. Every call is a scheduling step and a point where pending signals act.
 */
public final class Syscalls {

    /** mount(2) flags (include/uapi/linux/mount.h). */
    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_REMOUNT = 32,
            MS_NOATIME = 1024, MS_BIND = 4096, MS_MOVE = 8192, MS_REC = 16384, MS_UNBINDABLE = 1 << 17,
            MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20, MS_RELATIME = 1 << 21,
            MS_STRICTATIME = 1 << 24;

    /** umount2(2) flags. */
    public static final int MNT_FORCE = 1, MNT_DETACH = 2;

    /** access(2) modes. */
    public static final int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;

    private final Kernel kernel;
    private final Task task;

    public Syscalls(Kernel kernel, Task task) {
        this.kernel = kernel;
        this.task = task;
    }

    private void enter() {
        kernel.scheduler().step();
        task.checkSignals();
    }

    /** The calling task; for the userland's runtime (libc), not for programs' logic. */
    public Task task() {
        return task;
    }

    // ---- processes -------------------------------------------------------------------------

    public int getpid() {
        enter();
        return task.pidIn(task.pidNs());
    }

    public int getppid() {
        enter();
        Task parent = task.parent();
        return parent == null ? 0 : parent.pidIn(task.pidNs());
    }

    /** getuid(2): the real uid as the caller's user namespace shows it (65534 if unmapped). */
    public int getuid() {
        return (int) task.cred().userNs().shown(task.cred().uid(), true);
    }

    public int geteuid() {
        return (int) task.cred().userNs().shown(task.cred().euid(), true);
    }

    public int getgid() {
        return (int) task.cred().userNs().shown(task.cred().gid(), false);
    }

    public int getegid() {
        return (int) task.cred().userNs().shown(task.cred().egid(), false);
    }

    /** The supplementary groups (getgroups(2)), as the caller's user namespace shows them. */
    public List<Integer> getgroups() {
        List<Integer> shown = new ArrayList<>();
        for (int g : task.cred().groups()) {
            shown.add((int) task.cred().userNs().shown(g, false));
        }
        return shown;
    }

    // ---- credentials (kernel/sys.c, kernel/groups.c, kernel/capability.c) ---------------------

    /** setresuid(2): ids as the caller's user namespace numbers them, -1 unchanged. */
    public void setresuid(int ruid, int euid, int suid) {
        enter();
        SetId.setresuid(task, ruid, euid, suid);
    }

    /** setresgid(2). */
    public void setresgid(int rgid, int egid, int sgid) {
        enter();
        SetId.setresgid(task, rgid, egid, sgid);
    }

    /** setuid(2). */
    public void setuid(int uid) {
        enter();
        SetId.setuid(task, uid);
    }

    /** setgid(2). */
    public void setgid(int gid) {
        enter();
        SetId.setgid(task, gid);
    }

    /** setgroups(2). */
    public void setgroups(List<Integer> gids) {
        enter();
        SetId.setgroups(task, gids);
    }

    /** capget(2): {inheritable, permitted, effective, bounding} of the caller. */
    public long[] capget() {
        enter();
        Credentials c = task.cred();
        return new long[] {c.capInheritable(), c.capPermitted(), c.capEffective(), c.capBounding()};
    }

    /** capset(2) for the caller. */
    public void capset(long inheritable, long permitted, long effective) {
        enter();
        SetId.capset(task, inheritable, permitted, effective);
    }

    /** prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap). */
    public void prctlAmbientRaise(int cap) {
        enter();
        SetId.ambientRaise(task, cap);
    }

    /** prctl(PR_SET_KEEPCAPS, keep). */
    public void prctlKeepCaps(boolean keep) {
        enter();
        SetId.keepCaps(task, keep);
    }

    /** fork(2): the child runs {@code child} with its own syscalls and exits with what it returns. */
    public int fork(ToIntFunction<Syscalls> child) {
        return clone(0, child);
    }

    /** clone(2) with CLONE_NEW* flags: the child starts in new namespaces. */
    public int clone(int cloneFlags, ToIntFunction<Syscalls> child) {
        enter();
        checkNamespaceFlags(cloneFlags);
        Task created = Fork.clone(kernel, task, cloneFlags, t -> child.applyAsInt(new Syscalls(kernel, t)));
        return created.pidIn(task.pidNs());
    }

    /** execve(2): does not return on success. */
    public void execve(String filename, List<String> argv, List<String> envp) {
        enter();
        Path file = kernel.lookup(task, filename, true);
        if (file.inode().isDirectory()) {
            throw new SysException(Errno.EACCES);
        }
        if (file.mnt().options().contains("noexec")) {
            throw new SysException(Errno.EACCES);
        }
        String resolved = resolvedPath(filename);
        String previousExe = task.exe();
        task.setExe(resolved);
        try {
            Exec.execve(kernel, task, file, filename, argv, envp);
        } catch (SysException failed) {
            task.setExe(previousExe);
            throw failed;
        }
    }

    /**
     * The path of the file {@code filename} names, symlinks followed and the directory made
     * absolute, as /proc/PID/exe shows it (d_path: {@code /bin/sh} is {@code /usr/bin/dash}).
     */
    private String resolvedPath(String filename) {
        String path = filename;
        for (int hops = 0; hops < 40; hops++) {
            Path at = kernel.lookup(task, path, false);
            if (!(at.inode() instanceof Symlink link) || link.follow(null) != null) {
                break;
            }
            String target = link.target(task);
            int slash = path.lastIndexOf('/');
            path = target.startsWith("/") || slash < 0 ? target : path.substring(0, slash + 1) + target;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        String dirPath = Namei.pathOf(kernel.context(task), kernel.lookup(task, dir, true));
        if (dirPath == null) {
            return filename;
        }
        return (dirPath.equals("/") ? "" : dirPath) + "/" + path.substring(slash + 1);
    }

    /** _exit(2): does not return. */
    public void exit(int status) {
        throw new TaskExit((status & 0xff) << 8);
    }

    /** wait4(2): {@code pid} -1 for any child. */
    public Wait.Reaped wait4(int pid, int options) {
        enter();
        return Wait.wait4(kernel, task, pid, options);
    }

    /** Sleeps until a child exits or is handed to the caller (how an init waits while it has no children). */
    public void waitForChildren() {
        enter();
        task.sleepOnChildren();
    }

    /** kill(2). */
    public void kill(int pid, int sig) {
        enter();
        Signals.kill(kernel, task, pid, sig);
        task.checkSignals();
    }

    /** The signal dispositions a program can choose (sigaction(2)). */
    public enum Disposition { DEFAULT, IGNORE, CATCH }

    /** sigaction(2), reduced to the disposition. SIGKILL and SIGSTOP cannot be changed (EINVAL). */
    public void sigaction(int sig, Disposition disposition) {
        if (!Signal.valid(sig) || sig == Signal.SIGKILL || sig == Signal.SIGSTOP) {
            throw new SysException(Errno.EINVAL);
        }
        task.setDisposition(sig, disposition == Disposition.IGNORE, disposition == Disposition.CATCH);
    }

    /** Takes the pending caught signals (what the handlers would have run for), as a mask. */
    public long takeSignals() {
        return task.takeCaughtSignals();
    }

    /** Whether a caught signal is pending. */
    public boolean signalPending() {
        return task.caughtSignalPending();
    }

    /** nanosleep(2) for {@code ticks} virtual milliseconds; EINTR if a caught signal comes first. */
    public void nanosleep(long ticks) {
        enter();
        task.sleepUntil(kernel.clock().nowTicks() + Math.max(0, ticks));
    }

    /** sched_yield(2): every other runnable task runs before the caller continues. */
    public void schedYield() {
        enter();
        kernel.scheduler().yieldNow();
        task.checkSignals();
    }

    /** A scheduling point for programs that compute without calling the kernel (a shell loop). */
    public void step() {
        enter();
    }

    /** clock_gettime(CLOCK_MONOTONIC), in ticks (milliseconds) since boot. */
    public long monotonicTicks() {
        return kernel.clock().nowTicks();
    }

    /** clock_gettime(CLOCK_REALTIME), in milliseconds since the epoch. */
    public long realtimeMillis() {
        return Clock.BOOT_EPOCH_SECONDS * 1000 + kernel.clock().nowTicks();
    }

    public int getpgrp() {
        return pidOfGlobal(task.pgid());
    }

    public int getsid() {
        return pidOfGlobal(task.sid());
    }

    private int pidOfGlobal(int globalPid) {
        Task t = kernel.pids().byPid(globalPid);
        return t == null ? 0 : t.pidIn(task.pidNs());
    }

    /** setpgid(2): {@code pid} 0 is the caller, {@code pgid} 0 makes it a group leader. */
    public void setpgid(int pid, int pgid) {
        enter();
        Task target = pid == 0 ? task : kernel.pids().find(task.pidNs(), pid);
        if (target == null || (target != task && target.parent() != task)) {
            throw new SysException(Errno.ESRCH);
        }
        if (target.sid() == target.pid() && target.pid() != task.pid() || target.sid() != task.sid()) {
            throw new SysException(Errno.EPERM);
        }
        int group = pgid == 0 ? target.pid() : globalOf(pgid);
        target.setPgid(group);
    }

    private int globalOf(int nr) {
        Task t = kernel.pids().find(task.pidNs(), nr);
        if (t == null) {
            throw new SysException(Errno.EPERM);
        }
        return t.pid();
    }

    /** setsid(2): a new session without a controlling terminal. */
    public int setsid() {
        enter();
        if (task.pgid() == task.pid()) {
            throw new SysException(Errno.EPERM);
        }
        task.setSid(task.pid());
        task.setPgid(task.pid());
        task.setTty(null);
        return getpid();
    }

    // ---- terminals -------------------------------------------------------------------------

    /** isatty(3): whether {@code fd} is a terminal (ioctl TCGETS). */
    public boolean isatty(int fd) {
        return task.files().isOpen(fd) && task.files().get(fd).isTty();
    }

    /** tcgetpgrp(3): the foreground group of the terminal on {@code fd}, in the caller's namespace. */
    public int tcgetpgrp(int fd) {
        Tty tty = ttyOf(fd);
        return pidOfGlobal(tty.foregroundPgrp());
    }

    /** tcsetpgrp(3): makes {@code pgrp} the terminal's foreground group; ESRCH if it is not visible. */
    public void tcsetpgrp(int fd, int pgrp) {
        enter();
        Tty tty = ttyOf(fd);
        Task leader = kernel.pids().find(task.pidNs(), pgrp);
        if (leader == null) {
            throw new SysException(Errno.ESRCH);
        }
        tty.setForegroundPgrp(leader.pgid() == leader.pid() ? leader.pid() : leader.pgid());
    }

    /** The terminal on {@code fd}; ENOTTY if it is not one. */
    private Tty ttyOf(int fd) {
        OpenFile file = task.files().get(fd);
        if (!(file instanceof Tty.TtyFile tf)) {
            throw new SysException(Errno.ENOTTY);
        }
        return tf.tty();
    }

    /**
     * ioctl(TIOCSCTTY): makes the terminal on {@code fd} the controlling terminal of the caller,
     * a session leader without one, and its process group the foreground one.
     */
    public void setControllingTty(int fd) {
        enter();
        Tty tty = ttyOf(fd);
        if (task.sid() != task.pid() || task.tty() != null) {
            throw new SysException(Errno.EPERM);
        }
        task.setTty(tty);
        tty.setSession(task.pid());
        tty.setForegroundPgrp(task.pgid());
    }

    /** The name of the terminal on {@code fd} (ttyname(3)), e.g. {@code /dev/pts/0}. */
    public String ttyname(int fd) {
        return "/dev/" + ttyOf(fd).name();
    }

    /**
     * Tells the terminal driver the caller is about to read its next command line from its
     * terminal, and what {@code $?} is now (what a prompt protocol would read back).
     */
    public void promptStatus(int status, boolean newCommand) {
        task.setPromptStatus(status);
        task.setReadingCommand(newCommand);
    }

    /** The caller stopped reading its next command line. */
    public void promptDone() {
        task.setReadingCommand(false);
    }

    // ---- files -----------------------------------------------------------------------------

    /** open(2). */
    public int open(String path, int flags, int mode) {
        enter();
        OpenFile file = openFile(path, flags, mode);
        if (file.name() == null) {
            file.setName(displayName(path));
        }
        return task.files().install(file, 0, (flags & OpenFile.O_CLOEXEC) != 0);
    }

    /** The absolute path of {@code path} with its directory resolved, as d_path would show the file. */
    private String displayName(String path) {
        try {
            Namei.Parent parent = Namei.walkParent(kernel.context(task), path);
            String dir = Namei.pathOf(kernel.context(task), parent.dir());
            if (dir == null) {
                return null;
            }
            if (parent.name().equals(".")) {
                return dir;
            }
            return dir.equals("/") ? "/" + parent.name() : dir + "/" + parent.name();
        } catch (SysException e) {
            return null;
        }
    }

    private OpenFile openFile(String path, int flags, int mode) {
        Namei.Context ctx = kernel.context(task);
        int access = flags & OpenFile.O_ACCMODE;
        boolean write = access != OpenFile.O_RDONLY;
        Path p;
        if ((flags & OpenFile.O_CREAT) != 0) {
            Namei.Parent parent = Namei.walkParent(ctx, path);
            Directory dir = parent.dir().directory();
            Inode existing = parent.name().equals("..") || parent.name().equals(".") ? dir : dir.lookup(parent.name(), task);
            if (existing != null) {
                if ((flags & OpenFile.O_EXCL) != 0) {
                    throw new SysException(Errno.EEXIST);
                }
                p = Namei.walk(ctx, path, (flags & OpenFile.O_NOFOLLOW) == 0);
            } else {
                if (path.endsWith("/")) {
                    throw new SysException(Errno.EISDIR);
                }
                checkWritableDir(parent.dir());
                if (!dir.writable()) {
                    throw new SysException(Errno.EACCES);   // fs/namei.c: lookup_open: no ->create (procfs, cgroupfs)
                }
                RegularFile file = new RegularFile(dir.sb(), dir.sb().allocateIno(), mode & ~task.umask() & 07777);
                file.chown(task.cred().fsuid(), task.cred().fsgid());
                file.touch(kernel.clock().nowTicks());
                p = new Path(parent.dir().mnt(), dir.create(parent.name(), file));
            }
        } else {
            p = Namei.walk(ctx, path, (flags & OpenFile.O_NOFOLLOW) == 0);
        }
        Inode inode = p.inode();
        if ((flags & OpenFile.O_DIRECTORY) != 0 && !inode.isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        if (inode instanceof Symlink) {
            throw new SysException(Errno.ELOOP);
        }
        checkPermission(inode, write ? W_OK : R_OK);
        if (inode instanceof Directory) {
            if (write) {
                throw new SysException(Errno.EISDIR);
            }
            return new InodeFile(flags, p);
        }
        if (inode instanceof Rendered rendered) {
            return rendered.open(flags, p, task);
        }
        if (inode instanceof CharDevice dev) {
            return openDevice(dev, flags, p);
        }
        if (inode instanceof RegularFile regular) {
            if (write && p.mnt().readOnly()) {
                throw new SysException(Errno.EROFS);
            }
            regular.open(flags);
            if (write && (flags & OpenFile.O_TRUNC) != 0) {
                regular.truncate(0);
                regular.touch(kernel.clock().nowTicks());
            }
            return new InodeFile(flags, p);
        }
        throw new SysException(Errno.ENXIO);
    }

    private OpenFile openDevice(CharDevice dev, int flags, Path p) {
        if (p.mnt().options().contains("nodev")) {
            throw new SysException(Errno.EACCES);
        }
        if (dev.major() == 5 && dev.minor() == 0) {
            if (task.tty() == null) {
                throw new SysException(Errno.ENXIO);
            }
            return task.tty().open(flags, p);
        }
        return kernel.devices().open(dev, flags, p, task);
    }

    private void checkWritableDir(Path dir) {
        if (dir.mnt().readOnly()) {
            throw new SysException(Errno.EROFS);
        }
        checkPermission(dir.inode(), W_OK | X_OK);
    }

    /** generic_permission: root passes (CAP_DAC_OVERRIDE), except execute needs some x bit. */
    private void checkPermission(Inode inode, int want) {
        Credentials c = task.cred();
        int mode = inode.mode();
        // fs/namei.c: capable_wrt_inode_uidgid: CAP_DAC_OVERRIDE counts only for inodes whose owner
        // and group are mapped in the caller's user namespace.
        boolean mapped = c.userNs().fromKernel(inode.uid(), true) >= 0 && c.userNs().fromKernel(inode.gid(), false) >= 0;
        if (c.capable(Credentials.CAP_DAC_OVERRIDE) && mapped) {
            if ((want & X_OK) != 0 && !inode.isDirectory() && (mode & 0111) == 0) {
                throw new SysException(Errno.EACCES);
            }
            return;
        }
        int bits = c.fsuid() == inode.uid() ? (mode >> 6) & 7 : c.fsgid() == inode.gid() ? (mode >> 3) & 7 : mode & 7;
        if ((bits & want) != want) {
            throw new SysException(Errno.EACCES);
        }
    }

    /** access(2). */
    public void access(String path, int mode) {
        enter();
        Path p = kernel.lookup(task, path, true);
        if ((mode & W_OK) != 0 && p.mnt().readOnly()) {
            throw new SysException(Errno.EROFS);
        }
        checkPermission(p.inode(), mode & 7);
    }

    public void close(int fd) {
        enter();
        task.files().close(fd);
    }

    /** read(2) into {@code buffer}; 0 at end of file. May sleep. */
    public int read(int fd, byte[] buffer, int at, int length) {
        enter();
        OpenFile file = task.files().get(fd);
        if (!file.readable()) {
            throw new SysException(Errno.EBADF);
        }
        return file.read(task, buffer, at, length);
    }

    /** write(2); may sleep. */
    public int write(int fd, byte[] buffer, int at, int length) {
        enter();
        OpenFile file = task.files().get(fd);
        if (!file.writable()) {
            throw new SysException(Errno.EBADF);
        }
        return file.write(task, buffer, at, length);
    }

    /** Writes all of {@code text} in UTF-8. */
    public void write(int fd, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int done = 0;
        while (done < bytes.length) {
            done += write(fd, bytes, done, bytes.length - done);
        }
    }

    /** dup(2). */
    public int dup(int fd) {
        enter();
        return task.files().install(task.files().get(fd).get(), 0, false);
    }

    /** fcntl(F_DUPFD or F_DUPFD_CLOEXEC): the lowest free descriptor not below {@code min}. */
    public int dupAtLeast(int fd, int min, boolean cloexec) {
        enter();
        return task.files().install(task.files().get(fd).get(), min, cloexec);
    }

    /** dup2(2). */
    public int dup2(int oldFd, int newFd) {
        enter();
        return task.files().dup2(oldFd, newFd);
    }

    /** fcntl(F_SETFD, FD_CLOEXEC). */
    public void setCloexec(int fd, boolean cloexec) {
        task.files().setCloexec(fd, cloexec);
    }

    /** Whether {@code fd} is open (fcntl(F_GETFD) succeeds). */
    public boolean isOpen(int fd) {
        return task.files().isOpen(fd);
    }

    /** pipe2(2): {read end, write end}. */
    public int[] pipe(boolean cloexec) {
        enter();
        OpenFile[] ends = Pipe.open(kernel.nextPipeIno(), 0);
        int r = task.files().install(ends[0], 0, cloexec);
        int w;
        try {
            w = task.files().install(ends[1], 0, cloexec);
        } catch (SysException full) {
            task.files().close(r);
            throw full;
        }
        return new int[] {r, w};
    }

    /** stat(2). */
    public Stat stat(String path) {
        enter();
        return statOf(kernel.lookup(task, path, true).inode());
    }

    /** lstat(2). */
    public Stat lstat(String path) {
        enter();
        return statOf(kernel.lookup(task, path, false).inode());
    }

    /** fstat(2). */
    public Stat fstat(int fd) {
        enter();
        OpenFile file = task.files().get(fd);
        if (file.path() == null) {
            return new Stat("0:14", 0, Inode.S_IFIFO | 0600, 1, task.cred().uid(), task.cred().gid(), 0, 0, 0, 0,
                    Clock.BOOT_EPOCH_SECONDS);
        }
        return statOf(file.path().inode());
    }

    private Stat statOf(Inode inode) {
        int major = inode instanceof CharDevice dev ? dev.major() : 0;
        int minor = inode instanceof CharDevice dev ? dev.minor() : 0;
        // procfs reports its links (and files) with size 0.
        boolean proc = inode.sb().fsType().equals("proc");
        long size = inode instanceof Symlink link ? (proc ? (link.size() == 64 ? 64 : 0) : lengthOf(link.target(task)))
                : proc ? 0 : inode.size();
        var userNs = task.cred().userNs();
        return new Stat(inode.device(), inode.ino(), inode.mode(), Math.max(1, inode.nlink()),
                (int) userNs.shown(inode.uid(), true), (int) userNs.shown(inode.gid(), false), major, minor, size,
                proc ? 0 : inode.blocks(), Clock.epochSecondsAt(inode.mtimeTicks()));
    }

    private static long lengthOf(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** readlink(2). */
    public String readlink(String path) {
        enter();
        Inode inode = kernel.lookup(task, path, false).inode();
        if (!(inode instanceof Symlink link)) {
            throw new SysException(Errno.EINVAL);
        }
        String target = link.target(task);
        if (target == null) {
            throw new SysException(Errno.ENOENT);
        }
        return target;
    }

    /** getdents64(2) on a directory descriptor: every entry, {@code .} and {@code ..} first. */
    public List<DirEntry> getdents(int fd) {
        enter();
        OpenFile file = task.files().get(fd);
        if (file.path() == null || !(file.path().inode() instanceof Directory dir)) {
            throw new SysException(Errno.ENOTDIR);
        }
        List<DirEntry> entries = new ArrayList<>();
        entries.add(new DirEntry(dir.ino(), DirEntry.DT_DIR, "."));
        entries.add(new DirEntry(dir.parent().ino(), DirEntry.DT_DIR, ".."));
        for (String name : dir.names(task)) {
            Inode child = dir.lookup(name, task);
            if (child != null) {
                entries.add(new DirEntry(child.ino(), typeOf(child), name));
            }
        }
        return entries;
    }

    private static int typeOf(Inode inode) {
        return switch (inode.mode() & Inode.S_IFMT) {
            case Inode.S_IFDIR -> DirEntry.DT_DIR;
            case Inode.S_IFREG -> DirEntry.DT_REG;
            case Inode.S_IFLNK -> DirEntry.DT_LNK;
            case Inode.S_IFCHR -> DirEntry.DT_CHR;
            case Inode.S_IFIFO -> DirEntry.DT_FIFO;
            default -> DirEntry.DT_UNKNOWN;
        };
    }

    /** mkdir(2). */
    public void mkdir(String path, int mode) {
        enter();
        Namei.Parent parent = Namei.walkParent(kernel.context(task), path);
        Directory dir = parent.dir().directory();
        if (parent.name().equals(".") || parent.name().equals("..") || dir.lookup(parent.name(), task) != null) {
            throw new SysException(Errno.EEXIST);
        }
        checkWritableDir(parent.dir());
        if (dir instanceof KernfsDirectory kernfs) {
            kernfs.mkdir(parent.name(), mode & ~task.umask() & 07777, task);
            return;
        }
        Directory made = new Directory(dir.sb(), dir.sb().allocateIno(), mode & ~task.umask() & 07777, dir);
        made.chown(task.cred().fsuid(), task.cred().fsgid());
        made.touch(kernel.clock().nowTicks());
        dir.create(parent.name(), made);
    }

    /** rmdir(2). */
    public void rmdir(String path) {
        enter();
        Namei.Parent parent = Namei.walkParent(kernel.context(task), path);
        if (parent.name().equals(".")) {
            throw new SysException(Errno.EINVAL);
        }
        if (parent.name().equals("..")) {
            throw new SysException(Errno.ENOTEMPTY);
        }
        Directory dir = parent.dir().directory();
        Inode victim = dir.lookup(parent.name(), task);
        if (victim == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (!(victim instanceof Directory victimDir)) {
            throw new SysException(Errno.ENOTDIR);
        }
        if (task.nsproxy().mnt().mounts().mountedOn(parent.dir().mnt(), victimDir) != null) {
            throw new SysException(Errno.EBUSY);
        }
        if (dir instanceof KernfsDirectory kernfs) {
            checkWritableDir(parent.dir());
            kernfs.rmdir(parent.name(), task);
            return;
        }
        if (!victimDir.isEmpty(task)) {
            throw new SysException(Errno.ENOTEMPTY);
        }
        checkWritableDir(parent.dir());
        dir.unlink(parent.name());
    }

    /** unlink(2). */
    public void unlink(String path) {
        enter();
        Namei.Parent parent = Namei.walkParent(kernel.context(task), path);
        Directory dir = parent.dir().directory();
        Inode victim = dir.lookup(parent.name(), task);
        if (victim == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (victim instanceof Directory) {
            throw new SysException(Errno.EISDIR);
        }
        if (task.nsproxy().mnt().mounts().mountedOn(parent.dir().mnt(), victim) != null) {
            throw new SysException(Errno.EBUSY);
        }
        checkWritableDir(parent.dir());
        dir.unlink(parent.name());
    }

    /** symlink(2): makes {@code linkpath} a link to {@code target}. */
    public void symlink(String target, String linkpath) {
        enter();
        Namei.Parent parent = Namei.walkParent(kernel.context(task), linkpath);
        Directory dir = parent.dir().directory();
        if (dir.lookup(parent.name(), task) != null) {
            throw new SysException(Errno.EEXIST);
        }
        checkWritableDir(parent.dir());
        Symlink link = new Symlink(dir.sb(), dir.sb().allocateIno(), target);
        link.chown(task.cred().fsuid(), task.cred().fsgid());
        link.touch(kernel.clock().nowTicks());
        dir.create(parent.name(), link);
    }

    /**
     * chmod(2): EPERM unless the caller owns the file or has CAP_FOWNER, EROFS on a read-only
     * mount; the file type bits stay.
     */
    public void chmod(String path, int mode) {
        enter();
        Path p = kernel.lookup(task, path, true);
        checkOwner(p);
        p.inode().chmod(mode & 07777);
    }

    /** utimensat(2) with a modification time (epoch seconds): EPERM unless owner or CAP_FOWNER, EROFS on a read-only mount. */
    public void utimes(String path, long epochSeconds) {
        enter();
        Path p = kernel.lookup(task, path, true);
        checkOwner(p);
        p.inode().touch(Clock.ticksAt(epochSeconds));
    }

    private void checkOwner(Path p) {
        if (p.inode().uid() != task.cred().fsuid() && !task.cred().capable(CAP_FOWNER)) {
            throw new SysException(Errno.EPERM);
        }
        if (p.mnt().readOnly()) {
            throw new SysException(Errno.EROFS);
        }
    }

    /** CAP_FOWNER. */
    private static final int CAP_FOWNER = 3;

    /**
     * rename(2) (fs/namei.c: do_renameat2): EXDEV across mounts, EBUSY for a mount point,
     * EINVAL for a directory moved into itself, EISDIR/ENOTDIR when a directory and a
     * non-directory would swap, ENOTEMPTY over a non-empty directory; the filesystem does the rest.
     */
    public void rename(String oldPath, String newPath) {
        enter();
        Namei.Context ctx = kernel.context(task);
        Namei.Parent from = Namei.walkParent(ctx, oldPath);
        Namei.Parent to = Namei.walkParent(ctx, newPath);
        if (from.name().equals(".") || from.name().equals("..") || to.name().equals(".") || to.name().equals("..")) {
            throw new SysException(from.name().equals("..") || to.name().equals("..") ? Errno.EBUSY : Errno.EINVAL);
        }
        Directory fromDir = from.dir().directory();
        Directory toDir = to.dir().directory();
        Inode moving = fromDir.lookup(from.name(), task);
        if (moving == null) {
            throw new SysException(Errno.ENOENT);
        }
        if (from.dir().mnt() != to.dir().mnt()) {
            throw new SysException(Errno.EXDEV);
        }
        Inode existing = toDir.lookup(to.name(), task);
        if (existing == moving) {
            return;
        }
        var mounts = task.nsproxy().mnt().mounts();
        if (mounts.mountedOn(from.dir().mnt(), moving) != null
                || existing != null && mounts.mountedOn(to.dir().mnt(), existing) != null) {
            throw new SysException(Errno.EBUSY);
        }
        if (moving instanceof Directory d && MountPoints.isAncestor(d, toDir)) {
            throw new SysException(Errno.EINVAL);
        }
        if (existing != null) {
            if (moving.isDirectory() && !existing.isDirectory()) {
                throw new SysException(Errno.ENOTDIR);
            }
            if (!moving.isDirectory() && existing.isDirectory()) {
                throw new SysException(Errno.EISDIR);
            }
            if (existing instanceof Directory e && !e.isEmpty(task)) {
                throw new SysException(Errno.ENOTEMPTY);
            }
        }
        checkWritableDir(from.dir());
        checkWritableDir(to.dir());
        fromDir.rename(from.name(), toDir, to.name());
    }

    /** chown(2) ({@code follow}) or lchown(2): ids as the caller's user namespace numbers them, -1 unchanged. */
    public void chown(String path, int uid, int gid, boolean follow) {
        enter();
        Path p = kernel.lookup(task, path, follow);
        if (p.mnt().readOnly()) {
            throw new SysException(Errno.EROFS);
        }
        Attr.chown(task.cred(), p.inode(), uid, gid);
    }

    /** chdir(2). */
    public void chdir(String path) {
        enter();
        Path p = kernel.lookup(task, path, true);
        if (!p.inode().isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        checkPermission(p.inode(), X_OK);
        task.setCwd(p);
    }

    /** getcwd(2). */
    public String getcwd() {
        enter();
        String path = Namei.pathOf(kernel.context(task), task.cwd());
        if (path == null) {
            throw new SysException(Errno.ENOENT);
        }
        return path;
    }

    /** chroot(2). */
    public void chroot(String path) {
        enter();
        if (!task.cred().capable(Credentials.CAP_SYS_CHROOT)) {
            throw new SysException(Errno.EPERM);
        }
        Path p = kernel.lookup(task, path, true);
        if (!p.inode().isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        task.setRoot(p);
    }

    /** umask(2): sets the mask, returns the old one. */
    public int umask(int mask) {
        int old = task.umask();
        task.setUmask(mask);
        return old;
    }

    // ---- namespaces, hostname, mounts ------------------------------------------------------

    /** uname(2). */
    public Utsname uname() {
        enter();
        var uts = task.nsproxy().uts();
        return new Utsname("Linux", uts.nodename(), Kernel.RELEASE, Kernel.VERSION, Kernel.MACHINE, uts.domainname());
    }

    /** sethostname(2). */
    public void sethostname(String name) {
        enter();
        Uts.set(kernel, task, name, false);
    }

    /** setdomainname(2). */
    public void setdomainname(String name) {
        enter();
        Uts.set(kernel, task, name, true);
    }

    private void checkNamespaceFlags(int flags) {
        int known = 0;
        for (NamespaceType type : NamespaceType.values()) {
            known |= type.cloneFlag();
        }
        if ((flags & ~known) != 0) {
            throw new SysException(Errno.EINVAL);
        }
        int others = flags & ~NamespaceType.USER.cloneFlag();
        if (others != 0 && (flags & NamespaceType.USER.cloneFlag()) == 0 && !task.cred().capable(Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
    }

    /**
     * unshare(2) (kernel/fork.c: ksys_unshare): new namespaces for the caller; for PID and time
     * namespaces, only for its future children. CLONE_NEWUSER is not modelled (ENOSYS).
     */
    public void unshare(int flags) {
        enter();
        checkNamespaceFlags(flags);
        int pid = NamespaceType.PID.cloneFlag();
        if ((flags & pid) != 0 && task.nsproxy().pidForChildren() != task.pidNs()) {
            throw new SysException(Errno.EINVAL);
        }
        if ((flags & NamespaceType.USER.cloneFlag()) != 0) {
            task.setCred(task.cred().inNewUserNamespace(kernel.namespaces().newUserNamespace(task)));
        }
        NsProxy ns = kernel.namespaces().copy(task, task.nsproxy(), flags, false);
        task.setNsproxy(ns);
        task.setRoot(kernel.namespaces().translate(task.root()));
        task.setCwd(kernel.namespaces().translate(task.cwd()));
        kernel.namespaces().releaseUnused(kernel);
    }

    /** setns(2) on a descriptor opened on /proc/PID/ns/*; {@code nstype} 0 accepts any kind. */
    public void setns(int fd, int nstype) {
        enter();
        OpenFile file = task.files().get(fd);
        if (file.path() == null || !(file.path().inode() instanceof NsfsInode nsfs)) {
            throw new SysException(Errno.EINVAL);
        }
        Namespace ns = nsfs.namespace();
        if (nstype != 0 && nstype != ns.type().cloneFlag()) {
            throw new SysException(Errno.EINVAL);
        }
        if (ns instanceof UserNamespace user) {
            enterUserNamespace(user);
            return;
        }
        if (!task.cred().capableIn(ns.owner() == null ? task.cred().userNs() : ns.owner(), Credentials.CAP_SYS_ADMIN)
                || !task.cred().capable(Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        switch (ns.type()) {
            case PID -> {
                PidNamespace target = (PidNamespace) ns;
                if (!task.pidNs().isAncestorOf(target)) {
                    throw new SysException(Errno.EINVAL);
                }
                task.setNsproxy(task.nsproxy().with(NamespaceType.PID, target));
            }
            case MNT -> {
                MntNamespace mnt = (MntNamespace) ns;
                task.setNsproxy(task.nsproxy().with(NamespaceType.MNT, mnt));
                Mount root = mnt.mounts().root();
                Path top = new Path(root, root.root());
                task.setRoot(top);
                task.setCwd(top);
            }
            case TIME -> {
                // kernel/time/namespace.c: timens_install sets time_for_children, and setns commits it
                // as the caller's own time namespace at once (timens_commit), fixing its offsets.
                NsProxy n = task.nsproxy().with(NamespaceType.TIME, ns);
                task.setNsproxy(new NsProxy(n.uts(), n.ipc(), n.mnt(), n.pidForChildren(), n.net(), ns, ns, n.cgroup()));
                ((TimeNamespace) ns).markEntered();
            }
            default -> task.setNsproxy(task.nsproxy().with(ns.type(), ns));
        }
        kernel.emit(new NamespaceEvent.Entered(ns.type(), ns.inode(), task.pid()));
        kernel.namespaces().releaseUnused(kernel);
    }

    /**
     * setns into a user namespace (kernel/user_namespace.c: userns_install): not the caller's own
     * (EINVAL), and only with CAP_SYS_ADMIN over it (EPERM); the caller then has every capability
     * there, its ids unchanged (set_cred_user_ns).
     */
    private void enterUserNamespace(UserNamespace ns) {
        if (ns == task.cred().userNs()) {
            throw new SysException(Errno.EINVAL);
        }
        if (!task.cred().capableIn(ns, Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        task.setCred(task.cred().enteringUserNamespace(ns));
        kernel.emit(new NamespaceEvent.Entered(ns.type(), ns.inode(), task.pid()));
        kernel.namespaces().releaseUnused(kernel);
    }

    /**
     * mount(2) (fs/namespace.c: path_mount): a new filesystem instance, a bind mount (MS_BIND,
     * recursive with MS_REC), or a change of propagation type (MS_SHARED, MS_PRIVATE, MS_SLAVE,
     * MS_UNBINDABLE, with MS_REC for the whole subtree), a remount (MS_REMOUNT, with MS_BIND for
     * the mount's flags alone) or a move (MS_MOVE).
     */
    public void mount(String source, String target, String fsType, long flags, String data) {
        enter();
        Path at = kernel.lookup(task, target, true);
        MntNamespace ns = task.nsproxy().mnt();
        if (!task.cred().capableIn(ns.owner(), Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        if ((flags & MS_REMOUNT) != 0) {
            remount(at, flags, data);
            return;
        }
        if ((flags & MS_BIND) != 0) {
            bindMount(source, target, at, (flags & MS_REC) != 0);
            return;
        }
        if ((flags & MS_MOVE) != 0) {
            moveMount(source, target, at);
            return;
        }
        long types = flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE);
        if (types != 0) {
            // fs/namespace.c: do_change_type: one type, on the root of a mount of this namespace.
            if (Long.bitCount(types) != 1 || !at.isMountRoot() || at.mnt().ns() != ns.mounts()) {
                throw new SysException(Errno.EINVAL);
            }
            Propagation.Type type = types == MS_SHARED ? Propagation.Type.SHARED : types == MS_PRIVATE
                    ? Propagation.Type.PRIVATE : types == MS_SLAVE ? Propagation.Type.SLAVE : Propagation.Type.UNBINDABLE;
            Propagation.changeTree(kernel, at.mnt(), type, (flags & MS_REC) != 0);
            return;
        }
        if (fsType == null || fsType.isEmpty()) {
            throw new SysException(Errno.EINVAL);
        }
        FileSystems.Type type = FileSystems.get(fsType);
        SuperBlock sb = type.getTree(new FileSystems.Request(kernel, task, source, flags, data));
        if (at.mnt().ns() != ns.mounts()) {
            throw new SysException(Errno.EINVAL);
        }
        if (at.mnt().sb() == sb && at.isMountRoot()) {
            throw new SysException(Errno.EBUSY);
        }
        if (!(at.inode() instanceof Directory)) {
            throw new SysException(Errno.ENOTDIR);
        }
        // fc->root: a cgroup filesystem is rooted at the caller's cgroup namespace root.
        Directory cgroupRoot = CgroupFs.rootFor(kernel, sb, task);
        Mount mount = new Mount(kernel.nextMountId(), sb, cgroupRoot != null ? cgroupRoot : sb.root(), null, null,
                mountOptions(flags));
        Graft.attach(kernel, mount, at.mnt(), at.inode(), null, null);
    }

    /**
     * fs/namespace.c: do_remount, do_reconfigure_mnt: with MS_BIND only the mount's flags change;
     * otherwise the filesystem instance is reconfigured too (ro or rw, and tmpfs's options).
     * Flags not given keep their value, as libmount passes them on.
     */
    private void remount(Path at, long flags, String data) {
        if (!at.isMountRoot() || at.mnt().ns() != task.nsproxy().mnt().mounts()) {
            throw new SysException(Errno.EINVAL);
        }
        Mount mnt = at.mnt();
        if ((flags & MS_BIND) == 0) {
            SuperBlock sb = mnt.sb();
            if (sb.fsType().equals("tmpfs")) {
                Tmpfs.remount(sb, flags, data);
            } else if (data != null && !data.isEmpty()) {
                throw new SysException(Errno.ENOSYS);
            } else if (sb.owner() instanceof OverlayFs overlay && !overlay.writable()
                    && (flags & MS_RDONLY) == 0) {
                throw new SysException(Errno.EROFS);
            } else {
                sb.setSuperOptions(((flags & MS_RDONLY) != 0 ? "ro" : "rw") + sb.superOptions().substring(2));
            }
        }
        mnt.setOptions(mountOptions(flags | keptFlags(mnt.options(), flags)));
    }

    /** The flags of {@code options} that {@code flags} does not set (libmount merges a remount's options with the mount's). */
    private static long keptFlags(String options, long flags) {
        long kept = 0;
        for (String o : options.split(",")) {
            kept |= switch (o) {
                case "nosuid" -> MS_NOSUID;
                case "nodev" -> MS_NODEV;
                case "noexec" -> MS_NOEXEC;
                case "noatime" -> (flags & MS_STRICTATIME) == 0 ? MS_NOATIME : 0;
                default -> 0;
            };
        }
        return kept;
    }

    /**
     * fs/namespace.c: do_move_mount: the mount at {@code source} (with everything on it) moves to
     * {@code at}: EINVAL unless it is the root of a mount of this namespace other than its root,
     * or if it sits under a shared mount; ELOOP into itself; ENOTDIR between a file and a directory.
     */
    private void moveMount(String source, String target, Path at) {
        Path from = kernel.lookup(task, source, true);
        var table = task.nsproxy().mnt().mounts();
        Mount old = from.mnt();
        if (old.ns() != table || at.mnt().ns() != table || !from.isMountRoot() || old.isRoot()) {
            throw new SysException(Errno.EINVAL);
        }
        if (at.inode().isDirectory() != from.inode().isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        if (old.parent().isShared()) {
            throw new SysException(Errno.EINVAL);
        }
        for (Mount p = at.mnt(); ; p = p.parent()) {
            if (p == old) {
                throw new SysException(Errno.ELOOP);
            }
            if (p.isRoot()) {
                break;
            }
        }
        Directory mpDir = null;
        String mpName = null;
        if (!at.inode().isDirectory() && !at.isMountRoot()) {
            Namei.Parent parent = Namei.walkParent(kernel.context(task), target);
            mpDir = parent.dir().directory();
            mpName = parent.name();
        }
        Graft.move(kernel, old, at.mnt(), at.inode(), mpDir, mpName);
    }

    /** fs/namespace.c: do_loopback: {@code source} (with its submounts if {@code recursive}) mounted again on {@code at}. */
    private void bindMount(String source, String target, Path at, boolean recursive) {
        if (source == null || source.isEmpty()) {
            throw new SysException(Errno.EINVAL);
        }
        Path from = kernel.lookup(task, source, true);
        var table = task.nsproxy().mnt().mounts();
        boolean nsfs = from.inode() instanceof NsfsInode;
        if (at.mnt().ns() != table || from.mnt().ns() != table && !nsfs || from.mnt().unbindable()) {
            throw new SysException(Errno.EINVAL);
        }
        if (at.inode().isDirectory() != from.inode().isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        String rootName = rootNameOf(source, from);
        // A /proc/PID/ns link leads into nsfs's internal mount (fs/nsfs.c: nsfs_mnt, flags "rw").
        Mount old = nsfs ? new Mount(0, from.inode().sb(), from.inode(), rootName, null, null, "rw") : from.mnt();
        Mount copy = recursive
                ? CloneTree.copyTree(kernel, old, from.inode(), rootName, 0, new ArrayList<>())
                : CloneTree.cloneMount(kernel, old, from.inode(), rootName, 0);
        Directory mpDir = null;
        String mpName = null;
        if (!at.inode().isDirectory() && !at.isMountRoot()) {
            Namei.Parent parent = Namei.walkParent(kernel.context(task), target);
            mpDir = parent.dir().directory();
            mpName = parent.name();
        }
        Graft.attach(kernel, copy, at.mnt(), at.inode(), mpDir, mpName);
    }

    /** What mountinfo shows as the root of a bind mount of {@code from}: null for a directory (computed), a path or nsfs name for a file. */
    private String rootNameOf(String source, Path from) {
        if (from.inode() instanceof Directory) {
            return null;
        }
        if (from.inode() instanceof NsfsInode nsfs) {
            return nsfs.namespace().type().procName() + ":[" + nsfs.namespace().inode() + "]";
        }
        if (from.isMountRoot()) {
            return from.mnt().rootPath();
        }
        Namei.Parent parent = Namei.walkParent(kernel.context(task), source);
        Directory dir = parent.dir().directory();
        StringBuilder path = new StringBuilder();
        for (Directory d = dir; d != d.sb().root() && d.parent() != d; d = d.parent()) {
            path.insert(0, "/" + d.name());
        }
        return path + "/" + parent.name();
    }

    private static String mountOptions(long flags) {
        StringBuilder s = new StringBuilder((flags & MS_RDONLY) != 0 ? "ro" : "rw");
        if ((flags & MS_NOSUID) != 0) {
            s.append(",nosuid");
        }
        if ((flags & MS_NODEV) != 0) {
            s.append(",nodev");
        }
        if ((flags & MS_NOEXEC) != 0) {
            s.append(",noexec");
        }
        if ((flags & MS_NOATIME) != 0) {
            s.append(",noatime");
        } else if ((flags & MS_STRICTATIME) == 0) {
            s.append(",relatime");
        }
        return s.toString();
    }

    /**
     * umount2(2) (fs/namespace.c: path_umount, do_umount): EINVAL if {@code target} is not the root
     * of a mount of the caller's namespace, EBUSY if it is in use or has submounts (unless
     * MNT_DETACH) or is the caller's root.
     */
    public void umount(String target, int flags) {
        enter();
        if ((flags & ~(MNT_FORCE | MNT_DETACH)) != 0) {
            throw new SysException(Errno.EINVAL);
        }
        Path at = kernel.lookup(task, target, true);
        MntNamespace ns = task.nsproxy().mnt();
        if (!task.cred().capableIn(ns.owner(), Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        if (!at.isMountRoot() || at.mnt().ns() != ns.mounts()) {
            throw new SysException(Errno.EINVAL);
        }
        if (at.mnt() == task.root().mnt() && (flags & MNT_DETACH) == 0) {
            throw new SysException(Errno.EBUSY);
        }
        Umount.umount(kernel, at.mnt(), (flags & MNT_DETACH) != 0);
    }

    /** pivot_root(2): see {@link PivotRoot}; ENOTDIR unless both are directories. */
    public void pivotRoot(String newRoot, String putOld) {
        enter();
        Path newPath = kernel.lookup(task, newRoot, true);
        Path oldPath = kernel.lookup(task, putOld, true);
        if (!newPath.inode().isDirectory() || !oldPath.inode().isDirectory()) {
            throw new SysException(Errno.ENOTDIR);
        }
        if (!task.cred().capableIn(task.nsproxy().mnt().owner(), Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        PivotRoot.pivot(kernel, task, newPath, oldPath);
    }

    // ---- network ----------------------------------------------------------------------------
    // rtnetlink requests are one call each (what a NETLINK_ROUTE socket carries); ping's socket is
    // reduced to connect (route and source selection) and one echo.

    /** CAP_NET_ADMIN. */
    private static final int CAP_NET_ADMIN = 12;

    private NetStack netStack() {
        return ((NetNamespace) task.nsproxy().net()).stack();
    }

    /** EPERM unless the caller has CAP_NET_ADMIN over its network namespace (rtnetlink_rcv_msg). */
    private NetStack netAdmin() {
        var net = task.nsproxy().net();
        if (!task.cred().capableIn(net.owner(), CAP_NET_ADMIN)) {
            throw new NetlinkError(Errno.EPERM);
        }
        return netStack();
    }

    /** if_nametoindex(3): 0 if the caller's namespace has no such device. */
    public int ifNameToIndex(String name) {
        enter();
        var dev = netStack().device(name);
        return dev == null ? 0 : dev.ifindex();
    }

    /** RTM_GETLINK dump of the caller's network namespace. */
    public List<RtnlDump.Link> rtmGetLinks() {
        enter();
        return RtnlDump.links(netStack());
    }

    /** RTM_GETADDR dump. */
    public List<RtnlDump.Addr> rtmGetAddrs() {
        enter();
        return RtnlDump.addresses(netStack(), kernel.clock().nowTicks());
    }

    /** RTM_GETROUTE dump of the main table. */
    public List<RtnlDump.RouteMsg> rtmGetRoutes() {
        enter();
        return RtnlDump.routes(netStack());
    }

    /** RTM_GETROUTE for one destination (ip_route_output): the route a packet would take; ENETUNREACH without one. */
    public RtnlDump.RouteGet rtmGetRoute(int destination) {
        enter();
        var stack = netStack();
        var out = RtnlDump.routeGet(stack, destination);
        if (out == null) {
            throw new NetlinkError(Errno.ENETUNREACH);
        }
        return out;
    }

    /** RTM_GETNEIGH dump: the ARP cache with the states of now. */
    public List<Neighbours.Shown> rtmGetNeighbours() {
        enter();
        return netStack().neighbours().show(kernel.clock().nowTicks());
    }

    /** RTM_GETROUTE dump of the local table, as {@code ip route show table local} lines. */
    public List<String> rtmGetLocalRoutes() {
        enter();
        return netStack().localTable();
    }

    /**
     * The network namespace a request names: an open nsfs descriptor (IFLA_NET_NS_FD), else a
     * PID in the caller's PID namespace (IFLA_NET_NS_PID); ESRCH for no such process, EINVAL for
     * a descriptor that is not a network namespace.
     */
    private NetStack netnsOf(int fd, int pid) {
        return netnsNamed(fd, pid);
    }

    /** Like {@link #netnsOf}, for a request that puts something there: EPERM without CAP_NET_ADMIN over it (rtnl_link_get_net_capable). */
    private NetStack netnsToChange(int fd, int pid) {
        NetStack target = netnsNamed(fd, pid);
        if (!task.cred().capableIn(target.namespace().owner(), CAP_NET_ADMIN)) {
            throw new NetlinkError(Errno.EPERM);
        }
        return target;
    }

    private NetStack netnsNamed(int fd, int pid) {
        if (fd >= 0) {
            OpenFile file = task.files().get(fd);
            if (file.path() == null || !(file.path().inode() instanceof NsfsInode nsfs)
                    || !(nsfs.namespace() instanceof NetNamespace net)) {
                throw new NetlinkError(Errno.EINVAL);
            }
            return net.stack();
        }
        Task target = kernel.pids().find(task.pidNs(), pid);
        if (target == null || target.nsproxy() == null) {
            throw new NetlinkError(Errno.ESRCH);
        }
        return ((NetNamespace) target.nsproxy().net()).stack();
    }

    /**
     * RTM_NEWLINK creating a device of {@code kind} ({@code veth} or {@code bridge}); a veth's peer
     * goes into the namespace of {@code peerFd}/{@code peerPid} (both negative: the caller's).
     * EOPNOTSUPP (extack "Unknown device type") for other kinds.
     */
    public void rtmNewLink(String kind, String name, String peerName, int peerFd, int peerPid) {
        enter();
        var stack = netAdmin();
        long now = kernel.clock().nowTicks();
        switch (kind) {
            case "veth" -> {
                var peerStack = peerFd >= 0 || peerPid >= 0 ? netnsToChange(peerFd, peerPid) : stack;
                Rtnl.addVeth(stack, name, peerStack, peerName, kernel.netRandom(), kernel::emit);
            }
            case "bridge" -> Rtnl.addBridge(stack, name, kernel.netRandom(), kernel::emit);
            default -> throw new NetlinkError(Errno.EOPNOTSUPP, "Unknown device type");
        }
    }

    /** RTM_DELLINK. */
    public void rtmDelLink(String name) {
        enter();
        var dev = device(netAdmin(), name);
        Rtnl.delete(dev, kernel.clock().nowTicks(), kernel::emit);
    }

    /** The attributes of an RTM_NEWLINK on an existing device; null fields are left alone. */
    public record LinkChange(int nsFd, int nsPid, Integer mtu, String name, String master, Boolean up) {
    }

    /** RTM_NEWLINK changing {@code device}, in do_setlink's order: namespace, MTU, name, master, flags. */
    public void rtmSetLink(String device, LinkChange change) {
        enter();
        var stack = netAdmin();
        var dev = device(stack, device);
        long now = kernel.clock().nowTicks();
        if (change.nsFd() >= 0 || change.nsPid() >= 0) {
            Rtnl.setNamespace(dev, netnsToChange(change.nsFd(), change.nsPid()), now, kernel::emit);
        }
        if (change.mtu() != null) {
            Rtnl.setMtu(dev, change.mtu());
        }
        if (change.name() != null) {
            Rtnl.rename(dev, change.name());
        }
        if (change.master() != null) {
            Rtnl.setMaster(dev, change.master().isEmpty() ? null : device(dev.stack(), change.master()), now);
        }
        if (change.up() != null) {
            Rtnl.setUp(dev, change.up(), now);
        }
    }

    private static NetDevice device(NetStack stack, String name) {
        var dev = stack.device(name);
        if (dev == null) {
            throw new NetlinkError(Errno.ENODEV);
        }
        return dev;
    }

    /** RTM_NEWADDR (IPv4). */
    public void rtmNewAddr(String device, Inet4.Prefix prefix, int broadcast, IfAddr.Scope scope) {
        enter();
        Rtnl.addAddress(device(netAdmin(), device), prefix, broadcast, scope);
    }

    /** RTM_DELADDR (IPv4). */
    public void rtmDelAddr(String device, Inet4.Prefix prefix) {
        enter();
        Rtnl.delAddress(device(netAdmin(), device), prefix);
    }

    /** RTM_NEWROUTE in the main table; {@code gateway} 0 and/or {@code device} null when not given. */
    public void rtmNewRoute(Inet4.Prefix destination, int gateway, String device) {
        enter();
        var stack = netAdmin();
        Rtnl.addRoute(stack, destination, gateway, device == null ? null : device(stack, device));
    }

    /** RTM_DELROUTE in the main table. */
    public void rtmDelRoute(Inet4.Prefix destination, int gateway, String device) {
        enter();
        var stack = netAdmin();
        Rtnl.delRoute(stack, destination, gateway, device == null ? null : device(stack, device));
    }

    /** RTM_GETNSID for the namespace open on {@code fd}: the id the caller's namespace gave it, -1 if none. */
    public int rtmGetNsid(int fd) {
        enter();
        var other = netnsOf(fd, -1);
        return netStack().peerId(other);
    }

    /** Whether {@code fd} is open on the caller's own network namespace (what {@code ip netns identify} compares). */
    public boolean isOwnNetns(int fd) {
        enter();
        return netnsOf(fd, -1) == netStack();
    }

    /**
     * connect(2) of ping's socket to {@code destination}: the source address it would use;
     * ENETUNREACH without a route.
     */
    public int pingConnect(int destination) {
        enter();
        int source = Icmp.source(netStack(), destination);
        if (source == 0) {
            throw new SysException(Errno.ENETUNREACH);
        }
        return source;
    }

    /** Whether {@code destination} is a broadcast address of the caller's namespace (ping refuses those without -b). */
    public boolean isBroadcast(int destination) {
        enter();
        return netStack().isBroadcast(destination);
    }

    /** Sends one ICMP echo request and tells what came of it; the round trip takes no virtual time. */
    public Icmp.Result pingEcho(int source, int destination) {
        enter();
        var outcome = Icmp.echo(netStack(), source, destination, kernel.clock().nowTicks());
        kernel.emit(new isolab.api.NetEvent.Echo(task.nsproxy().net().inode(), Inet4.format(source),
                Inet4.format(destination), switch (outcome.outcome()) {
                    case REPLY -> "answered";
                    case LOST -> "lost";
                    case UNREACHABLE -> (outcome.netUnreachable() ? "network" : "host") + " unreachable, says "
                            + Inet4.format(outcome.errorFrom());
                }));
        return outcome;
    }

    /** A round-trip time for a reply, in microseconds: what a virtual link takes, drawn from the seed. */
    public int rttMicros() {
        return 20 + kernel.netRandom().nextInt(60);
    }

    // ---- System V IPC ----------------------------------------------------------------------

    /** IPC_CREAT and IPC_EXCL of msgget(2), shmget(2), semget(2). */
    public static final int IPC_CREAT = 01000, IPC_EXCL = 02000;

    private IpcNamespace ipcNs() {
        return (IpcNamespace) task.nsproxy().ipc();
    }

    /**
     * msgget/shmget/semget: the id of the object with {@code key}, created when absent and
     * IPC_CREAT is given (key 0, IPC_PRIVATE, always creates); EEXIST with IPC_EXCL, ENOENT without
     * IPC_CREAT, EINVAL for a shared memory size of 0 or a semaphore count outside 1..32000.
     */
    public int ipcGet(IpcNamespace.Kind kind, long key, long size, int flags) {
        enter();
        if (kind == IpcNamespace.Kind.SHM && size <= 0
                || kind == IpcNamespace.Kind.SEM && (size <= 0 || size > 32000)) {
            throw new SysException(Errno.EINVAL);
        }
        var existing = ipcNs().byKey(kind, key);
        if (existing != null) {
            if ((flags & IPC_CREAT) != 0 && (flags & IPC_EXCL) != 0) {
                throw new SysException(Errno.EEXIST);
            }
            return existing.id();
        }
        if (key != 0 && (flags & IPC_CREAT) == 0) {
            throw new SysException(Errno.ENOENT);
        }
        Credentials c = task.cred();
        return ipcNs().create(kind, key, c.euid(), c.egid(), flags & 0777, size,
                new IpcNamespace.Pid(task.pidNs(), task.nsPids()),
                Clock.epochSecondsAt(kernel.clock().nowTicks())).id();
    }

    /** msgctl/shmctl/semctl(IPC_RMID): EINVAL if there is no such id. */
    public void ipcRemove(IpcNamespace.Kind kind, int id) {
        enter();
        if (!ipcNs().remove(kind, id)) {
            throw new SysException(Errno.EINVAL);
        }
    }

    /** The objects of {@code kind} in the caller's IPC namespace as the caller lists them (what ipcs reads). */
    public List<IpcNamespace.Listed> ipcList(IpcNamespace.Kind kind) {
        enter();
        List<IpcNamespace.Listed> shown = new ArrayList<>();
        var userNs = task.cred().userNs();
        for (var o : ipcNs().objects(kind)) {
            // ipc/util.c: sysvipc_proc_show: ids munged into the reader's user namespace, cpid as its PID namespace numbers it.
            shown.add(new IpcNamespace.Listed(o.kind(), o.key(), o.id(),
                    userNs.shown(o.creatorKuid(), true), userNs.shown(o.creatorKgid(), false), o.mode(), o.size(),
                    o.creatorPid().in(task.pidNs()), o.ctimeSeconds()));
        }
        return shown;
    }

    /** Sends SIGPIPE to the caller, as a write to a closed pipe does. */
    public void raiseSignal(int sig) {
        Signals.send(kernel, task, sig, task);
        task.checkSignals();
    }

    // ---- prctl(2) --------------------------------------------------------------------------------

    /** prctl(PR_CAPBSET_DROP, cap). */
    public void prctlCapbsetDrop(int cap) {
        enter();
        Prctl.capbsetDrop(task, cap);
    }

    /** prctl(PR_CAPBSET_READ, cap). */
    public boolean prctlCapbsetRead(int cap) {
        enter();
        return Prctl.capbsetRead(task, cap);
    }

    /** prctl(PR_SET_PDEATHSIG, sig). */
    public void prctlPdeathsig(int sig) {
        enter();
        Prctl.setPdeathsig(task, sig);
    }

    /** prctl(PR_SET_CHILD_SUBREAPER, on). */
    public void prctlChildSubreaper(boolean on) {
        enter();
        Prctl.setChildSubreaper(task, on);
    }

    // ---- ioctl_ns(2) ----------------------------------------------------------------------------

    /**
     * ioctl_ns(2) on the namespace file {@code path} (fs/nsfs.c: ns_ioctl): NS_GET_PARENT when
     * {@code parent} (pid and user namespaces only, EINVAL otherwise) or NS_GET_USERNS (the owner;
     * a user namespace's owner is its parent); EPERM when that namespace is outside the caller's
     * view (kernel/pid_namespace.c: pidns_get_parent, kernel/user_namespace.c: ns_get_owner).
     * Returns its inode.
     */
    public long nsRelated(String path, boolean parent) {
        enter();
        Path file = kernel.lookup(task, path, true);
        if (!(file.inode() instanceof NsfsInode nsfs)) {
            throw new SysException(Errno.ENOTTY);
        }
        Namespace ns = nsfs.namespace();
        if (parent && ns instanceof PidNamespace pid) {
            PidNamespace up = pid.parent();
            if (up == null || !task.pidNs().isAncestorOf(up)) {
                throw new SysException(Errno.EPERM);
            }
            return up.inode();
        }
        if (parent && ns.type() != NamespaceType.USER) {
            throw new SysException(Errno.EINVAL);
        }
        UserNamespace owner = ns instanceof UserNamespace user ? user.parent()
                : ns.owner();
        if (owner == null || !owner.isAncestorOf(task.cred().userNs())) {
            throw new SysException(Errno.EPERM);
        }
        return owner.inode();
    }
}
