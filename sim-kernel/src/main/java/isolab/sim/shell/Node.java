package isolab.sim.shell;

import java.util.List;

/**
 * The command tree a command line parses into (the grammar of POSIX sh, XCU 2.10, with bash's
 * additions {@code &>} and {@code <<<}). Every node is a record; the interpreter walks it.
 */
public sealed interface Node {

    /** {@code NAME=value... word... redirect...}. */
    record Simple(List<Assign> assignments, List<Word> words, List<Redirect> redirects, int line) implements Node {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code [!] a | b | c}. */
    record Pipeline(List<Node> commands, boolean bang) implements Node {
        public Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** bash's {@code time pipeline}: runs it and reports real, user and sys time on standard error. */
    record Timed(Node pipeline) implements Node {
    }

    /** {@code left && right} or {@code left || right}, left-associative. */
    record AndOr(Node left, boolean and, Node right) implements Node {
    }

    /** Commands separated by {@code ;}, {@code &} or newlines; each item may run in the background. */
    record Sequence(List<Item> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** One command of a sequence and whether it ends in {@code &}. */
    record Item(Node node, boolean async, String text) {
    }

    /** {@code ( list )}: runs in a forked copy of the shell. */
    record Subshell(Node body, List<Redirect> redirects) implements Node {
    }

    /** {@code { list; }}: runs in the shell itself. */
    record Group(Node body, List<Redirect> redirects) implements Node {
    }

    /** {@code if c1; then b1; elif c2; then b2; else b3; fi}. */
    record If(List<Node> conditions, List<Node> bodies, Node otherwise, List<Redirect> redirects) implements Node {
    }

    /** {@code while c; do b; done} ({@code until} when {@code until}). */
    record Loop(Node condition, Node body, boolean until, List<Redirect> redirects) implements Node {
    }

    /** {@code for name in words; do body; done}; {@code words} null means {@code "$@"}. */
    record For(String name, List<Word> words, Node body, List<Redirect> redirects) implements Node {
    }

    /** {@code case word in pattern) body;; ... esac}. */
    record Case(Word subject, List<CaseItem> items, List<Redirect> redirects) implements Node {
    }

    /** One arm of a case. */
    record CaseItem(List<Word> patterns, Node body) {
    }

    /** bash's {@code [[ expression ]]}: a command whose status is the expression's truth (0 true, 1 false, 2 error). */
    record Conditional(Cond expression, int line, List<Redirect> redirects) implements Node {
    }

    /** {@code name() compound-command}. */
    record Function(String name, Node body) implements Node {
    }

    /** {@code NAME=value} before a command. */
    record Assign(String name, Word value) {
    }

    /** A redirection: {@code fd op target}; for here-documents {@code target} is the body. */
    record Redirect(int fd, String op, Word target) {
    }
}
