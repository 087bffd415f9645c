package dev.warden.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance, if it is close enough. */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String given, Collection<String> candidates) {
        String needle = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, needle.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** "; did you mean 'x'?" or, with no close candidate, "; valid: a, b, c". */
    static String hint(String given, Collection<String> candidates) {
        return closest(given, candidates)
                .map(match -> "; did you mean '" + match + "'?")
                .orElseGet(() -> candidates.isEmpty() ? "" : "; valid: " + String.join(", ", candidates));
    }

    /** For a closed set of values: "; did you mean 'x'? (valid: a, b, c)" or "; valid: a, b, c". */
    static String choices(String given, Collection<String> candidates) {
        String valid = "valid: " + String.join(", ", candidates);
        return closest(given, candidates)
                .map(match -> "; did you mean '" + match + "'? (" + valid + ")")
                .orElse("; " + valid);
    }

    /** Edit distance counting an adjacent transposition as one edit ("prot" is one away from "port"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
