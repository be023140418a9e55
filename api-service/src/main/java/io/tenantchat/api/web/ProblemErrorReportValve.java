package io.tenantchat.api.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to requests it refuses before any servlet runs (an encoded slash in the path, a malformed
 * request line): problem JSON instead of Tomcat's HTML page, with no server details.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /** Replaces the host's standard error report valve with this one. */
    public static void install(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve.getClass() == ErrorReportValve.class) {
                host.getPipeline().removeValve(valve);
            }
        }
        boolean installed = false;
        for (Valve valve : host.getPipeline().getValves()) {
            installed |= valve instanceof ProblemErrorReportValve;
        }
        if (!installed) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String problemCode = status == null ? "error" : ProblemCodes.of(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code
                        + ",\"code\":\"" + problemCode + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more can be said
        }
    }
}
