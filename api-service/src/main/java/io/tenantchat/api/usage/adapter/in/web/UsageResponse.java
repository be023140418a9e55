package io.tenantchat.api.usage.adapter.in.web;

import io.tenantchat.api.usage.domain.UsageFigures;
import io.tenantchat.api.usage.domain.UsageReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Wire shape of a usage report; {@code by_user} is null unless the caller may see individual users. */
record UsageResponse(String tenantId, String from, String to, String granularity, Figures totals, List<Point> series,
        List<ModelFigures> byModel, @Nullable List<UserFigures> byUser) {

    record Figures(long invocations, long inputTokens, long outputTokens, long cacheReadInputTokens,
            long cacheWriteInputTokens, BigDecimal costUsd, long unknownUsage) {

        static Figures of(UsageFigures f) {
            return new Figures(f.invocations(), f.inputTokens(), f.outputTokens(), f.cacheReadInputTokens(),
                    f.cacheWriteInputTokens(), f.costUsd(), f.unknownUsage());
        }
    }

    record Point(String bucket, Figures usage) {
    }

    record ModelFigures(String modelId, Figures usage) {
    }

    record UserFigures(String userId, Figures usage) {
    }

    static UsageResponse of(UsageReport r) {
        Map<String, UsageFigures> byUser = r.byUser();
        return new UsageResponse(r.tenantId().value(), r.from().toString(), r.to().toString(), r.granularity().wireValue(),
                Figures.of(r.totals()), list(r.series(), Point::new), list(r.byModel(), ModelFigures::new),
                byUser == null ? null : list(byUser, UserFigures::new));
    }

    private static <T> List<T> list(Map<String, UsageFigures> figures, java.util.function.BiFunction<String, Figures, T> row) {
        return figures.entrySet().stream().map(e -> row.apply(e.getKey(), Figures.of(e.getValue()))).toList();
    }
}
