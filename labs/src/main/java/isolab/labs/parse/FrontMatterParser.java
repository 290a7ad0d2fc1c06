package isolab.labs.parse;

import isolab.api.CgroupVersion;
import isolab.api.HostKind;
import isolab.labs.model.FrontMatter;
import isolab.labs.params.Expr;
import isolab.labs.params.ExprParser;
import isolab.labs.params.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a lab's YAML front matter into a {@link FrontMatter}, reporting every problem with its line. */
final class FrontMatterParser {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> KEYS = List.of("id", "title", "cgroup", "topics", "hosts", "params");

    private final Problems problems;
    private final Yaml yaml;
    private final int firstLine;

    FrontMatterParser(Problems problems, int firstLine) {
        this.problems = problems;
        this.firstLine = firstLine;
        this.yaml = new Yaml(problems, firstLine);
    }

    /** The front matter of {@code text}; empty when it is too broken to give an id and a title. */
    Optional<FrontMatter> parse(String text) {
        Optional<Node> root = yaml.compose(text);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(firstLine, "the front matter is empty: it needs at least id and title");
            }
            return Optional.empty();
        }
        String id = null;
        String title = null;
        CgroupVersion cgroup = CgroupVersion.V2;
        List<String> topics = List.of();
        List<HostKind> hosts = List.of(HostKind.SIM, HostKind.REAL);
        List<ParamSpec> params = List.of();
        boolean idGiven = false;
        for (Yaml.Entry entry : yaml.entries(root.get(), "the front matter")) {
            String what = "'" + entry.key() + "'";
            switch (entry.key()) {
                case "id" -> {
                    idGiven = true;
                    id = yaml.scalar(entry.value(), what).flatMap(v -> id(v, entry.line())).orElse(null);
                }
                case "title" -> title = yaml.scalar(entry.value(), what).orElse(null);
                case "cgroup" -> cgroup = yaml.scalar(entry.value(), what).flatMap(v -> cgroup(v, entry.line())).orElse(cgroup);
                case "topics" -> topics = yaml.scalars(entry.value(), what).orElse(topics);
                case "hosts" -> hosts = yaml.scalars(entry.value(), what).flatMap(v -> hosts(v, entry.line())).orElse(hosts);
                case "params" -> params = params(entry.value());
                default -> problems.add(entry.line(), "unknown front matter key '" + entry.key() + "' (expected "
                        + String.join(", ", KEYS) + ")");
            }
        }
        if (id == null || title == null || title.isBlank()) {
            if (!idGiven) {
                problems.add(firstLine, "the front matter needs 'id: <lab-id>'");
            }
            if (title == null || title.isBlank()) {
                problems.add(firstLine, "the front matter needs 'title: <what the lab is about>'");
            }
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(id, title, cgroup, topics, hosts, params));
    }

    private Optional<String> id(String value, int line) {
        if (!ID.matcher(value).matches()) {
            problems.add(line, "id '" + value + "' must be lower-case letters, digits and dashes ([a-z0-9][a-z0-9-]*)");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<CgroupVersion> cgroup(String value, int line) {
        try {
            return Optional.of(CgroupVersion.fromFlag(value));
        } catch (IllegalArgumentException e) {
            problems.add(line, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<List<HostKind>> hosts(List<String> values, int line) {
        List<HostKind> hosts = new ArrayList<>();
        for (String value : values) {
            try {
                HostKind kind = HostKind.fromFlag(value);
                if (!hosts.contains(kind)) {
                    hosts.add(kind);
                }
            } catch (IllegalArgumentException e) {
                problems.add(line, e.getMessage());
                return Optional.empty();
            }
        }
        if (hosts.isEmpty()) {
            problems.add(line, "'hosts' must name at least one of sim and real");
            return Optional.empty();
        }
        return Optional.of(hosts);
    }

    private List<ParamSpec> params(Node node) {
        List<ParamSpec> params = new ArrayList<>();
        if (Yaml.isNull(node)) {
            return params;
        }
        Map<String, ParamSpec> declared = new LinkedHashMap<>();
        for (Yaml.Entry entry : yaml.entries(node, "'params'")) {
            if (!PARAM_NAME.matcher(entry.key()).matches()) {
                problems.add(entry.line(), "parameter name '" + entry.key() + "' must be a word ([A-Za-z_][A-Za-z0-9_]*)");
                continue;
            }
            param(entry, declared).ifPresent(p -> {
                declared.put(p.name(), p);
                params.add(p);
            });
        }
        return params;
    }

    private Optional<ParamSpec> param(Yaml.Entry param, Map<String, ParamSpec> earlier) {
        String name = param.key();
        List<Yaml.Entry> entries = yaml.entries(param.value(), "parameter '" + name + "'");
        List<String> kinds = entries.stream().map(Yaml.Entry::key).filter(k -> List.of("int", "pick", "expr").contains(k)).toList();
        if (kinds.size() != 1) {
            problems.add(param.line(), "parameter '" + name + "' needs exactly one of int, pick and expr");
            return Optional.empty();
        }
        String kind = kinds.get(0);
        Node step = null;
        for (Yaml.Entry entry : entries) {
            if (entry.key().equals("step") && kind.equals("int")) {
                step = entry.value();
            } else if (!entry.key().equals(kind)) {
                problems.add(entry.line(), "unknown key '" + entry.key() + "' in parameter '" + name + "' ("
                        + (kind.equals("int") ? "an int takes int: [lo, hi] and step" : "a " + kind + " takes only " + kind) + ")");
                return Optional.empty();
            }
        }
        Node value = entries.stream().filter(e -> e.key().equals(kind)).findFirst().orElseThrow().value();
        return switch (kind) {
            case "int" -> intParam(name, param.line(), value, step);
            case "pick" -> pickParam(name, param.line(), value);
            default -> exprParam(name, param.line(), value, earlier);
        };
    }

    private Optional<ParamSpec> intParam(String name, int line, Node range, Node stepNode) {
        Optional<List<String>> bounds = yaml.scalars(range, "int of '" + name + "'");
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        if (bounds.get().size() != 2) {
            problems.add(yaml.line(range), "int of '" + name + "' must be [lo, hi]");
            return Optional.empty();
        }
        Optional<Long> lo = integer(bounds.get().get(0), yaml.line(range), "lo of '" + name + "'");
        Optional<Long> hi = integer(bounds.get().get(1), yaml.line(range), "hi of '" + name + "'");
        Optional<Long> step = stepNode == null ? Optional.of(1L)
                : yaml.scalar(stepNode, "step of '" + name + "'").flatMap(s -> integer(s, yaml.line(stepNode), "step of '" + name + "'"));
        if (lo.isEmpty() || hi.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        if (lo.get() > hi.get()) {
            problems.add(yaml.line(range), "int of '" + name + "' is empty: " + lo.get() + " > " + hi.get());
            return Optional.empty();
        }
        if (step.get() <= 0) {
            problems.add(yaml.line(stepNode), "step of '" + name + "' must be positive");
            return Optional.empty();
        }
        return Optional.of(new ParamSpec.IntParam(name, line, lo.get(), hi.get(), step.get()));
    }

    private Optional<ParamSpec> pickParam(String name, int line, Node choices) {
        Optional<List<String>> values = yaml.scalars(choices, "pick of '" + name + "'");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.get().isEmpty()) {
            problems.add(yaml.line(choices), "pick of '" + name + "' needs at least one choice");
            return Optional.empty();
        }
        for (String value : values.get()) {
            if (value.contains("\n") || value.contains("{{")) {
                problems.add(yaml.line(choices), "pick of '" + name + "': choice '" + value
                        + "' must be one line without '{{'");
                return Optional.empty();
            }
        }
        return Optional.of(new ParamSpec.PickParam(name, line, values.get()));
    }

    private Optional<ParamSpec> exprParam(String name, int line, Node node, Map<String, ParamSpec> earlier) {
        Optional<String> source = yaml.scalar(node, "expr of '" + name + "'");
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Expr expr;
        try {
            expr = ExprParser.parse(source.get());
        } catch (ExprParser.SyntaxError e) {
            problems.add(yaml.line(node), "expr of '" + name + "': " + e.getMessage() + " in '" + source.get() + "'");
            return Optional.empty();
        }
        for (String ref : expr.references()) {
            ParamSpec used = earlier.get(ref);
            if (used == null) {
                problems.add(yaml.line(node), "expr of '" + name + "' uses '" + ref + "', which is not a parameter declared before it");
                return Optional.empty();
            }
            if (used instanceof ParamSpec.PickParam pick && !pick.choices().stream().allMatch(FrontMatterParser::isInteger)) {
                problems.add(yaml.line(node), "expr of '" + name + "' uses '" + ref + "', whose choices are not all integers");
                return Optional.empty();
            }
        }
        return Optional.of(new ParamSpec.ExprParam(name, line, source.get(), expr));
    }

    private Optional<Long> integer(String text, int line, String what) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            problems.add(line, what + " must be an integer, not '" + text + "'");
            return Optional.empty();
        }
    }

    private static boolean isInteger(String text) {
        try {
            Long.parseLong(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
