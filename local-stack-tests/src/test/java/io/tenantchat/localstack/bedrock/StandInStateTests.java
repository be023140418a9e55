package io.tenantchat.localstack.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Settings;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StandInStateTests {

    @Test
    void randomThrottlingHitsAboutItsShareOfRequests() {
        StandInState state = new StandInState(Settings.defaults().withFault(Fault.throttleRandomly(0.3)));

        long throttled = IntStream.range(0, 2_000)
                .mapToObj(i -> state.drawFault(true))
                .filter(fault -> fault.kind() == Fault.Kind.THROTTLING)
                .count();

        assertThat(throttled).isBetween(480L, 720L);
    }

    @Test
    void countedFaultsStillHitEveryRequestUntilSpent() {
        StandInState state = new StandInState(Settings.defaults().withFault(Fault.throttleBeforeStream(2)));

        assertThat(IntStream.range(0, 4).mapToObj(i -> state.drawFault(true).kind()))
                .containsExactly(Fault.Kind.THROTTLING, Fault.Kind.THROTTLING, Fault.Kind.NONE, Fault.Kind.NONE);
    }

    @Test
    void peakOpenStreamsOfOneTenantIgnoresOtherTenantsStreams() {
        StandInState state = new StandInState(Settings.defaults());
        state.streamOpened("a");
        state.streamOpened("b");
        state.streamOpened("b");
        state.streamClosed("b");

        assertThat(state.takePeakOpenStreams("a")).isEqualTo(1);
        assertThat(state.takePeakOpenStreams("b")).isEqualTo(2);
        assertThat(state.takePeakOpenStreams("b")).isEqualTo(1);
        assertThat(state.openStreams("a")).isEqualTo(1);
        assertThat(state.takePeakOpenStreams()).isEqualTo(3);
    }

    @Test
    void ratioOutsideZeroToOneIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fault.throttleRandomly(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Fault.throttleRandomly(1.5));
    }
}
