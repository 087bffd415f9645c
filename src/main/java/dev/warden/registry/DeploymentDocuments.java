package dev.warden.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigLoader;
import dev.warden.config.ConfigProblem;
import dev.warden.config.DeploymentConfig;
import dev.warden.config.ModelConfig;
import dev.warden.secret.SecretBox;
import java.util.List;
import java.util.Set;

/**
 * The deployment documents of the admin API. A document is a deployment entry of the configuration file, as
 * JSON, plus an optional {@code models} list of aliases it serves ({@code [{"name": "gpt-4o", "model":
 * "gpt-4o-2024-08-06"}]}). It is validated by the configuration reader itself, so a stored deployment accepts
 * exactly what the file accepts. Credentials ({@code api_key}, the AWS keys, every header value) are sealed before
 * storage, opened only to build the provider, and shown as {@link #REDACTED} when read back.
 */
public final class DeploymentDocuments {
    /** What a credential reads as through the API; sending it back on update keeps the stored value. */
    public static final String REDACTED = "********";
    private static final Set<String> SECRET_FIELDS = Set.of("api_key", "aws_access_key_id", "aws_secret_access_key",
            "aws_session_token");

    /** A valid document: the deployment and the aliases it serves. */
    public record Parsed(DeploymentConfig deployment, List<ModelConfig> models) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final SecretBox box;

    public DeploymentDocuments(SecretBox box) {
        this.box = box;
    }

    /**
     * Validates a document with open credentials.
     *
     * @throws ConfigException listing every problem, each with its field path
     */
    public Parsed parse(ObjectNode document) {
        var deployment = document.deepCopy();
        var models = deployment.remove("models");
        var name = document.path("name").asText("");
        var fragment = mapper.createObjectNode();
        fragment.putArray("deployments").add(deployment);
        var aliases = fragment.putArray("models");
        if (models != null) {
            if (!models.isArray()) {
                throw new ConfigException("deployment", List.of(new ConfigProblem("models", 0,
                        "expected a list of {name, model}")));
            }
            for (int i = 0; i < models.size(); i++) {
                var model = models.get(i);
                // Each alias is served by this deployment; other targets given here would be dropped unseen.
                if (model.has("targets") || model.has("deployment")) {
                    throw new ConfigException("deployment", List.of(new ConfigProblem("models[" + i + "]", 0,
                            "a stored deployment serves its own models: give each as {name, model}, without"
                                    + " deployment or targets")));
                }
                aliases.add(alias(name, model));
            }
        }
        var config = ConfigLoader.fragment("deployment", fragment.toString()).config();
        if (config.deployments().size() != 1) {
            throw new ConfigException("deployment", List.of(new ConfigProblem("", 0,
                    "the deployment was skipped (require_env is not available for stored deployments)")));
        }
        return new Parsed(config.deployments().getFirst(), config.models());
    }

    /** {"name": "a", "model": "m"} → {"name": "a", "targets": [{"deployment": d, "model": m}]}. */
    private JsonNode alias(String deployment, JsonNode model) {
        if (!model.isObject()) {
            return model;
        }
        var copy = ((ObjectNode) model).deepCopy();
        var upstream = copy.remove("model");
        var target = mapper.createObjectNode().put("deployment", deployment);
        target.set("model", upstream == null ? copy.path("name") : upstream);
        ArrayNode targets = copy.putArray("targets");
        targets.add(target);
        return copy;
    }

    /**
     * Seals every open credential, for storage. A credential sent as {@link #REDACTED} takes its sealed value from
     * {@code previous} (an update that round-trips what a read returned keeps the stored secret).
     *
     * @throws IllegalArgumentException when a credential is {@link #REDACTED} with nothing stored to keep
     */
    public ObjectNode seal(ObjectNode document, ObjectNode previous) {
        var name = document.path("name").asText("");
        var sealed = document.deepCopy();
        for (var field : SECRET_FIELDS) {
            if (sealed.hasNonNull(field) && sealed.get(field).isTextual()) {
                sealed.put(field, sealValue(sealed.get(field).asText(), previous.path(field), name, field));
            }
        }
        if (sealed.get("headers") instanceof ObjectNode headers) {
            var before = previous.path("headers");
            for (var header : List.copyOf(headers.properties())) {
                if (header.getValue().isTextual()) {
                    headers.put(header.getKey(), sealValue(header.getValue().asText(), before.path(header.getKey()),
                            name, "headers." + header.getKey()));
                }
            }
        }
        return sealed;
    }

    private String sealValue(String value, JsonNode previous, String name, String field) {
        if (value.equals(REDACTED)) {
            if (!previous.isTextual() || !SecretBox.isSealed(previous.asText())) {
                throw new IllegalArgumentException(field + " is '" + REDACTED + "' but no value is stored to keep");
            }
            return previous.asText();
        }
        // Client input is always sealed, even if it looks sealed: a credential starting with "v1:" is still a credential.
        return box.seal(value, context(name, field));
    }

    /** Opens every sealed credential, to build the provider. */
    public ObjectNode open(ObjectNode document) {
        var name = document.path("name").asText("");
        var open = document.deepCopy();
        for (var field : SECRET_FIELDS) {
            if (open.path(field).isTextual() && SecretBox.isSealed(open.get(field).asText())) {
                open.put(field, box.open(open.get(field).asText(), context(name, field)));
            }
        }
        if (open.get("headers") instanceof ObjectNode headers) {
            for (var header : List.copyOf(headers.properties())) {
                if (header.getValue().isTextual() && SecretBox.isSealed(header.getValue().asText())) {
                    headers.put(header.getKey(), box.open(header.getValue().asText(),
                            context(name, "headers." + header.getKey())));
                }
            }
        }
        return open;
    }

    /** The document as the API shows it: every credential replaced by {@link #REDACTED}. */
    public ObjectNode redact(ObjectNode document) {
        var shown = document.deepCopy();
        for (var field : SECRET_FIELDS) {
            if (shown.hasNonNull(field)) {
                shown.put(field, REDACTED);
            }
        }
        if (shown.get("headers") instanceof ObjectNode headers) {
            for (var header : List.copyOf(headers.properties())) {
                headers.put(header.getKey(), REDACTED);
            }
        }
        return shown;
    }

    public ObjectNode read(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored deployment document is not a JSON object", e);
        }
    }

    /** Binds a sealed value to its deployment and field, so it cannot be moved to another. */
    private static String context(String name, String field) {
        return "deployment/" + name + "/" + field;
    }
}
