package isolab.labs.catalog;

import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.labs.parse.LabParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The labs a user can run: the built-in ones (the {@code labs/*.lab.md} resources of this
 * module) and those in directories given at run time. Labs are listed by id in file-name order;
 * a file that does not parse is kept out and its errors are kept, so an instructor can see why.
 * An id given twice is an error on the later file.
 */
public final class LabCatalog {

    private static final String RESOURCE_DIR = "labs";

    private final Map<String, CatalogEntry> entries = new LinkedHashMap<>();
    private final List<LabError> errors = new ArrayList<>();

    private LabCatalog() {
    }

    /** The built-in labs. */
    public static LabCatalog builtIn() {
        LabCatalog catalog = new LabCatalog();
        catalog.addBuiltIns();
        return catalog;
    }

    /** The built-in labs and every {@code *.lab.md} directly in each of {@code dirs}. */
    public static LabCatalog builtInAnd(List<Path> dirs) throws IOException {
        LabCatalog catalog = builtIn();
        for (Path dir : dirs) {
            catalog.addDirectory(dir);
        }
        return catalog;
    }

    /** Every lab, in order. */
    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The lab with {@code id}. */
    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The errors of files that could not be added. */
    public List<LabError> errors() {
        return Collections.unmodifiableList(errors);
    }

    private void addDirectory(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".lab.md")).sorted().toList()) {
                add(file.toString(), file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    private void addBuiltIns() {
        for (String name : builtInNames()) {
            try (InputStream in = LabCatalog.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "/" + name)) {
                if (in != null) {
                    add(name, "builtin:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void add(String file, String source, String text) {
        try {
            var lab = LabParser.parse(file, text);
            if (entries.containsKey(lab.id())) {
                errors.add(new LabError(file, 2, "lab id '" + lab.id() + "' is already taken by "
                        + entries.get(lab.id()).source()));
                return;
            }
            entries.put(lab.id(), new CatalogEntry(lab, source, text));
        } catch (LabFormatException e) {
            errors.addAll(e.errors());
        }
    }

    /** The file names of the built-in labs, sorted, whether the module is a directory or a jar. */
    static List<String> builtInNames() {
        URL url = LabCatalog.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return names(jar.getPath(RESOURCE_DIR));
                } catch (FileSystemAlreadyExistsException e) {
                    return names(FileSystems.getFileSystem(uri).getPath(RESOURCE_DIR));
                }
            }
            return names(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".lab.md")).sorted().toList();
        }
    }
}
