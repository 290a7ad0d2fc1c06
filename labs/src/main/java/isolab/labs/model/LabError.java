package isolab.labs.model;

/**
 * One thing wrong with a lab file, where it is and why, printed as compilers do:
 * {@code uts-and-pid.lab.md:14: unknown block attribute 'pts' (expected points, terminal, title, hidden)}.
 *
 * @param file the file as the user named it
 * @param line the 1-based line, or 0 when the problem is the file as a whole
 */
public record LabError(String file, int line, String reason) implements Comparable<LabError> {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }

    @Override
    public int compareTo(LabError other) {
        return Integer.compare(line, other.line);
    }
}
