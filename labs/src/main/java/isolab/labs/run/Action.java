package isolab.labs.run;

/**
 * One thing a person did in a session. A session is its lab, its seed, its plan and the log of
 * these; replaying the log on a fresh host gives the same session again. Each action has a
 * one-line text form ({@link #encode()}, {@link #decode(String)}) for storing logs.
 */
public sealed interface Action {

    /** This action as one line of text: {@code next}, {@code forward}, {@code check 5}, {@code type main echo hi}. */
    String encode();

    /**
     * One unit forward: run the next command of the current console or solution step; run a
     * check step whole; or, when the current step is done (or is a prediction), move to the next
     * step.
     */
    record Next() implements Action {
        @Override
        public String encode() {
            return "next";
        }
    }

    /** Run the rest of the current step's commands, then move to the next step. */
    record Forward() implements Action {
        @Override
        public String encode() {
            return "forward";
        }
    }

    /** The student typed {@code line} into terminal {@code terminal}. */
    record Type(String terminal, String line) implements Action {
        public Type {
            if (terminal.isEmpty() || terminal.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a terminal name is one word: '" + terminal + "'");
            }
        }

        @Override
        public String encode() {
            return "type " + terminal + " " + line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    /** Run check step {@code step} now ("check my work"), wherever the session is. */
    record RunCheck(int step) implements Action {
        @Override
        public String encode() {
            return "check " + step;
        }
    }

    /** The action {@code text} encodes; an {@link IllegalArgumentException} when it encodes none. */
    static Action decode(String text) {
        if (text.equals("next")) {
            return new Next();
        }
        if (text.equals("forward")) {
            return new Forward();
        }
        if (text.startsWith("check ")) {
            try {
                return new RunCheck(Integer.parseInt(text.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an action: " + text);
            }
        }
        if (text.startsWith("type ")) {
            int space = text.indexOf(' ', 5);
            if (space > 5) {
                return new Type(text.substring(5, space), unescape(text.substring(space + 1)));
            }
        }
        throw new IllegalArgumentException("not an action: " + text);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
