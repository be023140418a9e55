package io.tenantchat.usage.metering.adapter.in.cli;

import io.tenantchat.shared.TenantId;
import io.tenantchat.usage.metering.application.ReaggregateUsageUseCase;
import io.tenantchat.usage.metering.domain.ReaggregationReport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs when the aggregator is started as a one-off command with {@code --tenantchat.reaggregate.tenant},
 * {@code --tenantchat.reaggregate.from} and {@code --tenantchat.reaggregate.to} (ISO instants), the web server and
 * the SQS listener off ({@code scripts/ops.sh reaggregate}, or an ECS run-task with that command on AWS).
 */
@Component
@ConditionalOnProperty("tenantchat.reaggregate.tenant")
class ReaggregateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReaggregateCommand.class);

    private final ReaggregateUsageUseCase reaggregate;

    ReaggregateCommand(ReaggregateUsageUseCase reaggregate) {
        this.reaggregate = reaggregate;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantId tenant = TenantId.of(single(args, "tenantchat.reaggregate.tenant"));
        Instant from = Instant.parse(single(args, "tenantchat.reaggregate.from"));
        Instant to = Instant.parse(single(args, "tenantchat.reaggregate.to"));
        // who ran it, for the tenant's audit trail: ops.sh passes ops-cli/<TENANTCHAT_ACTOR or $USER>
        List<String> actors = args.getOptionValues("tenantchat.reaggregate.actor");
        String actor = actors == null || actors.size() != 1 ? "ops-cli/unknown" : actors.get(0);
        ReaggregationReport report = reaggregate.reaggregate(tenant, from, to, actor,
                "reaggregate-" + UUID.randomUUID());
        log.info("Re-aggregated usage of tenant {} for {}: {} events, {} rollup items compared, {} corrected, "
                + "{} conflicts with live events", tenant, report.months(), report.events(), report.itemsCompared(),
                report.itemsCorrected(), report.conflicts());
    }

    private static String single(ApplicationArguments args, String name) {
        var values = args.getOptionValues(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("--" + name + " is required once");
        }
        return values.get(0);
    }
}
