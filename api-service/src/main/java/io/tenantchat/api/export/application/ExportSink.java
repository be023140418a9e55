package io.tenantchat.api.export.application;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.usage.domain.RollupRow;
import java.io.IOException;

/** Where an export writes what it reads, in order; {@link #flush} after each page read. */
public interface ExportSink {

    void session(ChatSession session) throws IOException;

    /** A user message and, when there is one, its reply. */
    void exchange(Exchange exchange) throws IOException;

    /** A month's usage rollup of one dimension ({@code total}, {@code model#…}, {@code user#…}). */
    void usage(RollupRow row) throws IOException;

    /** A page is done: what was written so far may go to the client. */
    void flush() throws IOException;
}
