package isolab.sim.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * bash's brace expansion (braces.c), the first expansion of a word: {@code a{b,c}d} becomes
 * {@code abd acd}, {@code {1..5}} and {@code {a..e}} sequences (with an optional step). Only
 * unquoted braces inside one literal part of the word expand; a brace pair without a comma or a
 * sequence stays as it is.
 */
final class Braces {

    private Braces() {
    }

    /** The words {@code word} expands to (itself if it has no brace expression). */
    static List<Word> expand(Word word) {
        List<Word.Part> parts = word.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Word.Literal literal)) {
                continue;
            }
            List<String> alternatives = expandText(literal.text());
            if (alternatives.size() == 1 && alternatives.get(0).equals(literal.text())) {
                continue;
            }
            List<Word> out = new ArrayList<>();
            for (String alt : alternatives) {
                List<Word.Part> copy = new ArrayList<>(parts);
                copy.set(i, new Word.Literal(alt));
                out.addAll(expand(new Word(copy, word.source())));
            }
            return out;
        }
        return List.of(word);
    }

    /** Brace expansion of plain text. */
    static List<String> expandText(String text) {
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '{' || (i > 0 && text.charAt(i - 1) == '$')) {
                continue;
            }
            int close = matching(text, i);
            if (close < 0) {
                continue;
            }
            String body = text.substring(i + 1, close);
            List<String> items = split(body);
            if (items.size() < 2) {
                items = sequence(body);
            }
            if (items == null || items.size() < 2 && !body.contains(",")) {
                continue;
            }
            open = i;
            String prefix = text.substring(0, open);
            String suffix = text.substring(close + 1);
            List<String> out = new ArrayList<>();
            for (String item : items) {
                for (String expanded : expandText(item)) {
                    out.addAll(expandText(prefix + expanded + suffix));
                }
            }
            return out;
        }
        return List.of(text);
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> split(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(start, i));
                start = i + 1;
            }
        }
        items.add(body.substring(start));
        return items;
    }

    private static List<String> sequence(String body) {
        String[] p = body.split("\\.\\.", -1);
        if (p.length < 2 || p.length > 3) {
            return null;
        }
        try {
            long step = p.length == 3 ? Math.abs(Long.parseLong(p[2])) : 1;
            if (step == 0) {
                step = 1;
            }
            List<String> out = new ArrayList<>();
            if (p[0].matches("-?\\d+") && p[1].matches("-?\\d+")) {
                long a = Long.parseLong(p[0]);
                long b = Long.parseLong(p[1]);
                for (long x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) {
                    out.add(Long.toString(x));
                }
                return out;
            }
            if (p[0].length() == 1 && p[1].length() == 1) {
                char a = p[0].charAt(0);
                char b = p[1].charAt(0);
                for (int x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) {
                    out.add(String.valueOf((char) x));
                }
                return out;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
