package isolab.sim.shell;

import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import java.util.List;

/**
 * {@code test} and {@code [} (XCU test, with the argument-count rules of POSIX and bash's
 * test.c): file tests, string tests, integer comparisons, {@code !}, {@code -a}, {@code -o} and
 * parentheses. Status 0 true, 1 false, 2 on a usage error.
 */
final class Test {

    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final Shell sh;
    private final List<String> args;
    private int pos;

    private Test(Shell sh, List<String> args) {
        this.sh = sh;
        this.args = args;
    }

    static int run(Shell sh, List<String> w) {
        String name = w.get(0);
        List<String> args = w.subList(1, w.size());
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                sh.error(sh.dialect.bash() ? "[: missing `]'" : "[: missing ]");
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        try {
            Test t = new Test(sh, args);
            if (args.isEmpty()) {
                return 1;
            }
            boolean result = t.expression();
            if (t.pos < args.size()) {
                throw new Bad(sh.dialect.bash() ? "too many arguments" : args.get(t.pos) + ": unexpected operator");
            }
            return result ? 0 : 1;
        } catch (Bad bad) {
            sh.error(name + ": " + bad.getMessage());
            return 2;
        }
    }

    private boolean expression() {
        int remaining = args.size() - pos;
        if (remaining == 1) {
            return !args.get(pos++).isEmpty();
        }
        if (remaining == 2 && args.get(pos).equals("!")) {
            pos++;
            return args.get(pos++).isEmpty();
        }
        if (remaining == 3 && isBinary(args.get(pos + 1))) {
            return binary();
        }
        boolean value = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            boolean right = and();
            value = value || right;
        }
        return value;
    }

    private boolean and() {
        boolean value = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            boolean right = not();
            value = value && right;
        }
        return value;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!") && pos + 1 < args.size()) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) {
            throw new Bad("argument expected");
        }
        String a = args.get(pos);
        if (a.equals("(")) {
            pos++;
            boolean v = expression();
            if (pos >= args.size() || !args.get(pos).equals(")")) {
                throw new Bad(sh.dialect.bash() ? "`)' expected" : "closing paren expected");
            }
            pos++;
            return v;
        }
        if (pos + 2 < args.size() + 0 && pos + 1 < args.size() && isBinary(args.get(pos + 1))) {
            return binary();
        }
        if (a.length() == 2 && a.charAt(0) == '-' && isUnary(a.charAt(1)) && pos + 1 < args.size()) {
            pos += 2;
            return unary(a.charAt(1), args.get(pos - 1));
        }
        pos++;
        return !a.isEmpty();
    }

    private boolean isBinary(String op) {
        return switch (op) {
            case "=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef" -> true;
            case "==", "<", ">" -> sh.dialect.bash() || op.equals("<") || op.equals(">");
            default -> false;
        };
    }

    private static boolean isUnary(char c) {
        return "bcdefghkLnprsStuwxzGO".indexOf(c) >= 0;
    }

    private boolean binary() {
        String left = args.get(pos);
        String op = args.get(pos + 1);
        String right = args.get(pos + 2);
        pos += 3;
        return switch (op) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            case "<" -> left.compareTo(right) < 0;
            case ">" -> left.compareTo(right) > 0;
            case "-eq" -> integer(left) == integer(right);
            case "-ne" -> integer(left) != integer(right);
            case "-lt" -> integer(left) < integer(right);
            case "-le" -> integer(left) <= integer(right);
            case "-gt" -> integer(left) > integer(right);
            case "-ge" -> integer(left) >= integer(right);
            case "-ef" -> sameFile(sh, left, right);
            case "-nt" -> newer(left, right);
            case "-ot" -> newer(right, left);
            default -> throw new Bad(op + ": not modelled in isolab");
        };
    }

    private long integer(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new Bad(sh.dialect.bash() ? s + ": integer expression expected" : "Illegal number: " + s);
        }
    }

    /** test.c: {@code a -nt b}: a exists and b does not, or a's mtime is later (seconds here). */
    private boolean newer(String a, String b) {
        Stat x;
        try {
            x = sh.sys.stat(a);
        } catch (SysException e) {
            return false;
        }
        try {
            return x.mtimeEpochSeconds() > sh.sys.stat(b).mtimeEpochSeconds();
        } catch (SysException e) {
            return true;
        }
    }

    /** Whether {@code a} and {@code b} are the same file: the same device and inode ({@code -ef}). */
    static boolean sameFile(Shell sh, String a, String b) {
        try {
            Stat x = sh.sys.stat(a);
            Stat y = sh.sys.stat(b);
            return x.ino() == y.ino() && x.device().equals(y.device());
        } catch (SysException e) {
            return false;
        }
    }

    /** The unary test {@code -op arg} for bash's {@code [[ ]]}. */
    static boolean unaryTest(Shell sh, char op, String arg) {
        try {
            return new Test(sh, List.of()).unary(op, arg);
        } catch (Bad bad) {
            return false;
        }
    }

    /** The file comparison {@code a -nt|-ot|-ef b} for bash's {@code [[ ]]}. */
    static boolean binaryTest(Shell sh, String a, String op, String b) {
        try {
            Test t = new Test(sh, List.of(a, op, b));
            return t.binary();
        } catch (Bad bad) {
            return false;
        }
    }

    private boolean unary(char op, String arg) {
        Syscalls sys = sh.sys;
        switch (op) {
            case 'n':
                return !arg.isEmpty();
            case 'z':
                return arg.isEmpty();
            case 't':
                try {
                    return sys.isatty(Integer.parseInt(arg));
                } catch (NumberFormatException e) {
                    throw new Bad(sh.dialect.bash() ? arg + ": integer expression expected" : "Illegal number: " + arg);
                }
            default:
                break;
        }
        try {
            if (op == 'L' || op == 'h') {
                return sys.lstat(arg).isSymlink();
            }
            Stat st = sys.stat(arg);
            int type = st.mode() & 0170000;
            return switch (op) {
                case 'e' -> true;
                case 'f' -> type == 0100000;
                case 'd' -> type == 0040000;
                case 'c' -> type == 0020000;
                case 'b' -> type == 0060000;
                case 'p' -> type == 0010000;
                case 'S' -> type == 0140000;
                case 's' -> st.size() > 0;
                case 'r' -> access(arg, Syscalls.R_OK);
                case 'w' -> access(arg, Syscalls.W_OK);
                case 'x' -> access(arg, Syscalls.X_OK);
                case 'u' -> (st.mode() & 04000) != 0;
                case 'g' -> (st.mode() & 02000) != 0;
                case 'k' -> (st.mode() & 01000) != 0;
                case 'O' -> st.uid() == sys.geteuid();
                case 'G' -> st.gid() == sys.getegid();
                default -> false;
            };
        } catch (SysException e) {
            return false;
        }
    }

    private boolean access(String path, int mode) {
        try {
            sh.sys.access(path, mode);
            return true;
        } catch (SysException e) {
            return false;
        }
    }
}
