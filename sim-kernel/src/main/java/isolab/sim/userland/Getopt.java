package isolab.sim.userland;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU getopt_long (glibc posix/getopt.c) as coreutils and util-linux use it: short options that
 * cluster ({@code -la}), short options with arguments ({@code -n5}, {@code -n 5}), long options
 * with {@code =} or a separate argument and unambiguous prefixes, {@code --} to end options, and
 * operands permuted to the end. Errors carry glibc's exact messages.
 */
public final class Getopt {

    /** How a long option takes an argument. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    /** A long option and the short option (or pseudo-key) it is reported as. */
    public record LongOption(String name, Arg arg, String key) {
    }

    /** One option found: its key (the short letter, or the long name) and its argument or null. */
    public record Opt(String key, String arg, String spelled) {
    }

    /** The result: options in order, then the operands. */
    public record Parsed(List<Opt> options, List<String> operands) {
        /** Whether option {@code key} was given. */
        public boolean has(String key) {
            return options.stream().anyMatch(o -> o.key().equals(key));
        }

        /** The argument of the last {@code key}, or null. */
        public String last(String key) {
            String value = null;
            for (Opt o : options) {
                if (o.key().equals(key)) {
                    value = o.arg();
                }
            }
            return value;
        }
    }

    /** A usage error, with getopt's message (without the program name). */
    public static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageError(String message) {
            super(message, null, false, false);
        }
    }

    private final String shortSpec;
    private final List<LongOption> longs;
    private final boolean permute;
    private final boolean digitsAreOperands;

    /**
     * @param shortSpec getopt's optstring: letters, each followed by {@code :} if it takes an argument
     *     ({@code ::} optional); a leading {@code +} stops at the first operand (POSIXLY_CORRECT)
     */
    public Getopt(String shortSpec, List<LongOption> longs) {
        this.permute = !shortSpec.startsWith("+");
        this.shortSpec = shortSpec.startsWith("+") ? shortSpec.substring(1) : shortSpec;
        this.longs = longs;
        this.digitsAreOperands = false;
    }

    /** Shorthand for a long option reported as {@code key}. */
    public static LongOption opt(String name, Arg arg, String key) {
        return new LongOption(name, arg, key);
    }

    /**
     * Parses {@code p}'s arguments; null once a bad option has been reported as coreutils and
     * util-linux report it ({@link Usage#tryHelp}), the caller then returning its usage status.
     */
    public Parsed parseOrTryHelp(Proc p) {
        try {
            return parse(p.args());
        } catch (UsageError e) {
            Usage.tryHelp(p, e.getMessage(), 0);
            return null;
        }
    }

    /** Parses {@code args} (argv without argv[0]). */
    public Parsed parse(List<String> args) {
        List<Opt> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                i = parseLong(args, i, options);
            } else if (a.startsWith("-") && a.length() > 1 && !(digitsAreOperands && Character.isDigit(a.charAt(1)))) {
                i = parseShort(args, i, options);
            } else if (permute) {
                operands.add(a);
            } else {
                operands.addAll(args.subList(i, args.size()));
                break;
            }
        }
        return new Parsed(options, operands);
    }

    private int parseLong(List<String> args, int i, List<Opt> options) {
        String body = args.get(i).substring(2);
        String name = body;
        String value = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
            name = body.substring(0, eq);
            value = body.substring(eq + 1);
        }
        LongOption match = null;
        List<LongOption> prefixed = new ArrayList<>();
        for (LongOption l : longs) {
            if (l.name().equals(name)) {
                match = l;
                break;
            }
            if (l.name().startsWith(name)) {
                prefixed.add(l);
            }
        }
        if (match == null) {
            if (prefixed.size() == 1 || (!prefixed.isEmpty() && allSame(prefixed))) {
                match = prefixed.get(0);
            } else if (prefixed.size() > 1) {
                StringBuilder msg = new StringBuilder("option '--" + name + "' is ambiguous; possibilities:");
                for (LongOption l : prefixed) {
                    msg.append(" '--").append(l.name()).append("'");
                }
                throw new UsageError(msg.toString());
            } else {
                throw new UsageError("unrecognized option '--" + name + "'");
            }
        }
        String spelled = "--" + match.name();
        switch (match.arg()) {
            case NONE -> {
                if (value != null) {
                    throw new UsageError("option '--" + match.name() + "' doesn't allow an argument");
                }
            }
            case REQUIRED -> {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageError("option '--" + match.name() + "' requires an argument");
                    }
                    value = args.get(++i);
                }
            }
            case OPTIONAL -> {
            }
        }
        options.add(new Opt(match.key(), value, spelled));
        return i;
    }

    private static boolean allSame(List<LongOption> options) {
        for (LongOption l : options) {
            if (!l.key().equals(options.get(0).key()) || l.arg() != options.get(0).arg()) {
                return false;
            }
        }
        return true;
    }

    private int parseShort(List<String> args, int i, List<Opt> options) {
        String a = args.get(i);
        for (int j = 1; j < a.length(); j++) {
            char c = a.charAt(j);
            int at = shortSpec.indexOf(c);
            if (at < 0 || c == ':') {
                throw new UsageError("invalid option -- '" + c + "'");
            }
            boolean takesArg = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
            boolean optional = takesArg && at + 2 < shortSpec.length() && shortSpec.charAt(at + 2) == ':';
            if (!takesArg) {
                options.add(new Opt(String.valueOf(c), null, "-" + c));
                continue;
            }
            if (j + 1 < a.length()) {
                options.add(new Opt(String.valueOf(c), a.substring(j + 1), "-" + c));
                return i;
            }
            if (optional) {
                options.add(new Opt(String.valueOf(c), null, "-" + c));
                return i;
            }
            if (i + 1 >= args.size()) {
                throw new UsageError("option requires an argument -- '" + c + "'");
            }
            options.add(new Opt(String.valueOf(c), args.get(i + 1), "-" + c));
            return i + 1;
        }
        return i;
    }
}
