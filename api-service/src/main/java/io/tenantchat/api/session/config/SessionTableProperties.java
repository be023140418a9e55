package io.tenantchat.api.session.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tables the session feature reads and writes: its sessions, and the messages a session delete erases (the
 * same {@code tenantchat.tables} settings the chat feature binds).
 */
@Validated
@ConfigurationProperties("tenantchat.tables")
public record SessionTableProperties(@NotBlank String sessions, @NotBlank String messages) {
}
