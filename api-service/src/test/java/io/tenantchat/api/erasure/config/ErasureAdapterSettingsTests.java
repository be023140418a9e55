package io.tenantchat.api.erasure.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The erasure adapters' settings as application.yml's default profile gives them (the aggregator's names). */
class ErasureAdapterSettingsTests {

    @Test
    void usageTablesAndTheDeadLetterQueueDefaultToTheNamesTheOtherServicesUse() throws IOException {
        Binder binder = defaultProfile();

        assertThat(binder.bind("tenantchat.erasure.usage", ErasureUsageTablesProperties.class).get())
                .isEqualTo(new ErasureUsageTablesProperties("tenant-usage", "tenant-usage-rollups", 4));
        assertThat(binder.bind("tenantchat.erasure.queues", ErasureQueueProperties.class).get())
                .isEqualTo(new ErasureQueueProperties("chat-requests-dlq.fifo", Duration.ofSeconds(1)));
    }

    private static Binder defaultProfile() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME); // the placeholders' defaults
        sources.addLast(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .get(0));
        return Binder.get(environment);
    }
}
