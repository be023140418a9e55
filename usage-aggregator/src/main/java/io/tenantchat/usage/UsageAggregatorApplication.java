package io.tenantchat.usage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UsageAggregatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(UsageAggregatorApplication.class, args);
    }
}
