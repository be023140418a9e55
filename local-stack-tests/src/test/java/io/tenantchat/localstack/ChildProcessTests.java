package io.tenantchat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChildProcessTests {

    @Test
    void failsWithItsOutputWhenTheChildExitsBeforeItIsReady() {
        ChildProcess child = ChildProcess.start("short-lived", new ProcessBuilder("sh", "-c", "echo boom; exit 3"),
                null, "listening");

        assertThatThrownBy(() -> child.awaitReady(Duration.ofSeconds(10), () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("short-lived exited with code 3")
                .hasMessageContaining("boom");
    }

    @Test
    void killsTheChildWhenItNeverBecomesReady() {
        ChildProcess child = ChildProcess.start("silent", new ProcessBuilder("sleep", "60"), null, "listening");

        assertThatThrownBy(() -> child.awaitReady(Duration.ofMillis(300), () -> true))
                .hasMessageContaining("silent did not become ready");
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void isReadyOnlyAfterPrintingItsMarker() {
        AtomicReference<String> tail = new AtomicReference<>();
        try (ChildProcess child = ChildProcess.start("chatty",
                new ProcessBuilder("sh", "-c", "echo starting; echo now listening; exec sleep 60"), null, "listening")) {
            child.awaitReady(Duration.ofSeconds(10), () -> true);
            tail.set(child.outputTail());
        }

        assertThat(tail.get()).contains("starting", "now listening");
    }

    @Test
    void killsDescendantsOnClose() {
        ChildProcess child = ChildProcess.start("parent",
                new ProcessBuilder("sh", "-c", "sleep 60 & echo started; wait"), null, "started");
        child.awaitReady(Duration.ofSeconds(10), () -> true);
        List<ProcessHandle> processes = ProcessHandle.current().descendants().toList();

        child.close();

        assertThat(processes).hasSizeGreaterThanOrEqualTo(2);
        await().untilAsserted(() -> assertThat(processes).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void killEndsAChildThatIgnoresTermination() {
        ChildProcess child = ChildProcess.start("stubborn",
                new ProcessBuilder("sh", "-c", "trap '' TERM; echo started; while true; do sleep 1; done"), null,
                "started");
        child.awaitReady(Duration.ofSeconds(10), () -> true);
        long before = System.nanoTime();

        child.kill();

        assertThat(child.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }
}
