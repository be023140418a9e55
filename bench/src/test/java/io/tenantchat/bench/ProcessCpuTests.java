package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTests {

    @Test
    void labelsEachProcessByWhatRunsInIt() {
        assertThat(ProcessCpu.label("java -Xmx512m -jar /r/api-service/target/api-service-0.1.0-exec.jar --x"))
                .isEqualTo("api");
        assertThat(ProcessCpu.label("java -jar worker-service/target/worker-service-0.1.0-exec.jar")).isEqualTo("worker");
        assertThat(ProcessCpu.label("java -jar usage-aggregator-0.1.0-exec.jar")).isEqualTo("aggregator");
        assertThat(ProcessCpu.label("/r/local-stack/node_modules/dynoxide/bin/dynoxide --port 1")).isEqualTo("dynoxide");
        assertThat(ProcessCpu.label("redis-server 127.0.0.1:6379")).isEqualTo("redis");
        assertThat(ProcessCpu.label("node /r/node_modules/cognito-local/lib/bin/start.js")).isEqualTo("cognito-local");
        assertThat(ProcessCpu.label("/usr/bin/bash")).isEqualTo("other");
    }

    @Test
    void countsOnlyTheCpuSpentBetweenTheSnapshotsAndAProcessStartedMeanwhileWhole() {
        ProcessCpu.Snapshot before = new ProcessCpu.Snapshot(Map.of(1L, Map.entry("api", 10.0),
                2L, Map.entry("worker", 5.0)), 100, 200);
        ProcessCpu.Snapshot after = new ProcessCpu.Snapshot(Map.of(1L, Map.entry("api", 12.5),
                2L, Map.entry("worker", 5.0), 3L, Map.entry("worker", 1.0)), 130, 240);

        assertThat(ProcessCpu.between(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of("api", 2.5, "worker", 1.0));
        assertThat(ProcessCpu.busy(before, after)).isEqualTo(0.75);
    }
}
