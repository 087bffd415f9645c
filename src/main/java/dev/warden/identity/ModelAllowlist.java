package dev.warden.identity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which models a principal may name: exact names (model aliases or {@code deployment/model}) and glob patterns
 * where {@code *} matches any run of characters and {@code ?} one character ({@code llama-*}, {@code gpt-4o*},
 * {@code ollama/*}). An empty list allows every model. Patterns are validated and compiled once.
 */
public final class ModelAllowlist {
    /** What a pattern may contain: model names in the wild use these, and nothing here is regex syntax. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:/@+\\-*?]{1,200}");
    public static final ModelAllowlist ANY = new ModelAllowlist(List.of(), List.of());

    private final List<String> patterns;
    private final List<Pattern> compiled;

    private ModelAllowlist(List<String> patterns, List<Pattern> compiled) {
        this.patterns = patterns;
        this.compiled = compiled;
    }

    /** @throws IllegalArgumentException naming the first invalid pattern */
    public static ModelAllowlist of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return ANY;
        }
        var compiled = patterns.stream().map(ModelAllowlist::compile).toList();
        return new ModelAllowlist(List.copyOf(patterns), compiled);
    }

    /** @return why the pattern is invalid, or null when it is valid */
    public static @org.jspecify.annotations.Nullable String problem(String pattern) {
        if (pattern.isBlank()) {
            return "a model pattern must not be empty";
        }
        if (!VALID.matcher(pattern).matches()) {
            return "invalid model pattern '" + pattern + "': use letters, digits, . _ : / @ + - and the wildcards"
                    + " * and ?";
        }
        if (pattern.contains("**")) {
            return "invalid model pattern '" + pattern + "': '**' is not supported, '*' already matches any run";
        }
        return null;
    }

    private static Pattern compile(String glob) {
        var problem = problem(glob);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        var regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    public boolean allowsAll() {
        return patterns.isEmpty();
    }

    public boolean allows(String model) {
        if (compiled.isEmpty()) {
            return true;
        }
        for (var pattern : compiled) {
            if (pattern.matcher(model).matches()) {
                return true;
            }
        }
        return false;
    }

    public List<String> patterns() {
        return patterns;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelAllowlist list && list.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "*" : String.join(",", patterns);
    }
}
