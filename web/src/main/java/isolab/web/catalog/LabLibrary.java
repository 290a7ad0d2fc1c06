package isolab.web.catalog;

import isolab.labs.model.Lab;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The labs this server offers, by id: the built-in ones and any loaded from a directory. */
public final class LabLibrary {

    private final TreeMap<String, Lab> byId = new TreeMap<>();

    /** A library of {@code labs}; two labs with one id are refused. */
    public LabLibrary(List<Lab> labs) {
        for (Lab lab : labs) {
            Lab clash = byId.putIfAbsent(lab.id(), lab);
            if (clash != null) {
                throw new IllegalArgumentException("two labs have the id '" + lab.id() + "': " + clash.file()
                        + " and " + lab.file());
            }
        }
    }

    /** Every lab, by id. */
    public List<Lab> all() {
        return List.copyOf(byId.values());
    }

    /** The lab with {@code id}. */
    public Optional<Lab> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
