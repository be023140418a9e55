package io.tenantchat.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTests {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void putsTheFieldsUntilClosedAndLeavesNullsOut() {
        try (LogContext ignored = LogContext.of(LogContext.TENANT_ID, "tenant-001", LogContext.USER_ID, null)) {
            assertThat(MDC.get(LogContext.TENANT_ID)).isEqualTo("tenant-001");
            assertThat(MDC.get(LogContext.USER_ID)).isNull();
        }
        assertThat(MDC.get(LogContext.TENANT_ID)).isNull();
    }

    @Test
    void nestedContextsRestoreTheOuterValues() {
        try (LogContext outer = LogContext.of(LogContext.MESSAGE_ID, "m-1")) {
            try (LogContext inner = LogContext.of(LogContext.MESSAGE_ID, "m-2")) {
                assertThat(MDC.get(LogContext.MESSAGE_ID)).isEqualTo("m-2");
            }
            assertThat(MDC.get(LogContext.MESSAGE_ID)).isEqualTo("m-1");
        }
        assertThat(MDC.get(LogContext.MESSAGE_ID)).isNull();
    }

    @Test
    void carriesTheFieldsOfOneThreadToAnother() throws Exception {
        Map<String, String> carried;
        try (LogContext ignored = LogContext.of(LogContext.TENANT_ID, "tenant-001", LogContext.MESSAGE_ID, "m-1")) {
            carried = LogContext.current();
        }
        AtomicReference<String> seen = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try (LogContext ignored = LogContext.of(carried)) {
                seen.set(MDC.get(LogContext.TENANT_ID) + "/" + MDC.get(LogContext.MESSAGE_ID));
            }
        });
        other.start();
        other.join();

        assertThat(seen).hasValue("tenant-001/m-1");
        assertThat(LogContext.current()).isEmpty();
    }

    @Test
    void refusesAKeyWithoutValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> LogContext.of(LogContext.TENANT_ID));
    }
}
