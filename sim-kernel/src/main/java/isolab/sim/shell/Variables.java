package isolab.sim.shell;

import isolab.sim.shell.Shell.ReadonlyError;
import isolab.sim.shell.Shell.Var;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell's parameters (XCU 2.5): special parameters ({@code $? $$ $! $# $0 $- $@}), bash's
 * dynamic ones ({@code BASHPID RANDOM LINENO SECONDS}), variables with their export and readonly
 * attributes, function-local frames, and the environment handed to a new program in the order
 * the real shell's hash table yields it.
 */
final class Variables {

    private final Shell sh;
    private final List<Map<String, Var>> localFrames = new ArrayList<>();

    Variables(Shell sh) {
        this.sh = sh;
    }

    /** The value of a variable or special parameter, or null if unset. */
    String getVar(String name) {
        switch (name) {
            case "?":
                return String.valueOf(sh.lastStatus);
            case "$":
                return String.valueOf(sh.shellPid);
            case "!":
                return sh.lastBackground == 0 ? (sh.dialect.bash() ? null : "") : String.valueOf(sh.lastBackground);
            case "#":
                return String.valueOf(sh.positional.size());
            case "0":
                return sh.arg0;
            case "@":
            case "*":
                return String.join(" ", sh.positional);
            case "-":
                return flags();
            default:
                break;
        }
        if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
            int n = Integer.parseInt(name);
            return n >= 1 && n <= sh.positional.size() ? sh.positional.get(n - 1) : null;
        }
        if (sh.dialect.bash()) {
            switch (name) {
                case "BASHPID":
                    return String.valueOf(sh.sys.getpid());
                case "RANDOM":
                    return String.valueOf((int) (sh.sys.monotonicTicks() * 1103515245L + 12345L >>> 16) & 0x7fff);
                case "LINENO":
                    return String.valueOf(sh.currentLine);
                case "SECONDS":
                    return String.valueOf(sh.secondsValue + sh.sys.monotonicTicks() / 1000 - sh.secondsBase);
                default:
                    break;
            }
        }
        Var v = sh.vars.get(name);
        return v == null ? null : v.value;
    }

    /**
     * $-: the shell's option letters in bash's order (flags.c: e f h i m u x, then B H, then s for
     * commands from standard input or c for -c), measured: "himBHs" at the terminal, "hBc" for -c.
     */
    private String flags() {
        StringBuilder f = new StringBuilder();
        if (sh.errexit) {
            f.append('e');
        }
        if (sh.noglob) {
            f.append('f');
        }
        if (sh.dialect.bash()) {
            f.append('h');
        }
        if (sh.interactive) {
            f.append('i');
        }
        if (sh.monitor) {
            f.append('m');
        }
        if (sh.nounset) {
            f.append('u');
        }
        if (sh.xtrace) {
            f.append('x');
        }
        if (sh.dialect.bash()) {
            f.append('B');
            if (sh.interactive) {
                f.append('H');
            }
            f.append(sh.commandString ? "c" : sh.scriptName == null ? "s" : "");
        }
        return f.toString();
    }

    /** Sets a variable; EXIT-free error for a readonly one. */
    void setVar(String name, String value, boolean export) {
        if (sh.dialect.bash() && name.equals("SECONDS")) {
            // variables.c: assign_seconds: the count restarts from the value assigned.
            sh.secondsValue = value.strip().matches("-?\\d{1,18}") ? Long.parseLong(value.strip()) : 0;
            sh.secondsBase = sh.sys.monotonicTicks() / 1000;
        }
        Var v = sh.vars.get(name);
        if (v == null) {
            sh.vars.put(name, new Var(value, export));
            return;
        }
        if (v.readonly) {
            throw new ReadonlyError(name);
        }
        v.value = value;
        if (export) {
            v.exported = true;
        }
    }

    void unsetVar(String name) {
        Var v = sh.vars.get(name);
        if (v != null && v.readonly) {
            throw new ReadonlyError(name);
        }
        sh.vars.remove(name);
    }

    /**
     * The environment for a new program: exported variables, then {@code extra} on top, in the
     * order the real shell's variable table yields them - bash: FNV-1 hash buckets of 1024
     * (hashlib.c), then {@code _} set to the program's path; dash: its 39-bucket table (var.c).
     */
    List<String> environment(Map<String, String> extra, String program) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, Var> e : sh.vars.entrySet()) {
            if (e.getValue().exported && e.getValue().value != null) {
                env.put(e.getKey(), e.getValue().value);
            }
        }
        env.putAll(extra);
        env.remove("_");
        List<String> names = new ArrayList<>(env.keySet());
        names.sort(java.util.Comparator.comparingInt(this::bucket));
        List<String> list = new ArrayList<>();
        for (String name : names) {
            list.add(name + "=" + env.get(name));
        }
        if (sh.dialect.bash() && program != null) {
            list.add("_=" + program);
        }
        return list;
    }

    List<String> environment(Map<String, String> extra) {
        return environment(extra, null);
    }

    private int bucket(String name) {
        if (sh.dialect.bash()) {
            int h = 0x811c9dc5;
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                h *= 16777619;
                h ^= b;
            }
            return h & 1023;
        }
        int h = (name.charAt(0) & 0xff) << 4;
        for (int i = 0; i < name.length(); i++) {
            h += name.charAt(i) & 0xff;
        }
        return h % 39;
    }

    void pushLocals() {
        localFrames.add(new LinkedHashMap<>());
    }

    void popLocals() {
        Map<String, Var> frame = localFrames.remove(localFrames.size() - 1);
        for (Map.Entry<String, Var> e : frame.entrySet()) {
            if (e.getValue() == null) {
                sh.vars.remove(e.getKey());
            } else {
                sh.vars.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Makes {@code name} local to the running function. */
    boolean makeLocal(String name) {
        if (localFrames.isEmpty()) {
            return false;
        }
        Map<String, Var> frame = localFrames.get(localFrames.size() - 1);
        if (!frame.containsKey(name)) {
            Var old = sh.vars.get(name);
            frame.put(name, old == null ? null : new Var(old.value, old.exported));
        }
        return true;
    }
}
