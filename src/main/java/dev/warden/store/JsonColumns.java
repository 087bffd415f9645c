package dev.warden.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.identity.Limits;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The JSON text columns: string lists, string maps and limits. The same text on SQLite and PostgreSQL. */
public final class JsonColumns {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    public String strings(Collection<String> values) {
        return write(List.copyOf(values));
    }

    public List<String> strings(String json) {
        return read(json, STRINGS);
    }

    public String map(Map<String, String> values) {
        return write(values);
    }

    public Map<String, String> map(String json) {
        return read(json, STRING_MAP);
    }

    public String limits(Limits limits) {
        ObjectNode node = mapper.createObjectNode();
        if (limits.rpm() != null) {
            node.put("rpm", limits.rpm());
        }
        if (limits.tpm() != null) {
            node.put("tpm", limits.tpm());
        }
        if (limits.maxParallel() != null) {
            node.put("max_parallel", limits.maxParallel());
        }
        if (limits.budgetUsd() != null) {
            node.put("budget_usd", limits.budgetUsd().toPlainString());
        }
        if (limits.budgetWindow() != null) {
            node.put("budget_window", limits.budgetWindow());
        }
        if (limits.tokenBudget() != null) {
            node.put("token_budget", limits.tokenBudget());
        }
        if (limits.tokenBudgetWindow() != null) {
            node.put("token_budget_window", limits.tokenBudgetWindow());
        }
        return node.toString();
    }

    public Limits limits(String json) {
        try {
            var node = mapper.readTree(json);
            return new Limits(
                    node.hasNonNull("rpm") ? node.get("rpm").asLong() : null,
                    node.hasNonNull("tpm") ? node.get("tpm").asLong() : null,
                    node.hasNonNull("max_parallel") ? node.get("max_parallel").asInt() : null,
                    node.hasNonNull("budget_usd") ? new BigDecimal(node.get("budget_usd").asText()) : null,
                    node.hasNonNull("budget_window") ? node.get("budget_window").asText() : null,
                    // Rows written before token budgets have neither field: no token budget.
                    node.hasNonNull("token_budget") ? node.get("token_budget").asLong() : null,
                    node.hasNonNull("token_budget_window") ? node.get("token_budget_window").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored limits column is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is corrupt", e);
        }
    }
}
