package isolab.sim.shell;

import java.util.ArrayList;
import java.util.List;


/**
 * Parses shell input into a command tree by recursive descent over the characters, as dash's
 * parser.c does: reserved words are recognised only where a command starts, here-document bodies
 * are taken from the lines after the command, words are read with their quoting kept
 * ({@link Words}) and bash's {@code [[ ]]} has a grammar of its own ({@link CondParser}); all three
 * share this parser's cursor. Input that stops in the middle of a construct raises
 * {@link Incomplete}, so an interactive shell can read another line (PS2) and try again; anything
 * else malformed raises {@link SyntaxError}.
 */
public final class Parser {

    /** The input ended inside a construct; more lines are needed. */
    public static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String expecting;
        private final int line;

        public Incomplete(String expecting, int line) {
            super("incomplete", null, false, false);
            this.expecting = expecting;
            this.line = line;
        }

        /** What would have closed the construct: {@code fi}, {@code "}, ... (null if nothing specific). */
        public String expecting() {
            return expecting;
        }

        /** The line the input ended on. */
        public int line() {
            return line;
        }
    }

    /** The input is not a valid command: {@code token} came where it cannot be. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String token;
        private final int line;
        private final String conditionalMessage;

        SyntaxError(String token, int line) {
            this(token, line, null);
        }

        SyntaxError(String token, int line, String conditionalMessage) {
            super("syntax error near " + token, null, false, false);
            this.token = token;
            this.line = line;
            this.conditionalMessage = conditionalMessage;
        }

        /**
         * bash's own message for a malformed {@code [[ ]]} (parse.y: cond_error), printed instead of
         * "syntax error near unexpected token"; such an error leaves {@code $?} as it was. Null otherwise.
         */
        public String conditionalMessage() {
            return conditionalMessage;
        }

        /** The unexpected token, as the shells quote it ({@code newline} for a line end). */
        public String token() {
            return token;
        }

        public int line() {
            return line;
        }
    }

    private static final List<String> RESERVED = List.of(
            "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "{", "}", "!", "in");
    private static final String[] OPERATORS = {
        "&>>", "<<-", "<<<", "&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|", "&>", "|&", ";", "&", "|", "(", ")",
        "<", ">", "\n"};

    String src;
    int pos;
    int line;
    final boolean bash;
    final Words words = new Words(this);

    private Parser(String src, boolean bash, int firstLine) {
        this.src = src;
        this.bash = bash;
        this.line = firstLine;
    }

    /**
     * Parses a whole input: a sequence of commands, or null if it holds none.
     *
     * @param bash whether bash's extensions ({@code &>}, {@code <<<}, {@code function}) are on
     * @param firstLine the line number the input starts on, for error messages
     */
    public static Node parse(String src, boolean bash, int firstLine) {
        Parser p = new Parser(src, bash, firstLine);
        Node.Sequence seq = p.parseList(List.of(), true);
        p.skipBlanks();
        if (p.pos < p.src.length()) {
            throw new SyntaxError(p.tokenAt(), p.line);
        }
        return seq.items().isEmpty() ? null : seq;
    }

    /** Parses the body of a here-document: expansions and backslashes as in double quotes, but {@code "} is plain. */
    public static Word parseHeredocBody(String body) {
        Parser p = new Parser(body, true, 1);
        List<Word.Part> parts = p.words.readQuotedParts(true);
        return new Word(parts, body);
    }

    // ---- lists -------------------------------------------------------------------------------

    Node.Sequence parseList(List<String> terminators, boolean top) {
        List<Node.Item> items = new ArrayList<>();
        while (true) {
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                if (!terminators.isEmpty()) {
                    throw new Incomplete(expectingOf(terminators), line);
                }
                break;
            }
            if (atTerminator(terminators)) {
                break;
            }
            if (top && peekOp() != null && peekOp().equals(")")) {
                throw new SyntaxError(")", line);
            }
            int start = pos;
            Node node = parseAndOr();
            String text = src.substring(start, pos).trim();
            skipBlanks();
            String op = peekOp();
            boolean async = false;
            if (";".equals(op)) {
                pos++;
            } else if ("&".equals(op)) {
                pos++;
                async = true;
            } else if ("\n".equals(op)) {
                consumeNewline();
            } else if (op != null && !op.equals(")") && !op.equals(";;")) {
                throw new SyntaxError(op, line);
            } else if (op == null && pos < src.length() && !atTerminator(terminators)) {
                throw new SyntaxError(tokenAt(), line);
            }
            items.add(new Node.Item(node, async, text));
            if (op != null && (op.equals(")") || op.equals(";;"))) {
                break;
            }
        }
        return new Node.Sequence(items);
    }

    private static String expectingOf(List<String> terminators) {
        for (String t : List.of("fi", "then", "done", "do", "esac", "}", ")", "in")) {
            if (terminators.contains(t)) {
                return t;
            }
        }
        return null;
    }

    private boolean atTerminator(List<String> terminators) {
        if (terminators.isEmpty()) {
            return false;
        }
        int save = pos;
        int saveLine = line;
        skipBlanks();
        String op = peekOp();
        boolean result = false;
        if (op != null) {
            result = terminators.contains(op);
        } else {
            String w = peekPlainWord();
            result = w != null && terminators.contains(w);
        }
        pos = save;
        line = saveLine;
        return result;
    }

    private Node parseAndOr() {
        Node left = parsePipeline();
        while (true) {
            skipBlanks();
            String op = peekOp();
            if (!"&&".equals(op) && !"||".equals(op)) {
                return left;
            }
            pos += 2;
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                throw new Incomplete(null, line);
            }
            Node right = parsePipeline();
            left = new Node.AndOr(left, op.equals("&&"), right);
        }
    }

    private Node parsePipeline() {
        skipBlanks();
        if (bash && "time".equals(peekPlainWord())) {
            readWord();
            skipBlanks();
            return new Node.Timed(parsePipeline());
        }
        boolean bang = false;
        if ("!".equals(peekPlainWord())) {
            readWord();
            bang = true;
            skipBlanks();
        }
        List<Node> commands = new ArrayList<>();
        commands.add(parseCommand());
        while (true) {
            skipBlanks();
            String op = peekOp();
            if (!"|".equals(op) && !(bash && "|&".equals(op))) {
                break;
            }
            pos += op.length();
            if (op.equals("|&")) {
                Node last = commands.remove(commands.size() - 1);
                commands.add(withRedirect(last, new Node.Redirect(2, ">&", literal("1"))));
            }
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                throw new Incomplete(null, line);
            }
            commands.add(parseCommand());
        }
        return commands.size() == 1 && !bang ? commands.get(0) : new Node.Pipeline(commands, bang);
    }

    private static Node withRedirect(Node node, Node.Redirect redirect) {
        if (node instanceof Node.Simple s) {
            List<Node.Redirect> r = new ArrayList<>(s.redirects());
            r.add(redirect);
            return new Node.Simple(s.assignments(), s.words(), r, s.line());
        }
        return new Node.Group(node, List.of(redirect));
    }

    private static Word literal(String text) {
        return new Word(List.of(new Word.Literal(text)), text);
    }

    // ---- commands ----------------------------------------------------------------------------

    Node parseCommand() {
        skipBlanks();
        if (pos >= src.length()) {
            throw new Incomplete(null, line);
        }
        String op = peekOp();
        if ("(".equals(op)) {
            pos++;
            Node body = parseList(List.of(")"), false);
            expectOp(")");
            return new Node.Subshell(body, parseRedirects());
        }
        if (op != null && !isRedirectOp(op)) {
            throw new SyntaxError(op.equals("\n") ? "newline" : op, line);
        }
        String kw = peekPlainWord();
        if (kw != null) {
            switch (kw) {
                case "{" -> {
                    readWord();
                    Node body = parseList(List.of("}"), false);
                    expectWord("}");
                    return new Node.Group(body, parseRedirects());
                }
                case "if" -> {
                    return parseIf();
                }
                case "while", "until" -> {
                    readWord();
                    Node cond = parseList(List.of("do"), false);
                    expectWord("do");
                    Node body = parseList(List.of("done"), false);
                    expectWord("done");
                    return new Node.Loop(cond, body, kw.equals("until"), parseRedirects());
                }
                case "for" -> {
                    return parseFor();
                }
                case "case" -> {
                    return parseCase();
                }
                case "then", "else", "elif", "fi", "do", "done", "esac", "}", "in" -> throw new SyntaxError(kw, line);
                case "function" -> {
                    if (bash) {
                        return parseFunctionKeyword();
                    }
                }
                case "[[" -> {
                    if (bash) {
                        return new CondParser(this).parseConditional();
                    }
                }
                default -> {
                }
            }
            if (isName(kw)) {
                int save = pos;
                int saveLine = line;
                readWord();
                skipBlanks();
                if (src.startsWith("(", pos)) {
                    int after = pos + 1;
                    while (after < src.length() && (src.charAt(after) == ' ' || src.charAt(after) == '\t')) {
                        after++;
                    }
                    if (after < src.length() && src.charAt(after) == ')') {
                        pos = after + 1;
                        skipBlanksAndNewlines();
                        if (pos >= src.length()) {
                            throw new Incomplete(null, line);
                        }
                        return new Node.Function(kw, parseCommand());
                    }
                }
                pos = save;
                line = saveLine;
            }
        }
        return parseSimple();
    }

    private Node parseFunctionKeyword() {
        readWord();
        skipBlanks();
        String name = peekPlainWord();
        if (name == null) {
            throw new SyntaxError(tokenAt(), line);
        }
        readWord();
        skipBlanks();
        if (src.startsWith("()", pos)) {
            pos += 2;
        }
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete(null, line);
        }
        return new Node.Function(name, parseCommand());
    }

    private Node parseIf() {
        readWord();
        List<Node> conditions = new ArrayList<>();
        List<Node> bodies = new ArrayList<>();
        Node otherwise = null;
        conditions.add(parseList(List.of("then"), false));
        expectWord("then");
        while (true) {
            Node body = parseList(List.of("elif", "else", "fi"), false);
            bodies.add(body);
            skipBlanksAndNewlines();
            String kw = peekPlainWord();
            if ("elif".equals(kw)) {
                readWord();
                conditions.add(parseList(List.of("then"), false));
                expectWord("then");
                continue;
            }
            if ("else".equals(kw)) {
                readWord();
                otherwise = parseList(List.of("fi"), false);
            }
            expectWord("fi");
            return new Node.If(conditions, bodies, otherwise, parseRedirects());
        }
    }

    private Node parseFor() {
        readWord();
        skipBlanks();
        String name = peekPlainWord();
        if (name == null || !isName(name)) {
            if (pos >= src.length()) {
                throw new Incomplete(null, line);
            }
            throw new SyntaxError(tokenAt(), line);
        }
        readWord();
        skipBlanks();
        List<Word> words = null;
        int save = pos;
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete("do", line);
        }
        if ("in".equals(peekPlainWord())) {
            readWord();
            words = new ArrayList<>();
            while (true) {
                skipBlanks();
                String op = peekOp();
                if (pos >= src.length()) {
                    throw new Incomplete("do", line);
                }
                if (op != null) {
                    if (op.equals(";")) {
                        pos++;
                    } else if (op.equals("\n")) {
                        consumeNewline();
                    } else {
                        throw new SyntaxError(op, line);
                    }
                    break;
                }
                words.add(readWord());
            }
        } else {
            pos = save;
            skipBlanks();
            if (";".equals(peekOp())) {
                pos++;
            }
        }
        skipBlanksAndNewlines();
        expectWord("do");
        Node body = parseList(List.of("done"), false);
        expectWord("done");
        return new Node.For(name, words, body, parseRedirects());
    }

    private Node parseCase() {
        readWord();
        skipBlanks();
        if (pos >= src.length()) {
            throw new Incomplete("in", line);
        }
        Word subject = readWord();
        skipBlanksAndNewlines();
        expectWord("in");
        List<Node.CaseItem> items = new ArrayList<>();
        while (true) {
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                throw new Incomplete("esac", line);
            }
            if ("esac".equals(peekPlainWord())) {
                readWord();
                break;
            }
            if ("(".equals(peekOp())) {
                pos++;
                skipBlanks();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                skipBlanks();
                patterns.add(readWord());
                skipBlanks();
                String op = peekOp();
                if ("|".equals(op)) {
                    pos++;
                    continue;
                }
                if (")".equals(op)) {
                    pos++;
                    break;
                }
                if (pos >= src.length()) {
                    throw new Incomplete("esac", line);
                }
                throw new SyntaxError(op == null ? tokenAt() : op, line);
            }
            Node body = parseList(List.of(";;", "esac"), false);
            items.add(new Node.CaseItem(patterns, body));
            skipBlanksAndNewlines();
            if (";;".equals(peekOp())) {
                pos += 2;
            }
        }
        return new Node.Case(subject, items, parseRedirects());
    }

    private Node parseSimple() {
        int startLine = line;
        List<Node.Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Node.Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                break;
            }
            Node.Redirect r = tryRedirect();
            if (r != null) {
                redirects.add(r);
                continue;
            }
            if (peekOp() != null) {
                break;
            }
            Word w = readWord();
            if (bash && words.isEmpty() && isAssignment(w) && w.source().endsWith("=") && src.startsWith("(", pos)) {
                throw new ArraysNotModelled(line);
            }
            if (words.isEmpty() && isAssignment(w)) {
                assigns.add(toAssign(w));
            } else {
                words.add(w);
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw new SyntaxError(tokenAt(), line);
        }
        return new Node.Simple(assigns, words, redirects, startLine);
    }

    List<Node.Redirect> parseRedirects() {
        List<Node.Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            Node.Redirect r = tryRedirect();
            if (r == null) {
                return redirects;
            }
            redirects.add(r);
        }
    }

    private boolean isRedirectOp(String op) {
        return op.startsWith("<") || op.startsWith(">") || op.equals("&>") || op.equals("&>>");
    }

    private Node.Redirect tryRedirect() {
        int save = pos;
        int fd = -2;
        int digits = pos;
        while (digits < src.length() && Character.isDigit(src.charAt(digits))) {
            digits++;
        }
        if (digits > pos && digits < src.length() && (src.charAt(digits) == '<' || src.charAt(digits) == '>')) {
            fd = Integer.parseInt(src.substring(pos, digits));
            pos = digits;
        }
        String op = peekOp();
        if (op == null || !isRedirectOp(op) || (!bash && (op.equals("&>") || op.equals("&>>") || op.equals("<<<")))) {
            pos = save;
            return null;
        }
        pos += op.length();
        skipBlanks();
        if (pos >= src.length()) {
            throw new SyntaxError("newline", line);
        }
        String next = peekOp();
        if (next != null) {
            throw new SyntaxError(next.equals("\n") ? "newline" : next, line);
        }
        if (op.equals("<<") || op.equals("<<-")) {
            Word delimiter = readWord();
            return new Node.Redirect(fd == -2 ? 0 : fd, op, heredoc(delimiter, op.equals("<<-")));
        }
        Word target = readWord();
        int defaultFd = op.startsWith("<") ? 0 : op.startsWith("&") ? -1 : 1;
        return new Node.Redirect(fd == -2 ? defaultFd : fd, op, target);
    }

    /** Takes the here-document body for {@code delimiter} from the lines after the current one. */
    private Word heredoc(Word delimiter, boolean stripTabs) {
        StringBuilder delimText = new StringBuilder();
        boolean quoted = false;
        for (Word.Part part : delimiter.parts()) {
            if (part instanceof Word.Literal l) {
                delimText.append(l.text());
            } else if (part instanceof Word.Quoted q) {
                delimText.append(q.text());
                quoted = true;
            } else if (part instanceof Word.DoubleQuoted dq) {
                quoted = true;
                for (Word.Part inner : dq.parts()) {
                    if (inner instanceof Word.Quoted q) {
                        delimText.append(q.text());
                    }
                }
            }
        }
        int nl = src.indexOf('\n', pos);
        if (nl < 0) {
            throw new Incomplete(delimText.toString(), line);
        }
        StringBuilder body = new StringBuilder();
        int at = nl + 1;
        while (true) {
            if (at >= src.length()) {
                throw new Incomplete(delimText.toString(), line);
            }
            int end = src.indexOf('\n', at);
            if (end < 0) {
                throw new Incomplete(delimText.toString(), line);
            }
            String l = src.substring(at, end);
            if (stripTabs) {
                l = l.replaceFirst("^\t+", "");
            }
            at = end + 1;
            if (l.equals(delimText.toString())) {
                break;
            }
            body.append(l).append('\n');
        }
        src = src.substring(0, nl + 1) + src.substring(at);
        String text = body.toString();
        if (quoted) {
            return new Word(List.of(new Word.Quoted(text)), text);
        }
        return new Word(List.of(new Word.DoubleQuoted(parseHeredocBody(text).parts())), text);
    }

    private static boolean isAssignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Word.Literal l)) {
            return false;
        }
        int eq = l.text().indexOf('=');
        return eq > 0 && isName(l.text().substring(0, eq));
    }

    private static Node.Assign toAssign(Word w) {
        Word.Literal first = (Word.Literal) w.parts().get(0);
        int eq = first.text().indexOf('=');
        String name = first.text().substring(0, eq);
        List<Word.Part> rest = new ArrayList<>();
        String after = first.text().substring(eq + 1);
        if (!after.isEmpty()) {
            rest.add(new Word.Literal(after));
        }
        rest.addAll(w.parts().subList(1, w.parts().size()));
        return new Node.Assign(name, new Word(rest, w.source().substring(eq + 1)));
    }

    /** Whether {@code s} is a valid shell variable name. */
    public static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') || s.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }

    void expectOp(String op) {
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete(op, line);
        }
        if (!src.startsWith(op, pos)) {
            throw new SyntaxError(tokenAt(), line);
        }
        pos += op.length();
    }

    void expectWord(String word) {
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete(word, line);
        }
        String w = peekPlainWord();
        if (!word.equals(w)) {
            String op = peekOp();
            throw new SyntaxError(op != null ? (op.equals("\n") ? "newline" : op) : tokenAt(), line);
        }
        readWord();
    }

    // ---- tokens ------------------------------------------------------------------------------

    /** Reads one word at the cursor ({@link Words}). */
    Word readWord() {
        return words.readWord();
    }

    String tokenAt() {
        if (pos >= src.length()) {
            return "newline";
        }
        String op = peekOp();
        if (op != null) {
            return op.equals("\n") ? "newline" : op;
        }
        int save = pos;
        int saveLine = line;
        Word w = readWord();
        pos = save;
        line = saveLine;
        return w.source();
    }

    String peekOp() {
        if (pos >= src.length()) {
            return null;
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                if (!bash && (op.equals("&>>") || op.equals("&>") || op.equals("|&") || op.equals("<<<"))) {
                    continue;
                }
                return op;
            }
        }
        return null;
    }

    String peekPlainWord() {
        if (pos >= src.length() || peekOp() != null) {
            return null;
        }
        int save = pos;
        int saveLine = line;
        try {
            Word w = readWord();
            return w.plainText();
        } catch (Incomplete e) {
            return null;
        } finally {
            pos = save;
            line = saveLine;
        }
    }

    void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                if (pos >= src.length()) {
                    throw new Incomplete(null, line);
                }
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
    }

    void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (pos < src.length() && src.charAt(pos) == '\n') {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    void consumeNewline() {
        pos++;
        line++;
    }

    /** bash arrays ({@code a=(1 2)}, {@code ${a[1]}}), which the model does not have. */
    public static final class ArraysNotModelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        ArraysNotModelled(int line) {
            super("arrays", null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** {@code ${...}} that is not a valid parameter expansion. */
    public static final class BadSubstitution extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        BadSubstitution(int line) {
            super("bad substitution", null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
