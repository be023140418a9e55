package io.tenantchat.api.openai.adapter.in.web;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.openai.application.StartCompletionUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models}: the models the caller's tenant may name, in OpenAI's list shape. */
@RestController
class ModelsController {

    private final StartCompletionUseCase completions;

    ModelsController(StartCompletionUseCase completions) {
        this.completions = completions;
    }

    @GetMapping("/v1/models")
    ModelList models(Caller caller) {
        return ModelList.of(completions.models(caller));
    }
}
