package isolab.labs.model;

import java.util.List;
import java.util.stream.Collectors;

/** A lab that cannot be used, with every error found in it, in line order. */
public final class LabFormatException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<LabError> errors;

    public LabFormatException(List<LabError> errors) {
        super(errors.stream().sorted().map(LabError::toString).collect(Collectors.joining("\n")));
        this.errors = errors.stream().sorted().toList();
    }

    /** Every error, in line order. */
    public List<LabError> errors() {
        return errors;
    }
}
