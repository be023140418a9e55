package io.tenantchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time by process on this machine (Linux {@code /proc}), labelled by what runs in it: the three services, the
 * bench JVM (which hosts ElasticMQ, the model and EventBridge stand-ins and the clients), dynoxide, Redis,
 * cognito-local, and everything else. Two snapshots give each label's CPU seconds in between, so a figure can say
 * which process spent the cores. Empty where {@code /proc} cannot be read.
 */
final class ProcessCpu {

    /** Linux reports {@code utime}/{@code stime} in clock ticks of 1/100 s on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /** pid → (label, CPU seconds so far). */
    record Snapshot(Map<Long, Map.Entry<String, Double>> processes, double machineBusySeconds,
            double machineSeconds) {
    }

    static Snapshot snapshot() {
        Map<Long, Map.Entry<String, Double>> processes = new LinkedHashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                try {
                    double seconds = cpuSeconds(dir);
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    processes.put(Long.valueOf(dir.getFileName().toString()), Map.entry(label(command), seconds));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked, or is not ours to read
                }
            }
        } catch (IOException e) {
            return new Snapshot(Map.of(), 0, 0);
        }
        double[] machine = machine();
        return new Snapshot(processes, machine[0], machine[1]);
    }

    /** The CPU seconds (user + system) process {@code /proc/<pid>} has used so far. */
    static double cpuSeconds(Path procDir) throws IOException {
        String stat = Files.readString(procDir.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
    }

    /** Label → CPU seconds spent between {@code before} and {@code after} (processes that started meanwhile count whole). */
    static Map<String, Double> between(Snapshot before, Snapshot after) {
        Map<String, Double> spent = new TreeMap<>();
        after.processes().forEach((pid, now) -> {
            Map.Entry<String, Double> then = before.processes().get(pid);
            double seconds = now.getValue() - (then == null ? 0 : then.getValue());
            if (seconds > 0) {
                spent.merge(now.getKey(), seconds, Double::sum);
            }
        });
        return spent;
    }

    /** The machine's share of busy CPU between the snapshots (0..1), or NaN without {@code /proc/stat}. */
    static double busy(Snapshot before, Snapshot after) {
        double total = after.machineSeconds() - before.machineSeconds();
        return total <= 0 ? Double.NaN : (after.machineBusySeconds() - before.machineBusySeconds()) / total;
    }

    static String label(String command) {
        if (command.contains("api-service")) {
            return "api";
        } else if (command.contains("worker-service")) {
            return "worker";
        } else if (command.contains("usage-aggregator")) {
            return "aggregator";
        } else if (command.contains("bench-") && command.contains(".jar")) {
            return "bench JVM (ElasticMQ, model and EventBridge stand-ins, clients)";
        } else if (command.contains("dynoxide")) {
            return "dynoxide";
        } else if (command.contains("redis-server")) {
            return "redis";
        } else if (command.contains("cognito-local")) {
            return "cognito-local";
        }
        return "other";
    }

    /** {busy, total} CPU seconds of the whole machine from the first line of {@code /proc/stat}. */
    private static double[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            double idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }
}
