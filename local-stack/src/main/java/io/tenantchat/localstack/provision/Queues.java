package io.tenantchat.localstack.provision;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Creates a queue unless it exists. */
final class Queues {

    private final SqsClient sqs;

    Queues(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The URL of queue {@code name}, created with {@code attributes} if it does not exist yet. */
    String ensure(String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException absent) {
            return sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
        }
    }

    String redrivePolicy(String deadLetterQueueUrl, int maxReceiveCount) {
        String arn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterQueueUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        return "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }
}
