package isolab.grading.gradebook;

/**
 * An attempt's score: {@code predictionPoints} from correct predictions plus
 * {@code checkPoints} from the latest check run, out of what was answered and checked.
 */
public record Score(int predictionPoints, int checkPoints) {

    public int total() {
        return predictionPoints + checkPoints;
    }
}
