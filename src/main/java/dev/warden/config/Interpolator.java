package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in scalar values from an injected environment;
 * {@code $${} is a literal {@code ${}. Runs before type conversion, so {@code port: ${PORT:-8080}} is a number.
 */
final class Interpolator {

    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The outcome of expanding one value.
     *
     * @param value the expanded text, or null when a variable was unset or the syntax was wrong
     * @param unset variables referenced without a default that are not set
     * @param syntaxError what is wrong with the {@code ${...}} syntax, or null
     */
    record Expansion(@Nullable String value, List<String> unset, @Nullable String syntaxError) {
    }

    private final Map<String, String> env;

    Interpolator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Nullable String get(String variable) {
        return env.get(variable);
    }

    Expansion expand(String raw) {
        if (!raw.contains("${")) {
            return new Expansion(raw, List.of(), null);
        }
        var out = new StringBuilder(raw.length());
        var unset = new ArrayList<String>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                if (end < 0) {
                    return syntaxError("unterminated ${ (write $${ for a literal ${)");
                }
                String inner = raw.substring(i + 2, end);
                int dash = inner.indexOf(":-");
                String name = dash < 0 ? inner : inner.substring(0, dash);
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    return syntaxError("invalid variable name '" + name + "' in ${" + inner
                            + "} (letters, digits and _, not starting with a digit)");
                }
                String value = env.get(name);
                if (dash >= 0) {
                    out.append(value == null || value.isEmpty() ? inner.substring(dash + 2) : value);
                } else if (value == null) {
                    if (!unset.contains(name)) {
                        unset.add(name);
                    }
                } else {
                    out.append(value);
                }
                i = end + 1;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return new Expansion(unset.isEmpty() ? out.toString() : null, List.copyOf(unset), null);
    }

    private static Expansion syntaxError(String message) {
        return new Expansion(null, List.of(), message);
    }
}
