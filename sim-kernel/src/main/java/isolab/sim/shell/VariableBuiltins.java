package isolab.sim.shell;

import isolab.sim.process.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The builtins that work on the shell's variables and parameters: export, readonly, unset, set,
 * shift, local, let, umask and times.
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
                            case "monitor" -> sh.monitor = on && sh.interactive;
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
                        case 'm' -> sh.monitor = on && sh.interactive;
                        case 'b', 'h', 'C', 'a', 'v', 'n', 'B', 'H', 'P', 'T', 'E' -> {
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
                value = Arith.eval(expr, sh.arithVars());
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

    static int signalNumber(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return Signal.valid(n) ? n : -1;
        }
        return Signal.number(spec.toUpperCase(java.util.Locale.ROOT));
    }
}
