package isolab.labs.parse;

import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import java.util.ArrayList;
import java.util.List;

/** Collects every error found in one lab file, so a file reports all of them, not the first. */
final class Problems {

    private final String file;
    private final List<LabError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** Records that line {@code line} (1-based; 0 for the whole file) is wrong for {@code reason}. */
    void add(int line, String reason) {
        errors.add(new LabError(file, line, reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<LabError> errors() {
        return List.copyOf(errors);
    }

    /** Throws every error collected so far, if there is one. */
    void throwIfAny() throws LabFormatException {
        if (!errors.isEmpty()) {
            throw new LabFormatException(errors);
        }
    }
}
