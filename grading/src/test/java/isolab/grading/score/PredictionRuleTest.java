package isolab.grading.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionRuleTest {

    private static PredictionRule number(String tolerance) {
        return new PredictionRule(AnswerType.NUMBER, Tolerance.parse(tolerance), List.of());
    }

    @Test
    void a_number_answer_matches_the_first_number_of_the_key() {
        assertTrue(number(null).score("1", "oom_kill 1\n").correct());
        assertFalse(number(null).score("2", "oom_kill 1\n").correct());
    }

    @Test
    void an_absolute_tolerance_accepts_answers_that_close_and_no_further() {
        assertTrue(number("0.5").score("10.5", "10").correct());
        assertTrue(number("0.5").score("9.5", "10").correct());
        assertFalse(number("0.5").score("10.51", "10").correct());
    }

    @Test
    void a_percentage_tolerance_is_a_share_of_the_key() {
        assertTrue(number("5%").score("105", "100").correct());
        assertFalse(number("5%").score("106", "100").correct());
        assertTrue(number("5%").score("-95", "-100").correct());
    }

    @Test
    void a_number_answer_that_is_not_a_number_is_wrong_with_the_reason() {
        Verdict verdict = number(null).score("three", "3");
        assertFalse(verdict.correct());
        assertEquals("'three' is not a number", verdict.reason());
    }

    @Test
    void a_wrong_number_answer_is_told_the_key() {
        assertEquals("the answer was 3", number(null).score("4", "3").reason());
    }

    @Test
    void a_text_answer_ignores_surrounding_and_repeated_blanks_but_not_case() {
        PredictionRule text = new PredictionRule(AnswerType.TEXT, Tolerance.EXACT, List.of());
        assertTrue(text.score("  init   process ", "init process\n").correct());
        assertFalse(text.score("Isolab", "isolab").correct());
    }

    @Test
    void a_choice_answer_must_be_one_of_the_choices() {
        PredictionRule choice = new PredictionRule(AnswerType.CHOICE, Tolerance.EXACT, List.of("0", "1", "2"));
        assertTrue(choice.score("1", "oom_kill 1").correct(), "numeric choices compare with the key's first number");
        assertFalse(choice.score("2", "oom_kill 1").correct());
        assertEquals("'5' is not one of [0, 1, 2]", choice.score("5", "5").reason());
    }

    @Test
    void a_text_choice_compares_with_the_whole_key() {
        PredictionRule choice = new PredictionRule(AnswerType.CHOICE, Tolerance.EXACT, List.of("sh", "bash", "init"));
        assertTrue(choice.score("sh", "sh\n").correct());
        assertFalse(choice.score("bash", "sh\n").correct());
    }

    @Test
    void an_empty_answer_is_wrong() {
        assertEquals("no answer was given", number(null).score("  ", "1").reason());
    }

    @Test
    void a_malformed_tolerance_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Tolerance.parse("five"));
        assertThrows(IllegalArgumentException.class, () -> Tolerance.parse("-1"));
    }
}
