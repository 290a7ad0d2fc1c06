package isolab.sim.shell;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.util.List;

/**
 * Redirections (XCU 2.7): opens files and duplicates descriptors onto the command's descriptors.
 * For a builtin or compound command the replaced descriptors are saved above 10 (close-on-exec)
 * and put back afterwards; for a child they stay. Here-documents are fed through a pipe.
 */
final class Redirections {

    /** Where the shell keeps saved descriptors (bash and dash use 10 and up). */
    private static final int SAVE_FD_MIN = 10;

    private final Shell shell;
    private final Syscalls sys;

    Redirections(Shell shell) {
        this.shell = shell;
        this.sys = shell.sys;
    }

    /**
     * Applies {@code redirects} in order; records in {@code saved} (if not null) how to undo them.
     * Returns false after printing the shell's message if one fails.
     */
    boolean apply(List<Node.Redirect> redirects, List<int[]> saved) {
        for (Node.Redirect r : redirects) {
            try {
                applyOne(r, saved);
            } catch (Failed f) {
                shell.error(f.getMessage());
                return false;
            }
        }
        return true;
    }

    /** The status of a command whose redirection failed: bash 1, dash 2 (measured). */
    static int failedStatus(Shell shell) {
        return shell.dialect.bash() ? 1 : 2;
    }

    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private void applyOne(Node.Redirect r, List<int[]> saved) {
        String op = r.op();
        if (op.equals("<<") || op.equals("<<-") || op.equals("<<<")) {
            String body = new Expander(shell).expandSingle(r.target(), false);
            if (op.equals("<<<")) {
                body = body + "\n";
            }
            int[] pipe = sys.pipe(true);
            sys.write(pipe[1], body);
            sys.close(pipe[1]);
            move(pipe[0], r.fd(), saved);
            return;
        }
        String target = new Expander(shell).expandSingle(r.target(), false);
        if (op.equals(">&") || op.equals("<&")) {
            if (target.equals("-")) {
                save(r.fd(), saved);
                if (sys.isOpen(r.fd())) {
                    sys.close(r.fd());
                }
                return;
            }
            if (target.matches("\\d+")) {
                int from = Integer.parseInt(target);
                if (!sys.isOpen(from)) {
                    throw new Failed(shell.dialect.bash() ? from + ": Bad file descriptor" : from + ": Bad file descriptor");
                }
                if (from == r.fd()) {
                    return;
                }
                save(r.fd(), saved);
                sys.dup2(from, r.fd());
                return;
            }
            if (op.equals(">&") && shell.dialect.bash() && r.fd() == 1) {
                int fd = open(target, OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_TRUNC, false);
                move(fd, 1, saved);
                save(2, saved);
                sys.dup2(1, 2);
                return;
            }
            throw new Failed(shell.dialect.bash() ? target + ": ambiguous redirect" : "Syntax error: Bad fd number");
        }
        int flags;
        switch (op) {
            case "<" -> flags = OpenFile.O_RDONLY;
            case ">", ">|", "&>" -> flags = OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_TRUNC;
            case ">>", "&>>" -> flags = OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_APPEND;
            case "<>" -> flags = OpenFile.O_RDWR | OpenFile.O_CREAT;
            default -> throw new Failed("unsupported redirection " + op);
        }
        int fd = open(target, flags, op.equals("<"));
        if (op.startsWith("&")) {
            move(fd, 1, saved);
            save(2, saved);
            sys.dup2(1, 2);
            return;
        }
        move(fd, r.fd(), saved);
    }

    private int open(String target, int flags, boolean reading) {
        try {
            return sys.open(target, flags, 0666);
        } catch (SysException e) {
            if (shell.dialect.bash()) {
                throw new Failed(target + ": " + e.strerror());
            }
            if (reading) {
                throw new Failed("cannot open " + target + ": " + Shell.dashOpenError(e));
            }
            String why = e.errno() == Errno.ENOENT ? "Directory nonexistent" : e.strerror();
            throw new Failed("cannot create " + target + ": " + why);
        }
    }

    /** Makes {@code fd} become {@code target}, saving what {@code target} was. */
    private void move(int fd, int target, List<int[]> saved) {
        if (fd == target) {
            return;
        }
        save(target, saved);
        sys.dup2(fd, target);
        sys.close(fd);
    }

    private void save(int fd, List<int[]> saved) {
        if (saved == null) {
            return;
        }
        for (int[] s : saved) {
            if (s[0] == fd) {
                return;
            }
        }
        if (sys.isOpen(fd)) {
            saved.add(new int[] {fd, sys.dupAtLeast(fd, SAVE_FD_MIN, true)});
        } else {
            saved.add(new int[] {fd, -1});
        }
    }

    /** Undoes saved redirections, last first. */
    static void restore(Syscalls sys, List<int[]> saved) {
        for (int i = saved.size() - 1; i >= 0; i--) {
            int[] s = saved.get(i);
            if (s[1] < 0) {
                if (sys.isOpen(s[0])) {
                    sys.close(s[0]);
                }
            } else {
                sys.dup2(s[1], s[0]);
                sys.close(s[1]);
            }
        }
    }
}
