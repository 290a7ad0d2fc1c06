package isolab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void every_action_survives_its_text_form() {
        for (Action action : List.of(new Action.Next(), new Action.Forward(), new Action.RunCheck(7),
                new Action.Type("main", "echo 'a\\b' \\\n> x\r"), new Action.Type("c1", ""))) {
            assertEquals(action, Action.decode(action.encode()), action.encode());
            assertEquals(-1, action.encode().indexOf('\n'), "one line");
        }
        assertEquals("type main echo hi", new Action.Type("main", "echo hi").encode());
    }

    @Test
    void text_that_encodes_no_action_is_refused() {
        for (String text : List.of("", "nxt", "check x", "type main", "type")) {
            assertThrows(IllegalArgumentException.class, () -> Action.decode(text), text);
        }
    }
}
