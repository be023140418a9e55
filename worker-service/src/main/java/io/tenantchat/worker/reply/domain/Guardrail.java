package io.tenantchat.worker.reply.domain;

import java.util.Objects;

/** A Bedrock guardrail a tenant's replies go through: its id (or ARN) and version ({@code DRAFT} or a number). */
public record Guardrail(String id, String version) {

    public Guardrail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
