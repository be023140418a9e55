package io.tenantchat.api.export.application;

import java.io.IOException;

/**
 * An export the caller may take, not read yet: {@link #writeTo} reads it page by page (never all of it at once)
 * and hands each item to the sink.
 */
@FunctionalInterface
public interface Export {

    void writeTo(ExportSink sink) throws IOException;
}
