package io.tenantchat.localstack.provision;

/** URLs of the provisioned SQS queues. */
public record QueueUrls(String chatRequests, String chatRequestsDlq, String usageEvents, String usageEventsDlq) {}
