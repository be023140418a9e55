package io.tenantchat.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains a child's merged stdout/stderr on a daemon thread: into a log file or SLF4J, keeping the last lines. */
final class ProcessOutput {

    private static final int TAIL_LINES = 40;
    private static final Pattern ANSI_COLOURS = Pattern.compile("\u001B\\[[;\\d]*m");

    private final Deque<String> tail = new ArrayDeque<>();
    private final String marker;
    private final Logger log;
    private final Thread pump;
    private volatile boolean markerSeen;

    private ProcessOutput(String name, InputStream output, Path logFile, String marker) {
        this.marker = marker;
        this.markerSeen = marker == null;
        this.log = LoggerFactory.getLogger("io.tenantchat.localstack.child." + name);
        this.pump = new Thread(() -> drain(output, logFile), name + "-output");
        this.pump.setDaemon(true);
    }

    static ProcessOutput drain(String name, InputStream output, Path logFile, String marker) {
        ProcessOutput processOutput = new ProcessOutput(name, output, logFile, marker);
        processOutput.pump.start();
        return processOutput;
    }

    /** Whether the child printed the marker line (always true without a marker). */
    boolean markerSeen() {
        return markerSeen;
    }

    synchronized String tail() {
        return String.join(System.lineSeparator(), tail);
    }

    void awaitEnd(long millis) throws InterruptedException {
        pump.join(millis);
    }

    private void drain(InputStream output, Path logFile) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                Writer file = logFile == null ? null : Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                accept(ANSI_COLOURS.matcher(line).replaceAll(""), file);
            }
        } catch (IOException e) {
            log.debug("output closed: {}", e.toString());
        }
    }

    private void accept(String line, Writer file) throws IOException {
        remember(line);
        if (marker != null && line.contains(marker)) {
            markerSeen = true;
        }
        if (file == null) {
            log.debug("{}", line);
        } else {
            file.write(line);
            file.write(System.lineSeparator());
            file.flush();
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }
}
