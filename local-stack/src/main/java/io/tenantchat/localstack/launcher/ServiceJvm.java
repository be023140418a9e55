package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.ChildProcess;
import io.tenantchat.localstack.HttpProbe;
import io.tenantchat.localstack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** One TenantChat service ({@code <module>-*-exec.jar}) run as a child JVM with the local profile. */
final class ServiceJvm implements AutoCloseable {

    /** 120 s unless {@code -Dtenantchat.local-stack.startup-seconds} says otherwise (a machine busy with other builds). */
    /** System property: extra JVM options for every service JVM ({@link #extraJvmOptions}). */
    public static final String JVM_OPTIONS = "tenantchat.local-stack.service-jvm-options";
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(Long.getLong("tenantchat.local-stack.startup-seconds", 120));

    /**
     * Where each service appends the AWS calls it makes ({@code <dir>/<module>.calls}, aws-request-metrics'
     * {@code TENANTCHAT_AWS_CALL_LOG}), when set: the e2e tests set it so infra can check the IAM roles.
     */
    static final String CALL_LOG_DIR = "tenantchat.aws-call-log.dir";

    private final String module;
    private final int port;
    private final ChildProcess process;
    private final Path log;

    private ServiceJvm(String module, int port, ChildProcess process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Launches the service; its stdout and stderr go to {@code <logDir>/<module>.log}. Does not wait. */
    static ServiceJvm launch(Path repoRoot, String module, int port, List<String> properties, Path logDir) {
        return launch(repoRoot, module, module, port, properties, logDir);
    }

    /** As {@link #launch(Path, String, int, List, Path)}, logging to {@code <logDir>/<name>.log}. */
    static ServiceJvm launch(Path repoRoot, String module, String name, int port, List<String> properties,
            Path logDir) {
        Path jar = jar(repoRoot, module);
        Ports.requireFree(port);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        command.addAll(extraJvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local", "--server.port=" + port));
        command.addAll(properties);
        Path log = freshLog(logDir.resolve(name + ".log"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile());
        String callLogDir = System.getProperty(CALL_LOG_DIR);
        if (callLogDir != null && !callLogDir.isBlank()) {
            builder.environment().put("TENANTCHAT_AWS_CALL_LOG",
                    Path.of(callLogDir).toAbsolutePath().resolve(module + ".calls").toString());
        }
        ChildProcess process = ChildProcess.start(name, builder, log, null);
        return new ServiceJvm(module, port, process, log);
    }

    /**
     * JVM options for every service JVM beside the heap bound, from the system property {@value #JVM_OPTIONS}
     * (space-separated). The e2e and browser tests set start-up options there (C1 only, serial GC): a test system
     * is short-lived and its starts and JIT compiles are most of its CPU time on 2 cores. The bench and
     * {@code run-local.sh} set none, so their services run as shipped.
     */
    static List<String> extraJvmOptions() {
        String options = System.getProperty(JVM_OPTIONS, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Waits until {@code /actuator/health} answers 200, failing with the end of the service log otherwise. */
    void awaitHealthy() {
        try {
            process.awaitReady(STARTUP_TIMEOUT,
                    () -> HttpProbe.answersOk(URI.create("http://127.0.0.1:" + port + "/actuator/health")));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + System.lineSeparator() + "(full log: " + log + ")", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    /** Kills the JVM at once (SIGKILL), as a crash would. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return module + " on port " + port;
    }

    static Path jar(Path repoRoot, String module) {
        Path target = repoRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> isExecJar(file, module))
                    .max(Comparator.comparing(file -> file.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no " + module + "-*-exec.jar in " + target
                            + ": run ./mvnw -DskipTests package first"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static boolean isExecJar(Path file, String module) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path freshLog(Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + log, e);
        }
    }
}
