package isolab.sim.shell;

import java.util.List;

/**
 * A word before expansion: a sequence of parts, as the parser found them. Quoting is kept in the
 * parts, because expansion depends on it (field splitting and globbing apply only to unquoted
 * text).
 */
public record Word(List<Part> parts, String source) {

    public Word {
        parts = List.copyOf(parts);
    }

    /** A piece of a word. */
    public sealed interface Part {
    }

    /** Unquoted literal text (globbing applies). */
    public record Literal(String text) implements Part {
    }

    /** Text quoted with {@code '...'} or a backslash: taken as is. */
    public record Quoted(String text) implements Part {
    }

    /** A {@code "..."} region: expansions inside are not split or globbed. */
    public record DoubleQuoted(List<Part> parts) implements Part {
        public DoubleQuoted {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A parameter expansion {@code $name} or {@code ${name<op>arg}}; {@code op} is null, one of
     * {@code - := = ? + :- :? :+ % %% # ##}, or {@code "len"} for {@code ${#name}}.
     */
    public record Param(String name, String op, Word arg) implements Part {
    }

    /** {@code $(...)} or {@code `...`}. */
    public record CommandSub(Node body, String text) implements Part {
    }

    /** {@code $((...))}. */
    public record Arith(String expression) implements Part {
    }

    /** A leading {@code ~} or {@code ~user}. */
    public record Tilde(String user) implements Part {
    }

    /** The word's text if it is a single unquoted literal (a keyword candidate), else null. */
    public String plainText() {
        if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
            return l.text();
        }
        return null;
    }
}
