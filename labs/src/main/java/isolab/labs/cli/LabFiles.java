package isolab.labs.cli;

import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.labs.parse.LabParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the lab a command line names: a {@code .lab.md} file, or the id of a catalog lab. */
final class LabFiles {

    /** The name on the command line names nothing loadable; the message says why. */
    static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private LabFiles() {
    }

    /** The lab {@code name} names: a file when one exists there, else a lab of the catalog. */
    static Lab load(String name, List<Path> labDirs) throws NotFound, LabFormatException {
        Path path = Path.of(name);
        if (Files.isRegularFile(path)) {
            try {
                return LabParser.parse(name, Files.readString(path));
            } catch (IOException e) {
                throw new NotFound(name + ": cannot read: " + e.getMessage());
            }
        }
        LabCatalog catalog;
        try {
            catalog = LabCatalog.builtInAnd(labDirs);
        } catch (IOException e) {
            throw new NotFound("cannot list labs: " + e.getMessage());
        }
        CatalogEntry entry = catalog.find(name).orElse(null);
        if (entry == null) {
            for (LabError error : catalog.errors()) {
                if (error.file().endsWith(name + ".lab.md")) {
                    throw new LabFormatException(catalog.errors().stream().filter(e -> e.file().equals(error.file())).toList());
                }
            }
            String ids = catalog.entries().stream().map(CatalogEntry::id).collect(Collectors.joining(", "));
            throw new NotFound(name + ": no such file, and no lab has this id (labs: " + (ids.isEmpty() ? "none" : ids) + ")");
        }
        return entry.lab();
    }
}
