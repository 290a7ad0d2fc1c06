package isolab.sim.shell;

import isolab.sim.shell.Shell.AbortLine;
import isolab.sim.shell.Shell.ExitShell;
import isolab.sim.shell.Shell.ReadonlyError;
import isolab.sim.shell.Shell.Return;
import isolab.sim.shell.Shell.Var;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Catalog;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple command (dash eval.c: evalcommand, exec.c): expands its words and assignments, then
 * runs a special builtin, a function, a builtin, or a program found on PATH (forked, or exec'd in
 * place when the shell would exit right after), with the shells' errors for a missing or
 * unexecutable program (127, 126) and scripts run by a fresh shell on ENOEXEC.
 */
final class SimpleCommand {

    private final Shell sh;

    SimpleCommand(Shell sh) {
        this.sh = sh;
    }

    List<String> expandWords(List<Word> words) {
        return new Expander(sh).expandFields(words);
    }

    int runSimple(Node.Simple cmd, boolean last) {
        sh.currentLine = sh.lineBase + cmd.line();
        sh.eval.step();
        sh.lastSubstStatus = -1;
        List<String> words;
        try {
            words = expandWords(cmd.words());
        } catch (Expander.ExpansionError e) {
            sh.error(e.getMessage());
            if (!sh.interactive) {
                throw new ExitShell(e.unbound && sh.dialect.bash() ? 127 : e.status);
            }
            throw new AbortLine(e.status);
        }
        Map<String, String> assigns = new LinkedHashMap<>();
        try {
            for (Node.Assign a : cmd.assignments()) {
                assigns.put(a.name(), new Expander(sh).expandSingle(a.value(), true));
            }
        } catch (Expander.ExpansionError e) {
            sh.error(e.getMessage());
            return e.status;
        }
        if (sh.xtrace) {
            trace(assigns, words);
        }
        if (words.isEmpty()) {
            int status = sh.lastSubstStatus >= 0 ? sh.lastSubstStatus : 0;
            try {
                for (Map.Entry<String, String> a : assigns.entrySet()) {
                    sh.setVar(a.getKey(), a.getValue(), false);
                }
            } catch (ReadonlyError e) {
                sh.error(sh.dialect.bash() ? e.name + ": readonly variable" : e.name + ": is read only");
                return 1;
            }
            if (!cmd.redirects().isEmpty()) {
                return sh.withRedirects(cmd.redirects(), () -> status);
            }
            return status;
        }
        String name = words.get(0);
        Builtins.Builtin builtin = Builtins.find(sh.dialect, name);
        if (builtin != null && Builtins.isSpecial(sh.dialect, name)) {
            return runBuiltin(builtin, words, assigns, cmd.redirects(), true);
        }
        Node function = sh.functions.get(name);
        if (function != null) {
            return runFunction(function, words, cmd.redirects());
        }
        if (builtin != null) {
            return runBuiltin(builtin, words, assigns, cmd.redirects(), false);
        }
        if (last && !subshellHasTraps()) {
            return execInPlace(words, assigns, cmd.redirects());
        }
        // Both shells search PATH in the parent, before forking, and remember what they found.
        if (!name.contains("/") && !assigns.containsKey("PATH")) {
            String found = searchPath(sh, name);
            if (found != null) {
                sh.hashed.put(name, found);
            }
        }
        int pid = sh.forks.forkChild(child -> child.execInPlace(words, assigns, cmd.redirects()), true, 0);
        return sh.jobStatus.waitForeground(List.of(pid), sourceText(cmd));
    }

    /** The first executable regular file called {@code name} on PATH, or null. */
    static String searchPath(Shell sh, String name) {
        String path = sh.getVar("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                isolab.sim.syscall.Stat st = sh.sys.stat(candidate);
                if (st.isRegular() && (st.mode() & 0111) != 0) {
                    return candidate;
                }
            } catch (SysException e) {
                // not here
            }
        }
        return null;
    }

    /** A simple command as bash prints it in job reports: its words as written. */
    private static String sourceText(Node.Simple cmd) {
        List<String> parts = new ArrayList<>();
        for (Node.Assign a : cmd.assignments()) {
            parts.add(a.name() + "=" + a.value().source());
        }
        for (Word w : cmd.words()) {
            parts.add(w.source());
        }
        return String.join(" ", parts);
    }

    private boolean subshellHasTraps() {
        return sh.traps.any();
    }

    void trace(Map<String, String> assigns, List<String> words) {
        StringBuilder s = new StringBuilder(sh.dialect.bash() ? "+ " : "+ ");
        List<String> parts = new ArrayList<>();
        assigns.forEach((k, v) -> parts.add(k + "=" + v));
        parts.addAll(words);
        s.append(String.join(" ", parts)).append('\n');
        sh.proc.err(s.toString());
    }

    private int runBuiltin(Builtins.Builtin builtin, List<String> words, Map<String, String> assigns,
            List<Node.Redirect> redirects, boolean special) {
        Map<String, Var> restore = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : assigns.entrySet()) {
            if (!special) {
                restore.put(a.getKey(), sh.vars.get(a.getKey()));
            }
            sh.setVar(a.getKey(), a.getValue(), !special);
        }
        try {
            return sh.withRedirects(redirects, () -> {
                try {
                    sh.runningBuiltin = words.get(0);
                    return builtin.run(sh, words);
                } catch (ReadonlyError e) {
                    sh.error(sh.dialect.bash() ? e.name + ": readonly variable" : e.name + ": is read only");
                    return 1;
                }
            });
        } finally {
            for (Map.Entry<String, Var> r : restore.entrySet()) {
                if (r.getValue() == null) {
                    sh.vars.remove(r.getKey());
                } else {
                    sh.vars.put(r.getKey(), r.getValue());
                }
            }
        }
    }

    private int runFunction(Node body, List<String> words, List<Node.Redirect> redirects) {
        List<String> savedPositional = sh.positional;
        sh.positional = new ArrayList<>(words.subList(1, words.size()));
        sh.functionDepth++;
        sh.variables.pushLocals();
        try {
            return sh.withRedirects(redirects, () -> sh.run(body, false));
        } catch (Return r) {
            return r.status;
        } finally {
            sh.variables.popLocals();
            sh.functionDepth--;
            sh.positional = savedPositional;
        }
    }

    /** In the process that will become the command: redirect, then exec; returns only on failure. */
    int execInPlace(List<String> words, Map<String, String> assigns, List<Node.Redirect> redirects) {
        if (!new Redirections(sh).apply(redirects, null)) {
            return Redirections.failedStatus(sh);
        }
        return execCommand(words, assigns);
    }

    /** execve the command {@code words}, searching PATH; prints the shell's error and returns 126/127 on failure. */
    int execCommand(List<String> words, Map<String, String> assigns) {
        String name = words.get(0);
        List<String> env = sh.variables.environment(assigns, name);
        sh.proc.flush();
        if (sh.busybox && !name.contains("/") && isolab.sim.userland.busybox.Busybox.isApplet(name)) {
            sh.error(name + ": busybox applets are not modelled in isolab");
            return 127;
        }
        if (name.contains("/")) {
            try {
                sh.sys.execve(name, words, env);
            } catch (SysException e) {
                return execFailed(name, words, env, e);
            }
        }
        SysException denied = null;
        String path = assigns.containsKey("PATH") ? assigns.get("PATH") : sh.getVar("PATH");
        if (path == null) {
            path = "/usr/local/bin:/usr/bin:/bin";
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                if (!sh.sys.stat(candidate).isRegular()) {
                    continue;
                }
            } catch (SysException e) {
                continue;
            }
            try {
                sh.sys.execve(candidate, words, sh.variables.environment(assigns, candidate));
            } catch (SysException e) {
                if (e.errno() == Errno.EACCES) {
                    denied = e;
                    continue;
                }
                return execFailed(candidate, words, env, e);
            }
        }
        if (denied != null) {
            sh.error(sh.dialect.bash() ? name + ": Permission denied" : name + ": Permission denied");
            return 126;
        }
        return commandNotFound(name);
    }

    private int commandNotFound(String name) {
        if (Catalog.isKnownUnmodelled(name)) {
            sh.error(name + ": not modelled in isolab");
            return 127;
        }
        if (sh.dialect.bash()) {
            sh.error(name + ": command not found");
        } else {
            sh.error(name + ": not found");
        }
        return 127;
    }

    private int execFailed(String path, List<String> words, List<String> env, SysException e) {
        String name = words.get(0);
        if (e.errno() == Errno.ENOEXEC) {
            Shell script = new Shell(sh.dialect, new Proc(sh.sys, words, env));
            ShellSession session = new ShellSession(script);
            session.setUpVariables();
            script.scriptName = path;
            script.arg0 = path;
            script.positional = new ArrayList<>(words.subList(1, words.size()));
            return session.runScriptFile(path);
        }
        if (e.errno() == Errno.ENOENT) {
            if (sh.dialect.bash()) {
                sh.error(name + ": No such file or directory");
            } else {
                sh.error(name + ": not found");
            }
            return 127;
        }
        if (e.errno() == Errno.EACCES && sh.dialect.bash()) {
            try {
                if (sh.sys.stat(path).isDirectory()) {
                    sh.error(name + ": Is a directory");
                    return 126;
                }
            } catch (SysException ignored) {
                // fall through to the plain message
            }
        }
        sh.error(name + ": " + e.strerror());
        return e.errno() == Errno.ENOENT ? 127 : 126;
    }
}
