package io.tenantchat.api.export.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.export.application.Export;
import io.tenantchat.api.export.application.ExportDataUseCase;
import io.tenantchat.api.identity.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports, written to the response while they are read (page by page, flushed after each): every check is made
 * first, so a refusal is still a problem answer; a failure after the first byte ends the response early.
 */
@RestController
class ExportController {

    private final ExportDataUseCase exports;
    private final JsonMapper json;

    ExportController(ExportDataUseCase exports, JsonMapper json) {
        this.exports = exports;
        this.json = json;
    }

    @GetMapping("/api/sessions/{sessionId}/export")
    @ApiResponse(responseCode = "200", description = "the session and its messages, as an attachment", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ExportLines.SessionExport.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string"))})
    void session(Caller caller, @PathVariable String sessionId, @RequestParam(defaultValue = "json") String format,
            HttpServletResponse response) throws IOException {
        if (!format.equals("json") && !format.equals("markdown")) {
            throw new InvalidRequestException("invalid_format", "format must be json or markdown");
        }
        Export export = exports.session(caller, sessionId);
        boolean markdown = format.equals("markdown");
        start(response, markdown ? "text/markdown;charset=UTF-8" : "application/json",
                "session-" + sessionId + (markdown ? ".md" : ".json"));
        OutputStream out = response.getOutputStream();
        if (markdown) {
            export.writeTo(ExportWriters.markdown(out));
            out.flush();
        } else {
            ExportWriters.SessionJson sink = ExportWriters.json(out, json);
            export.writeTo(sink);
            sink.end();
        }
    }

    @GetMapping("/api/tenants/{tenantId}/export")
    @ApiResponse(responseCode = "200", description = "one JSON object a line: each session, then its messages; "
            + "then the monthly usage rollups", content = @Content(mediaType = "application/x-ndjson",
            schema = @Schema(oneOf = {ExportLines.ExportedSession.class, ExportLines.ExportedMessage.class,
                    ExportLines.ExportedUsage.class})))
    void tenant(Caller caller, @PathVariable String tenantId, HttpServletResponse response) throws IOException {
        Export export = exports.tenant(caller, tenantId);
        start(response, "application/x-ndjson", "tenant-" + tenantId + ".ndjson");
        OutputStream out = response.getOutputStream();
        export.writeTo(ExportWriters.ndjson(out, json));
        out.flush();
    }

    private static void start(HttpServletResponse response, String contentType, String filename) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
