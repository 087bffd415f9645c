package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelAllowlistTest {

    private static boolean allows(String pattern, String model) {
        return ModelAllowlist.of(List.of(pattern)).allows(model);
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            "llama-*, llama-3.1-8b, true",
            "llama-*, llama-, true",
            "llama-*, llama, false",
            "llama-*, codellama-7b, false",
            "*, anything/at:all, true",
            "*, '', true",
            "ollama/*, ollama/llama3:8b, true",
            "ollama/*, ollama, false",
            "*-mini, gpt-4o-mini, true",
            "*-mini, gpt-4o-mini-2024, false",
            "gpt-4o*, gpt-4o, true",
            "gpt-4o*, gpt-4o-2024-08-06, true",
            "gpt-4o*, gpt-4, false",
            "gpt-?o, gpt-4o, true",
            "gpt-?o, gpt-o, false",
            "gpt-?o, gpt-40o, false",
            "claude-*-sonnet-*, claude-3-5-sonnet-latest, true",
            "claude-*-sonnet-*, claude-3-5-haiku-latest, false",
    })
    void wildcards(String pattern, String model, boolean allowed) {
        assertThat(allows(pattern, model)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource({
            // A dot is a literal dot, not "any character".
            "gpt-4.1, gpt-4.1, true",
            "gpt-4.1, gpt-401, false",
            "gpt-4.*, gpt-4x5, false",
            // Nor is + a regex quantifier.
            "a+b, a+b, true",
            "a+b, aab, false",
            "meta@v1:latest, meta@v1:latest, true",
            // Exact names match the whole name, never a part of it.
            "gpt-4o, gpt-4o-mini, false",
            "gpt-4o, my-gpt-4o, false",
            // Case matters, as it does upstream.
            "gpt-4o, GPT-4o, false",
    })
    void everythingButTheWildcardsIsLiteral(String pattern, String model, boolean allowed) {
        assertThat(allows(pattern, model)).isEqualTo(allowed);
    }

    @Test
    void aModelPassesWhenAnyPatternMatches() {
        var list = ModelAllowlist.of(List.of("gpt-4o", "llama-*"));
        assertThat(list.allows("gpt-4o")).isTrue();
        assertThat(list.allows("llama-3")).isTrue();
        assertThat(list.allows("mistral-large")).isFalse();
        assertThat(list.allowsAll()).isFalse();
        assertThat(list.patterns()).containsExactly("gpt-4o", "llama-*");
        assertThat(list).hasToString("gpt-4o,llama-*");
    }

    @Test
    void anEmptyListAllowsEveryModel() {
        var list = ModelAllowlist.of(List.of());
        assertThat(list).isSameAs(ModelAllowlist.ANY);
        assertThat(list.allowsAll()).isTrue();
        assertThat(list.allows("whatever")).isTrue();
        assertThat(list).hasToString("*");
    }

    @Test
    void aListOfOnlyAStarRestrictsNothingButIsNotEmpty() {
        var star = ModelAllowlist.of(List.of("*"));
        assertThat(star.allowsAll()).isFalse();
        assertThat(star.allows("x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt 4o", "gpt-4o\n", "a|b", "(gpt)", "[ab]", "gpt{4}", "a\\b", "gpt^", "gpt$", "é", "a,b",
            "x#y"})
    void charactersOutsideTheModelNameAlphabetAreRejected(String pattern) {
        assertThat(ModelAllowlist.problem(pattern)).startsWith("invalid model pattern '" + pattern + "': use letters");
        assertThatIllegalArgumentException().isThrownBy(() -> ModelAllowlist.of(List.of("ok-*", pattern)))
                .withMessageContaining("'" + pattern + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"**", "gpt-**", "a**b", "***"})
    void doubleStarIsRejected(String pattern) {
        assertThat(ModelAllowlist.problem(pattern)).isEqualTo("invalid model pattern '" + pattern
                + "': '**' is not supported, '*' already matches any run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void emptyPatternsAreRejected(String pattern) {
        assertThat(ModelAllowlist.problem(pattern)).isEqualTo("a model pattern must not be empty");
        assertThatIllegalArgumentException().isThrownBy(() -> ModelAllowlist.of(List.of(pattern)))
                .withMessage("a model pattern must not be empty");
    }

    @Test
    void patternsAreAtMostTwoHundredCharacters() {
        assertThat(ModelAllowlist.problem("a".repeat(200))).isNull();
        assertThat(ModelAllowlist.problem("a".repeat(201))).startsWith("invalid model pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "llama-*", "?", "*", "meta-llama/Llama-3.1-8B", "qwen2.5:7b", "a_b+c@d"})
    void validPatternsHaveNoProblem(String pattern) {
        assertThat(ModelAllowlist.problem(pattern)).isNull();
    }

    @Test
    void equalityFollowsThePatterns() {
        assertThat(ModelAllowlist.of(List.of("a", "b"))).isEqualTo(ModelAllowlist.of(List.of("a", "b")))
                .hasSameHashCodeAs(ModelAllowlist.of(List.of("a", "b")))
                .isNotEqualTo(ModelAllowlist.of(List.of("b", "a")));
    }
}
