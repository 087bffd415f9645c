package dev.warden.config;

import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingConfigTest {

    @Test
    void aDeploymentMayCarryItsOwnPriceAndUnpricedPolicy() {
        var config = load("""
                deployments:
                  - name: gpu-farm
                    provider: openai-compatible
                    base_url: http://127.0.0.1:8000/v1
                    pricing: {input: 0.15, output: 0.60, cached_input: 0.075}
                    unpriced: refuse
                  - name: lab
                    provider: ollama
                    pricing:
                      input: 0
                      output: ${OUT_RATE:-0}
                      cache_write: 0.3
                      reasoning: 1.2
                  - name: experiments
                    provider: ollama
                    unpriced: allow
                """).config();

        var farm = config.deployment("gpu-farm").orElseThrow();
        assertThat(farm.pricing()).isEqualTo(new PricingConfig(new BigDecimal("0.15"), new BigDecimal("0.60"),
                new BigDecimal("0.075"), null, null));
        assertThat(farm.allowUnpriced()).isFalse();
        var lab = config.deployment("lab").orElseThrow().pricing();
        assertThat(lab.input().signum()).isZero();
        assertThat(lab.output().signum()).isZero();
        assertThat(lab.cacheWrite()).isEqualTo("0.3");
        assertThat(lab.reasoning()).isEqualTo("1.2");
        var experiments = config.deployment("experiments").orElseThrow();
        assertThat(experiments.pricing()).isNull();
        assertThat(experiments.allowUnpriced()).isTrue();
    }

    @Test
    void badPricesAndPoliciesAreReportedWithTheirKeyPathAndLine() {
        var error = failure("""
                deployments:
                  - name: a
                    provider: ollama
                    pricing: {input: -1, ouput: 2}
                    unpriced: maybe
                  - name: b
                    provider: ollama
                    pricing: {input: cheap, output: 1}
                """);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple("deployments[0].pricing.ouput", 4),
                org.assertj.core.groups.Tuple.tuple("deployments[0].pricing.input", 4),
                org.assertj.core.groups.Tuple.tuple("deployments[0].pricing.output", 4),
                org.assertj.core.groups.Tuple.tuple("deployments[0].unpriced", 5),
                org.assertj.core.groups.Tuple.tuple("deployments[1].pricing.input", 8));
        assertThat(error.getMessage()).contains("expected a price in US dollars per million tokens, zero or more,"
                + " like 0.15, got \"-1\"").contains("expected allow or refuse, got \"maybe\"")
                .contains("got \"cheap\"");
    }

    @Test
    void aDeploymentMayNameTheCostTierItsTokensWeighIn() {
        var config = load("""
                deployments:
                  - name: big
                    provider: ollama
                    cost_tier: frontier
                  - name: plain
                    provider: ollama
                """).config();
        assertThat(config.deployment("big").orElseThrow().costTier()).isEqualTo("frontier");
        assertThat(config.deployment("plain").orElseThrow().costTier()).isNull();
    }

    @Test
    void everyCostTierOfThePricingPackageCanBeConfiguredAndNothingElse() {
        assertThat(PricingReader.COST_TIERS).containsExactlyElementsOf(java.util.Arrays.stream(
                dev.warden.pricing.CostTier.values()).map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList());
        var error = failure("""
                deployments:
                  - name: a
                    provider: ollama
                    cost_tier: premium
                """);
        assertThat(error.problems()).extracting(ConfigProblem::path, ConfigProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deployments[0].cost_tier", 4));
        assertThat(error.getMessage())
                .contains("expected one of frontier, standard, small, embedding, got \"premium\"");
    }
}
