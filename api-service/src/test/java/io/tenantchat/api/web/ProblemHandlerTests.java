package io.tenantchat.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tenantchat.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTests {

    static final String INTERNAL = "table tenantchat-sessions has no attribute tenant_user#42 in arn:aws:dynamodb:eu";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Thrower())
            .setControllerAdvice(new ProblemHandler()).build();

    @Test
    void internalArgumentErrorAnswersAGeneric400AndLogsTheMessage(CapturedOutput output) throws Exception {
        String body = mvc.perform(get("/internal"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid_request"))
                .andExpect(jsonPath("$.detail").value(ProblemHandler.GENERIC_INVALID))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("tenantchat-sessions").doesNotContain("arn:aws").doesNotContain("tenant_user");
        assertThat(output).contains(INTERNAL);
    }

    @Test
    void callerWrittenRefusalKeepsItsMessage() throws Exception {
        mvc.perform(get("/caller"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid_limit"))
                .andExpect(jsonPath("$.detail").value("limit must be between 1 and 100"));
    }

    @RestController
    static class Thrower {

        @GetMapping("/internal")
        String internal() {
            throw new IllegalArgumentException(INTERNAL);
        }

        @GetMapping("/caller")
        String caller() {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and 100");
        }
    }
}
