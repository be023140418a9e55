package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.AwsClients;
import io.tenantchat.localstack.HttpProbe;
import io.tenantchat.localstack.cognito.CognitoLocalServer;
import io.tenantchat.localstack.provision.TestUser;
import io.tenantchat.localstack.provision.TestUsers;
import io.tenantchat.localstack.provision.UserPool;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Creates (or reuses) a user in a tenant and prints one JSON object with its tokens on stdout. Uses the pool on AWS
 * named by {@code COGNITO_USER_POOL_ID}/{@code COGNITO_CLIENT_ID} when both are set, otherwise the running local stack.
 */
final class CreateTestUserCommand {

    private static final Logger log = LoggerFactory.getLogger(CreateTestUserCommand.class);

    private CreateTestUserCommand() {}

    static void run(CreateTestUserArgs args, Map<String, String> env, Path repoRoot, PrintStream out) {
        if (env.containsKey("COGNITO_USER_POOL_ID") && env.containsKey("COGNITO_CLIENT_ID")) {
            UserPool pool = new UserPool(env.get("COGNITO_USER_POOL_ID"), env.get("COGNITO_CLIENT_ID"));
            try (CognitoIdentityProviderClient cognito = awsClient(env)) {
                out.println(createOrSignIn(cognito, pool, args, awsPassword(args)));
            }
        } else {
            StackFile stack = StackFile.read(repoRoot);
            try (CognitoIdentityProviderClient cognito = localClient(URI.create(stack.cognitoEndpoint()))) {
                String password = args.password() != null ? args.password() : TestUsers.DEV_PASSWORD;
                out.println(createOrSignIn(cognito, new UserPool(stack.poolId(), stack.clientId()), args, password));
            }
        }
    }

    private static String createOrSignIn(CognitoIdentityProviderClient cognito, UserPool pool, CreateTestUserArgs args,
            String password) {
        log.info("creating or signing in {} in tenant {} (pool {})", args.email(), args.tenantId(), pool.poolId());
        TestUser user = TestUsers.createOrSignIn(cognito, pool, args.tenantId(), args.email(), password);
        if (args.group() != null) {
            log.info("adding {} to group {}", args.email(), args.group());
            user = TestUsers.addToGroup(cognito, pool, user, args.group(), password);
        }
        return Json.MAPPER.writeValueAsString(user);
    }

    private static CognitoIdentityProviderClient localClient(URI endpoint) {
        if (!HttpProbe.answersOk(CognitoLocalServer.healthUri(endpoint.getPort()))) {
            throw new IllegalStateException("the local stack is not running (no answer from cognito-local at "
                    + endpoint + "): start it with ./run-local.sh");
        }
        return AwsClients.cognito(endpoint);
    }

    private static CognitoIdentityProviderClient awsClient(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("set AWS_REGION to the region of pool " + env.get("COGNITO_USER_POOL_ID"));
        }
        return CognitoIdentityProviderClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A random password unless one is given, so that no well-known password is ever set on a real pool. */
    private static String awsPassword(CreateTestUserArgs args) {
        if (args.password() != null) {
            return args.password();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        log.info("no --password given: setting a random one");
        return "Tc-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-9a";
    }
}
