package isolab.labs.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read through SnakeYAML's node API, which keeps every value's text as written (so a pick of
 * {@code [on, off]} stays two words, not two booleans) and every node's line, so errors can say
 * where they are. {@code firstLine} is the file line of the YAML text's first line.
 */
final class Yaml {

    /** One {@code key: value} of a mapping, with the key's file line. */
    record Entry(String key, int line, Node value) {
    }

    private final Problems problems;
    private final int firstLine;

    Yaml(Problems problems, int firstLine) {
        this.problems = problems;
        this.firstLine = firstLine;
    }

    /** The document's root node; empty (and an error recorded) when the text is not YAML. */
    Optional<Node> compose(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setProcessComments(false);
            return Optional.ofNullable(new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(text)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problems.add(firstLine + line, "YAML: " + problem.trim());
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(firstLine, "YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The file line of {@code node}. */
    int line(Node node) {
        return firstLine + node.getStartMark().getLine();
    }

    /** The entries of a mapping, duplicate keys reported; {@code what} names it in errors. */
    List<Entry> entries(Node node, String what) {
        List<Entry> entries = new ArrayList<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(line(node), what + " must be a mapping of 'key: value' lines");
            return entries;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                problems.add(line(keyNode), what + " keys must be plain words");
                continue;
            }
            if (!seen.add(key.getValue())) {
                problems.add(line(keyNode), "duplicate key '" + key.getValue() + "' in " + what);
                continue;
            }
            entries.add(new Entry(key.getValue(), line(keyNode), tuple.getValueNode()));
        }
        return entries;
    }

    /** The text of a scalar, or empty (and an error) when {@code node} is not one. */
    Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(line(node), what + " must be a single value");
        return Optional.empty();
    }

    /** The texts of a sequence of scalars, or empty (and an error) when it is not one. */
    Optional<List<String>> scalars(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(line(node), what + " must be a list like [a, b]");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                problems.add(line(item), what + " must list single values");
                return Optional.empty();
            }
            values.add(scalar.getValue());
        }
        return Optional.of(values);
    }

    /** Whether {@code node} is a null scalar ({@code ~}, {@code null} or nothing). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
                && node.getTag().getValue().endsWith(":null");
    }
}
