package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /api/generate, /api/embed, /api/embeddings and /api/show request bodies, from the documented examples. */
class OtherRequestDecodingTest {
    private final OllamaCodec codec = Fixtures.codec();

    @Test
    void generateBecomesSystemAndUserMessages() {
        ChatRequest request = codec.decodeGenerate(Fixtures.utf8("{\"model\":\"llava\",\"prompt\":\"What is in this"
                + " picture?\",\"system\":\"Be brief.\",\"stream\":false,\"format\":\"json\",\"images\":"
                + "[\"/9j/4AAQSkZJRgABAQA=\"],\"options\":{\"temperature\":0,\"num_ctx\":4096},\"keep_alive\":\"10m\"}"));

        assertThat(request.model()).isEqualTo("llava");
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.messages()).containsExactly(Message.text(Role.SYSTEM, "Be brief."),
                new Message(Role.USER, List.of(new ContentPart.Text("What is in this picture?"),
                        new ContentPart.Image(new ImageSource.Base64("image/jpeg", "/9j/4AAQSkZJRgABAQA="), null)),
                        null));
        assertThat(request.responseFormat()).isEqualTo(new ResponseFormat.JsonObject());
        assertThat(request.sampling().temperature()).isEqualTo(0.0);
        assertThat(request.extra()).containsOnlyKeys("options", "keep_alive");
        assertThat(Fixtures.parse(request.extra().get("options").json())).isEqualTo(Fixtures.parse("{\"num_ctx\":4096}"));
        assertThat(request.tools()).isEmpty();
    }

    @Test
    void generateStreamsByDefaultAndAcceptsEmptySuffixTemplateAndContext() {
        ChatRequest request = codec.decodeGenerate(Fixtures.utf8("{\"model\":\"llama3.2\",\"prompt\":\"Why is the sky"
                + " blue?\",\"suffix\":\"\",\"template\":\"\",\"context\":[],\"raw\":false}"));

        assertThat(request.stream()).isTrue();
        assertThat(request.messages()).containsExactly(Message.text(Role.USER, "Why is the sky blue?"));
    }

    @Test
    void generateWithoutPromptIsALoadRequest() {
        ChatRequest load = codec.decodeGenerate(Fixtures.utf8("{\"model\":\"llama3.2\"}"));

        assertThat(codec.isLoadOnly(load)).isTrue();
        assertThat(Fixtures.tree(codec.encodeGenerateLoad(load))).isEqualTo(Fixtures.parse("{\"model\":\"llama3.2\","
                + "\"created_at\":\"2024-07-22T20:33:28.123648Z\",\"response\":\"\",\"done\":true,"
                + "\"done_reason\":\"load\"}"));
    }

    @Test
    void generateWithOnlyASystemPromptStillGenerates() {
        ChatRequest request = codec.decodeGenerate(Fixtures.utf8("{\"model\":\"m\",\"system\":\"Say hi.\"}"));

        assertThat(codec.isLoadOnly(request)).isFalse();
        assertThat(request.messages()).containsExactly(Message.text(Role.SYSTEM, "Say hi."),
                Message.text(Role.USER, ""));
    }

    @Test
    void embedTakesAStringOrAnArray() {
        EmbeddingRequest one = codec.decodeEmbed(Fixtures.utf8("{\"model\":\"all-minilm\",\"input\":\"Why is the sky"
                + " blue?\"}"));
        EmbeddingRequest many = codec.decodeEmbed(Fixtures.utf8("{\"model\":\"all-minilm\",\"input\":[\"Why is the"
                + " sky blue?\",\"Why is the grass green?\"],\"truncate\":false,\"dimensions\":256,"
                + "\"options\":{\"num_ctx\":512},\"keep_alive\":\"5m\"}"));

        assertThat(one.model()).isEqualTo("all-minilm");
        assertThat(one.inputs()).containsExactly("Why is the sky blue?");
        assertThat(one.extra()).isEmpty();
        assertThat(one.dimensions()).isNull();
        assertThat(many.inputs()).containsExactly("Why is the sky blue?", "Why is the grass green?");
        assertThat(many.dimensions()).isEqualTo(256);
        assertThat(many.tokenInputs()).isNull();
        assertThat(many.encodingFormat()).isNull();
        assertThat(many.extra()).containsOnlyKeys("truncate", "options", "keep_alive");
        assertThat(many.extra().get("truncate")).isEqualTo(RawJson.of("false"));
        assertThat(Fixtures.parse(many.extra().get("options").json())).isEqualTo(Fixtures.parse("{\"num_ctx\":512}"));
    }

    @Test
    void legacyEmbeddingsTakeOnePrompt() {
        EmbeddingRequest request = codec.decodeLegacyEmbeddings(Fixtures.utf8("{\"model\":\"all-minilm\","
                + "\"prompt\":\"Here is an article about llamas...\"}"));

        assertThat(request.inputs()).containsExactly("Here is an article about llamas...");
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void showReadsModelOrTheDeprecatedName() {
        assertThat(codec.decodeShowModel(Fixtures.utf8("{\"model\":\"llava\",\"verbose\":true}"))).isEqualTo("llava");
        assertThat(codec.decodeShowModel(Fixtures.utf8("{\"name\":\"llama3:latest\"}"))).isEqualTo("llama3:latest");
        assertThat(codec.decodeShowModel(Fixtures.utf8("{\"model\":\"a\",\"name\":\"b\"}"))).isEqualTo("a");
    }
}
