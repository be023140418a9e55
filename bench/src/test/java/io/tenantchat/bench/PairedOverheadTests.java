package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedOverheadTests {

    private static final long MS = 1_000_000;

    @Test
    void subtractsEachRequestsOwnModelTimeNotAPercentileOfThem() {
        List<PairedOverhead.Request> requests = List.of(
                new PairedOverhead.Request("a", 1_000 * MS, 1_300 * MS),  // client 300, model 250 → 50
                new PairedOverhead.Request("b", 2_000 * MS, 2_900 * MS)); // client 900, model 880 → 20
        Map<String, Long> model = Map.of("a", 250 * MS, "b", 880 * MS);

        PairedOverhead.Result result = PairedOverhead.pair(requests, model::get);

        assertThat(result.overheadMs()).containsExactly(50.0, 20.0);
        assertThat(result.clientTtftMs()).containsExactly(300.0, 900.0);
        assertThat(result.modelTtftMs()).containsExactly(250.0, 880.0);
        assertThat(result.unpaired()).isZero();
    }

    @Test
    void requestWithoutFirstDeltaOrWithoutTheStandInsFigureIsUnpairedNotGuessed() {
        List<PairedOverhead.Request> requests = List.of(
                new PairedOverhead.Request("a", 0, null),
                new PairedOverhead.Request("unknown", 0, 100 * MS),
                new PairedOverhead.Request("c", 0, 100 * MS));

        PairedOverhead.Result result = PairedOverhead.pair(requests, Map.of("a", MS, "c", 40 * MS)::get);

        assertThat(result.overheadMs()).containsExactly(60.0);
        assertThat(result.unpaired()).isEqualTo(2);
    }
}
