package isolab.labs.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The values a lab's parameters took for one seed, in declaration order, each as text. */
public record ParamValues(List<Value> values) {

    /** One parameter's value, as it is substituted for {@code {{name}}}. */
    public record Value(String name, String text) {
    }

    public ParamValues {
        values = List.copyOf(values);
    }

    /** No parameters. */
    public static ParamValues none() {
        return new ParamValues(List.of());
    }

    /** The value of {@code name}, if the lab declares it. */
    public Optional<String> get(String name) {
        for (Value value : values) {
            if (value.name().equals(name)) {
                return Optional.of(value.text());
            }
        }
        return Optional.empty();
    }

    /** The values as an ordered, unmodifiable map from name to text. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Value value : values) {
            map.put(value.name(), value.text());
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code name=value} pairs separated by spaces, for a person reading a run's header. */
    @Override
    public String toString() {
        List<String> pairs = new ArrayList<>();
        for (Value value : values) {
            pairs.add(value.name() + "=" + value.text());
        }
        return String.join(" ", pairs);
    }
}
