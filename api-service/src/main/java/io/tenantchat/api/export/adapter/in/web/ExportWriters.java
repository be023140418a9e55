package io.tenantchat.api.export.adapter.in.web;

import io.tenantchat.api.chat.domain.Exchange;
import io.tenantchat.api.export.adapter.in.web.ExportLines.ExportedMessage;
import io.tenantchat.api.export.adapter.in.web.ExportLines.ExportedSession;
import io.tenantchat.api.export.adapter.in.web.ExportLines.ExportedUsage;
import io.tenantchat.api.export.application.ExportSink;
import io.tenantchat.api.session.domain.ChatSession;
import io.tenantchat.api.usage.domain.RollupRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** The three formats, each writing to the response as items arrive. */
final class ExportWriters {

    private ExportWriters() {
    }

    /** One JSON object per line: sessions, each followed by its messages; then usage. */
    static ExportSink ndjson(OutputStream out, JsonMapper json) {
        return new ExportSink() {
            @Override
            public void session(ChatSession session) throws IOException {
                line(ExportedSession.of(session));
            }

            @Override
            public void exchange(Exchange exchange) throws IOException {
                for (ExportedMessage line : ExportedMessage.of(exchange)) {
                    line(line);
                }
            }

            @Override
            public void usage(RollupRow row) throws IOException {
                line(ExportedUsage.of(row));
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            private void line(Object value) throws IOException {
                out.write(json.writeValueAsBytes(value));
                out.write('\n');
            }
        };
    }

    /** {@code {"session": {...}, "messages": [...]}} for one session. */
    static SessionJson json(OutputStream out, JsonMapper json) {
        return new SessionJson(out, json);
    }

    static final class SessionJson implements ExportSink {
        private final OutputStream out;
        private final JsonMapper json;
        private boolean first = true;

        SessionJson(OutputStream out, JsonMapper json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void session(ChatSession session) throws IOException {
            write("{\"session\":");
            out.write(json.writeValueAsBytes(ExportedSession.of(session)));
            write(",\"messages\":[");
        }

        @Override
        public void exchange(Exchange exchange) throws IOException {
            for (ExportedMessage line : ExportedMessage.of(exchange)) {
                write(first ? "" : ",");
                first = false;
                out.write(json.writeValueAsBytes(line));
            }
        }

        @Override
        public void usage(RollupRow row) {
            // a session export carries no usage
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        void end() throws IOException {
            write("]}");
            out.flush();
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A readable transcript: a heading, then each message under its role and time. */
    static ExportSink markdown(OutputStream out) {
        return new ExportSink() {
            @Override
            public void session(ChatSession session) throws IOException {
                String title = session.title() == null ? "Session " + session.sessionId().value() : session.title();
                write("# " + title.replace("\n", " ") + "\n\n_Session " + session.sessionId().value() + ", started "
                        + session.createdAt() + "_\n\n");
            }

            @Override
            public void exchange(Exchange exchange) throws IOException {
                for (ExportedMessage line : ExportedMessage.of(exchange)) {
                    write("## " + line.role() + " (" + line.createdAt() + (line.modelId() == null ? ""
                            : ", " + line.modelId()) + ")\n\n" + line.content() + "\n\n");
                }
            }

            @Override
            public void usage(RollupRow row) {
                // a session export carries no usage
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            private void write(String text) throws IOException {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
