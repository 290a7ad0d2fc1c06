package isolab.labs.catalog;

import isolab.labs.model.Lab;

/**
 * One lab of a catalog.
 *
 * @param lab the lab, parsed and validated
 * @param source where it came from: {@code builtin:<id>.lab.md} or a file path
 * @param text the file's text, as the author wrote it
 */
public record CatalogEntry(Lab lab, String source, String text) {

    /** The lab's id. */
    public String id() {
        return lab.id();
    }
}
