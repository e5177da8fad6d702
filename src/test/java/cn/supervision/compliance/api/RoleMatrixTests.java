package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.system.Role;

/**
 * Walks every operation of the OpenAPI document and proves each role gets exactly what it should: 401 without
 * credentials, 403 with a role that may not, and neither with a role that may (the request itself may still be a 400
 * or 404: dummy path values are used).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:http-tests;DB_CLOSE_DELAY=-1")
class RoleMatrixTests {

    /** Who may do what: method and path template of the OpenAPI document → roles allowed. */
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("POST /api/v1/evaluations", EnumSet.of(Role.INTEGRATOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations/{id}", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations/{id}/trace", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations/{id}/report", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations/{id}/compare/{other}", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/evaluations/{id}/compare", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/template",
                    EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN, Role.CLERK, Role.REVIEWER)),
            Map.entry("GET /api/v1/rule-sets", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/workbooks/{file}",
                    EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/versions", EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("POST /api/v1/rule-sets/{ruleSet}/versions", EnumSet.of(Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/versions/{version}",
                    EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/versions/{version}/workbooks/{file}",
                    EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/versions/{version}/compare",
                    EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/versions/{version}/impact", EnumSet.of(Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("POST /api/v1/rule-sets/{ruleSet}/versions/{version}/activate",
                    EnumSet.of(Role.POLICY_EDITOR, Role.ADMIN)),
            // gov-approval lane (issue 22): activations, figures in force, one-figure edits
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/activations",
                    EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/figures", EnumSet.of(Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("POST /api/v1/rule-sets/{ruleSet}/edits", EnumSet.of(Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/me", EnumSet.allOf(Role.class)),
            Map.entry("POST /api/v1/batches", EnumSet.of(Role.INTEGRATOR, Role.ADMIN)),
            Map.entry("GET /api/v1/batches", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/batches/{id}", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/batches/{id}/summary", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/batches/{id}/counties", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/batches/{id}/summary.xlsx", EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/indicators",
                    EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rule-sets/{ruleSet}/jurisdictions",
                    EnumSet.of(Role.INTEGRATOR, Role.AUDITOR, Role.POLICY_EDITOR, Role.ADMIN, Role.CLERK, Role.REVIEWER)),
            // lane cycle (issue 24): the supervision cycle
            Map.entry("POST /api/v1/submissions", EnumSet.of(Role.CLERK, Role.INTEGRATOR, Role.ADMIN)),
            Map.entry("PUT /api/v1/submissions/{id}", EnumSet.of(Role.CLERK, Role.INTEGRATOR, Role.ADMIN)),
            Map.entry("POST /api/v1/submissions/{id}/return", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            Map.entry("POST /api/v1/submissions/{id}/approve", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            Map.entry("GET /api/v1/submissions",
                    EnumSet.of(Role.CLERK, Role.INTEGRATOR, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/submissions/{id}/report",
                    EnumSet.of(Role.CLERK, Role.INTEGRATOR, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/submissions/{id}",
                    EnumSet.of(Role.CLERK, Role.INTEGRATOR, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("POST /api/v1/rectifications/{id}/progress", EnumSet.of(Role.CLERK, Role.ADMIN)),
            Map.entry("POST /api/v1/rectifications/{id}/close", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            Map.entry("POST /api/v1/rectifications/{id}/reopen", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            Map.entry("GET /api/v1/rectifications", EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rectifications/ledger",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rectifications/{id}", EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/rectifications/{id}/evidence/{fileId}",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/subjects/{code}/history",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/jurisdictions/{node}/ranking",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("GET /api/v1/jurisdictions/{node}/overview",
                    EnumSet.of(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)),
            Map.entry("POST /api/v1/accounts", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/v1/accounts", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/v1/accounts/{username}", EnumSet.of(Role.ADMIN)),
            Map.entry("PATCH /api/v1/accounts/{username}", EnumSet.of(Role.ADMIN)));

    /** Open to anyone: signing in and out of the console (AccountSecurityHttpTests proves what they do). */
    private static final Set<String> OPEN = Set.of("POST /api/v1/session", "DELETE /api/v1/session");

    @LocalServerPort
    int port;

    @Test
    void everyOperationHasExactlyTheRolesItShould() {
        JsonNode paths = ApiClients.anonymous(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class).get("paths");
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
        }
        operations.removeAll(OPEN);
        assertThat(operations).as("every documented operation has an expectation in this test")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());

        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            String uri = parts[1].replaceAll("\\{[^}]+}", "x0");
            assertThat(status(ApiClients.anonymous(port), method, uri)).as("%s without credentials", operation)
                    .isEqualTo(401);
            for (Role role : Role.values()) {
                int status = status(ApiClients.as(port, role), method, uri);
                if (ALLOWED.get(operation).contains(role)) {
                    assertThat(status).as("%s as %s", operation, role).isNotIn(401, 403);
                } else {
                    assertThat(status).as("%s as %s", operation, role).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void aWrongApiKeyOrPasswordIsA401Problem() {
        int status = ApiClients.anonymous(port).get().uri("/api/v1/evaluations/x").header("X-API-Key", "guess")
                .retrieve().toBodilessEntity().getStatusCode().value();
        assertThat(status).isEqualTo(401);
        var response = ApiClients.anonymous(port).get().uri("/api/v1/evaluations/x")
                .header("Authorization", "Basic aW50ZWdyYXRvcjp3cm9uZw==").retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void integratorsReadOnlyTheEvaluationsTheySubmitted() throws Exception {
        String request = Files.readString(ApiClients.SAMPLE);
        String id = ApiClients.integratorKey(port).post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(JsonNode.class).get("id").asText();
        String uri = "/api/v1/evaluations/" + id;

        assertThat(status(ApiClients.integratorKey(port), HttpMethod.GET, uri)).isEqualTo(200);
        assertThat(status(ApiClients.as(port, Role.INTEGRATOR), HttpMethod.GET, uri)).isEqualTo(404);
        assertThat(status(ApiClients.as(port, Role.AUDITOR), HttpMethod.GET, uri)).isEqualTo(200);
        JsonNode search = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/evaluations?countyCode=430503")
                .retrieve().body(JsonNode.class);
        assertThat(search.get("items").findValuesAsText("submittedBy")).contains("local-integrator");
    }

    @Test
    void theConsolePagesAreOpenWhileTheirDataNeedsCredentials() {
        var page = ApiClients.anonymous(port).get().uri("/console/").retrieve().toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("工作台", "js/app.js");
        assertThat(status(ApiClients.anonymous(port), HttpMethod.GET, "/console/js/app.js")).isEqualTo(200);
        assertThat(status(ApiClients.anonymous(port), HttpMethod.GET, "/console")).isEqualTo(302);
        assertThat(status(ApiClients.anonymous(port), HttpMethod.GET, "/api/v1/me")).isEqualTo(401);
        JsonNode me = ApiClients.as(port, Role.POLICY_EDITOR).get().uri("/api/v1/me").retrieve().body(JsonNode.class);
        assertThat(me.get("name").asText()).isEqualTo("editor");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("POLICY_EDITOR");
    }

    @Test
    void undocumentedPathsAreDenied() {
        assertThat(status(ApiClients.as(port, Role.ADMIN), HttpMethod.DELETE, "/api/v1/evaluations/x")).isEqualTo(403);
    }

    private static int status(RestClient client, HttpMethod method, String uri) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (method == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
