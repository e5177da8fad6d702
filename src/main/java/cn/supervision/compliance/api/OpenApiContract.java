package cn.supervision.compliance.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import cn.supervision.compliance.evaluation.ResultViews;
import cn.supervision.compliance.evaluation.SubjectEvaluator;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document as a contract a client can be generated from (issue 21, part 3): a schema of each rule set's
 * subject, contributed by the rule set's own evaluator (its subject type); the two ways to sign in, so Swagger UI's
 * Authorize works; operations tagged by resource; every error status with its RFC 9457 problem body; and the JSON
 * request of an evaluation without the template upload's query parameters.
 */
@Configuration
class OpenApiContract {

    static final String API_KEY = "apiKey";
    static final String BASIC = "basic";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String EVALUATIONS = "/api/v1/evaluations";
    private static final String PREFIX = "/api/v1/";

    /** The error statuses every operation may answer, and what each means. */
    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "the request is invalid: every error of it in errors[], each naming its field (or sheet and"
                + " cell)");
        errors.put("401", "no credentials, or wrong ones: send X-API-Key or HTTP Basic");
        errors.put("403", "the account's role or scope does not allow this");
        errors.put("404", "no such evaluation, rule set, version or batch");
        errors.put("413", "the body is over its documented limit");
        errors.put("415", "the body is not of a type this operation reads");
        errors.put("503", "the service is busy (Retry-After says when to try again) or its storage is unavailable");
        return errors;
    }

    @Bean
    OpenAPI complianceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Compliance checker (督导评估) API").version("v1")
                        .description("Evaluate a subject against a rule set; read, trace and compare stored"
                                + " evaluations; govern rule sets. Sign in with X-API-Key (integrators) or HTTP Basic"
                                + " (people)."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("an integrator's API key"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("a person's account")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer contract(List<SubjectEvaluator<?, ?>> evaluators) {
        return openApi -> {
            subjects(openApi, evaluators);
            views(openApi, evaluators);
            problems(openApi);
            jsonRequestWithoutUploadParameters(openApi);
        };
    }

    /** One schema per rule set's subject, named by the rule set; the request's subject is one of them. */
    private static void subjects(OpenAPI openApi, List<SubjectEvaluator<?, ?>> evaluators) {
        Components components = openApi.getComponents();
        Schema<?> oneOf = new Schema<>().description("the subject of the rule set named in ruleSet");
        for (SubjectEvaluator<?, ?> evaluator : evaluators) {
            Class<?> subject = ResolvableType.forClass(SubjectEvaluator.class, evaluator.getClass()).getGeneric(0)
                    .resolve();
            if (subject == null) {
                continue;
            }
            ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(
                    new io.swagger.v3.core.converter.AnnotatedType(subject));
            if (resolved == null || resolved.schema == null) {
                continue;
            }
            resolved.referencedSchemas.forEach(components::addSchemas);
            String name = "Subject-" + evaluator.ruleSet();
            components.addSchemas(name, resolved.schema.description("subject of rule set " + evaluator.ruleSet()));
            oneOf.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + name));
        }
        Schema<?> request = components.getSchemas() == null ? null : components.getSchemas().get("EvaluationRequest");
        if (request != null && request.getProperties() != null) {
            request.getProperties().put("subject", oneOf);
        }
    }

    /**
     * The two views of a result: the envelope's fields and, in their places, those of every rule set's body (its
     * conclusion after {@code passed}, its findings after {@code summary}); a field two bodies share is listed once.
     */
    private static void views(OpenAPI openApi, List<SubjectEvaluator<?, ?>> evaluators) {
        Components components = openApi.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        for (boolean compact : new boolean[] {false, true}) {
            Schema<?> view = components.getSchemas().get(compact ? "Compact" : "Full");
            if (view == null || view.getProperties() == null) {
                continue;
            }
            Map<String, Schema> conclusion = new LinkedHashMap<>();
            Map<String, Schema> findings = new LinkedHashMap<>();
            for (SubjectEvaluator<?, ?> evaluator : evaluators) {
                ResultViews.PartTypes parts = evaluator.answerParts();
                properties(components, parts.conclusion()).forEach(conclusion::putIfAbsent);
                properties(components, compact ? parts.compactFindings() : parts.findings())
                        .forEach(findings::putIfAbsent);
            }
            Map<String, Schema> ordered = new LinkedHashMap<>();
            view.getProperties().forEach((name, schema) -> {
                if (name.equals("conclusion") || name.equals("findings")) {
                    return;
                }
                ordered.put(name, schema);
                if (name.equals("passed")) {
                    ordered.putAll(conclusion);
                } else if (name.equals("summary")) {
                    ordered.putAll(findings);
                }
            });
            view.setProperties(ordered);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> properties(Components components, Class<?> part) {
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(
                new io.swagger.v3.core.converter.AnnotatedType(part));
        if (resolved == null || resolved.schema == null || resolved.schema.getProperties() == null) {
            return Map.of();
        }
        resolved.referencedSchemas.forEach(components::addSchemas);
        return resolved.schema.getProperties();
    }

    /** The problem body of RFC 9457 with the errors of invalid input; every operation lists every error status. */
    private static void problems(OpenAPI openApi) {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field, e.g. schools[3].sections[0]"
                        + ".students"))
                .addProperty("sheet", new StringSchema().description("a template's sheet, for an upload"))
                .addProperty("cell", new StringSchema().description("a template's cell (A1), for an upload"))
                .addProperty("message", new StringSchema().description("what is wrong, in the answer's language"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(error));
        openApi.getComponents().addSchemas(PROBLEM, problem);
        Content content = new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ERRORS.forEach((status, description) -> {
                ApiResponse existing = responses.get(status);
                if (existing == null || existing.getContent() == null
                        || existing.getContent().get(PROBLEM_JSON) == null) {
                    responses.addApiResponse(status, new ApiResponse().description(description).content(content));
                }
            });
            operation.setResponses(responses);
            operation.setTags(List.of(tag(path)));
        }));
    }

    /** The resource a path belongs to: /api/v1/evaluations/{id}/trace → evaluations. */
    static String tag(String path) {
        if (!path.startsWith(PREFIX)) {
            return "service";
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /**
     * The JSON request and the template upload share POST /api/v1/evaluations; the upload's ruleSet and jurisdiction
     * are fields of its multipart form, not query parameters of the JSON request.
     */
    private static void jsonRequestWithoutUploadParameters(OpenAPI openApi) {
        PathItem evaluations = openApi.getPaths() == null ? null : openApi.getPaths().get(EVALUATIONS);
        Operation post = evaluations == null ? null : evaluations.getPost();
        if (post == null || post.getParameters() == null) {
            return;
        }
        List<Parameter> moved = post.getParameters().stream()
                .filter(p -> "query".equals(p.getIn()) && List.of("ruleSet", "jurisdiction").contains(p.getName()))
                .toList();
        post.getParameters().removeAll(moved);
        MediaType multipart = post.getRequestBody() == null || post.getRequestBody().getContent() == null ? null
                : post.getRequestBody().getContent().get("multipart/form-data");
        if (multipart != null && multipart.getSchema() != null) {
            for (Parameter p : moved) {
                multipart.getSchema().addProperty(p.getName(), new StringSchema().description(
                        p.getName().equals("ruleSet") ? "the rule set of the template (required)"
                                : "the jurisdiction (default national)"));
            }
            multipart.getSchema().addRequiredItem("ruleSet");
        }
    }
}
