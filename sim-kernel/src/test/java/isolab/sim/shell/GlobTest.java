package isolab.sim.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void star_question_mark_and_classes_match_as_fnmatch_does() {
        assertTrue(Glob.match("*.txt", "a.txt"));
        assertFalse(Glob.match("*.txt", "a.txt.bak"));
        assertTrue(Glob.match("a?c", "abc"));
        assertTrue(Glob.match("[a-c]x", "bx"));
        assertFalse(Glob.match("[!a-c]x", "bx"));
        assertTrue(Glob.match("\\*", "*"));
        assertFalse(Glob.match("\\*", "x"));
    }

    @Test
    void only_unescaped_pattern_characters_are_magic() {
        assertTrue(Glob.hasMagic("a*"));
        assertFalse(Glob.hasMagic("a\\*"));
    }
}
