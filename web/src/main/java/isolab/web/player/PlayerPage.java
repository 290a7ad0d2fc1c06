package isolab.web.player;

import isolab.grading.gradebook.CheckRun;
import isolab.grading.gradebook.PredictionAnswer;
import isolab.grading.gradebook.Score;
import isolab.labs.model.Prediction;
import isolab.web.picture.Pictures;
import isolab.web.terminal.TranscriptLine;
import java.util.List;

/**
 * Everything the player page shows, computed once per request.
 *
 * @param labId the lab's id
 * @param title the lab's title
 * @param steps the shown steps, as the step bar lists them
 * @param current the current step, or null for a lab with no shown step
 * @param transcript the live commands, oldest first
 * @param terminals the terminals the student may type into: main, the lab's, and any they opened
 * @param pictures the machine now: its process tree, namespace matrix, mount trees and memory cgroups
 * @param memoryPlot the memory cgroups plotted over the session's actions, or empty when there is nothing to plot
 * @param check the latest check run, or null before the first
 * @param score the attempt's score
 * @param pointsPossible what every check and prediction of the lab together are worth
 * @param canBack whether there is something to step back from
 * @param error why the last action could not be done, or empty
 */
public record PlayerPage(String labId, String title, List<StepTab> steps, CurrentStep current,
                         List<TranscriptLine> transcript, List<String> terminals, Pictures pictures, String memoryPlot, CheckRun check, Score score,
                         int pointsPossible, boolean canBack, String error) {

    /** One entry of the step bar: its index in the lab, its number (from 1), and a short label. */
    public record StepTab(int index, int number, String label, boolean current, boolean done) {
    }

    /**
     * The current step.
     *
     * @param kind {@code console}, {@code predict} or {@code check}
     * @param narrativeHtml the prose before the block, as HTML
     * @param commands the block's commands (console; check unless hidden)
     * @param prediction the prediction (predict), else null
     * @param questionHtml the prediction's question as inline HTML (predict), else empty
     * @param explainHtml the prediction's explanation as inline HTML (predict), else empty
     * @param answer the answer given (predict), else null
     * @param points what the step is worth (predict, check), else 0
     * @param title the check's title, else empty
     * @param hasNext whether a console command is left to run
     * @param isLast whether no shown step follows
     */
    public record CurrentStep(int index, int number, String kind, String narrativeHtml, List<CommandRow> commands,
                              Prediction prediction, String questionHtml, String explainHtml, PredictionAnswer answer, int points, String title,
                              boolean hasNext, boolean isLast) {
    }

    /** One command of the current block: its prompt, its text, and whether it ran or runs next. */
    public record CommandRow(String prompt, String text, boolean ran, boolean next) {
    }
}
