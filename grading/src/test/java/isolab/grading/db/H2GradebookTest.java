package isolab.grading.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradebook on the embedded H2 file database, the default. */
class H2GradebookTest extends GradebookDatabaseContract {

    @TempDir
    Path dataDir;

    @Override
    Database open() {
        return Database.openEmbedded(dataDir);
    }

    @Test
    void the_database_is_a_file_in_the_data_directory_and_survives_reopening() {
        roster.add("ada", Role.INSTRUCTOR, "h");
        database.close();
        assertTrue(Files.exists(dataDir.resolve("isolab.mv.db")));
        database = Database.openEmbedded(dataDir);
        assertEquals(Role.INSTRUCTOR, new Roster(database.jdbc(), CLOCK).byUsername("ada").orElseThrow().role());
        assertEquals("2", database.schemaVersion(), "reopening runs no migration twice");
    }

    @Test
    void an_unsupported_url_is_refused_with_what_is_supported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Database.open("jdbc:mysql://localhost/x", "", ""));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    }
}
