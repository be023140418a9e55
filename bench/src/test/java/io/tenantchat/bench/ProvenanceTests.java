package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProvenanceTests {

    private static final Path ROOT = Path.of("/repo");
    private static final Path LATEST = ROOT.resolve("bench/results");
    private static final Path SCRATCH = ROOT.resolve("bench/target/bench-results");

    @Test
    void runIsNoisyWhenTheOneMinuteLoadExceedsTheCores() {
        assertThat(Provenance.noisy(2.5, 2)).isTrue();
        assertThat(Provenance.noisy(2.0, 2)).isFalse();
        assertThat(Provenance.noisy(Provenance.oneMinuteLoad("12.13 22.48 25.41"), 2)).isTrue();
        assertThat(Provenance.noisy(Provenance.oneMinuteLoad("unknown"), 2)).isFalse();
    }

    @Test
    void dirtyTreeDoesNotReplaceLatestUnlessAllowed() {
        assertThat(Provenance.resultsDir(ROOT, false, false, false)).isEqualTo(LATEST);
        assertThat(Provenance.resultsDir(ROOT, true, false, false)).isEqualTo(SCRATCH);
        assertThat(Provenance.resultsDir(ROOT, true, true, false)).isEqualTo(LATEST);
    }

    @Test
    void quickRunNeverReplacesLatest() {
        assertThat(Provenance.resultsDir(ROOT, false, false, true)).isEqualTo(SCRATCH);
        assertThat(Provenance.resultsDir(ROOT, true, true, true)).isEqualTo(SCRATCH);
    }
}
