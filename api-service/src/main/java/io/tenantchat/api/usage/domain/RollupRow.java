package io.tenantchat.api.usage.domain;

/** One stored rollup: a time bucket of one dimension ({@code total}, {@code model#id} or {@code user#id}). */
public record RollupRow(String bucket, String dimension, UsageFigures figures) {
}
