package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.localstack.bedrock.BedrockStandIn.FirstToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedOverheadTests {

    private static final long MS = 1_000_000;

    @Test
    void subtractsEachRequestsOwnModelTimeNotAPercentileOfThem() {
        List<PairedOverhead.Request> requests = List.of(
                new PairedOverhead.Request("a", 1_000 * MS, 1_040 * MS, 1_300 * MS),  // client 300, model 250 → 50
                new PairedOverhead.Request("b", 2_000 * MS, 2_010 * MS, 2_900 * MS)); // client 900, model 880 → 20
        Map<String, FirstToken> model = Map.of("a", new FirstToken(1_030 * MS, 1_280 * MS),
                "b", new FirstToken(2_015 * MS, 2_895 * MS));

        PairedOverhead.Result result = PairedOverhead.pair(requests, model::get);

        assertThat(result.overheadMs()).containsExactly(50.0, 20.0);
        assertThat(result.clientTtftMs()).containsExactly(300.0, 900.0);
        assertThat(result.modelTtftMs()).containsExactly(250.0, 880.0);
        assertThat(result.unpaired()).isZero();
    }

    @Test
    void splitsEachOverheadIntoBeforeTheModelAndAfterItsFirstToken() {
        List<PairedOverhead.Request> requests = List.of(
                new PairedOverhead.Request("a", 1_000 * MS, 1_040 * MS, 1_300 * MS));
        Map<String, FirstToken> model = Map.of("a", new FirstToken(1_030 * MS, 1_280 * MS));

        PairedOverhead.Result result = PairedOverhead.pair(requests, model::get);

        // received 30 ms after the POST started, first delta 20 ms after the stand-in sent it: 50 in all
        assertThat(result.beforeModelMs()).containsExactly(30.0);
        assertThat(result.afterFirstTokenMs()).containsExactly(20.0);
        assertThat(result.acceptMs()).containsExactly(40.0);
        assertThat(result.beforeModelMs()[0] + result.afterFirstTokenMs()[0]).isEqualTo(result.overheadMs()[0]);
    }

    @Test
    void requestWithoutFirstDeltaOrWithoutTheStandInsFigureIsUnpairedNotGuessed() {
        List<PairedOverhead.Request> requests = List.of(
                new PairedOverhead.Request("a", 0, 10 * MS, null),
                new PairedOverhead.Request("unknown", 0, 10 * MS, 100 * MS),
                new PairedOverhead.Request("c", 0, 10 * MS, 100 * MS));

        PairedOverhead.Result result = PairedOverhead.pair(requests,
                Map.of("a", new FirstToken(0, MS), "c", new FirstToken(20 * MS, 60 * MS))::get);

        assertThat(result.overheadMs()).containsExactly(60.0);
        assertThat(result.unpaired()).isEqualTo(2);
    }
}
