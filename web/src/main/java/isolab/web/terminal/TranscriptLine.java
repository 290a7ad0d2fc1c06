package isolab.web.terminal;

import isolab.grading.gradebook.LoggedAction;
import isolab.grading.gradebook.RanCommand;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.StepKind;
import isolab.labs.model.TranscriptStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One command as the terminal panel shows it: the terminal it ran in, the line, what it printed,
 * its status, and whether the student typed it.
 */
public record TranscriptLine(int seq, String terminal, String prompt, String line, String output, int status,
                             boolean typed) {

    /**
     * The commands of the live actions as the student's terminals showed them, oldest first;
     * setup commands are left out (they run unseen) and a hidden check's are masked.
     */
    public static List<TranscriptLine> of(BoundLab lab, List<LoggedAction> live) {
        List<TranscriptLine> lines = new ArrayList<>();
        for (LoggedAction action : live) {
            for (RanCommand command : action.commands()) {
                int step = command.stepIndex();
                if (step >= 0 && step < lab.steps().size()) {
                    var kind = lab.steps().get(step);
                    if (kind.kind() == StepKind.SETUP) {
                        continue;
                    }
                    if (kind instanceof CheckStep check && check.hidden()) {
                        lines.add(new TranscriptLine(action.seq(), command.terminal(), prompt(command.terminal(), "$"),
                                "[a hidden check ran]", "", 0, false));
                        continue;
                    }
                }
                lines.add(new TranscriptLine(action.seq(), command.terminal(),
                        prompt(command.terminal(), labPrompt(lab, command)), command.line(), command.output(),
                        command.status(), command.typed()));
            }
        }
        return lines;
    }

    /** The prompt before a line: the lab's own ({@code $} or {@code #}), after the terminal's name unless main. */
    static String prompt(String terminal, String sign) {
        return "main".equals(terminal) ? sign : terminal + " " + sign;
    }

    /** The prompt the lab wrote {@code command} with; {@code $} for a typed line. */
    private static String labPrompt(BoundLab lab, RanCommand command) {
        if (command.typed() || !(lab.steps().get(command.stepIndex()) instanceof TranscriptStep step)) {
            return "$";
        }
        return step.commands().stream().filter(c -> c.text().equals(command.line())).findFirst()
                .map(c -> c.prompt()).orElse("$");
    }
}
