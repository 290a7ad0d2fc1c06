package isolab.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static Node.Sequence parse(String text) {
        return (Node.Sequence) Parser.parse(text, true, 1);
    }

    private static Node only(String text) {
        Node.Sequence seq = parse(text);
        assertEquals(1, seq.items().size());
        return seq.items().get(0).node();
    }

    @Test
    void a_pipeline_of_three_commands_is_one_pipeline_node() {
        Node.Pipeline p = assertInstanceOf(Node.Pipeline.class, only("a | b | c"));
        assertEquals(3, p.commands().size());
    }

    @Test
    void and_or_lists_are_left_associative() {
        Node.AndOr top = assertInstanceOf(Node.AndOr.class, only("a && b || c"));
        assertTrue(!top.and());
        Node.AndOr left = assertInstanceOf(Node.AndOr.class, top.left());
        assertTrue(left.and());
    }

    @Test
    void an_ampersand_marks_the_item_as_background_and_keeps_its_text() {
        Node.Sequence seq = parse("sleep 1 & echo done");
        assertTrue(seq.items().get(0).async());
        assertEquals("sleep 1", seq.items().get(0).text());
        assertTrue(!seq.items().get(1).async());
    }

    @Test
    void redirections_keep_their_descriptor_and_operator() {
        Node.Simple s = assertInstanceOf(Node.Simple.class, only("cmd 2>/dev/null >>log 2>&1 <in &>all"));
        List<Node.Redirect> r = s.redirects();
        assertEquals(2, r.get(0).fd());
        assertEquals(">", r.get(0).op());
        assertEquals(">>", r.get(1).op());
        assertEquals(">&", r.get(2).op());
        assertEquals("<", r.get(3).op());
        assertEquals("&>", r.get(4).op());
        assertEquals(-1, r.get(4).fd());
    }

    @Test
    void quotes_and_escapes_keep_their_quoting_in_the_word() {
        Node.Simple s = assertInstanceOf(Node.Simple.class, only("echo 'a b' \"$x c\" d\\ e"));
        assertEquals(4, s.words().size());
        assertInstanceOf(Word.Quoted.class, s.words().get(1).parts().get(0));
        assertInstanceOf(Word.DoubleQuoted.class, s.words().get(2).parts().get(0));
    }

    @Test
    void leading_assignments_are_not_words() {
        Node.Simple s = assertInstanceOf(Node.Simple.class, only("A=1 B=$x env"));
        assertEquals(2, s.assignments().size());
        assertEquals("A", s.assignments().get(0).name());
        assertEquals(1, s.words().size());
    }

    @Test
    void compound_commands_parse_into_their_nodes() {
        assertInstanceOf(Node.If.class, only("if a; then b; elif c; then d; else e; fi"));
        assertInstanceOf(Node.Loop.class, only("while a; do b; done"));
        assertInstanceOf(Node.For.class, only("for i in 1 2; do echo $i; done"));
        assertInstanceOf(Node.Case.class, only("case x in a|b) echo;; *) :;; esac"));
        assertInstanceOf(Node.Subshell.class, only("(a; b)"));
        assertInstanceOf(Node.Group.class, only("{ a; b; }"));
        assertInstanceOf(Node.Function.class, only("f() { echo; }"));
    }

    @Test
    void an_unclosed_construct_asks_for_more_input() {
        Parser.Incomplete e = assertThrows(Parser.Incomplete.class, () -> parse("if true; then echo\n"));
        assertEquals("fi", e.expecting());
        assertThrows(Parser.Incomplete.class, () -> parse("echo 'abc\n"));
        assertThrows(Parser.Incomplete.class, () -> parse("echo a |\n"));
        assertThrows(Parser.Incomplete.class, () -> parse("echo a \\\n"));
    }

    @Test
    void a_misplaced_token_is_a_syntax_error_naming_it() {
        assertEquals(")", assertThrows(Parser.SyntaxError.class, () -> parse("echo )")).token());
        assertEquals("fi", assertThrows(Parser.SyntaxError.class, () -> parse("fi")).token());
        assertEquals("|", assertThrows(Parser.SyntaxError.class, () -> parse("| x")).token());
    }

    @Test
    void a_here_document_takes_the_following_lines_as_its_body() {
        Node.Sequence seq = parse("cat <<EOF\nline $x\nEOF\necho after\n");
        assertEquals(2, seq.items().size());
        Node.Simple cat = assertInstanceOf(Node.Simple.class, seq.items().get(0).node());
        assertEquals("<<", cat.redirects().get(0).op());
    }

    @Test
    void empty_input_parses_to_nothing() {
        assertNull(Parser.parse("   # just a comment\n", true, 1));
    }

    @Test
    void command_substitution_nests_a_whole_program() {
        Node.Simple s = assertInstanceOf(Node.Simple.class, only("echo $(ps | tr a b) `id`"));
        assertInstanceOf(Word.CommandSub.class, s.words().get(1).parts().get(0));
        assertInstanceOf(Word.CommandSub.class, s.words().get(2).parts().get(0));
    }
}
