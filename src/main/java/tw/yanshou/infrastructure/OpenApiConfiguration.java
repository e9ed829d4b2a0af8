package tw.yanshou.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The OpenAPI document of the JSON API (/v3/api-docs, Swagger UI at /swagger-ui.html). Every operation lists the
 * refusals it can answer, each an RFC 9457 problem body ({@code application/problem+json}, schema {@code Problem}
 * with {@code violations[]}); the server is named relative to where the document is served, not as localhost.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Yanshou API", version = "1",
                description = "Contracts, their events, statements and officer tasks. Errors are RFC 9457 problem bodies; "
                        + "see docs/api.md.",
                license = @License(name = "Proprietary: licensed to the procurement offices that run Yanshou")),
        servers = @Server(url = "/", description = "this server"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {
    static final String PROBLEM = "application/problem+json";

    /** The refusals every operation can answer, and those that only some do (by method and path). */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) openApi.setComponents(new Components());
            openApi.getComponents().addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) return;
            openApi.getPaths().forEach((path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                    Map<String, String> refusals = new LinkedHashMap<>();
                    refusals.put("401", "No or an unknown bearer token");
                    refusals.put("403", "The caller's role may not do this");
                    if (path.contains("{")) refusals.put("404", "Nothing with that id, or nothing the caller may see");
                    if (e.getKey() != PathItem.HttpMethod.GET) {
                        refusals.put("400", "The body cannot be read (not YAML/JSON, not UTF-8) or a parameter is malformed");
                        refusals.put("409", "Not possible in the current state (a duplicate, an event that does not fit)");
                        refusals.put("413", "The body is larger than the limit of this endpoint");
                        refusals.put("422", "A field breaks a rule: each violation with its path");
                    } else if (e.getValue().getParameters() != null && !e.getValue().getParameters().isEmpty() || path.contains("{")) {
                        refusals.put("400", "A parameter is malformed");
                    }
                    refusals.put("503", "The database is not available, or the contract is busy: send the request again");
                    refusals.forEach((status, description) -> {
                        if (e.getValue().getResponses().get(status) == null)
                            e.getValue().getResponses().addApiResponse(status, new ApiResponse().description(description)
                                    .content(new Content().addMediaType(PROBLEM,
                                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
                    });
                }
            });
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("path", new StringSchema().description("the field, e.g. milestones[2].due.from"));
        violation.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("violations", new ArraySchema().items(violation));
        problem.addProperty("retryAfterSeconds", new IntegerSchema());
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
