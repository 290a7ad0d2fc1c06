package isolab.labs.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprParserTest {

    static long eval(String text, Map<String, Long> values) throws Exception {
        return ExprParser.parse(text).eval(values::get);
    }

    @Test
    void multiplication_binds_tighter_than_addition_and_parentheses_override_it() throws Exception {
        assertEquals(14, eval("2 + 3 * 4", Map.of()));
        assertEquals(20, eval("(2 + 3) * 4", Map.of()));
        assertEquals(2, eval("20 - 10 - 8", Map.of()));
    }

    @Test
    void division_truncates_toward_zero_and_remainder_takes_the_sign_of_the_dividend() throws Exception {
        assertEquals(-2, eval("-7 / 3", Map.of()));
        assertEquals(-1, eval("-7 % 3", Map.of()));
        assertEquals(3, eval("10 % 7", Map.of()));
    }

    @Test
    void names_are_looked_up_and_listed_in_order() throws Exception {
        assertEquals(64 * 1048576L, eval("limit_mb * 1048576", Map.of("limit_mb", 64L)));
        assertEquals(List.of("a", "b", "a"), ExprParser.parse("a + (b * -a)").references());
    }

    @Test
    void overflow_is_an_error_not_a_wrapped_value() {
        assertThrows(ArithmeticException.class, () -> eval("9223372036854775807 + 1", Map.of()));
    }

    @Test
    void syntax_errors_say_where() {
        ExprParser.SyntaxError e = assertThrows(ExprParser.SyntaxError.class, () -> ExprParser.parse("1 + * 2"));
        assertEquals("unexpected '*' at column 5", e.getMessage());
        assertEquals("expression ends too early at column 4", assertThrows(ExprParser.SyntaxError.class,
                () -> ExprParser.parse("1 +")).getMessage());
        assertEquals("unexpected ')' at column 3", assertThrows(ExprParser.SyntaxError.class,
                () -> ExprParser.parse("1 ) 2")).getMessage());
    }
}
