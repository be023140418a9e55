package io.tenantchat.awsmetrics;

import software.amazon.awssdk.core.interceptor.ExecutionAttribute;

/**
 * Whose credentials sign an AWS call, as the call log records it (its fourth column), so a check can hold each call
 * against the IAM role that really signs it. A client that signs some calls with other credentials than the
 * service's own puts {@link #ATTRIBUTE} on those requests ({@code overrideConfiguration().putExecutionAttribute});
 * a call without it is {@link #SERVICE}.
 */
public final class AwsCallSigner {

    /** The signer of one request; absent: {@link #SERVICE}. */
    public static final ExecutionAttribute<String> ATTRIBUTE = new ExecutionAttribute<>("TenantChatAwsCallSigner");

    /** The service's own credentials: its task role. */
    public static final String SERVICE = "service";

    /**
     * A call made for one tenant through the api's tenant client: on a deployment with scoped credentials it is
     * signed with that tenant's session of the tenant-scoped role, without them with the task role.
     */
    public static final String TENANT = "tenant";

    private AwsCallSigner() {
    }
}
