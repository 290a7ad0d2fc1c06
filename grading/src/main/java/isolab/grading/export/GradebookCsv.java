package isolab.grading.export;

import isolab.grading.gradebook.GradebookRow;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The gradebook as CSV (RFC 4180, CRLF line ends, a header row). */
public final class GradebookCsv {

    static final String HEADER = "student,lab,attempt,started,commands_run,predictions_answered,"
            + "prediction_points,check_points,score,possible";

    private GradebookCsv() {
    }

    /** {@code rows} as CSV; {@code possible} gives what each lab (by id) is worth in all. */
    public static String of(List<GradebookRow> rows, Map<String, Integer> possible) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (GradebookRow row : rows) {
            csv.append(String.join(",", cell(row.username()), cell(row.labId()), String.valueOf(row.attemptId()),
                    DateTimeFormatter.ISO_INSTANT.format(row.startedAt()), String.valueOf(row.commandsRun()),
                    String.valueOf(row.predictionsAnswered()), String.valueOf(row.score().predictionPoints()),
                    row.checked() ? String.valueOf(row.score().checkPoints()) : "",
                    String.valueOf(row.score().total()),
                    possible.containsKey(row.labId()) ? String.valueOf(possible.get(row.labId())) : ""))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** One text cell: quoted when it must be, defused when a spreadsheet would run it. */
    static String cell(String text) {
        String value = text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
