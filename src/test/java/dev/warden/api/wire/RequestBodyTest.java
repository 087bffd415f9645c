package dev.warden.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared reader on its own; each dialect's exact wording is covered by that dialect's validation tests. The
 * wording here names the check that failed, so each test sees which check ran.
 */
class RequestBodyTest {
    private static final ErrorWording CHECKS = new ErrorWording() {
        @Override
        public ApiException missing(String path) {
            return error(path, "missing");
        }

        @Override
        public ApiException wrongType(String path, JsonKind expected, JsonNode got) {
            return error(path, "wrongType " + expected + ", got " + describe(got));
        }

        @Override
        public ApiException unknownField(String path) {
            return error(path, "unknownField");
        }

        @Override
        public ApiException unsupported(String path, String what) {
            return error(path, "unsupported " + what);
        }

        @Override
        public ApiException outOfRange(String path, double min, double max, JsonNode got) {
            return error(path, "outOfRange " + got);
        }

        @Override
        public ApiException integerOutOfRange(String path, int min, long got) {
            return error(path, "integerOutOfRange " + got);
        }

        @Override
        public ApiException malformedBody(String clause, boolean endsSentence) {
            return error(null, ErrorWording.sentence(clause, endsSentence));
        }

        private static ApiException error(String path, String message) {
            return new ApiException(ApiError.InvalidRequest.of(message, path));
        }
    };

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void passThroughFieldsKeepTheirExactBytes() {
        RequestBody body = parse("{\"model\":\"m\",\"seed\":1.50,\"x\":{\"b\":1,\"a\":\"\\u00e9\"}}", Set.of("model"));

        assertThat(body.fields().requiredString("model")).isEqualTo("m");
        assertThat(body.extra().keySet()).containsExactly("seed", "x");
        assertThat(body.extra().get("seed").json()).isEqualTo("1.50");
        assertThat(body.extra().get("x").json()).isEqualTo("{\"b\":1,\"a\":\"\\u00e9\"}");
    }

    @Test
    void aFieldThePolicyDoesNotPassIsAnUnknownField() {
        assertThatThrownBy(() -> RequestBody.parse(CHECKS, mapper, bytes("{\"model\":\"m\",\"odd\":1}"),
                Set.of("model"), name -> false))
                .satisfies(e -> assertThat(error(e)).isEqualTo(ApiError.InvalidRequest.of("unknownField", "odd")));
    }

    @Test
    void aBodyThatIsNotAnObjectIsDescribed() {
        assertThatThrownBy(() -> parse("[1]", Set.of()))
                .satisfies(e -> assertThat(error(e).message())
                        .isEqualTo("The request body must be a JSON object, got an array."));
    }

    @Test
    void arrayItemsAreReadInOrderSoTheFirstBadItemIsReported() {
        ObjectFields fields = parse("{\"tools\":[{\"odd\":1},5]}", Set.of("tools")).fields();
        List<ObjectFields> tools = fields.objects("tools");

        assertThat(tools).hasSize(2);
        assertThatThrownBy(() -> tools.forEach(tool -> tool.rejectUnknown(Set.of())))
                .satisfies(e -> assertThat(error(e)).isEqualTo(
                        ApiError.InvalidRequest.of("unknownField", "tools[0].odd")));
    }

    @Test
    void anIntegerBeyondTheIntRangeIsOutOfRangeNotTruncated() {
        ObjectFields fields = parse("{\"n\":3000000000,\"m\":100.0}", Set.of("n", "m")).fields();

        assertThat(fields.integer("m", 1)).isEqualTo(100);
        assertThatThrownBy(() -> fields.integer("n", 1))
                .satisfies(e -> assertThat(error(e).message()).isEqualTo("integerOutOfRange 3000000000"));
    }

    private RequestBody parse(String json, Set<String> modelled) {
        return RequestBody.parse(CHECKS, mapper, bytes(json), modelled);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static ApiError.InvalidRequest error(Throwable e) {
        return (ApiError.InvalidRequest) ((ApiException) e).error();
    }
}
