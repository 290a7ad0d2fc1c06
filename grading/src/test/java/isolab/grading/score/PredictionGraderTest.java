package isolab.grading.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.model.Prediction;
import isolab.labs.model.PredictionType;
import isolab.labs.model.Tolerance;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PredictionGraderTest {

    private static Prediction of(PredictionType type, String tolerance, List<String> choices) {
        return new Prediction("?", type, choices, Optional.empty(), Optional.of("cat /x"),
                tolerance == null ? Tolerance.EXACT : Tolerance.parse(tolerance), "");
    }

    @Test
    void a_number_answer_matches_the_first_number_of_the_key() {
        assertTrue(PredictionGrader.grade(of(PredictionType.NUMBER, null, List.of()), "1", "oom_kill 1\n").correct());
        assertFalse(PredictionGrader.grade(of(PredictionType.NUMBER, null, List.of()), "2", "oom_kill 1\n").correct());
    }

    @Test
    void a_tolerance_accepts_answers_that_close_and_no_further() {
        Prediction prediction = of(PredictionType.NUMBER, "0.5", List.of());
        assertTrue(PredictionGrader.grade(prediction, "10.5", "10").correct());
        assertFalse(PredictionGrader.grade(prediction, "10.6", "10").correct());
        Prediction percent = of(PredictionType.NUMBER, "5%", List.of());
        assertTrue(PredictionGrader.grade(percent, "105", "100").correct());
        assertFalse(PredictionGrader.grade(percent, "111", "100").correct());
    }

    @Test
    void a_number_answer_that_is_not_a_number_is_wrong_with_the_reason() {
        Verdict verdict = PredictionGrader.grade(of(PredictionType.NUMBER, null, List.of()), "three", "3");
        assertFalse(verdict.correct());
        assertEquals("'three' is not a number", verdict.reason());
    }

    @Test
    void a_wrong_answer_is_told_the_key() {
        assertEquals("the answer was 3",
                PredictionGrader.grade(of(PredictionType.NUMBER, null, List.of()), "4", "oom_kill 3\n").reason());
        assertEquals("the answer was isolab",
                PredictionGrader.grade(of(PredictionType.TEXT, null, List.of()), "box", "isolab\n").reason());
    }

    @Test
    void a_text_answer_ignores_surrounding_blanks_but_not_case() {
        Prediction text = of(PredictionType.TEXT, null, List.of());
        assertTrue(PredictionGrader.grade(text, "  isolab ", "isolab\n").correct());
        assertFalse(PredictionGrader.grade(text, "Isolab", "isolab").correct());
    }

    @Test
    void a_choice_answer_must_be_one_of_the_choices() {
        Prediction choice = of(PredictionType.CHOICE, null, List.of("sh", "bash", "init"));
        assertTrue(PredictionGrader.grade(choice, "sh", "sh\n").correct());
        assertFalse(PredictionGrader.grade(choice, "bash", "sh\n").correct());
        assertEquals("'zsh' is not one of [sh, bash, init]", PredictionGrader.grade(choice, "zsh", "zsh").reason());
    }

    @Test
    void an_empty_answer_earns_nothing() {
        Verdict verdict = PredictionGrader.grade(of(PredictionType.TEXT, null, List.of()), "   ", "x");
        assertEquals("no answer was given", verdict.reason());
        assertEquals(0, verdict.points(2));
    }
}
