package io.tenantchat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantchat.shared.usage.ModelInvoked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks infra/terraform without a Terraform binary: every {@code .tf} file is converted to JSON by npm
 * {@code @cdktf/hcl2json} and held against the application's table layouts, queue settings, configuration
 * defaults (read from the services' application.yml) and the security rules of the project.
 * {@code terraform validate}, {@code terraform test} and {@code plan} still belong where Terraform is installed.
 */
class TerraformPolicyTests {

    record Key(String hash, String range) {}

    record ExpectedTable(String resource, String setting, String name, Key key, Map<String, Key> indexes,
            String ttlAttribute) {}

    /** docs/architecture.md and local-stack's Provisioner: the tables as the code reads and writes them. */
    static final List<ExpectedTable> TABLES = List.of(
            new ExpectedTable("sessions", "SESSIONS_TABLE", "tenant-sessions", new Key("session_key", null),
                    Map.of("tenant_user-created_at-index", new Key("tenant_user", "created_at"),
                            "tenant_id-created_at-index", new Key("tenant_id", "created_at")), "expires_at"),
            new ExpectedTable("messages", "MESSAGES_TABLE", "tenant-messages", new Key("pk", "sk"), Map.of(),
                    "expires_at"),
            new ExpectedTable("usage", "USAGE_TABLE", "tenant-usage", new Key("tenant_id", "timestamp"), Map.of(),
                    null),
            new ExpectedTable("usage_rollups", "USAGE_ROLLUPS_TABLE", "tenant-usage-rollups", new Key("pk", "sk"),
                    Map.of(), "expires_at"),
            new ExpectedTable("tenants", "TENANTS_TABLE", "tenants", new Key("tenant_id", "sk"), Map.of(),
                    "expires_at"),
            new ExpectedTable("api_keys", "API_KEYS_TABLE", "tenant-api-keys", new Key("key_id", null),
                    Map.of("tenant_id-created_at-index", new Key("tenant_id", "created_at")), null),
            new ExpectedTable("audit", "AUDIT_TABLE", "tenant-audit", new Key("tenant_id", "seq"), Map.of(), null),
            new ExpectedTable("jobs", "JOBS_TABLE", "tenant-jobs", new Key("tenant_id", "job_id"),
                    Map.of("job_id-index", new Key("job_id", null),
                            "run_state-lease_until-index", new Key("run_state", "lease_until")), null));

    /**
     * Key attributes of type N (every other key attribute is S): the audit trail's sequence number, an erasure job's
     * lease expiry (epoch ms).
     */
    static final Set<String> NUMERIC_KEY_ATTRIBUTES = Set.of("seq", "lease_until");

    /** Module → its ECS task definition resource. */
    static final Map<String, String> TASK_DEFINITIONS =
            Map.of("api-service", "api", "worker-service", "worker", "usage-aggregator", "aggregator");

    /** Settings the deployment sets apart from the services' local defaults, on purpose. */
    static final Set<String> DELIBERATE_OVERRIDES = Set.of("STREAM_REDIS_ENABLED", "STREAM_API_INSTANCES",
            "UNKNOWN_TENANTS", "TRACING_SAMPLING_PROBABILITY");

    static final Set<String> DATA_SERVICES = Set.of("dynamodb", "sqs", "events", "bedrock");

    static final String TENANT_TAG = "aws:PrincipalTag/TenantId";

    static Path root;
    static TerraformConfig terraform;
    static Map<String, ServiceSettings> services;

    @BeforeAll
    static void convertTheTerraformFiles() throws IOException, InterruptedException {
        root = Path.of(System.getProperty("tenantchat.repository-root", "..")).toAbsolutePath().normalize();
        Path module = Path.of(System.getProperty("tenantchat.infra-tests-dir", ".")).toAbsolutePath().normalize();
        terraform = TerraformConfig.load(root.resolve("infra/terraform"), module);
        services = new LinkedHashMap<>();
        for (String service : TASK_DEFINITIONS.keySet()) {
            services.put(service, ServiceSettings.read(root, service));
        }
    }

    @Test
    void everyPartOfTheSystemHasItsOwnTerraformFile() {
        assertThat(terraform.files()).contains("versions.tf", "variables.tf", "outputs.tf", "kms.tf", "cognito.tf",
                "dynamodb.tf", "sqs.tf", "eventbridge.tf", "iam.tf", "ecs.tf", "alb.tf", "cache.tf", "alarms.tf");
    }

    @Nested
    class Tables {

        @Test
        void everyTableIsOnDemandWithPointInTimeRecoveryAndTheCustomerManagedKey() {
            assertThat(tables()).isNotEmpty();
            tables().forEach((name, table) -> {
                assertThat(Hcl.text(table.path("billing_mode"))).as("%s billing_mode", name)
                        .isEqualTo("PAY_PER_REQUEST");
                assertThat(Hcl.block(table, "point_in_time_recovery").path("enabled").asBoolean())
                        .as("%s point_in_time_recovery.enabled", name).isTrue();
                JsonNode encryption = Hcl.block(table, "server_side_encryption");
                assertThat(encryption.path("enabled").asBoolean()).as("%s server_side_encryption.enabled", name)
                        .isTrue();
                assertThat(Hcl.references(encryption.path("kms_key_arn"), "aws_kms_key"))
                        .as("%s server_side_encryption.kms_key_arn is a customer managed aws_kms_key", name).isTrue();
            });
        }

        @Test
        void tablesAreExactlyTheOnesTheApplicationDefinesKeyForKey() {
            assertThat(tables().keySet()).as("aws_dynamodb_table resources")
                    .containsExactlyInAnyOrderElementsOf(TABLES.stream().map(ExpectedTable::resource).toList());
            for (ExpectedTable expected : TABLES) {
                JsonNode table = tables().get(expected.resource());
                assertThat(terraform.resolve(table.path("name"))).as("%s name", expected.resource())
                        .contains(expected.name());
                assertThat(keyOf(table)).as("%s key schema", expected.resource()).isEqualTo(expected.key());
                assertThat(indexesOf(table)).as("%s global secondary indexes", expected.resource())
                        .isEqualTo(expected.indexes());
                assertThat(attributesOf(table)).as("%s attribute definitions (all key attributes, type S but seq)",
                        expected.resource()).isEqualTo(keyAttributes(expected));
            }
        }

        @Test
        void indexesProjectWholeItems() {
            tables().forEach((name, table) -> table.path("global_secondary_index").valueStream().forEach(index ->
                    assertThat(Hcl.text(index.path("projection_type"))).as("%s index %s projection", name,
                            Hcl.text(index.path("name"))).isEqualTo("ALL")));
        }

        @Test
        void tableNamesAreTheServicesDefaultsForTheirSettings() {
            for (ExpectedTable expected : TABLES) {
                assertThat(readersOf(expected.setting())).as("services reading %s", expected.setting()).isNotEmpty();
                readersOf(expected.setting()).forEach(service -> assertThat(service.defaultOf(expected.setting()))
                        .as("%s default of %s", service.module(), expected.setting()).contains(expected.name()));
            }
        }

        @Test
        void idempotencyItemsAndUsageMarkersExpireByTheirTtlAttribute() {
            for (ExpectedTable expected : TABLES) {
                JsonNode ttl = Hcl.block(tables().get(expected.resource()), "ttl");
                if (expected.ttlAttribute() == null) {
                    assertThat(ttl.path("enabled").asBoolean()).as("%s has no TTL", expected.resource()).isFalse();
                } else {
                    assertThat(ttl.path("enabled").asBoolean()).as("%s TTL enabled", expected.resource()).isTrue();
                    assertThat(Hcl.text(ttl.path("attribute_name"))).as("%s TTL attribute", expected.resource())
                            .isEqualTo(expected.ttlAttribute());
                }
            }
        }
    }

    @Nested
    class Queues {

        @Test
        void chatRequestsIsAHighThroughputFifoQueueWithExplicitDeduplicationIds() {
            JsonNode queue = terraform.resource("aws_sqs_queue", "chat_requests");
            assertThat(queue.path("fifo_queue").asBoolean()).as("fifo_queue").isTrue();
            assertThat(queue.path("content_based_deduplication").isBoolean()
                    && !queue.path("content_based_deduplication").asBoolean())
                    .as("content_based_deduplication = false (the message id is the deduplication id)").isTrue();
            assertThat(Hcl.text(queue.path("deduplication_scope"))).as("deduplication_scope").isEqualTo("messageGroup");
            assertThat(Hcl.text(queue.path("fifo_throughput_limit"))).as("fifo_throughput_limit")
                    .isEqualTo("perMessageGroupId");
            assertThat(terraform.resolve(queue.path("visibility_timeout_seconds"))).as("visibility timeout")
                    .contains("60");
        }

        @Test
        void chatRequestsDeadLettersToAFifoQueueAfterFiveReceives() {
            assertRedrive("chat_requests", "chat_requests_dlq");
            assertThat(terraform.resource("aws_sqs_queue", "chat_requests_dlq").path("fifo_queue").asBoolean())
                    .as("the dead-letter queue of a FIFO queue is FIFO").isTrue();
        }

        @Test
        void usageEventsDeadLettersAfterFiveReceives() {
            assertRedrive("usage_events", "usage_events_dlq");
        }

        @Test
        void deadLetterQueuesAcceptMessagesOnlyFromTheirSourceQueue() {
            Map<String, String> sourceOf = Map.of("chat_requests_dlq", "chat_requests",
                    "usage_events_dlq", "usage_events");
            sourceOf.forEach((dlq, source) -> {
                JsonNode allow = terraform.resources("aws_sqs_queue_redrive_allow_policy").values().stream()
                        .filter(policy -> Hcl.references(policy.path("queue_url"), "aws_sqs_queue." + dlq))
                        .findFirst().orElseThrow(() -> new AssertionError("no redrive allow policy on " + dlq));
                String policy = Hcl.text(allow.path("redrive_allow_policy"));
                assertThat(policy).as("%s redrive allow policy", dlq).contains("\"byQueue\"")
                        .containsPattern("sourceQueueArns\\s*=\\s*\\[aws_sqs_queue\\." + source + "\\.arn]");
            });
        }

        @Test
        void everyQueueIsEncryptedWithTheCustomerManagedKey() {
            terraform.resources("aws_sqs_queue").forEach((name, queue) ->
                    assertThat(Hcl.references(queue.path("kms_master_key_id"), "aws_kms_key"))
                            .as("%s kms_master_key_id", name).isTrue());
        }

        @Test
        void queueNamesAreTheServicesDefaultsForTheirSettings() {
            Map<String, String> settingOf = Map.of("chat_requests", "CHAT_REQUESTS_QUEUE",
                    "chat_requests_dlq", "CHAT_REQUESTS_DLQ", "usage_events", "USAGE_EVENTS_QUEUE");
            Map<String, String> expected = Map.of("chat_requests", "chat-requests.fifo",
                    "chat_requests_dlq", "chat-requests-dlq.fifo", "usage_events", "usage-events");
            settingOf.forEach((queue, setting) -> {
                assertThat(terraform.resolve(terraform.resource("aws_sqs_queue", queue).path("name")))
                        .as("%s name", queue).contains(expected.get(queue));
                assertThat(readersOf(setting)).as("services reading %s", setting).isNotEmpty()
                        .allSatisfy(service -> assertThat(service.defaultOf(setting)).as("%s default of %s",
                                service.module(), setting).contains(expected.get(queue)));
            });
        }

        private void assertRedrive(String queue, String deadLetterQueue) {
            String redrive = Hcl.text(terraform.resource("aws_sqs_queue", queue).path("redrive_policy"));
            assertThat(redrive).as("%s redrive_policy", queue)
                    .containsPattern("deadLetterTargetArn\\s*=\\s*aws_sqs_queue\\." + deadLetterQueue + "\\.arn");
            Matcher count = Pattern.compile("maxReceiveCount\\s*=\\s*([\\w.]+)").matcher(redrive);
            assertThat(count.find()).as("%s maxReceiveCount", queue).isTrue();
            assertThat(terraform.resolveAddress(count.group(1))).as("%s maxReceiveCount", queue).contains("5");
        }
    }

    @Nested
    class UsageEvents {

        @Test
        void usageRuleRoutesTheWorkersModelInvokedEventsFromTheUsageBus() {
            JsonNode rule = terraform.resource("aws_cloudwatch_event_rule", "model_invoked");
            assertThat(Hcl.references(rule.path("event_bus_name"), "aws_cloudwatch_event_bus.usage"))
                    .as("the rule listens on the usage bus").isTrue();
            JsonNode pattern = eventPattern(rule);
            assertThat(Hcl.strings(pattern.path("source"))).as("pattern source").containsExactly(ModelInvoked.SOURCE);
            assertThat(Hcl.strings(pattern.path("detail-type"))).as("pattern detail-type")
                    .containsExactly(ModelInvoked.DETAIL_TYPE);
            JsonNode bus = terraform.resource("aws_cloudwatch_event_bus", "usage");
            assertThat(terraform.resolve(bus.path("name"))).as("bus name")
                    .isEqualTo(services.get("worker-service").defaultOf("USAGE_BUS"));
        }

        @Test
        void usageTargetRetriesThenDeadLettersWhatItCannotDeliver() {
            JsonNode target = terraform.resource("aws_cloudwatch_event_target", "usage_events");
            assertThat(Hcl.references(target.path("rule"), "aws_cloudwatch_event_rule.model_invoked")).isTrue();
            assertThat(Hcl.references(target.path("arn"), "aws_sqs_queue.usage_events")).as("target queue").isTrue();
            assertThat(Hcl.references(Hcl.block(target, "dead_letter_config").path("arn"),
                    "aws_sqs_queue.usage_events_dlq")).as("target dead-letter queue").isTrue();
            JsonNode retry = Hcl.block(target, "retry_policy");
            assertThat(retry.path("maximum_retry_attempts").asInt()).as("retry attempts").isPositive();
            assertThat(retry.path("maximum_event_age_in_seconds").asInt()).as("retry window").isPositive();
        }

        @Test
        void onlyTheUsageRuleMaySendToTheUsageQueues() {
            for (String queue : List.of("usage_events", "usage_events_dlq")) {
                List<PolicyStatement> allowed = queuePolicy(queue).stream().filter(PolicyStatement::allows).toList();
                assertThat(allowed).as("%s queue policy allows", queue).singleElement().satisfies(statement -> {
                    assertThat(statement.actions()).containsExactly("sqs:SendMessage");
                    assertThat(statement.body().toString()).contains("events.amazonaws.com");
                    assertThat(statement.conditions("aws:SourceArn")).as("aws:SourceArn")
                            .flatMap(PolicyStatement.Condition::values)
                            .anyMatch(arn -> arn.contains("aws_cloudwatch_event_rule.model_invoked.arn"));
                    assertThat(statement.conditions("aws:SourceArn")).as("exactly the rule, no pattern")
                            .allSatisfy(condition -> {
                                assertThat(condition.test()).isIn("ArnEquals", "StringEquals");
                                assertThat(condition.values()).containsExactly(
                                        "${aws_cloudwatch_event_rule.model_invoked.arn}");
                            });
                });
            }
        }

        @Test
        void noTaskRoleMaySendToTheUsageQueue() {
            for (String role : List.of("api_task", "worker_task", "aggregator_task")) {
                assertThat(RoleGrants.of(terraform, role).on(queue("usage_events"))).as("%s on usage-events", role)
                        .noneMatch(action -> action.startsWith("sqs:Send") || action.equals("sqs:*"));
            }
        }

        @Test
        void usageBusIsArchivedForReplay() {
            JsonNode archive = terraform.resources("aws_cloudwatch_event_archive").values().stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no aws_cloudwatch_event_archive"));
            assertThat(Hcl.references(archive.path("event_source_arn"), "aws_cloudwatch_event_bus.usage")).isTrue();
            assertThat(terraform.resolve(archive.path("retention_days")).map(Integer::parseInt)).as("retention")
                    .hasValueSatisfying(days -> assertThat(days).isPositive());
        }

        private JsonNode eventPattern(JsonNode rule) {
            Matcher local = Pattern.compile("jsonencode\\(local\\.(\\w+)\\)").matcher(Hcl.text(rule.path("event_pattern")));
            assertThat(local.find()).as("event_pattern = jsonencode(local.<pattern>)").isTrue();
            return terraform.locals().get(local.group(1));
        }

        private List<PolicyStatement> queuePolicy(String queue) {
            JsonNode policy = terraform.resources("aws_sqs_queue_policy").values().stream()
                    .filter(p -> Hcl.references(p.path("queue_url"), "aws_sqs_queue." + queue)).findFirst()
                    .orElseThrow(() -> new AssertionError("no aws_sqs_queue_policy on " + queue));
            return PolicyStatement.of(terraform, RoleGrants.documentOf(Hcl.text(policy.path("policy")))).toList();
        }
    }

    @Nested
    class Identity {

        @Test
        void tenantAttributeIsImmutableAndUsersCannotSignThemselvesUp() {
            JsonNode pool = terraform.resource("aws_cognito_user_pool", "this");
            JsonNode tenant = pool.path("schema").valueStream()
                    .filter(attribute -> "tenant_id".equals(Hcl.text(attribute.path("name")))).findFirst()
                    .orElseThrow(() -> new AssertionError("the user pool has no tenant_id attribute"));
            assertThat(tenant.path("mutable").isBoolean() && !tenant.path("mutable").asBoolean())
                    .as("custom:tenant_id mutable = false").isTrue();
            assertThat(Hcl.block(pool, "admin_create_user_config").path("allow_admin_create_user_only").asBoolean())
                    .as("only administrators create users (and set their tenant)").isTrue();
            assertThat(Hcl.strings(pool.path("username_attributes"))).as("sign-in").containsExactly("email");
        }

        @Test
        void noAppClientCanWriteTheTenantAttribute() {
            assertThat(terraform.resources("aws_cognito_user_pool_client")).isNotEmpty();
            terraform.resources("aws_cognito_user_pool_client").forEach((name, client) -> {
                assertThat(client.has("write_attributes"))
                        .as("%s lists write_attributes (left out, every attribute is writable)", name).isTrue();
                assertThat(Hcl.strings(client.path("write_attributes"))).as("%s write_attributes", name)
                        .doesNotContain("custom:tenant_id");
            });
        }

        @Test
        void webClientSignsInWithTheCodeFlowAndHasNoSecret() {
            JsonNode client = terraform.resource("aws_cognito_user_pool_client", "web");
            assertThat(client.path("generate_secret").isBoolean() && !client.path("generate_secret").asBoolean())
                    .as("generate_secret = false (a public client uses PKCE)").isTrue();
            assertThat(Hcl.strings(client.path("allowed_oauth_flows"))).containsExactly("code");
            assertThat(Hcl.strings(client.path("explicit_auth_flows"))).contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
                    .doesNotContain("ALLOW_USER_PASSWORD_AUTH");
            assertThat(Hcl.strings(client.path("read_attributes"))).contains("custom:tenant_id");
            assertThat(client.has("id_token_validity") && client.has("token_validity_units")).as("token lifetimes")
                    .isTrue();
            assertThat(terraform.resources("aws_cognito_user_pool_domain")).as("hosted UI domain").isNotEmpty();
        }

        @Test
        void userPoolHasTheTenantAdminAndPlatformOperatorGroups() {
            assertThat(terraform.resources("aws_cognito_user_group").values().stream()
                    .map(group -> Hcl.text(group.path("name"))))
                    .containsExactlyInAnyOrder("tenant-admin", "platform-operator");
        }
    }

    @Nested
    class Permissions {

        @Test
        void noStatementAllowsEveryActionOrAWholeDataService() {
            for (PolicyStatement statement : allowStatements()) {
                assertThat(statement.usesNegations()).as("%s uses not_actions/not_resources", statement).isFalse();
                assertThat(statement.actions()).as("%s actions", statement).isNotEmpty()
                        .noneMatch(action -> action.equals("*") || DATA_SERVICES.contains(serviceOf(action))
                                && action.endsWith(":*"));
            }
        }

        @Test
        void dataServiceActionsNeverApplyToEveryResource() {
            for (PolicyStatement statement : allowStatements()) {
                if (statement.actions().stream().anyMatch(action -> DATA_SERVICES.contains(serviceOf(action)))) {
                    assertThat(statement.resources()).as("%s resources", statement).isNotEmpty()
                            .noneMatch(resource -> resource.equals("*")
                                    || resource.matches("arn:[^:]*:(dynamodb|sqs|events):[^$]*\\*.*"));
                }
            }
        }

        @Test
        void serviceRolesGrantNoServiceWideWildcardAtAll() {
            for (String role : List.of("api_task", "worker_task", "aggregator_task", "tenant_scoped")) {
                assertThat(RoleGrants.of(terraform, role).actions()).as("%s actions", role)
                        .noneMatch(action -> action.endsWith(":*"));
            }
        }

        @Test
        void everyPolicyIsAPolicyDocumentSoTheseChecksSeeIt() {
            Map<String, String> policyArguments = Map.of("aws_iam_role_policy", "policy",
                    "aws_iam_role", "assume_role_policy", "aws_sqs_queue_policy", "policy",
                    "aws_kms_key", "policy", "aws_sns_topic_policy", "policy", "aws_iam_policy", "policy");
            policyArguments.forEach((type, argument) -> terraform.resources(type).forEach((name, resource) ->
                    assertThat(terraform.dataSources("aws_iam_policy_document"))
                            .as("%s.%s %s", type, name, argument)
                            .containsKey(RoleGrants.documentOf(Hcl.text(resource.path(argument))))));
            terraform.resources("aws_iam_role_policy_attachment").forEach((name, attachment) ->
                    assertThat(Hcl.references(attachment.path("role"), "aws_iam_role.execution"))
                            .as("managed policy %s attached only to the ECS execution role", name).isTrue());
        }

        @Test
        void eachServiceRunsWithItsOwnTaskRole() {
            Map<String, String> roleOf = Map.of("api", "api_task", "worker", "worker_task",
                    "aggregator", "aggregator_task");
            roleOf.forEach((task, role) -> assertThat(Hcl.references(
                    terraform.resource("aws_ecs_task_definition", task).path("task_role_arn"), "aws_iam_role." + role))
                    .as("%s task role is aws_iam_role.%s", task, role).isTrue());
        }

        @Test
        void apiRoleReadsAndWritesSessionsAndMessagesReadsRollupsSendsChatJobsAndReplaysDeadLetters() {
            RoleGrants api = RoleGrants.of(terraform, "api_task");
            assertThat(api.on(table("sessions"))).contains("dynamodb:GetItem", "dynamodb:PutItem",
                    "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "dynamodb:Query");
            assertThat(api.on(table("sessions") + "/index/*")).contains("dynamodb:Query");
            assertThat(api.on(table("tenants"))).as("the plan cache reads plan and profile in one Query")
                    .contains("dynamodb:Query");
            assertThat(RoleGrants.of(terraform, "tenant_scoped").on(table("tenants")))
                    .as("the plan cache's Query, signed for the tenant").contains("dynamodb:Query");
            assertThat(api.on(table("messages"))).contains("dynamodb:GetItem", "dynamodb:PutItem",
                    "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "dynamodb:Query");
            assertThat(api.on(table("usage_rollups"))).contains("dynamodb:Query")
                    .noneMatch(action -> action.contains("Put") || action.contains("BatchWrite"));
            assertThat(api.on(table("usage_rollups"))).as("erasure moves a user's rollup items to a pseudonym's")
                    .contains("dynamodb:UpdateItem", "dynamodb:DeleteItem");
            assertThat(api.on(table("usage"))).as("erasure replaces user ids in raw rows, never adds or removes one")
                    .containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:UpdateItem");
            assertThat(api.on(queue("chat_requests"))).contains("sqs:SendMessage")
                    .doesNotContain("sqs:ReceiveMessage", "sqs:DeleteMessage");
            // dead-letter replay by platform operators: receive/delete on the DLQs, send back to the work queues
            for (String deadLetters : List.of("chat_requests_dlq", "usage_events_dlq")) {
                assertThat(api.on(queue(deadLetters))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:ChangeMessageVisibility").doesNotContain("sqs:SendMessage");
            }
            assertThat(api.on(queue("usage_events"))).as("the internet-facing api never writes usage events")
                    .doesNotContain("sqs:SendMessage", "sqs:SendMessageBatch", "sqs:ReceiveMessage",
                            "sqs:DeleteMessage")
                    .noneMatch(action -> action.equals("sqs:*") || action.startsWith("sqs:Send"));
            assertThat(api.on(table("sessions"))).as("DELETE /api/sessions/{id}").contains("dynamodb:DeleteItem");
            assertThat(api.on(table("messages"))).as("a deleted session's messages are erased in batches")
                    .contains("dynamodb:BatchWriteItem");
            assertThat(api.on(table("api_keys"))).as("API keys: created, found by id, revoked, marked used; "
                            + "deleted only by an erasure")
                    .contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
                    .doesNotContain("dynamodb:Scan");
            assertThat(api.on(table("jobs"))).as("erasure jobs: started, checkpointed, completed, read")
                    .contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
                    .doesNotContain("dynamodb:Scan");
            assertThat(api.on(table("jobs") + "/index/run_state-lease_until-index")).as("the sweeper")
                    .containsExactly("dynamodb:Query");
            assertThat(api.on(table("messages"))).as("an erasure deletes messages in transactions")
                    .contains("dynamodb:DeleteItem");
            assertThat(api.on(table("api_keys") + "/index/tenant_id-created_at-index")).contains("dynamodb:Query");
            assertThat(api.on(table("audit"))).as("audit entries: appended (with a key change) and read in order")
                    .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:Query");
            assertNoAccess(api, "aws_cloudwatch_event_bus.usage");
            assertThat(api.actions()).noneMatch(action -> action.startsWith("bedrock"));
        }

        @Test
        void eachConfiguredTenantGetsAnApplicationInferenceProfileTaggedWithItsTenantId() {
            JsonNode profile = terraform.resource("aws_bedrock_inference_profile", "tenant");
            assertThat(Hcl.text(profile.path("for_each"))).isEqualTo("${var.tenant_inference_profiles}");
            assertThat(Hcl.text(profile.path("tags").path("TenantId"))).isEqualTo("${each.key}");
            assertThat(Hcl.text(terraform.resource("aws_ce_cost_allocation_tag", "tenant_id").path("tag_key")))
                    .isEqualTo("TenantId");
            assertThat(Hcl.text(terraform.locals().get("tenant_models_environment")))
                    .as("the worker calls the tenant's profile ARN and prices it as the model it copies")
                    .contains("tenant-models", "inference-profiles", "model-id");
        }

        @Test
        void workerRoleConsumesChatJobsCallsTheConfiguredModelAndPublishesUsage() {
            RoleGrants worker = RoleGrants.of(terraform, "worker_task");
            assertThat(worker.on(table("messages"))).contains("dynamodb:GetItem", "dynamodb:PutItem",
                    "dynamodb:UpdateItem", "dynamodb:Query");
            assertThat(worker.on(table("sessions"))).contains("dynamodb:UpdateItem");
            assertThat(worker.on(table("tenants")))
                    .as("quota hold releases, the stale hold reconciler and tenant profiles (one Query per tenant)")
                    .contains("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Scan", "dynamodb:Query");
            assertThat(worker.on(queue("chat_requests"))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage",
                    "sqs:ChangeMessageVisibility").doesNotContain("sqs:SendMessage");
            assertThat(worker.on(queue("chat_requests_dlq"))).contains("sqs:SendMessage");
            assertThat(worker.on("aws_cloudwatch_event_bus.usage")).containsExactly("events:PutEvents");
            assertThat(worker.on("${local.worker_model_arns}")).as("model calls only on the configured model ARNs")
                    .contains("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel");
            assertThat(Hcl.text(terraform.locals().get("worker_model_arns")))
                    .as("the deployment's model and the tenants' (tenantchat.model.tenant-models, MODELS_ALLOWED)")
                    .contains("local.bedrock_model_arns", "local.tenant_model_arns");
            assertThat(Hcl.text(terraform.locals().get("tenant_model_arns")))
                    .as("each tenant's application inference profile and the models it and the allowlist route to")
                    .contains("aws_bedrock_inference_profile.tenant", "local.model_invoke_arns");
            assertNoAccess(worker, table("audit"), table("usage"), table("usage_rollups"), queue("usage_events"),
                    queue("usage_events_dlq"));
        }

        @Test
        void aggregatorRoleConsumesUsageEventsAndWritesOnlyTheUsageTables() {
            RoleGrants aggregator = RoleGrants.of(terraform, "aggregator_task");
            assertThat(aggregator.on(table("usage"))).contains("dynamodb:PutItem");
            assertThat(aggregator.on(table("usage_rollups"))).contains("dynamodb:PutItem", "dynamodb:UpdateItem");
            assertThat(aggregator.on(table("usage"))).as("re-aggregation reads raw rows").contains("dynamodb:Query");
            assertThat(aggregator.on(table("usage_rollups"))).as("re-aggregation reads rollups")
                    .contains("dynamodb:Query");
            assertThat(aggregator.on(table("audit"))).as("re-aggregation appends its audit entry, nothing else")
                    .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:Query");
            assertThat(aggregator.on(queue("usage_events"))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage")
                    .doesNotContain("sqs:SendMessage");
            assertThat(aggregator.on(queue("usage_events_dlq"))).as("refused events are dead-lettered")
                    .contains("sqs:SendMessage");
            assertNoAccess(aggregator, table("sessions"), table("messages"), queue("chat_requests"),
                    queue("chat_requests_dlq"), "aws_cloudwatch_event_bus.usage");
            assertThat(aggregator.actions()).noneMatch(action -> action.startsWith("bedrock"));
        }

        @Test
        void tenantScopedRoleReachesOnlyItemsUnderItsTenantSessionTag() {
            List<PolicyStatement> dynamoStatements = roleStatements("tenant_scoped").stream()
                    .filter(statement -> statement.actions().stream().anyMatch(a -> a.startsWith("dynamodb:")))
                    .toList();
            assertThat(dynamoStatements).isNotEmpty().allSatisfy(statement -> {
                List<PolicyStatement.Condition> leadingKeys = statement.conditions("dynamodb:LeadingKeys");
                assertThat(leadingKeys).as("%s dynamodb:LeadingKeys bound to the tenant tag", statement)
                        .filteredOn(condition -> condition.test().startsWith("ForAllValues:String")).isNotEmpty()
                        .allSatisfy(condition -> assertThat(condition.values()).isNotEmpty()
                                .allMatch(value -> value.startsWith("$${" + TENANT_TAG + "}")));
                assertThat(leadingKeys).as("%s: a request must carry a leading key (ForAllValues holds without one)",
                        statement).contains(new PolicyStatement.Condition("Null", "dynamodb:LeadingKeys", List.of("false")));
                assertThat(leadingKeys).as("%s: no other kind of LeadingKeys condition", statement)
                        .allMatch(c -> c.test().equals("Null") || c.test().startsWith("ForAllValues:String"));
                // BatchWriteItem is allowed: IAM checks the key of every request it carries (conversation erase)
                assertThat(statement.actions()).as("%s actions that read keys LeadingKeys cannot see", statement)
                        .noneMatch(action -> action.contains("Scan") || action.contains("PartiQL")
                                || action.equals("dynamodb:BatchGetItem"));
            });
            Set<String> covered = new TreeSet<>();
            dynamoStatements.forEach(statement -> statement.resources().forEach(r -> covered.add(Hcl.resourceAddress(r))));
            assertThat(covered).as("tables reachable with scoped credentials")
                    .contains(table("sessions"), table("messages"), table("usage"), table("usage_rollups"),
                            table("tenants"), table("audit"), table("jobs"));
        }

        @Test
        void tenantScopedRoleIsAssumedOnlyWithATenantSessionTag() {
            JsonNode role = terraform.resource("aws_iam_role", "tenant_scoped");
            List<PolicyStatement> trust = PolicyStatement.of(terraform,
                    RoleGrants.documentOf(Hcl.text(role.path("assume_role_policy")))).toList();
            assertThat(trust).isNotEmpty().allSatisfy(statement -> {
                assertThat(statement.actions()).contains("sts:AssumeRole", "sts:TagSession");
                assertThat(statement.conditions("aws:RequestTag/TenantId")).as("%s requires the tag", statement)
                        .isNotEmpty();
                assertThat(statement.conditions("aws:TagKeys")).as("%s allows no other tag", statement)
                        .extracting(PolicyStatement.Condition::values).containsExactly(List.of("TenantId"));
            });
        }

        @Test
        void tenantScopedRoleStaysWithinThePublishedPolicy() throws IOException {
            JsonNode published = JsonMapper.builder().build().readTree(
                    Files.readString(root.resolve("docs/security/tenant-scoped-dynamodb-policy.json")));
            Set<String> allowed = new TreeSet<>();
            Set<String> keyPatterns = new TreeSet<>();
            Set<String> denied = new TreeSet<>();
            published.path("Statement").valueStream().forEach(statement -> {
                boolean allow = "Allow".equals(statement.path("Effect").asString());
                (allow ? allowed : denied).addAll(Hcl.strings(statement.path("Action")));
                statement.path("Condition").valueStream()
                        .forEach(test -> keyPatterns.addAll(Hcl.strings(test.path("dynamodb:LeadingKeys"))));
            });
            List<PolicyStatement> statements = PolicyStatement.of(terraform, "tenant_scoped").toList();
            statements.stream().filter(PolicyStatement::allows)
                    .filter(statement -> statement.actions().stream().anyMatch(a -> a.startsWith("dynamodb:")))
                    .forEach(statement -> {
                        assertThat(allowed).as("published actions").containsAll(statement.actions());
                        statement.conditions("dynamodb:LeadingKeys").stream()
                                .filter(condition -> !condition.test().equals("Null"))
                                .flatMap(condition -> condition.values().stream())
                                .forEach(value -> assertThat(keyPatterns).as("published LeadingKeys patterns")
                                        .contains(value.replace("$${", "${")));
                    });
            assertThat(statements.stream().filter(statement -> !statement.allows())
                    .flatMap(statement -> statement.actions().stream())).as("denied as published").containsAll(denied);
        }

        private List<PolicyStatement> allowStatements() {
            return PolicyStatement.all(terraform).stream().filter(PolicyStatement::allows).toList();
        }

        private List<PolicyStatement> roleStatements(String role) {
            return terraform.resources("aws_iam_role_policy").values().stream()
                    .filter(policy -> Hcl.references(policy.path("role"), "aws_iam_role." + role))
                    .flatMap(policy -> PolicyStatement.of(terraform, RoleGrants.documentOf(Hcl.text(policy.path("policy")))))
                    .filter(PolicyStatement::allows)
                    .toList();
        }

        private void assertNoAccess(RoleGrants grants, String... resources) {
            for (String resource : resources) {
                assertThat(grants.actionsByResource().keySet()).as("%s reaches %s", grants.role(), resource)
                        .noneMatch(granted -> granted.equals(resource) || granted.startsWith(resource + "/"));
            }
        }
    }

    @Nested
    class Services {

        @Test
        void everySettingTheServicesReadIsPassedToTheirContainers() {
            TASK_DEFINITIONS.forEach((module, task) -> {
                Set<String> missing = new TreeSet<>(services.get(module).names());
                missing.removeAll(ContainerSettings.of(terraform, task).names());
                assertThat(missing).as("settings %s reads (application.yml) missing from aws_ecs_task_definition.%s",
                        module, task).isEmpty();
            });
        }

        @Test
        void settingsThatComeFromVariablesUseVariablesNamedAfterThem() {
            Pattern variable = Pattern.compile("^\\$\\{(?:tostring\\()?var\\.(\\w+)\\)?}$");
            for (String task : TASK_DEFINITIONS.values()) {
                ContainerSettings.of(terraform, task).environment().forEach((name, value) -> {
                    Matcher reference = variable.matcher(Hcl.text(value));
                    if (reference.matches()) {
                        assertThat(reference.group(1)).as("%s: %s comes from var.%s", task, name, reference.group(1))
                                .isEqualTo(name.toLowerCase(Locale.ROOT));
                    }
                });
            }
        }

        @Test
        void containerSettingsDefaultToTheServicesOwnDefaults() {
            List<String> mismatches = new ArrayList<>();
            TASK_DEFINITIONS.forEach((module, task) -> ContainerSettings.of(terraform, task).environment()
                    .forEach((name, value) -> {
                        Optional<String> own = services.get(module).defaultOf(name);
                        Optional<String> deployed = terraform.resolve(value);
                        if (own.isPresent() && deployed.isPresent() && !DELIBERATE_OVERRIDES.contains(name)
                                && !own.equals(deployed)) {
                            mismatches.add(module + " " + name + ": application.yml " + own.get() + ", Terraform "
                                    + deployed.get());
                        }
                    }));
            assertThat(mismatches).isEmpty();
        }

        @Test
        void secretSettingsReachContainersOnlyAsEcsSecrets() {
            Pattern secretName = Pattern.compile(".*(^|_)(API_KEY|SECRET|PASSWORD|TOKEN)(_|$).*");
            for (String task : TASK_DEFINITIONS.values()) {
                assertThat(ContainerSettings.of(terraform, task).environment().keySet()).as("%s plain environment", task)
                        .noneMatch(name -> secretName.matcher(name).matches());
            }
            assertThat(ContainerSettings.of(terraform, "worker").secrets()).containsKey("OPENAI_API_KEY");
            assertThat(Hcl.text(terraform.resource("aws_ecs_task_definition", "worker").path("container_definitions")))
                    .contains("secrets");
        }

        @Test
        void apiIsServedBehindALoadBalancerThatKeepsIdleWebSocketsOpen() {
            JsonNode balancer = terraform.resource("aws_lb", "this");
            assertThat(terraform.resolve(balancer.path("idle_timeout")).map(Integer::parseInt)).as("ALB idle timeout")
                    .hasValueSatisfying(seconds -> assertThat(seconds).isGreaterThanOrEqualTo(120));
            JsonNode api = terraform.resource("aws_ecs_service", "api");
            assertThat(Hcl.references(Hcl.block(api, "load_balancer").path("target_group_arn"),
                    "aws_lb_target_group.api")).as("api-service registers with the load balancer").isTrue();
            assertThat(Hcl.text(Hcl.block(terraform.resource("aws_lb_target_group", "api"), "health_check")
                    .path("path"))).isEqualTo("/actuator/health/readiness");
        }

        @Test
        void workerScalesOnTheChatRequestsBacklogPerTaskAndApiOnCpu() {
            JsonNode worker = Hcl.block(terraform.resource("aws_appautoscaling_policy", "worker_backlog"),
                    "target_tracking_scaling_policy_configuration");
            String metrics = Hcl.block(worker, "customized_metric_specification").toString();
            assertThat(metrics).contains("ApproximateNumberOfMessagesVisible", "aws_sqs_queue.chat_requests.name",
                    "RunningTaskCount", "\"expression\":\"visible / tasks\"");
            JsonNode api = Hcl.block(terraform.resource("aws_appautoscaling_policy", "api_cpu"),
                    "target_tracking_scaling_policy_configuration");
            assertThat(Hcl.text(Hcl.block(api, "predefined_metric_specification").path("predefined_metric_type")))
                    .isEqualTo("ECSServiceAverageCPUUtilization");
        }

        @Test
        void streamCacheIsEncryptedAndTheServicesConnectWithTls() {
            JsonNode cache = terraform.resource("aws_elasticache_replication_group", "stream");
            assertThat(Hcl.text(cache.path("engine"))).isIn("valkey", "redis");
            assertThat(cache.path("transit_encryption_enabled").asBoolean()).as("in transit").isTrue();
            assertThat(cache.path("at_rest_encryption_enabled").asBoolean()).as("at rest").isTrue();
            for (String task : List.of("api", "worker")) {
                Map<String, JsonNode> environment = ContainerSettings.of(terraform, task).environment();
                assertThat(Hcl.text(environment.get("SPRING_DATA_REDIS_SSL_ENABLED"))).as("%s TLS", task)
                        .isEqualTo("true");
                assertThat(Hcl.references(environment.get("REDIS_HOST"), "aws_elasticache_replication_group.stream"))
                        .as("%s REDIS_HOST", task).isTrue();
            }
        }

        @Test
        void streamCacheRefusesClientsWithoutTheAuthTokenWhichTasksGetOnlyAsAnEcsSecret() {
            JsonNode cache = terraform.resource("aws_elasticache_replication_group", "stream");
            assertThat(Hcl.references(cache.path("auth_token"), "random_password.cache_auth")).as("auth_token")
                    .isTrue();
            JsonNode version = terraform.resource("aws_secretsmanager_secret_version", "cache_auth");
            assertThat(Hcl.references(version.path("secret_string"), "random_password.cache_auth")).isTrue();
            for (String task : List.of("api", "worker")) {
                ContainerSettings container = ContainerSettings.of(terraform, task);
                assertThat(container.environment()).as("%s plain environment", task).doesNotContainKey("REDIS_PASSWORD");
                assertThat(container.secrets()).as("%s ECS secrets", task).containsKey("REDIS_PASSWORD");
                assertThat(Hcl.references(container.secrets().get("REDIS_PASSWORD"),
                        "aws_secretsmanager_secret.cache_auth")).as("%s REDIS_PASSWORD", task).isTrue();
                assertThat(Hcl.text(terraform.resource("aws_ecs_task_definition", task).path("container_definitions")))
                        .as("%s container secrets", task).contains("local.cache_secret_arns");
            }
            for (String module : List.of("api-service", "worker-service")) {
                assertThat(services.get(module).names()).as("%s reads its Redis password", module)
                        .contains("REDIS_PASSWORD");
            }
            RoleGrants execution = RoleGrants.of(terraform, "execution");
            assertThat(execution.on("aws_secretsmanager_secret.cache_auth")).as("ECS reads the token to inject it")
                    .containsExactly("secretsmanager:GetSecretValue");
            assertThat(execution.on("aws_kms_key.data")).contains("kms:Decrypt");
        }
    }

    @Nested
    class Operations {

        @Test
        void alarmsWatchDeadLettersMessageAgeModelThrottlesAndServerErrors() {
            Map<String, JsonNode> alarms = terraform.resources("aws_cloudwatch_metric_alarm");
            Map<String, String> metrics = new TreeMap<>();
            alarms.forEach((name, alarm) -> metricNames(alarm).forEach(metric -> metrics.put(metric, name)));
            assertThat(metrics).containsKeys("ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage",
                    "InvocationThrottles", "HTTPCode_Target_5XX_Count");
            JsonNode deadLetters = alarms.get(metrics.get("ApproximateNumberOfMessagesVisible"));
            String watched = watchedQueues(deadLetters);
            assertThat(watched).as("queues the dead-letter alarm watches")
                    .contains("aws_sqs_queue.chat_requests_dlq", "aws_sqs_queue.usage_events_dlq");
            assertThat(terraform.resolve(deadLetters.path("threshold"))).as("dead-letter alarm threshold").contains("0");
            alarms.forEach((name, alarm) -> assertThat(Hcl.strings(alarm.path("alarm_actions")))
                    .as("%s notifies someone", name).isNotEmpty());
        }

        @Test
        void outputsIncludeTheSeedsNamesAndWhatClientsNeed() {
            Map<String, String> outputs = Map.of("UserPoolId", "aws_cognito_user_pool.this",
                    "UserPoolClientId", "aws_cognito_user_pool_client.web",
                    "SessionsTableName", "aws_dynamodb_table.sessions", "UsageTableName", "aws_dynamodb_table.usage",
                    "ChatRequestsQueueUrl", "aws_sqs_queue.chat_requests",
                    "UsageEventsQueueUrl", "aws_sqs_queue.usage_events", "UsageBusName", "aws_cloudwatch_event_bus.usage",
                    "PublicUrl", "local.public_url", "DotEnv", "local.dotenv");
            outputs.forEach((output, source) -> {
                assertThat(terraform.outputs()).as("outputs").containsKey(output);
                assertThat(Hcl.references(terraform.outputs().get(output).path("value"), source))
                        .as("output %s comes from %s", output, source).isTrue();
            });
        }

        private List<String> metricNames(JsonNode alarm) {
            List<String> names = new ArrayList<>(Hcl.strings(alarm.path("metric_name")));
            alarm.path("metric_query").valueStream()
                    .forEach(query -> names.addAll(Hcl.strings(Hcl.block(query, "metric").path("metric_name"))));
            return names;
        }

        private String watchedQueues(JsonNode alarm) {
            Matcher local = Pattern.compile("local\\.(\\w+)").matcher(Hcl.text(alarm.path("for_each")));
            String forEach = local.find() ? terraform.locals().get(local.group(1)).toString() : "";
            return forEach + alarm.path("dimensions");
        }
    }

    static Map<String, JsonNode> tables() {
        return terraform.resources("aws_dynamodb_table");
    }

    static String table(String name) {
        return "aws_dynamodb_table." + name;
    }

    static String queue(String name) {
        return "aws_sqs_queue." + name;
    }

    static String serviceOf(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    static List<ServiceSettings> readersOf(String setting) {
        return services.values().stream().filter(service -> service.names().contains(setting)).toList();
    }

    static Key keyOf(JsonNode table) {
        String range = Hcl.text(table.path("range_key"));
        return new Key(Hcl.text(table.path("hash_key")), range.isEmpty() ? null : range);
    }

    static Map<String, Key> indexesOf(JsonNode table) {
        Map<String, Key> indexes = new TreeMap<>();
        table.path("global_secondary_index").valueStream()
                .forEach(index -> indexes.put(Hcl.text(index.path("name")), keyOf(index)));
        return indexes;
    }

    static Map<String, String> attributesOf(JsonNode table) {
        Map<String, String> attributes = new TreeMap<>();
        table.path("attribute").valueStream()
                .forEach(a -> attributes.put(Hcl.text(a.path("name")), Hcl.text(a.path("type"))));
        return attributes;
    }

    static Map<String, String> keyAttributes(ExpectedTable table) {
        Map<String, String> attributes = new TreeMap<>();
        List<Key> keys = new ArrayList<>(table.indexes().values());
        keys.add(table.key());
        keys.forEach(key -> {
            attributes.put(key.hash(), "S");
            if (key.range() != null) {
                attributes.put(key.range(), NUMERIC_KEY_ATTRIBUTES.contains(key.range()) ? "N" : "S");
            }
        });
        return attributes;
    }
}
