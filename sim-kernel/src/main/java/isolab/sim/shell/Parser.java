package isolab.sim.shell;

import java.util.ArrayList;
import java.util.List;


/**
 * Parses shell input into a command tree by recursive descent over the characters, as dash's
 * parser.c does: words are read with their quoting kept, reserved words are recognised only where
 * a command starts, here-document bodies are taken from the lines after the command. Input that
 * stops in the middle of a construct raises {@link Incomplete}, so an interactive shell can read
 * another line (PS2) and try again; anything else malformed raises {@link SyntaxError}.
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

        private SyntaxError(String token, int line, String conditionalMessage) {
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

    private String src;
    private int pos;
    private int line;
    private final boolean bash;

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
        List<Word.Part> parts = p.readQuotedParts(true);
        return new Word(parts, body);
    }

    // ---- lists -------------------------------------------------------------------------------

    private Node.Sequence parseList(List<String> terminators, boolean top) {
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

    private Node parseCommand() {
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
                        return parseConditional();
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

    // ---- [[ ]] ---------------------------------------------------------------------------------

    private static final List<String> COND_UNARY = List.of(
            "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G",
            "-L", "-N", "-O", "-S", "-n", "-z", "-o", "-v", "-R");
    private static final List<String> COND_BINARY = List.of(
            "==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef");

    /** bash's {@code [[ expr ]]} (parse.y: parse_cond_command): operators are read before expansion. */
    private Node parseConditional() {
        int startLine = line;
        readWord();
        skipBlanks();
        if ("]]".equals(peekPlainWord())) {
            throw new SyntaxError("]]", line);
        }
        Cond expression = condOr();
        skipBlanks();
        if (pos >= src.length()) {
            throw new Incomplete("]]", line);
        }
        if (!"]]".equals(peekPlainWord())) {
            throw condError("syntax error in conditional expression");
        }
        readWord();
        return new Node.Conditional(expression, startLine, parseRedirects());
    }

    private SyntaxError condError(String message) {
        return new SyntaxError(tokenAt(), line, message);
    }

    private Cond condOr() {
        Cond left = condAnd();
        while (true) {
            skipBlanks();
            if (!"||".equals(peekOp())) {
                return left;
            }
            pos += 2;
            left = new Cond.Or(left, condAnd());
        }
    }

    private Cond condAnd() {
        Cond left = condTerm();
        while (true) {
            skipBlanks();
            if (!"&&".equals(peekOp())) {
                return left;
            }
            pos += 2;
            left = new Cond.And(left, condTerm());
        }
    }

    private Cond condTerm() {
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete("]]", line);
        }
        String op = peekOp();
        if ("(".equals(op)) {
            pos++;
            Cond inner = condOr();
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                throw new Incomplete("]]", line);
            }
            if (!")".equals(peekOp())) {
                throw condError("expected `)'");
            }
            pos++;
            return inner;
        }
        if (op != null) {
            throw condError("unexpected token `" + tokenAt() + "' in conditional command");
        }
        String plain = peekPlainWord();
        if ("]]".equals(plain)) {
            throw condError("unexpected token `]]' in conditional command");
        }
        if ("!".equals(plain)) {
            readWord();
            return new Cond.Not(condTerm());
        }
        Word first = readWord();
        skipBlanks();
        if (plain != null && COND_UNARY.contains(plain) && !atCondEnd()) {
            String next = peekPlainWord();
            if (next == null || !COND_BINARY.contains(next)) {
                if (peekOp() != null) {
                    throw condError("unexpected argument `" + tokenAt() + "' to conditional unary operator");
                }
                return new Cond.Unary(plain, readWord());
            }
        }
        if (plain != null && COND_UNARY.contains(plain) && atCondEnd()) {
            throw condError("unexpected argument `" + tokenAt() + "' to conditional unary operator");
        }
        if (atCondEnd()) {
            return new Cond.Operand(first);
        }
        String binary = condBinaryOp();
        if (binary == null) {
            String token = tokenAt();
            throw condError(token.equals("newline") ? "unexpected token `newline', conditional binary operator expected"
                    : "conditional binary operator expected");
        }
        skipBlanks();
        if (atCondEnd() || pos >= src.length() || peekOp() != null) {
            throw condError("unexpected argument `" + tokenAt() + "' to conditional binary operator");
        }
        Word right = binary.equals("=~") ? readRegexWord() : readWord();
        return new Cond.Binary(first, binary, right);
    }

    /** Whether the next token ends a term: {@code ]]}, {@code &&}, {@code ||} or {@code )}. */
    private boolean atCondEnd() {
        String op = peekOp();
        if (op != null) {
            return op.equals("&&") || op.equals("||") || op.equals(")");
        }
        return "]]".equals(peekPlainWord());
    }

    private String condBinaryOp() {
        String op = peekOp();
        if ("<".equals(op) || ">".equals(op)) {
            pos++;
            return op;
        }
        if (op != null) {
            return null;
        }
        String w = peekPlainWord();
        if (w != null && COND_BINARY.contains(w)) {
            readWord();
            return w;
        }
        return null;
    }

    /**
     * The right side of {@code =~} (parse.y: parse_cond_command reads it with parens and bars as
     * ordinary characters): a word that may hold unquoted {@code ( ) |} and, inside parentheses, blanks.
     */
    private Word readRegexWord() {
        int start = pos;
        List<Word.Part> parts = new ArrayList<>();
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' || ((c == ' ' || c == '\t') && depth == 0)) {
                break;
            }
            if (c == '(' || c == '|' || c == ' ' || c == '\t' || (c == ')' && depth > 0)) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                parts.add(new Word.Literal(String.valueOf(c)));
                pos++;
                continue;
            }
            if (isMeta(c)) {
                break;
            }
            parts.addAll(readWord().parts());
        }
        return new Word(parts, src.substring(start, pos));
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

    private List<Node.Redirect> parseRedirects() {
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

    private void expectOp(String op) {
        skipBlanksAndNewlines();
        if (pos >= src.length()) {
            throw new Incomplete(op, line);
        }
        if (!src.startsWith(op, pos)) {
            throw new SyntaxError(tokenAt(), line);
        }
        pos += op.length();
    }

    private void expectWord(String word) {
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

    private String tokenAt() {
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

    private String peekOp() {
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

    private String peekPlainWord() {
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

    private void skipBlanks() {
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

    private void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (pos < src.length() && src.charAt(pos) == '\n') {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    private void consumeNewline() {
        pos++;
        line++;
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    /** Reads one word at {@code pos}, with its quoting. */
    private Word readWord() {
        int start = pos;
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        if (pos < src.length() && src.charAt(pos) == '~') {
            int end = pos + 1;
            while (end < src.length() && !isMeta(src.charAt(end)) && src.charAt(end) != '/'
                    && "'\"\\$`".indexOf(src.charAt(end)) < 0) {
                end++;
            }
            if (end >= src.length() || isMeta(src.charAt(end)) || src.charAt(end) == '/') {
                parts.add(new Word.Tilde(src.substring(pos + 1, end)));
                pos = end;
            }
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isMeta(c)) {
                break;
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    pos++;
                    throw new Incomplete(null, line);
                }
                char next = src.charAt(pos + 1);
                pos += 2;
                if (next == '\n') {
                    line++;
                    if (pos >= src.length()) {
                        throw new Incomplete(null, line);
                    }
                    continue;
                }
                flush(parts, lit);
                parts.add(new Word.Quoted(String.valueOf(next)));
            } else if (c == '\'') {
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new Incomplete("'", line);
                }
                flush(parts, lit);
                String text = src.substring(pos + 1, end);
                line += count(text, '\n');
                parts.add(new Word.Quoted(text));
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                flush(parts, lit);
                List<Word.Part> inner = readQuotedParts(false);
                parts.add(new Word.DoubleQuoted(inner));
            } else if (c == '$' && bash && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
                flush(parts, lit);
                parts.add(new Word.Quoted(readAnsiC()));
            } else if (c == '$') {
                flush(parts, lit);
                parts.add(readDollar(false));
            } else if (c == '`') {
                flush(parts, lit);
                parts.add(readBackquote());
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit);
        return new Word(parts, src.substring(start, pos));
    }

    /** bash's {@code $'...'} (lib/sh/strtrans.c: ansicstr): backslash escapes decoded, the result quoted. */
    private String readAnsiC() {
        pos += 2;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new Incomplete("'", line);
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                return out.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c != '\\' || pos >= src.length()) {
                out.append(c);
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"', '?' -> out.append(e);
                case 'c' -> {
                    if (pos < src.length()) {
                        out.append((char) (src.charAt(pos++) & 0x1f));
                    }
                }
                case 'x' -> out.appendCodePoint(number(16, 2, 0));
                case 'u' -> out.appendCodePoint(number(16, 4, 0));
                case 'U' -> out.appendCodePoint(number(16, 8, 0));
                default -> {
                    if (e >= '0' && e <= '7') {
                        pos--;
                        out.append((char) (number(8, 3, 0) & 0xff));
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
    }

    /** Up to {@code max} digits in {@code radix} at {@code pos}; {@code fallback} if there are none. */
    private int number(int radix, int max, int fallback) {
        int value = 0;
        int digits = 0;
        while (digits < max && pos < src.length() && Character.digit(src.charAt(pos), radix) >= 0) {
            value = value * radix + Character.digit(src.charAt(pos), radix);
            pos++;
            digits++;
        }
        return digits == 0 ? fallback : value;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static void flush(List<Word.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Word.Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    /**
     * Reads the inside of double quotes up to the closing {@code "} (or, for a here-document body,
     * to the end): text is quoted, {@code $} and backquotes expand, backslash escapes only
     * {@code $ ` " \} and newline ({@code "} only outside here-documents).
     */
    private List<Word.Part> readQuotedParts(boolean heredoc) {
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                if (heredoc) {
                    break;
                }
                throw new Incomplete("\"", line);
            }
            char c = src.charAt(pos);
            if (c == '"' && !heredoc) {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '$' || next == '`' || next == '\\' || (next == '"' && !heredoc)) {
                    text.append(next);
                    pos += 2;
                    continue;
                }
                if (next == '\n') {
                    pos += 2;
                    line++;
                    continue;
                }
                text.append(c);
                pos++;
                continue;
            }
            if (c == '$') {
                Word.Part part = readDollar(true);
                if (part instanceof Word.Literal l) {
                    text.append(l.text());
                    continue;
                }
                if (text.length() > 0) {
                    parts.add(new Word.Quoted(text.toString()));
                    text.setLength(0);
                }
                parts.add(part);
                continue;
            }
            if (c == '`') {
                if (text.length() > 0) {
                    parts.add(new Word.Quoted(text.toString()));
                    text.setLength(0);
                }
                parts.add(readBackquote());
                continue;
            }
            if (c == '\n') {
                line++;
            }
            text.append(c);
            pos++;
        }
        if (text.length() > 0) {
            parts.add(new Word.Quoted(text.toString()));
        }
        return parts;
    }

    private Word.Part readBackquote() {
        int start = pos;
        pos++;
        StringBuilder body = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new Incomplete("`", line);
            }
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\\".indexOf(src.charAt(pos + 1)) >= 0) {
                body.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            body.append(c);
            pos++;
        }
        Node parsed = Parser.parse(body.toString(), bash, line);
        return new Word.CommandSub(parsed, src.substring(start, pos));
    }

    private Word.Part readDollar(boolean inQuotes) {
        int start = pos;
        pos++;
        if (pos >= src.length()) {
            return new Word.Literal("$");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            if (pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
                int depth = 0;
                int i = pos + 2;
                while (i < src.length()) {
                    char d = src.charAt(i);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        if (depth == 0 && i + 1 < src.length() && src.charAt(i + 1) == ')') {
                            String expr = src.substring(pos + 2, i);
                            pos = i + 2;
                            return new Word.Arith(expr);
                        }
                        depth--;
                    }
                    i++;
                }
                throw new Incomplete("))", line);
            }
            pos++;
            Node body = parseList(List.of(")"), false);
            skipBlanksAndNewlines();
            if (pos >= src.length()) {
                throw new Incomplete(")", line);
            }
            if (src.charAt(pos) != ')') {
                throw new SyntaxError(tokenAt(), line);
            }
            pos++;
            return new Word.CommandSub(((Node.Sequence) body).items().isEmpty() ? null : body, src.substring(start, pos));
        }
        if (c == '{') {
            return readBraceParam();
        }
        if ("?$!#@*-".indexOf(c) >= 0 || Character.isDigit(c)) {
            pos++;
            return new Word.Param(String.valueOf(c), null, null);
        }
        if (Character.isLetter(c) || c == '_') {
            int end = pos;
            while (end < src.length() && src.charAt(end) < 128
                    && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                end++;
            }
            String name = src.substring(pos, end);
            pos = end;
            return new Word.Param(name, null, null);
        }
        return new Word.Literal("$");
    }

    private Word.Part readBraceParam() {
        pos++;
        if (pos >= src.length()) {
            throw new Incomplete("}", line);
        }
        boolean length = false;
        if (src.charAt(pos) == '#' && pos + 1 < src.length() && src.charAt(pos + 1) != '}') {
            length = true;
            pos++;
        }
        int nameStart = pos;
        if (pos < src.length() && ("?$!#@*-".indexOf(src.charAt(pos)) >= 0)) {
            pos++;
        } else if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        } else {
            while (pos < src.length() && src.charAt(pos) < 128
                    && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
        }
        String name = src.substring(nameStart, pos);
        if (pos >= src.length()) {
            throw new Incomplete("}", line);
        }
        if (name.isEmpty()) {
            throw new BadSubstitution(line);
        }
        if (length) {
            if (src.charAt(pos) != '}') {
                throw new BadSubstitution(line);
            }
            pos++;
            return new Word.Param(name, "len", null);
        }
        if (src.charAt(pos) == '}') {
            pos++;
            return new Word.Param(name, null, null);
        }
        String op = null;
        if (bash && src.charAt(pos) == '[') {
            throw new ArraysNotModelled(line);
        }
        for (String candidate : bash ? new String[] {":-", ":=", ":?", ":+", "%%", "##", "//", "^^", ",,", "-", "=", "?", "+",
            "%", "#", "/", "^", ",", ":"} : new String[] {":-", ":=", ":?", ":+", "%%", "##", "-", "=", "?", "+", "%", "#"}) {
            if (src.startsWith(candidate, pos)) {
                op = candidate;
                break;
            }
        }
        if (op == null) {
            throw new BadSubstitution(line);
        }
        pos += op.length();
        Word arg = readBraceArg();
        return new Word.Param(name, op, arg);
    }

    /** Reads the word inside {@code ${name<op>...}} up to the closing brace. */
    private Word readBraceArg() {
        int start = pos;
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        while (true) {
            if (pos >= src.length()) {
                throw new Incomplete("}", line);
            }
            char c = src.charAt(pos);
            if (c == '}' && depth == 0) {
                flush(parts, lit);
                Word w = new Word(parts, src.substring(start, pos));
                pos++;
                return w;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                flush(parts, lit);
                parts.add(new Word.Quoted(String.valueOf(src.charAt(pos + 1))));
                pos += 2;
            } else if (c == '\'') {
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new Incomplete("'", line);
                }
                flush(parts, lit);
                parts.add(new Word.Quoted(src.substring(pos + 1, end)));
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                flush(parts, lit);
                parts.add(new Word.DoubleQuoted(readQuotedParts(false)));
            } else if (c == '$' && bash && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
                flush(parts, lit);
                parts.add(new Word.Quoted(readAnsiC()));
            } else if (c == '$') {
                flush(parts, lit);
                parts.add(readDollar(false));
            } else if (c == '`') {
                flush(parts, lit);
                parts.add(readBackquote());
            } else {
                lit.append(c);
                pos++;
            }
        }
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
