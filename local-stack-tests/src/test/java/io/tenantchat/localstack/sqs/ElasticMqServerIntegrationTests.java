package io.tenantchat.localstack.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.Ports;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class ElasticMqServerIntegrationTests {

    @Test
    void queueUrlsCarryTheRealHostAndPort() {
        try (ElasticMqServer server = ElasticMqServer.start(); SqsClient sqs = AwsClients.sqs(server.endpoint())) {
            String created = sqs.createQueue(request -> request.queueName("probe")).queueUrl();
            String found = sqs.getQueueUrl(request -> request.queueName("probe")).queueUrl();

            assertThat(URI.create(created).getPort()).isEqualTo(server.endpoint().getPort());
            assertThat(found).isEqualTo(created).startsWith(server.endpoint().toString() + "/");
        }
    }

    @Test
    void secondServerOnAPortInUseFailsLoudly() {
        try (ElasticMqServer first = ElasticMqServer.start()) {
            int port = first.endpoint().getPort();

            assertThatThrownBy(() -> ElasticMqServer.start(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(port));
        }
    }

    @Test
    void releasesItsPortOnClose() {
        ElasticMqServer server = ElasticMqServer.start();
        server.close();

        assertThat(Ports.isFree(server.endpoint().getPort())).isTrue();
    }
}
