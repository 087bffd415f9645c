package dev.warden.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one item of {@code models} and resolves its targets against the deployments. */
final class ModelReader {

    private static final List<String> KEYS = List.of("name", "description", "targets", "deployment", "model",
            "limits");
    private static final List<String> TARGET_KEYS = List.of("deployment", "model");
    private static final Pattern NAME = Pattern.compile("\\S+");

    /**
     * A model as read.
     *
     * @param name its name, or null when missing
     * @param line the line of its name (or of the item)
     * @param config the model with targets on skipped deployments removed; null on errors or when skipped
     * @param skipped true when every target pointed at a skipped deployment
     */
    record Read(@Nullable String name, int line, @Nullable ModelConfig config, boolean skipped) {
    }

    private ModelReader() {
    }

    /**
     * @param deployments every deployment name, including skipped ones, mapped to whether it was skipped
     */
    static @Nullable Read read(Section.Item item, ReadContext context, Map<String, Boolean> deployments) {
        var section = Section.of(item.node(), item.path(), context);
        if (section == null) {
            return null;
        }
        section.allowOnly(KEYS);
        var problems = context.problems();
        String name = section.required("name");
        if (name != null && !NAME.matcher(name).matches()) {
            problems.error(section.path("name"), section.line("name"), "a model name has no spaces, got "
                    + ReadContext.quote(name));
            name = null;
        }
        String description = section.string("description");
        var limits = LimitsReader.read(section.section("limits"));

        boolean shorthand = section.present("deployment") || section.present("model");
        var targets = new ArrayList<TargetConfig>();
        int errorsBefore = problems.errorCount();
        int skippedTargets = 0;
        if (section.present("targets") && shorthand) {
            problems.error(section.path("targets"), section.line("targets"),
                    "use either targets or deployment/model on the model, not both");
        } else if (shorthand) {
            skippedTargets += target(section, name, deployments, targets);
        } else if (section.present("targets")) {
            var items = section.list("targets");
            if (items.isEmpty() && section.node("targets") instanceof SequenceNode) {
                problems.error(section.path("targets"), section.line("targets"), "needs at least one target");
            }
            for (var targetItem : items) {
                var target = Section.of(targetItem.node(), targetItem.path(), context);
                if (target != null) {
                    target.allowOnly(TARGET_KEYS);
                    skippedTargets += target(target, name, deployments, targets);
                }
            }
        } else {
            problems.error(section.path(), section.line(), "model '" + (name == null ? "" : name)
                    + "' needs a deployment (and model), or a list of targets");
        }

        boolean clean = problems.errorCount() == errorsBefore && name != null;
        boolean skipped = clean && targets.isEmpty() && skippedTargets > 0;
        if (skipped) {
            problems.warn(section.path("name"), section.line("name"), "model '" + name
                    + "' skipped: all its deployments are skipped");
        }
        var config = clean && !targets.isEmpty() ? new ModelConfig(name, targets, description, limits)
                : null;
        return new Read(name, section.line("name"), config, skipped);
    }

    /** Reads deployment and model from a target (or a shorthand model); returns 1 if it was dropped as skipped. */
    private static int target(Section section, @Nullable String alias, Map<String, Boolean> deployments,
            List<TargetConfig> targets) {
        String deployment = section.required("deployment");
        String model = section.string("model");
        if (model == null) {
            model = alias;
        }
        if (deployment == null || model == null) {
            return 0;
        }
        deployment = deployment.strip();
        Boolean skipped = deployments.get(deployment);
        if (skipped == null) {
            section.problems().error(section.path("deployment"), section.line("deployment"), "unknown deployment '"
                    + deployment + "'" + Suggestions.hint(deployment, deployments.keySet()));
            return 0;
        }
        if (skipped) {
            return 1;
        }
        var target = new TargetConfig(deployment, model.strip());
        if (targets.contains(target)) {
            section.problems().error(section.path(), section.line(), "duplicate target " + deployment + "/"
                    + model.strip());
            return 0;
        }
        targets.add(target);
        return 0;
    }
}
