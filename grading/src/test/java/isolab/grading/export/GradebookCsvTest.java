package isolab.grading.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.grading.gradebook.GradebookRow;
import isolab.grading.gradebook.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradebookCsvTest {

    static final Instant STARTED = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void each_row_is_a_line_after_the_header_with_crlf_ends() {
        String csv = GradebookCsv.of(List.of(
                new GradebookRow("ada", "uts-and-pid", 3, STARTED, 7, 1, new Score(2, 3), true),
                new GradebookRow("bob", "uts-and-pid", 4, STARTED, 0, 0, new Score(0, 0), false)),
                Map.of("uts-and-pid", 5));
        assertEquals(GradebookCsv.HEADER + "\r\n"
                + "ada,uts-and-pid,3,2026-01-05T10:00:00Z,7,1,2,3,5,5\r\n"
                + "bob,uts-and-pid,4,2026-01-05T10:00:00Z,0,0,0,,0,5\r\n", csv);
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), GradebookCsv.cell("=HYPERLINK(\"x\")")
                .replaceAll("^\"|\"$", ""));
        assertEquals("'-1", GradebookCsv.cell("-1"));
    }

    @Test
    void a_cell_with_a_comma_or_quote_is_quoted() {
        assertEquals("\"a,b\"", GradebookCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", GradebookCsv.cell("say \"hi\""));
    }
}
