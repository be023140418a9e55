package io.tenantchat.api.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tenantchat.api.identity.Caller;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the bearer scheme on
 * every {@code /api} and {@code /v1} operation and the problem responses (on {@code /v1} OpenAI errors) every one of
 * them can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "cognito-id-token";
    static final String API_KEY = "api-key";
    static final String PROBLEM = "Problem";
    static final String OPENAI_ERROR = "OpenAiError";
    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
            "400", "the request is malformed (ids, parameters or body)",
            "401", "no token, or one that is expired, forged or not for this pool and app client; or an API key that "
                    + "is unknown, revoked, expired or malformed",
            "403", "the token has no valid tenant, lacks the group this needs, or names another tenant or user",
            "500", "unexpected error (logged; no details are returned)");

    static {
        // the caller comes from the verified token, never from request parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI tenantChatOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TenantChat API").version("v1").description(
                        "Multi-tenant chat. The tenant and user always come from the verified Cognito ID token or the "
                                + "stored record of the API key, never from the request."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Cognito ID token of the user pool (RS256)"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("tck_<key_id>_<secret>").description("An API key of the tenant (README "
                                        + "\"API keys\"): acts as its principal, an ordinary member of the tenant")));
    }

    /**
     * Schemas in the wire's snake_case (spring.jackson.property-naming-strategy). swagger-core reads types with its
     * own Jackson 2 mapper, which does not see Spring's Jackson 3 settings.
     */
    @Bean
    ModelResolver snakeCaseSchemas() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenApiCustomizer securedApiOperations() {
        return openApi -> {
            // added here, not in the bean: springdoc drops component schemas no operation referenced yet
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getComponents().addSchemas(OPENAI_ERROR, openAiErrorSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperations().forEach(operation -> secure(path, operation));
                } else if (path.startsWith("/v1/")) {
                    item.readOperations().forEach(OpenApiConfig::secureOpenAi);
                }
            });
        };
    }

    private static void secure(String path, Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        COMMON_PROBLEMS.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("nothing the caller may see exists under that id"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", problem("the request body is larger than the configured limit"));
            responses.putIfAbsent("415", problem("the body is not application/json"));
        }
        operation.setResponses(responses);
    }

    /** The OpenAI-compatible API: the same schemes, errors in OpenAI's shape (docs/api.md). */
    private static void secureOpenAi(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        COMMON_PROBLEMS.forEach((status, description) -> responses.putIfAbsent(status, openAiError(description)));
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("404", openAiError("model_not_found: the tenant may not use the model"));
            responses.putIfAbsent("429", openAiError("a quota or rate limit is reached (Retry-After says when to retry)"));
            responses.putIfAbsent("503", openAiError("the reply could not be generated now (Retry-After)"));
        }
        operation.setResponses(responses);
    }

    private static ApiResponse openAiError(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OPENAI_ERROR))));
    }

    private static Schema<?> openAiErrorSchema() {
        return new ObjectSchema().description("OpenAI's error shape").addProperty("error", new ObjectSchema()
                .addProperty("message", new StringSchema())
                .addProperty("type", new StringSchema().description("invalid_request_error, authentication_error, "
                        + "permission_error, rate_limit_error, server_error or timeout"))
                .addProperty("param", new StringSchema().description("the request parameter at fault, or null"))
                .addProperty("code", new StringSchema().description("stable machine-readable reason")))
                .addRequiredItem("error");
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable machine-readable reason"))
                .addRequiredItem("status").addRequiredItem("code");
    }
}
