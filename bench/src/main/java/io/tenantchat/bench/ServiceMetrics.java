package io.tenantchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A running service seen from outside: its {@code /actuator/prometheus} (AWS request counters, timers, heap, threads)
 * and its process in {@code /proc} (RSS, CPU seconds), found by the {@code --server.port} it was started with.
 */
record ServiceMetrics(String name, URI baseUrl, String token, HttpClient http) {

    /** Every sample the service exposes now; empty when it does not answer (busy, or gone). */
    List<Prometheus.Sample> scrape() {
        try {
            String text = Api.getText(http, baseUrl.resolve("/actuator/prometheus"), token);
            return text == null ? List.of() : Prometheus.parse(text);
        } catch (RuntimeException unanswered) {
            return List.of();
        }
    }

    /** {@code "<Service> <Operation>"} → AWS requests sent since the service started. */
    Map<String, Long> awsRequests() {
        return Prometheus.awsRequests(scrape());
    }

    /** Heap in use, heap max (MB) and live threads, from one scrape; -1 where unknown. */
    record Jvm(long heapUsedMb, long heapMaxMb, long liveThreads) {
    }

    Jvm jvm() {
        List<Prometheus.Sample> samples = scrape();
        return new Jvm(mb(sum(samples, "jvm_memory_used_bytes", "heap")), mb(sum(samples, "jvm_memory_max_bytes", "heap")),
                (long) sum(samples, "jvm_threads_live_threads", null));
    }

    private static double sum(List<Prometheus.Sample> samples, String name, String area) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> area == null || area.equals(s.labels().get("area")))
                .mapToDouble(s -> Math.max(0, s.value())).sum();
    }

    private static long mb(double bytes) {
        return (long) (bytes / (1 << 20));
    }

    /** RSS (MB), threads and CPU seconds (user + system) of the process, from /proc; null off Linux or when gone. */
    record Process(long pid, long rssMb, long threads, double cpuSeconds) {
    }

    Process process() {
        Long pid = pid();
        if (pid == null) {
            return null;
        }
        try {
            Path proc = Path.of("/proc", pid.toString());
            long rssKb = 0;
            long threads = 0;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return new Process(pid, rssKb / 1024, threads, ProcessCpu.cpuSeconds(proc));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The JVM started with {@code --server.port=<this service's port>}. */
    private Long pid() {
        String flag = "--server.port=" + baseUrl.getPort();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    return List.of(cmdline.split("\0")).contains(flag);
                } catch (IOException | RuntimeException gone) {
                    return false;
                }
            }).map(p -> Long.valueOf(p.getFileName().toString())).findFirst().orElse(null);
        } catch (IOException noProc) {
            return null;
        }
    }
}
