package io.tenantchat.api.usage.adapter.in.web;

import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.usage.application.UsageQuery;
import io.tenantchat.api.usage.application.ViewUsageUseCase;
import io.tenantchat.shared.usage.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UsageController {

    private final ViewUsageUseCase viewUsage;

    UsageController(ViewUsageUseCase viewUsage) {
        this.viewUsage = viewUsage;
    }

    @GetMapping("/api/tenants/{tenantId}/usage")
    UsageResponse usage(Caller caller, @PathVariable String tenantId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String granularity) {
        UsageQuery query = new UsageQuery(tenantId, instant("from", from, false), instant("to", to, true),
                granularity(granularity));
        return UsageResponse.of(viewUsage.usage(caller, query));
    }

    /** An ISO instant, or an ISO date meaning its first (from) or last (to) moment in UTC. */
    private static @Nullable Instant instant(String name, @Nullable String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid_" + name, name + " must be an ISO date or instant");
        }
    }

    private static @Nullable Granularity granularity(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Granularity.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_granularity", "granularity must be hour, day or month");
        }
    }
}
