package isolab.labs.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    static final ParamValues VALUES = new ParamValues(List.of(new ParamValues.Value("name", "web"), new ParamValues.Value("n", "7")));

    @Test
    void placeholders_are_replaced_and_an_escaped_brace_pair_stays_literal() {
        assertEquals("hostname web-7; echo {{name}}", Placeholders.substitute("hostname {{name}}-{{ n }}; echo \\{{name}}", VALUES));
    }

    @Test
    void a_brace_pair_that_opens_no_placeholder_is_a_problem() {
        Placeholders.Scan scan = Placeholders.scan("a {{ }} b {{name}} c {{1x}}");
        assertEquals(List.of(new Placeholders.Placeholder("name", 10, 8)), scan.placeholders());
        assertEquals(List.of(2, 21), scan.problems().stream().map(Placeholders.Problem::offset).toList());
    }

    @Test
    void masking_keeps_the_text_recoverable() {
        String text = "answer: {{n}}\nquestion: \\{{x}} {{ name }}";
        assertEquals(text, Placeholders.unmask(Placeholders.mask(text)));
    }
}
