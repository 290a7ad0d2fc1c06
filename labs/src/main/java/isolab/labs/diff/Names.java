package isolab.labs.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consistent renaming within one transcript: the first namespace inode seen becomes
 * {@code <ns#1>}, the next different one {@code <ns#2>}, and the same inode is always the same
 * name. Two transcripts then agree exactly when their values differ but relate the same way —
 * the same namespace shown twice, two different ones — which is what a lab teaches.
 */
final class Names {

    private final Map<String, Map<String, String>> byCategory = new LinkedHashMap<>();

    /** The name of {@code value} in {@code category} ({@code ns}, {@code mnt}, {@code dev}, {@code pid}). */
    String of(String category, String value) {
        Map<String, String> names = byCategory.computeIfAbsent(category, c -> new LinkedHashMap<>());
        return names.computeIfAbsent(value, v -> "<" + category + "#" + (names.size() + 1) + ">");
    }
}
