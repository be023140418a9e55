package io.tenantchat.localstack.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EchoReplyTests {

    @Test
    void startsWithItsLabelAndTheTenantAndEchoesTheUser() {
        EchoReply reply = EchoReply.of("[x stand-in]", "acme", "Hello   there", "model m", Integer.MAX_VALUE);

        assertThat(reply.text()).startsWith("[x stand-in] (tenant acme) You said: Hello there.")
                .contains("local stand-in for model m");
        assertThat(reply.truncated()).isFalse();
    }

    @Test
    void piecesAddUpToTheText() {
        EchoReply reply = EchoReply.of("[x stand-in]", null, "Hi!", "model m", Integer.MAX_VALUE);

        assertThat(IntStream.range(0, reply.size()).mapToObj(reply::piece).collect(Collectors.joining()))
                .isEqualTo(reply.text());
    }

    @Test
    void isCutToMaxTokens() {
        EchoReply reply = EchoReply.of("[x stand-in]", "acme", "Hi", "model m", 3);

        assertThat(reply.tokens()).containsExactly("[x", "stand-in]", "(tenant");
        assertThat(reply.truncated()).isTrue();
    }

    @Test
    void readsTheTenantLineOfASystemPrompt() {
        assertThat(EchoReply.tenantLine("Be brief.\ntenant: acme\nuser: u")).isEqualTo("acme");
        assertThat(EchoReply.tenantLine("Be brief.")).isNull();
    }
}
