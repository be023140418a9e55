package io.tenantchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's figures come from: the commit and whether the tree was dirty, the command, the {@code -Dbench.*}
 * settings, JVM flags, the load average at start and end, the duration. Decides whether a run may replace
 * {@code bench/results/latest.*} and whether it was noisy.
 */
final class Provenance {

    private Provenance() {}

    /** A run is noisy when the 1-minute load average at its start exceeds the core count. */
    static boolean noisy(double oneMinuteLoad, int cores) {
        return oneMinuteLoad > cores;
    }

    /**
     * Where the results go: {@code bench/results} (latest.*) only for a full run from a clean tree, or a dirty one
     * when {@code allowDirty}; otherwise {@code bench/target/bench-results}, never committed.
     */
    static Path resultsDir(Path repoRoot, boolean dirty, boolean allowDirty, boolean quick) {
        boolean latest = !quick && (!dirty || allowDirty);
        return latest ? repoRoot.resolve("bench").resolve("results")
                : repoRoot.resolve("bench").resolve("target").resolve("bench-results");
    }

    /** The first field of /proc/loadavg, or NaN off Linux. */
    static double oneMinuteLoad(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0]);
        } catch (RuntimeException unknown) {
            return Double.NaN;
        }
    }

    /** 1, 5 and 15 minute load averages (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    static String gitSha(Path repoRoot) {
        return git(repoRoot, "rev-parse", "HEAD").strip();
    }

    /** Whether tracked or untracked (not ignored) files differ from HEAD, bench/results/ itself not counted. */
    static boolean gitDirty(Path repoRoot) {
        String status = git(repoRoot, "status", "--porcelain", "--", ".", ":(exclude)bench/results");
        return !status.isBlank();
    }

    /** Every {@code bench.*} system property as given. */
    static Map<String, String> benchProperties() {
        Map<String, String> out = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench."))
                .forEach(k -> out.put(k, System.getProperty(k)));
        return out;
    }

    static List<String> jvmFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("service_jvm_flags", "-Xmx512m (local-stack ServiceJvm), --spring.profiles.active=local");
        return machine;
    }

    private static String git(Path repoRoot, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repoRoot.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return "unknown (" + out.strip() + ")";
            }
            return out;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
