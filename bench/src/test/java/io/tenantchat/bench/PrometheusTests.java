package io.tenantchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTests {

    private static final String BEFORE = """
            # HELP tenantchat_aws_requests_total AWS requests
            # TYPE tenantchat_aws_requests_total counter
            tenantchat_aws_requests_total{operation="SendMessage",service="Sqs"} 10.0
            tenantchat_aws_requests_total{operation="Query",service="DynamoDb"} 4.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="0.01"} 0.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="0.1"} 0.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="+Inf"} 0.0
            tenantchat_queue_wait_seconds_count{tenant="other"} 0.0
            tenantchat_queue_wait_seconds_sum{tenant="other"} 0.0
            """;

    private static final String AFTER = """
            tenantchat_aws_requests_total{operation="SendMessage",service="Sqs"} 30.0
            tenantchat_aws_requests_total{operation="Query",service="DynamoDb"} 9.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="0.01"} 50.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="0.1"} 90.0
            tenantchat_queue_wait_seconds_bucket{tenant="other",le="+Inf"} 100.0
            tenantchat_queue_wait_seconds_count{tenant="other"} 100.0
            tenantchat_queue_wait_seconds_sum{tenant="other"} 2.5
            tenantchat_queue_wait_seconds_bucket{tenant="t-1",le="0.01"} 100.0
            tenantchat_queue_wait_seconds_bucket{tenant="t-1",le="0.1"} 100.0
            tenantchat_queue_wait_seconds_bucket{tenant="t-1",le="+Inf"} 100.0
            tenantchat_queue_wait_seconds_count{tenant="t-1"} 100.0
            tenantchat_queue_wait_seconds_sum{tenant="t-1"} 0.5
            http_server_requests_seconds_count{method="POST",uri="/api/chat",status="202"} 7.0
            http_server_requests_seconds_sum{method="POST",uri="/api/chat",status="202"} 0.7
            http_server_requests_seconds_count{method="GET",uri="/api/chat/{id}",status="200"} 3.0
            """;

    @Test
    void readsTheAwsRequestCountersByServiceAndOperation() {
        assertThat(Prometheus.awsRequests(Prometheus.parse(AFTER)))
                .containsEntry("Sqs SendMessage", 30L).containsEntry("DynamoDb Query", 9L);
    }

    @Test
    void timerIsSummedOverItsSeriesAndDifferencedBetweenScrapes() {
        Prometheus.Timer before = Prometheus.timer(Prometheus.parse(BEFORE), "tenantchat_queue_wait_seconds", l -> true);
        Prometheus.Timer after = Prometheus.timer(Prometheus.parse(AFTER), "tenantchat_queue_wait_seconds", l -> true);

        Prometheus.Timer window = after.minus(before);

        assertThat(window.count()).isEqualTo(200);
        assertThat(window.meanMs()).isCloseTo(15, within(1e-9));
        assertThat(window.buckets()).containsEntry(0.01, 150.0).containsEntry(0.1, 190.0);
    }

    @Test
    void percentileIsInterpolatedInsideItsBucket() {
        Prometheus.Timer t = Prometheus.timer(Prometheus.parse(AFTER), "tenantchat_queue_wait_seconds",
                l -> "other".equals(l.get("tenant")));

        assertThat(t.percentileMs(50)).isCloseTo(10, within(1e-9));  // 50 of 100 at or below 10 ms
        assertThat(t.percentileMs(70)).isCloseTo(55, within(1e-9));  // halfway between 10 and 100 ms
        assertThat(t.percentileMs(99)).isCloseTo(100, within(1e-9)); // in +Inf: the last finite bound, a lower limit
        assertThat(t.beyondBuckets(99)).isTrue();
        assertThat(t.beyondBuckets(90)).isFalse();
    }

    @Test
    void timerWithoutBucketsHasAMeanButNoPercentileAndLabelsSelectTheSeries() {
        Prometheus.Timer accept = Prometheus.timer(Prometheus.parse(AFTER), "http_server_requests_seconds",
                l -> "POST".equals(l.get("method")) && "/api/chat".equals(l.get("uri")));

        assertThat(accept.count()).isEqualTo(7);
        assertThat(accept.meanMs()).isCloseTo(100, within(1e-9));
        assertThat(accept.percentileMs(50)).isNull();
        assertThat(Prometheus.Timer.NONE.meanMs()).isNull();
    }

    @Test
    void labelValuesWithEscapedQuotesAndTimestampsParse() {
        List<Prometheus.Sample> samples = Prometheus.parse("m{a=\"x\\\"y\",b=\"z\"} 1.5 1700000000000\n");

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("a", "x\"y").containsEntry("b", "z");
            assertThat(s.value()).isEqualTo(1.5);
        });
    }
}
