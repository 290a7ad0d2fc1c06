/*
 * isolab-launcher: starts one isolab session sandbox and serves as its init.
 *
 * Two processes, one binary. The launcher (in the host's namespaces) creates the session's
 * cgroups, enters them, unshares the PID namespace and forks the sandbox's PID 1, which re-executes
 * this binary as /sbin/init. Init unshares mount, uts, ipc, net and cgroup namespaces (the cgroup
 * namespace rooted at the session's cgroups, entered before), builds the machine of
 * docs/MACHINE.md (an overlay root over the host's root, /proc, /dev, devpts, mqueue, sysfs, the
 * cgroup mounts, /tmp, /root), pivot_roots into it, names the machine, and then serves as init: it
 * reaps every child and multiplexes terminals for the JVM over a framed protocol on its stdin and
 * stdout. When init exits the kernel kills every process of the namespace
 * (kernel/pid_namespace.c: zap_pid_ns_processes); the launcher, which stayed in the host's mount
 * namespace, then leaves the session's cgroups and removes them.
 *
 * Frames, both ways: type (1 byte), channel (u32 big-endian), length (u32 big-endian), payload.
 *   JVM -> init:  'O' open a terminal: NUL-separated rows, cols, session, cwd, path, argc, argv...,
 *                     env...; session "init": the pty becomes init's controlling terminal and the
 *                     program joins init's session; "own": the program leads a session of its own
 *                 'I' input bytes for a terminal      'C' close a terminal (hang up its pty)
 *                 'N' ask for the hostname           'Q' quit (tear the sandbox down)
 *   init -> JVM:  'H' hello, from the launcher: init's PID in the host's PID namespace
 *                 'R' ready: the machine is built     'E' error: one line a person can act on
 *                 'o' opened: "PID PTS"               'd' output bytes of a terminal
 *                 'x' exited: "exit N" or "signal N"  'n' the hostname
 * End of file on stdin means the JVM is gone: init exits and the sandbox dies with it.
 *
 * Usage: isolab-launcher SESSION MEMORY_LIMIT_BYTES PIDS_MAX HOSTNAME MOUNTPOINT=CONTROLLERS...
 * where each MOUNTPOINT is a host cgroup v1 hierarchy (/sys/fs/cgroup/memory=memory).
 *    or: isolab-launcher --ns-info NSFILE...   (a probe: see ns_info)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <linux/capability.h>
#include <linux/nsfs.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/xattr.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_HIERARCHIES 16
#define MAX_TERMINALS 64
#define MAX_PAYLOAD 65536
#define DRAIN_MS 100 /* how long a dead shell's pty may still deliver output */
#define ROOT "/run/isolab/root"

struct hierarchy {
    char mountpoint[256];  /* on the host: /sys/fs/cgroup/memory */
    char controllers[128]; /* memory, or cpu,cpuacct */
    char original[512];    /* the launcher's own cgroup in it before it entered the session's */
    int created;           /* the launcher made the session's cgroup in it (and so removes it) */
};

static struct hierarchy hier[MAX_HIERARCHIES];
static int nhier;
static const char *session;
static int in_launcher = 1; /* a failing launcher removes the cgroups it made; init does not */

static void remove_session_cgroups(void);

/* ---- frames ---------------------------------------------------------------------------- */

static int write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

/* Sends one frame to the JVM; a JVM that stopped listening ends the sandbox. */
static void send_frame(char type, uint32_t chan, const void *payload, uint32_t len) {
    unsigned char head[9];
    head[0] = (unsigned char)type;
    head[1] = chan >> 24; head[2] = chan >> 16; head[3] = chan >> 8; head[4] = chan;
    head[5] = len >> 24; head[6] = len >> 16; head[7] = len >> 8; head[8] = len;
    if (write_all(1, head, sizeof head) < 0 || (len > 0 && write_all(1, payload, len) < 0)) {
        if (!in_launcher) _exit(0); /* init: the sandbox ends; the launcher goes on to clean up */
    }
}

static void send_text(char type, uint32_t chan, const char *fmt, ...) {
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if (n >= (int)sizeof text) n = sizeof text - 1;
    send_frame(type, chan, text, (uint32_t)n);
}

/* Reports a failed step with errno's text and ends the process. */
static void die(const char *fmt, ...) {
    char what[768];
    int saved = errno;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    send_text('E', 0, "%s: %s", what, strerror(saved));
    if (in_launcher) remove_session_cgroups();
    _exit(1);
}

/* ---- cgroups (launcher) ----------------------------------------------------------------- */

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = write_all(fd, text, strlen(text));
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

static int read_file(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0) return -1;
    buf[n] = '\0';
    return (int)n;
}

static int has_controller(const struct hierarchy *h, const char *name) {
    char copy[128];
    snprintf(copy, sizeof copy, "%s", h->controllers);
    for (char *save, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (strcmp(tok, name) == 0) return 1;
    }
    return 0;
}

/* A new cpuset cgroup starts with no cpus and no mems; it takes its parent's (cpuset.c). -1 on failure. */
static int inherit_cpuset(const char *parent, const char *child) {
    static const char *files[] = {"cpuset.cpus", "cpuset.mems"};
    for (int i = 0; i < 2; i++) {
        char from[600], to[600], value[256];
        snprintf(from, sizeof from, "%s/%s", parent, files[i]);
        snprintf(to, sizeof to, "%s/%s", child, files[i]);
        if (read_file(to, value, sizeof value) < 0) return -1;
        if (strlen(value) > 1) continue;
        if (read_file(from, value, sizeof value) < 0 || write_file(to, value) < 0) return -1;
    }
    return 0;
}

/* Creates MOUNTPOINT/isolab/SESSION; retries when another session removes isolab/ meanwhile. */
static void create_session_cgroup(struct hierarchy *h) {
    char parent[512], own[600];
    snprintf(parent, sizeof parent, "%s/isolab", h->mountpoint);
    snprintf(own, sizeof own, "%s/%s", parent, session);
    int cpuset = has_controller(h, "cpuset");
    for (int attempt = 0;; attempt++) {
        if (mkdir(parent, 0755) < 0 && errno != EEXIST) die("mkdir %s", parent);
        /* Another session removing isolab/ meanwhile shows as ENOENT, or as ENODEV (kernfs) for a
         * directory that is going away. */
        if (cpuset && inherit_cpuset(h->mountpoint, parent) < 0) {
            if ((errno == ENOENT || errno == ENODEV) && attempt < 20) continue;
            die("copy cpuset.cpus and cpuset.mems to %s", parent);
        }
        if (mkdir(own, 0755) == 0) break;
        if ((errno != ENOENT && errno != ENODEV) || attempt == 20) die("mkdir %s", own);
    }
    h->created = 1;
    if (cpuset && inherit_cpuset(parent, own) < 0) die("copy cpuset.cpus and cpuset.mems to %s", own);
}

static void set_limit(const struct hierarchy *h, const char *file, const char *value) {
    char path[700];
    snprintf(path, sizeof path, "%s/isolab/%s/%s", h->mountpoint, session, file);
    if (write_file(path, value) < 0) die("write %s to %s", value, path);
}

/* Remembers which cgroup the launcher is in, per hierarchy, from /proc/self/cgroup. */
static void remember_original_cgroups(void) {
    FILE *f = fopen("/proc/self/cgroup", "re");
    if (!f) die("open /proc/self/cgroup");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *controllers = strchr(line, ':');
        if (!controllers) continue;
        char *path = strchr(++controllers, ':');
        if (!path) continue;
        *path++ = '\0';
        for (int i = 0; i < nhier; i++) {
            if (strcmp(hier[i].controllers, controllers) == 0) {
                snprintf(hier[i].original, sizeof hier[i].original, "%s", path);
            }
        }
    }
    fclose(f);
}

static void enter_cgroup(const char *dir) {
    char path[700], pid[32];
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    snprintf(pid, sizeof pid, "%d", getpid());
    if (write_file(path, pid) < 0) die("write %s to %s", pid, path);
}

/* Kills every process of the cgroup tree at DIR and removes its directories, deepest first. */
static int remove_cgroup_tree(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return errno == ENOENT ? 0 : -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        if (e->d_type != DT_DIR || strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char child[1024];
        snprintf(child, sizeof child, "%s/%s", dir, e->d_name);
        if (remove_cgroup_tree(child) < 0) rc = -1;
    }
    closedir(d);
    char procs[1100], pids[8192];
    snprintf(procs, sizeof procs, "%s/cgroup.procs", dir);
    if (read_file(procs, pids, sizeof pids) > 0) {
        for (char *save, *tok = strtok_r(pids, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
            if (atoi(tok) != getpid()) kill((pid_t)atoi(tok), SIGKILL);
        }
    }
    if (rmdir(dir) < 0 && errno != ENOENT) rc = -1;
    return rc;
}

/* Leaves the session's cgroups and removes them; tasks that are still exiting get 2 s. */
static void remove_session_cgroups(void) {
    for (int i = 0; i < nhier; i++) {
        char path[1100];
        snprintf(path, sizeof path, "%s%s", hier[i].mountpoint, hier[i].original);
        char procs[1200], pid[32];
        snprintf(procs, sizeof procs, "%s/cgroup.procs", path);
        snprintf(pid, sizeof pid, "%d", getpid());
        if (write_file(procs, pid) < 0) {
            snprintf(procs, sizeof procs, "%s/cgroup.procs", hier[i].mountpoint);
            write_file(procs, pid);
        }
    }
    for (int i = 0; i < nhier; i++) {
        char own[700], parent[600];
        snprintf(parent, sizeof parent, "%s/isolab", hier[i].mountpoint);
        snprintf(own, sizeof own, "%s/%s", parent, session);
        for (int attempt = 0; hier[i].created && remove_cgroup_tree(own) < 0 && attempt < 200; attempt++) {
            usleep(10000);
        }
        rmdir(parent); /* fails while another session lives there, as it should */
    }
}

/* ---- the machine (init) ----------------------------------------------------------------- */

static void mount_or_die(const char *source, const char *target, const char *type, unsigned long flags,
                         const char *data) {
    if (mount(source, target, type, flags, data) < 0) die("mount -t %s %s %s", type, source, target);
}

static void mkdir_or_die(const char *path, mode_t mode) {
    if (mkdir(path, mode) < 0 && errno != EEXIST) die("mkdir %s", path);
}

/* The device nodes and links of MACHINE.md's /dev. */
static void populate_dev(void) {
    static const struct { const char *name; int major, minor; } nodes[] = {
        {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0},
    };
    static const struct { const char *name, *target; } links[] = {
        {"ptmx", "pts/ptmx"}, {"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
        {"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"},
    };
    mode_t old = umask(0);
    for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, ROOT "/dev/%s", nodes[i].name);
        if (mknod(path, S_IFCHR | 0666, makedev(nodes[i].major, nodes[i].minor)) < 0) die("mknod %s", path);
    }
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, ROOT "/dev/%s", links[i].name);
        if (symlink(links[i].target, path) < 0) die("ln -s %s %s", links[i].target, path);
    }
    mkdir_or_die(ROOT "/dev/pts", 0755);
    mkdir_or_die(ROOT "/dev/mqueue", 0755);
    umask(old);
}

/*
 * The host's /etc/bash.bashrc (Debian's) sets PS1, which would replace the prompt the JVM's
 * terminals read their exit statuses from; the machine's copy, in the overlay's upper layer,
 * sets nothing.
 */
static void write_bashrc(void) {
    static const char text[] =
        "# System-wide .bashrc file for interactive bash(1) shells on an isolab machine.\n"
        "# isolab's terminals keep the PS1 they were started with (see real-runtime's\n"
        "# package-info), so this file, unlike the host's, sets nothing.\n";
    int fd = open(ROOT "/etc/bash.bashrc", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) die("open " ROOT "/etc/bash.bashrc");
    if (write_all(fd, text, sizeof text - 1) < 0) die("write /etc/bash.bashrc");
    close(fd);
}

/*
 * The machine's /run starts empty, as a container's does: an opaque directory in the upper
 * layer hides the host's /run (its daemons' sockets, and named network namespaces an
 * `ip netns add` on the host left in /run/netns). Documentation/filesystems/overlayfs.rst:
 * "Whiteouts and opaque directories".
 */
static void hide_host_run(void) {
    mkdir_or_die("/run/isolab/upper/run", 0755);
    if (setxattr("/run/isolab/upper/run", "trusted.overlay.opaque", "y", 1, 0) < 0)
        die("setxattr trusted.overlay.opaque /run/isolab/upper/run");
}

/* Builds the mount table of MACHINE.md, in its order, and makes the overlay the root. */
static void build_machine(const char *hostname) {
    const unsigned long hard = MS_NOSUID | MS_NODEV | MS_NOEXEC;
    mount_or_die(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
    /* A tmpfs of this mount namespace only: the overlay's upper layer dies with the sandbox. */
    mount_or_die("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=755");
    mkdir_or_die("/run/isolab", 0755);
    mkdir_or_die("/run/isolab/upper", 0755);
    mkdir_or_die("/run/isolab/work", 0755);
    hide_host_run();
    mkdir_or_die(ROOT, 0755);
    mount_or_die("overlay", ROOT, "overlay", 0,
                 "lowerdir=/,upperdir=/run/isolab/upper,workdir=/run/isolab/work");
    mount_or_die("proc", ROOT "/proc", "proc", hard, NULL);
    mount_or_die("tmpfs", ROOT "/dev", "tmpfs", MS_NOSUID | MS_STRICTATIME, "size=65536k,mode=755");
    populate_dev();
    mount_or_die("devpts", ROOT "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
                 "newinstance,gid=5,mode=620,ptmxmode=666");
    mount_or_die("mqueue", ROOT "/dev/mqueue", "mqueue", hard, NULL);
    mount_or_die("sysfs", ROOT "/sys", "sysfs", hard, NULL);
    mount_or_die("tmpfs", ROOT "/sys/fs/cgroup", "tmpfs", hard, "mode=755");
    for (int i = 0; i < nhier; i++) {
        char target[300];
        snprintf(target, sizeof target, ROOT "/sys/fs/cgroup/%s", hier[i].controllers);
        mkdir_or_die(target, 0755);
        mount_or_die("cgroup", target, "cgroup", hard, hier[i].controllers);
    }
    mount_or_die("tmpfs", ROOT "/tmp", "tmpfs", MS_NOSUID | MS_NODEV | MS_STRICTATIME, NULL);
    mount_or_die("tmpfs", ROOT "/root", "tmpfs", 0, "mode=700");
    write_bashrc();
    /* pivot_root(".", "."): the old root ends up on top of the new one and is detached. */
    if (chdir(ROOT) < 0) die("chdir " ROOT);
    if (syscall(SYS_pivot_root, ".", ".") < 0) die("pivot_root " ROOT);
    if (umount2(".", MNT_DETACH) < 0) die("umount the host's root");
    if (chdir("/") < 0) die("chdir /");
    if (sethostname(hostname, strlen(hostname)) < 0) die("sethostname %s", hostname);
    if (setdomainname("(none)", 6) < 0) die("setdomainname");
}

/*
 * MACHINE.md: the machine's root has every capability but CAP_SYS_RESOURCE, on every host (the
 * development hosts' root lacks it, so a host that has it drops it to present the same machine).
 * Dropped from the bounding set, every program init starts as root lacks it after execve
 * (security/commoncap.c: cap_bprm_creds_from_file); init drops it from its own sets too.
 */
static void drop_cap_sys_resource(void) {
    if (prctl(PR_CAPBSET_DROP, CAP_SYS_RESOURCE, 0, 0, 0) < 0) die("drop CAP_SYS_RESOURCE from the bounding set");
    struct __user_cap_header_struct head = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2];
    if (syscall(SYS_capget, &head, data) < 0) die("capget");
    data[0].effective &= ~(1U << CAP_SYS_RESOURCE);
    data[0].permitted &= ~(1U << CAP_SYS_RESOURCE);
    data[0].inheritable &= ~(1U << CAP_SYS_RESOURCE);
    if (syscall(SYS_capset, &head, data) < 0) die("capset without CAP_SYS_RESOURCE");
}

/* ---- terminals (init) ------------------------------------------------------------------- */

struct terminal {
    int used;
    uint32_t chan;
    int master;     /* -1 once closed */
    int hungup;     /* the slave side is closed by everyone: the master reads EIO */
    pid_t pid;      /* the shell, in the sandbox's PID namespace */
    int dead;       /* the shell has been reaped */
    int status;     /* its wait status */
    long dead_at;   /* when, in ms of CLOCK_MONOTONIC */
    char *pending;  /* input not yet accepted by the pty */
    size_t npending;
};

static struct terminal terms[MAX_TERMINALS];

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static struct terminal *find_terminal(uint32_t chan) {
    for (int i = 0; i < MAX_TERMINALS; i++) {
        if (terms[i].used && terms[i].chan == chan) return &terms[i];
    }
    return NULL;
}

/* Forgets a terminal: closes its pty (hanging up whatever still uses it). */
static void release(struct terminal *t) {
    if (t->master >= 0) close(t->master);
    free(t->pending);
    memset(t, 0, sizeof *t);
}

/* Reports a dead shell's end once its last output has been read. */
static void finish(struct terminal *t) {
    if (WIFSIGNALED(t->status)) {
        send_text('x', t->chan, "signal %d", WTERMSIG(t->status));
    } else {
        send_text('x', t->chan, "exit %d", WEXITSTATUS(t->status));
    }
    release(t);
}

/*
 * The child side of 'O': a session leader with the pty as its controlling terminal or, when init
 * already made the pty its own controlling terminal, a member of init's session on it; then exec.
 */
static void exec_shell(const char *slave, int init_tty, const char *cwd, const char *path, char **argv,
                       char **envp) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
    }
    int fd = init_tty;
    if (fd < 0) {
        setsid();
        fd = open(slave, O_RDWR);
        if (fd < 0) _exit(126);
        ioctl(fd, TIOCSCTTY, 0);
    }
    dup2(fd, 0);
    dup2(fd, 1);
    dup2(fd, 2);
    syscall(SYS_close_range, 3, ~0U, 0);
    if (chdir(cwd) < 0) {
        dprintf(2, "isolab init: chdir %s: %s\r\n", cwd, strerror(errno));
        _exit(126);
    }
    execve(path, argv, envp);
    dprintf(2, "isolab init: exec %s: %s\r\n", path, strerror(errno));
    _exit(127);
}

/*
 * Init takes the pty as its own controlling terminal, as a container's init holds the terminal
 * of `docker run -it`. Returns an open fd of it, or -1 if init could not (it has one already).
 * The session loses the terminal when its last opener closes it (tty_io.c: tty_release), so the
 * fd goes to the program before init closes its own.
 */
static int take_as_controlling_terminal(const char *slave) {
    int fd = open(slave, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    if (ioctl(fd, TIOCSCTTY, 0) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* 'O': opens a pty of the sandbox's devpts and starts a program on it. */
static void open_terminal(uint32_t chan, char *payload, uint32_t len) {
    char *fields[512];
    int n = 0;
    for (uint32_t at = 0; at < len && n < 511; at += strlen(payload + at) + 1) fields[n++] = payload + at;
    /* rows, cols, session ("init" or "own"), cwd, path, argc, argv..., env... */
    if (n < 6 || find_terminal(chan)) {
        send_text('E', chan, "bad open request");
        return;
    }
    int argc = atoi(fields[5]);
    if (argc < 1 || 6 + argc > n) {
        send_text('E', chan, "bad open request");
        return;
    }
    struct terminal *t = NULL;
    for (int i = 0; i < MAX_TERMINALS && !t; i++) {
        if (!terms[i].used) t = &terms[i];
    }
    if (!t) {
        send_text('E', chan, "too many terminals");
        return;
    }
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    char slave[64];
    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || ptsname_r(master, slave, sizeof slave) != 0) {
        send_text('E', chan, "open /dev/ptmx: %s", strerror(errno));
        if (master >= 0) close(master);
        return;
    }
    struct winsize ws = {.ws_row = (unsigned short)atoi(fields[0]), .ws_col = (unsigned short)atoi(fields[1])};
    ioctl(master, TIOCSWINSZ, &ws);
    int init_tty = strcmp(fields[2], "init") == 0 ? take_as_controlling_terminal(slave) : -1;
    char *argv[256], *envp[256];
    int a = 0, e = 0;
    for (int i = 0; i < argc && a < 255; i++) argv[a++] = fields[6 + i];
    for (int i = 6 + argc; i < n && e < 255; i++) envp[e++] = fields[i];
    argv[a] = NULL;
    envp[e] = NULL;
    pid_t pid = fork();
    if (pid < 0) {
        send_text('E', chan, "fork: %s", strerror(errno));
        close(master);
        if (init_tty >= 0) close(init_tty);
        return;
    }
    if (pid == 0) exec_shell(slave, init_tty, fields[3], fields[4], argv, envp);
    if (init_tty >= 0) close(init_tty);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    memset(t, 0, sizeof *t);
    t->used = 1;
    t->chan = chan;
    t->master = master;
    t->pid = pid;
    send_text('o', chan, "%d %s", pid, slave + strlen("/dev/pts/"));
}

/* Writes as much pending input as the pty takes now; the rest waits for POLLOUT. */
static void flush_input(struct terminal *t) {
    while (t->npending > 0 && t->master >= 0) {
        ssize_t w = write(t->master, t->pending, t->npending);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno != EAGAIN) t->npending = 0; /* the pty is gone: drop the input */
            return;
        }
        memmove(t->pending, t->pending + w, t->npending - (size_t)w);
        t->npending -= (size_t)w;
    }
}

static void queue_input(uint32_t chan, const char *payload, uint32_t len) {
    struct terminal *t = find_terminal(chan);
    if (!t || t->dead) return; /* a dead shell's late input goes where a closed window's would */
    char *grown = realloc(t->pending, t->npending + len);
    if (!grown) return;
    memcpy(grown + t->npending, payload, len);
    t->pending = grown;
    t->npending += len;
    flush_input(t);
}

/* Reads what the pty has; EIO means no process holds the slave side any more. */
static void drain_output(struct terminal *t) {
    char buf[4096];
    for (;;) {
        ssize_t r = read(t->master, buf, sizeof buf);
        if (r > 0) {
            send_frame('d', t->chan, buf, (uint32_t)r);
            continue;
        }
        if (r < 0 && errno == EINTR) continue;
        if (r == 0 || (r < 0 && errno != EAGAIN)) t->hungup = 1;
        return;
    }
}

/* Reaps every child that has exited: terminal shells and reparented orphans alike. */
static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (int i = 0; i < MAX_TERMINALS; i++) {
            struct terminal *t = &terms[i];
            if (t->used && !t->dead && t->pid == pid) {
                t->dead = 1;
                t->status = status;
                t->dead_at = now_ms();
            }
        }
    }
}

static void handle_request(char type, uint32_t chan, char *payload, uint32_t len) {
    switch (type) {
    case 'O': open_terminal(chan, payload, len); break;
    case 'I': queue_input(chan, payload, len); break;
    case 'C': {
        struct terminal *t = find_terminal(chan);
        if (t) {
            if (!t->dead) {
                kill(-t->pid, SIGHUP); /* as a hangup would; the shell itself goes even if it ignores that */
                kill(t->pid, SIGKILL);
            }
            release(t);
        }
        break;
    }
    case 'N': {
        struct utsname u;
        uname(&u);
        send_text('n', chan, "%s", u.nodename);
        break;
    }
    case 'Q': _exit(0);
    default: send_text('E', chan, "unknown request '%c'", type);
    }
}

/* Init's loop: requests from the JVM, output of the ptys, children to reap. */
static void serve(int sigfd) {
    static char payload[MAX_PAYLOAD + 1];
    for (;;) {
        struct pollfd fds[2 + MAX_TERMINALS];
        struct terminal *owner[2 + MAX_TERMINALS];
        int nfds = 0, timeout = -1;
        long now = now_ms();
        fds[nfds].fd = 0; fds[nfds].events = POLLIN; owner[nfds++] = NULL;
        fds[nfds].fd = sigfd; fds[nfds].events = POLLIN; owner[nfds++] = NULL;
        for (int i = 0; i < MAX_TERMINALS; i++) {
            struct terminal *t = &terms[i];
            if (!t->used) continue;
            if (t->dead && (t->hungup || now - t->dead_at >= DRAIN_MS)) {
                if (!t->hungup) drain_output(t);
                finish(t);
                continue;
            }
            if (t->dead) {
                int left = (int)(DRAIN_MS - (now - t->dead_at));
                if (timeout < 0 || left < timeout) timeout = left;
            }
            if (t->hungup) continue;
            fds[nfds].fd = t->master;
            fds[nfds].events = POLLIN | (t->npending ? POLLOUT : 0);
            owner[nfds++] = t;
        }
        if (poll(fds, (nfds_t)nfds, timeout) < 0) {
            if (errno == EINTR) continue;
            die("poll");
        }
        if (fds[1].revents & POLLIN) {
            struct signalfd_siginfo si;
            while (read(sigfd, &si, sizeof si) == sizeof si) {}
            reap();
        }
        for (int i = 2; i < nfds; i++) {
            struct terminal *t = owner[i];
            if (!t->used || t->master != fds[i].fd) continue;
            if (fds[i].revents & POLLOUT) flush_input(t);
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) drain_output(t);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            unsigned char head[9];
            if (read_all(0, head, sizeof head) < 0) _exit(0); /* the JVM is gone */
            uint32_t chan = (uint32_t)head[1] << 24 | head[2] << 16 | head[3] << 8 | head[4];
            uint32_t len = (uint32_t)head[5] << 24 | head[6] << 16 | head[7] << 8 | head[8];
            if (len > MAX_PAYLOAD) die("frame of %u bytes", len);
            if (len > 0 && read_all(0, payload, len) < 0) _exit(0);
            payload[len] = '\0';
            handle_request((char)head[0], chan, payload, len);
        }
    }
}

/* Reads init's configuration from fd 3: the hostname, then the cgroup controllers to mount. */
static const char *read_config(void) {
    static char config[4096];
    size_t used = 0;
    ssize_t r;
    while (used < sizeof config - 1 && (r = read(3, config + used, sizeof config - 1 - used)) != 0) {
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) die("read init's configuration");
        used += (size_t)r;
    }
    close(3);
    config[used] = '\0';
    const char *hostname = config;
    for (size_t at = strlen(config) + 1; at < used && nhier < MAX_HIERARCHIES; at += strlen(config + at) + 1) {
        snprintf(hier[nhier++].controllers, sizeof hier[0].controllers, "%s", config + at);
    }
    return hostname;
}

/* PID 1, after its exec as /sbin/init: builds the machine and serves it. */
static int init_main(void) {
    in_launcher = 0;
    signal(SIGPIPE, SIG_IGN);
    prctl(PR_SET_NAME, "init", 0, 0, 0);
    setsid(); /* init leads the session that holds the first terminal */
    const char *hostname = read_config();
    if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWCGROUP) < 0) die("unshare");
    build_machine(hostname);
    drop_cap_sys_resource();
    umask(022);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    int sigfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
    if (sigfd < 0) die("signalfd");
    send_frame('R', 0, NULL, 0);
    serve(sigfd);
    return 0;
}

/*
 * The launcher's child, PID 1 of the new PID namespace: waits until the launcher's hello is out,
 * then re-executes this binary as /sbin/init (so that its comm and cmdline are init's) with its
 * configuration on fd 3.
 */
static void exec_init(int go, const char *hostname) {
    char c;
    while (read(go, &c, 1) > 0) {}
    close(go);
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    int config[2];
    if (pipe(config) < 0) die("pipe");
    write_all(config[1], hostname, strlen(hostname) + 1);
    for (int i = 0; i < nhier; i++) write_all(config[1], hier[i].controllers, strlen(hier[i].controllers) + 1);
    close(config[1]);
    if (config[0] != 3) {
        if (dup2(config[0], 3) < 0) die("dup2");
        close(config[0]);
    }
    char *argv[] = {"/sbin/init", NULL};
    char *envp[] = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", NULL};
    execve("/proc/self/exe", argv, envp);
    die("exec /proc/self/exe");
}

/* ---- the namespace probe ---------------------------------------------------------------- */

/* The inode of the namespace an nsfs fd refers to, 0 if unknown; closes the fd. */
static unsigned long inode_of(int fd) {
    struct stat st;
    unsigned long inode = fd >= 0 && fstat(fd, &st) == 0 ? (unsigned long)st.st_ino : 0;
    if (fd >= 0) close(fd);
    return inode;
}

/*
 * For each /proc/PID/ns/TYPE given, prints "NSFILE INODE OWNER PARENT": the namespace, the user
 * namespace that owns it (ioctl NS_GET_USERNS) and, for PID and user namespaces, its parent
 * (NS_GET_PARENT); 0 where the kernel does not say (the initial user namespace has no owner;
 * other kinds have no parent). /proc cannot tell these; see ioctl_ns(2).
 */
static int ns_info(int argc, char **argv) {
    for (int i = 2; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            printf("%s 0 0 0\n", argv[i]);
            continue;
        }
        unsigned long owner = inode_of(ioctl(fd, NS_GET_USERNS));
        unsigned long parent = inode_of(ioctl(fd, NS_GET_PARENT));
        printf("%s %lu %lu %lu\n", argv[i], inode_of(fd), owner, parent);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

/* ---- the launcher ----------------------------------------------------------------------- */

static volatile sig_atomic_t init_pid;

static void forward_kill(int sig) {
    (void)sig;
    if (init_pid > 0) kill(init_pid, SIGKILL);
}

int main(int argc, char **argv) {
    if (getpid() == 1 && argc == 1 && strcmp(argv[0], "/sbin/init") == 0) return init_main();
    if (argc >= 2 && strcmp(argv[1], "--ns-info") == 0) return ns_info(argc, argv);
    if (argc < 6) {
        fprintf(stderr, "usage: %s SESSION MEMORY_LIMIT PIDS_MAX HOSTNAME MOUNTPOINT=CONTROLLERS...\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    session = argv[1];
    const char *memory_limit = argv[2], *pids_max = argv[3], *hostname = argv[4];
    for (int i = 5; i < argc && nhier < MAX_HIERARCHIES; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "%s: bad hierarchy '%s'\n", argv[0], argv[i]);
            return 2;
        }
        snprintf(hier[nhier].mountpoint, sizeof hier[nhier].mountpoint, "%.*s", (int)(eq - argv[i]), argv[i]);
        snprintf(hier[nhier].controllers, sizeof hier[nhier].controllers, "%s", eq + 1);
        nhier++;
    }
    remember_original_cgroups();
    for (int i = 0; i < nhier; i++) {
        create_session_cgroup(&hier[i]);
        if (has_controller(&hier[i], "memory")) set_limit(&hier[i], "memory.limit_in_bytes", memory_limit);
        if (has_controller(&hier[i], "pids")) set_limit(&hier[i], "pids.max", pids_max);
    }
    /* Entered before CLONE_NEWCGROUP, so the sandbox's cgroup mounts are rooted here. */
    for (int i = 0; i < nhier; i++) {
        char own[600];
        snprintf(own, sizeof own, "%s/isolab/%s", hier[i].mountpoint, session);
        enter_cgroup(own);
    }
    /* Only the PID namespace is the launcher's to make: init unshares the rest for itself, so
     * that the launcher stays in the host's mount namespace and can remove the cgroups. */
    if (unshare(CLONE_NEWPID) < 0) die("unshare");
    int go[2];
    if (pipe2(go, O_CLOEXEC) < 0) die("pipe");
    struct sigaction sa = {.sa_handler = forward_kill};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    pid_t pid = fork();
    if (pid < 0) die("fork");
    if (pid == 0) {
        in_launcher = 0;
        close(go[1]);
        exec_init(go[0], hostname);
    }
    init_pid = pid;
    close(go[0]);
    send_text('H', 0, "%d", pid);
    close(go[1]);
    close(0); /* only init reads the JVM's requests */
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    remove_session_cgroups();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
