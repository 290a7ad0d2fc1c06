package isolab.labs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.StepKind;
import isolab.labs.parse.LabParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {

    @TempDir
    Path dir;

    @Test
    void the_built_in_labs_all_load_without_errors() {
        LabCatalog catalog = LabCatalog.builtIn();
        assertEquals(List.of(), catalog.errors());
        assertTrue(catalog.find("uts-and-pid").isPresent());
        assertEquals(LabCatalog.builtInNames().size(), catalog.entries().size());
    }

    @Test
    void the_built_in_labs_are_the_first_lab_the_five_namespace_labs_and_the_pids_lab() {
        assertEquals(List.of("cg-pids", "ns-mount", "ns-net", "ns-pid", "ns-user", "ns-uts-ipc", "uts-and-pid"),
                LabCatalog.builtIn().entries().stream().map(CatalogEntry::id).toList());
    }

    @Test
    void every_built_in_lab_stays_valid_for_twenty_seeds() {
        for (CatalogEntry entry : LabCatalog.builtIn().entries()) {
            assertEquals(List.of(), LabParser.bindingErrors(entry.lab(), 20), entry.id());
        }
    }

    @Test
    void uts_and_pid_has_every_kind_of_step_a_lab_needs() {
        Lab lab = LabCatalog.builtIn().find("uts-and-pid").orElseThrow().lab();
        List<StepKind> kinds = lab.steps().stream().map(s -> s.kind()).toList();
        assertTrue(kinds.containsAll(List.of(StepKind.CONSOLE, StepKind.PREDICT, StepKind.SOLUTION, StepKind.CHECK)), kinds.toString());
        assertEquals(List.of("name", "num"), lab.front().params().stream().map(p -> p.name()).toList());
    }

    @Test
    void a_directory_adds_its_labs_and_keeps_the_errors_of_broken_ones() throws Exception {
        Files.writeString(dir.resolve("extra.lab.md"), "---\nid: extra\ntitle: Extra\n---\n```console\n$ hostname\n```\n");
        Files.writeString(dir.resolve("broken.lab.md"), "---\nid: broken\n---\n");
        Files.writeString(dir.resolve("uts-and-pid.lab.md"), "---\nid: uts-and-pid\ntitle: Again\n---\n");
        Files.writeString(dir.resolve("notes.md"), "not a lab");
        LabCatalog catalog = LabCatalog.builtInAnd(List.of(dir));
        assertTrue(catalog.find("extra").isPresent());
        assertEquals(List.of(
                        dir.resolve("broken.lab.md") + ":2: the front matter needs 'title: <what the lab is about>'",
                        dir.resolve("uts-and-pid.lab.md") + ":2: lab id 'uts-and-pid' is already taken by builtin:uts-and-pid.lab.md"),
                catalog.errors().stream().map(LabError::toString).toList());
    }
}
