package isolab.sim.shell;

import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The builtins that work on the shell's variables and parameters: export, readonly, unset, set,
 * shift, local, let, umask, times, trap, and read (which assigns what it reads).
 */
final class VariableBuiltins {

    private VariableBuiltins() {
    }

    private static boolean out(Shell sh, String text) {
        return Builtins.out(sh, text);
    }

    // ---- variables ---------------------------------------------------------------------------

    static int export(Shell sh, List<String> w) {
        List<String> args = new ArrayList<>(w.subList(1, w.size()));
        if (!args.isEmpty() && args.get(0).equals("-p")) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Shell.Var> e : new TreeMap<>(sh.vars).entrySet()) {
                if (e.getValue().exported) {
                    s.append(sh.dialect.bash() ? "declare -x " + e.getKey() + "=\"" + e.getValue().value + "\"\n"
                            : "export " + e.getKey() + "='" + e.getValue().value + "'\n");
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        int status = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Parser.isName(name)) {
                sh.error(sh.dialect.bash() ? "export: `" + a + "': not a valid identifier" : "export: " + a + ": bad variable name");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), true);
            } else if (sh.vars.containsKey(name)) {
                sh.vars.get(name).exported = true;
            } else {
                Shell.Var v = new Shell.Var(null, true);
                sh.vars.put(name, v);
            }
        }
        return status;
    }

    static int readonly(Shell sh, List<String> w) {
        for (String a : w.subList(1, w.size())) {
            if (a.startsWith("-")) {
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), false);
            }
            sh.vars.computeIfAbsent(name, n -> new Shell.Var(null, false)).readonly = true;
        }
        return 0;
    }

    static int unset(Shell sh, List<String> w) {
        boolean functions = false;
        int status = 0;
        for (String a : w.subList(1, w.size())) {
            if (a.equals("-f")) {
                functions = true;
                continue;
            }
            if (a.equals("-v")) {
                functions = false;
                continue;
            }
            if (functions) {
                sh.functions.remove(a);
                continue;
            }
            try {
                sh.unsetVar(a);
            } catch (Shell.ReadonlyError e) {
                sh.error(sh.dialect.bash() ? "unset: " + a + ": cannot unset: readonly variable" : "unset: " + a + ": is read only");
                status = 1;
            }
        }
        return status;
    }

    static int set(Shell sh, List<String> w) {
        if (w.size() == 1) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Shell.Var> e : new TreeMap<>(sh.vars).entrySet()) {
                if (e.getValue().value != null) {
                    s.append(e.getKey()).append('=').append(quote(e.getValue().value)).append('\n');
                }
            }
            return out(sh, s.toString()) ? 0 : 1;
        }
        int i = 1;
        for (; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("--")) {
                sh.positional = new ArrayList<>(w.subList(i + 1, w.size()));
                return 0;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.startsWith("-");
                if (a.substring(1).equals("o")) {
                    if (i + 1 < w.size()) {
                        String option = w.get(++i);
                        switch (option) {
                            case "errexit" -> sh.errexit = on;
                            case "xtrace" -> sh.xtrace = on;
                            case "nounset" -> sh.nounset = on;
                            case "noglob" -> sh.noglob = on;
                            case "pipefail" -> {
                                sh.error("set: -o pipefail: not modelled in isolab");
                                return 2;
                            }
                            default -> {
                                sh.error(sh.dialect.bash() ? "set: " + option + ": invalid option name"
                                        : "set: Illegal option -o " + option);
                                return sh.dialect.bash() ? 1 : 2;
                            }
                        }
                    }
                    continue;
                }
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e' -> sh.errexit = on;
                        case 'x' -> sh.xtrace = on;
                        case 'u' -> sh.nounset = on;
                        case 'f' -> sh.noglob = on;
                        case 'm', 'b', 'h', 'C', 'a', 'v', 'n', 'B', 'H', 'P', 'T', 'E' -> {
                        }
                        default -> {
                            sh.error(sh.dialect.bash() ? "set: -" + c + ": invalid option" : "set: Illegal option -" + c);
                            return 2;
                        }
                    }
                }
                continue;
            }
            break;
        }
        if (i < w.size()) {
            sh.positional = new ArrayList<>(w.subList(i, w.size()));
        }
        return 0;
    }

    static String quote(String value) {
        if (value.matches("[A-Za-z0-9_./:,@%+=-]*") && !value.isEmpty()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static int shift(Shell sh, List<String> w) {
        int n = 1;
        if (w.size() > 1) {
            try {
                n = Integer.parseInt(w.get(1));
            } catch (NumberFormatException e) {
                sh.error(sh.dialect.bash() ? "shift: " + w.get(1) + ": numeric argument required" : "shift: Illegal number: " + w.get(1));
                return sh.dialect.bash() ? 1 : 2;
            }
        }
        if (n > sh.positional.size()) {
            if (!sh.dialect.bash()) {
                sh.error("shift: can't shift that many");
                return 2;
            }
            return 1;
        }
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        return 0;
    }

    static int local(Shell sh, List<String> w) {
        for (String a : w.subList(1, w.size())) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!sh.makeLocal(name)) {
                sh.error(sh.dialect.bash() ? "local: can only be used in a function" : "local: not in a function");
                return sh.dialect.bash() ? 1 : 2;
            }
            if (eq >= 0) {
                sh.setVar(name, a.substring(eq + 1), false);
            } else if (!sh.vars.containsKey(name) && sh.dialect.bash()) {
                sh.vars.put(name, new Shell.Var(null, false));
            }
        }
        return 0;
    }

    static int let(Shell sh, List<String> w) {
        if (w.size() < 2) {
            sh.error("let: expression expected");
            return 1;
        }
        long value = 0;
        for (String expr : w.subList(1, w.size())) {
            try {
                value = Arith.eval(expr, new Arith.Vars() {
                    @Override
                    public String get(String name) {
                        return sh.getVar(name);
                    }

                    @Override
                    public void set(String name, String v) {
                        sh.setVar(name, v, false);
                    }
                });
            } catch (Arith.Error e) {
                sh.error("let: " + expr + ": " + e.getMessage());
                return 1;
            }
        }
        return value == 0 ? 1 : 0;
    }

    static int umask(Shell sh, List<String> w) {
        if (w.size() == 1) {
            int mask = sh.sys.umask(0);
            sh.sys.umask(mask);
            return out(sh, String.format("%04o%n", mask)) ? 0 : 1;
        }
        try {
            sh.sys.umask(Integer.parseInt(w.get(1), 8));
            return 0;
        } catch (NumberFormatException e) {
            sh.error(sh.dialect.bash() ? "umask: " + w.get(1) + ": octal number out of range" : "umask: Illegal number: " + w.get(1));
            return 1;
        }
    }

    static int times(Shell sh, List<String> w) {
        return out(sh, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n") ? 0 : 1;
    }

    static int trap(Shell sh, List<String> w) {
        if (w.size() == 3 && (w.get(2).equals("EXIT") || w.get(2).equals("0"))) {
            sh.exitTrap = w.get(1).equals("-") || w.get(1).isEmpty() ? null : w.get(1);
            return 0;
        }
        if (w.size() >= 3 && (w.get(1).isEmpty() || w.get(1).equals("-"))) {
            for (String spec : w.subList(2, w.size())) {
                int sig = signalNumber(spec);
                if (sig <= 0) {
                    sh.error(sh.dialect.bash() ? "trap: " + spec + ": invalid signal specification" : "trap: " + spec + ": bad trap");
                    return 1;
                }
                sh.sys.sigaction(sig, w.get(1).isEmpty() ? isolab.sim.syscall.Syscalls.Disposition.IGNORE
                        : isolab.sim.syscall.Syscalls.Disposition.DEFAULT);
            }
            return 0;
        }
        sh.error("trap: handlers other than EXIT are not modelled in isolab");
        return 2;
    }

    static int signalNumber(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return Signal.valid(n) ? n : -1;
        }
        return Signal.number(spec.toUpperCase(java.util.Locale.ROOT));
    }

    // ---- read --------------------------------------------------------------------------------

    static int read(Shell sh, List<String> w) {
        boolean raw = false;
        String prompt = null;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i);
            if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < w.size()) {
                prompt = w.get(++i);
            } else if (a.startsWith("-") && a.length() > 1 && names.isEmpty()) {
                sh.error("read: " + a + ": not modelled in isolab");
                return 2;
            } else {
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        if (prompt != null && sh.sys.isatty(0)) {
            sh.proc.err(prompt);
        }
        StringBuilder line = new StringBuilder();
        byte[] one = new byte[1];
        boolean eof = false;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        while (true) {
            int n;
            try {
                n = sh.sys.read(0, one, 0, 1);
            } catch (SysException e) {
                if (e.errno() == Errno.EINTR) {
                    throw new Shell.Interrupt();
                }
                sh.error("read: read error: 0: " + e.strerror());
                return 1;
            }
            if (n <= 0) {
                eof = true;
                break;
            }
            if (one[0] == '\n') {
                String sofar = bytes.toString(StandardCharsets.UTF_8);
                if (!raw && sofar.endsWith("\\") && !sofar.endsWith("\\\\")) {
                    bytes.reset();
                    bytes.writeBytes(sofar.substring(0, sofar.length() - 1).getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                break;
            }
            bytes.write(one[0]);
        }
        line.append(bytes.toString(StandardCharsets.UTF_8));
        String text = line.toString();
        if (!raw) {
            text = text.replaceAll("\\\\(.)", "$1");
        }
        String ifs = sh.getVar("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<String> fields = splitRead(text, ifs, names.size());
        for (int i = 0; i < names.size(); i++) {
            sh.setVar(names.get(i), i < fields.size() ? fields.get(i) : "", false);
        }
        return eof && text.isEmpty() ? 1 : eof ? 1 : 0;
    }

    private static List<String> splitRead(String text, String ifs, int count) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < n) {
            if (fields.size() == count - 1) {
                String rest = text.substring(i);
                int end = rest.length();
                while (end > 0 && ifs.indexOf(rest.charAt(end - 1)) >= 0 && Character.isWhitespace(rest.charAt(end - 1))) {
                    end--;
                }
                fields.add(rest.substring(0, end));
                return fields;
            }
            int start = i;
            while (i < n && ifs.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            fields.add(text.substring(start, i));
            while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < n && ifs.indexOf(text.charAt(i)) >= 0) {
                i++;
                while (i < n && ifs.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
        }
        return fields;
    }

}
