package isolab.sim.shell;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * How the shell words its errors (bash: {@code bash: msg}, {@code bash: -c: line N: msg}, a
 * script's {@code NAME: line N: msg}; dash: {@code sh: N: msg}), runtime and syntax alike.
 */
final class Messages {

    private final Shell sh;

    Messages(Shell sh) {
        this.sh = sh;
    }

    /** Prints a runtime error the way the dialect does: bash {@code bash: msg}, dash {@code sh: N: msg}. */
    void error(String message) {
        error(message, sh.currentLine);
    }

    void error(String message, int line) {
        if (sh.dialect.bash()) {
            if (sh.scriptName != null) {
                sh.proc.err(sh.scriptName + ": line " + line + ": " + message + "\n");
            } else if (!sh.interactiveShell) {
                // error.c: error_prolog: a shell not started interactive (bash -c, bash < file) names the line.
                sh.proc.err(sh.arg0 + ": line " + line + ": " + message + "\n");
            } else {
                sh.proc.err(shellName() + ": " + message + "\n");
            }
        } else if (sh.busybox) {
            sh.proc.err(sh.arg0 + ": " + message + "\n");
        } else {
            sh.proc.err(sh.arg0 + ": " + line + ": " + message + "\n");
        }
    }

    /**
     * bash's sys_error (error.c: error_prolog(0)): the shell's name (the script's, or $0 for
     * {@code -c}) and the message, never a line number; dash has no such message.
     */
    void sysError(String message) {
        String name = sh.scriptName != null ? sh.scriptName : !sh.interactiveShell ? sh.arg0 : shellName();
        sh.proc.err(name + ": " + message + "\n");
    }

    String shellName() {
        return sh.proc.argv().isEmpty() ? "bash" : sh.proc.argv().get(0);
    }

    void syntaxError(Parser.SyntaxError err, String text, int line) {
        if (sh.dialect.bash()) {
            String where = sh.interactive ? "" : sh.scriptName != null ? sh.scriptName + ": line " + err.line() + ": "
                    : shellName() + ": -c: line " + err.line() + ": ";
            String prefix = sh.interactive ? shellName() + ": " : where;
            if (err.conditionalMessage() != null) {
                sh.proc.err(prefix + err.conditionalMessage() + "\n");
                return;
            }
            sh.proc.err(prefix + "syntax error near unexpected token `" + err.token() + "'\n");
            sh.proc.err(prefix + "`" + text + "'\n");
        } else {
            String token = err.token().equals("newline") ? "newline" : "\"" + err.token() + "\"";
            sh.proc.err(sh.arg0 + ": " + (sh.interactive ? line : err.line()) + ": Syntax error: " + token + " unexpected\n");
        }
    }

    void syntaxEof(Parser.Incomplete more, int line) {
        if (sh.dialect.bash()) {
            String prefix = sh.scriptName != null ? sh.scriptName + ": line " + line + ": " : shellName() + ": -c: line " + line + ": ";
            String expecting = more.expecting();
            if ("\"".equals(expecting) || "'".equals(expecting) || "`".equals(expecting) || "}".equals(expecting) && false) {
                sh.proc.err(prefix.replace("line " + line, "line " + more.line()) + "unexpected EOF while looking for matching `"
                        + expecting + "'\n");
            } else if ("}".equals(expecting) || ")".equals(expecting)) {
                sh.proc.err(prefix.replace("line " + line, "line " + more.line()) + "unexpected EOF while looking for matching `"
                        + expecting + "'\n");
            } else {
                sh.proc.err(prefix + "syntax error: unexpected end of file\n");
            }
        } else {
            String expecting = more.expecting();
            if ("\"".equals(expecting) || "'".equals(expecting)) {
                sh.proc.err(sh.arg0 + ": " + more.line() + ": Syntax error: Unterminated quoted string\n");
            } else if ("}".equals(expecting)) {
                sh.proc.err(sh.arg0 + ": " + more.line() + ": Syntax error: Missing '}'\n");
            } else if (expecting != null) {
                sh.proc.err(sh.arg0 + ": " + more.line() + ": Syntax error: end of file unexpected (expecting \"" + expecting + "\")\n");
            } else {
                sh.proc.err(sh.arg0 + ": " + more.line() + ": Syntax error: end of file unexpected\n");
            }
        }
    }

    static String dashOpenError(SysException e) {
        return e.errno() == Errno.ENOENT ? "No such file" : e.strerror();
    }
}
