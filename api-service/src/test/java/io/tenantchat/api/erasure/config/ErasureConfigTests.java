package io.tenantchat.api.erasure.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.api.erasure.domain.Pseudonyms;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The api does not start without a valid pseudonym key; the local profile's key is one. */
class ErasureConfigTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(KeyOnly.class)
            .withPropertyValues("tenantchat.erasure.lease=60s", "tenantchat.erasure.sweep-interval=30s",
                    "tenantchat.erasure.max-attempts=5", "tenantchat.erasure.threads=4",
                    "tenantchat.erasure.tables.jobs=j", "tenantchat.erasure.tables.sessions=s",
                    "tenantchat.erasure.tables.messages=m", "tenantchat.erasure.tables.tenants=t",
                    "tenantchat.erasure.tables.api-keys=k", "tenantchat.erasure.tables.audit=a");

    /** Only the properties and the key's bean of {@link ErasureConfig}. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ErasureProperties.class)
    static class KeyOnly {
        @Bean
        Pseudonyms pseudonyms(ErasureProperties properties) {
            return new ErasureConfig().pseudonyms(properties);
        }
    }

    @Test
    void refusesToStartWithoutAKey() {
        context.withPropertyValues("tenantchat.erasure.pseudonym-key=")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void refusesAKeyThatIsNotBase64OrShorterThan32Bytes() {
        context.withPropertyValues("tenantchat.erasure.pseudonym-key=not base64!")
                .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("tenantchat.erasure.pseudonym-key=c2hvcnQta2V5") // "short-key"
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void startsWithTheLocalProfilesKeyAndPseudonymizesWithIt() {
        context.withPropertyValues("tenantchat.erasure.pseudonym-key=bG9jYWwtb25seS1wc2V1ZG9ueW0ta2V5LW5vdC1zZWNyZXQtMDAwMDA=")
                .run(started -> assertThat(started.getBean(Pseudonyms.class)
                        .of(TenantId.of("tenant-a"), UserId.of("alice")).value()).startsWith(Pseudonyms.PREFIX));
    }
}
