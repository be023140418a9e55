package io.tenantchat.worker.reply.adapter.out.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiEndpointsTests {

    @ParameterizedTest
    @CsvSource({
        "http://localhost:11434, http://localhost:11434/v1/chat/completions",
        "http://localhost:8080/, http://localhost:8080/v1/chat/completions",
        "http://gpu-box:8000/v1, http://gpu-box:8000/v1/chat/completions",
        "https://llm.example.com/proxy/v1/, https://llm.example.com/proxy/v1/chat/completions"
    })
    void appendsV1OnlyWhenTheBaseUrlLacksIt(String baseUrl, String expected) {
        assertThat(OpenAiEndpoints.chatCompletions(baseUrl)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:11434", "ftp://host/", "not a url", ""})
    void refusesABaseUrlThatIsNotHttp(String baseUrl) {
        assertThatThrownBy(() -> OpenAiEndpoints.chatCompletions(baseUrl)).hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void requiresAModelName() {
        assertThatThrownBy(() -> OpenAiEndpoints.requireModel(" ")).hasMessageContaining("OPENAI_MODEL");
    }
}
