package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.ruleset.Workbooks;
import cn.supervision.compliance.system.Role;

/** HTTP clients for the running application, signed in with the documented local credentials of each role. */
public final class ApiClients {

    public static final String INTEGRATOR_API_KEY = "local-integrator-key";
    public static final Path SAMPLE = Path.of("samples/county-430503.json");
    private static final Map<Role, String[]> LOCAL_USERS = Map.of(
            Role.INTEGRATOR, new String[] {"integrator", "integrator-local"},
            Role.AUDITOR, new String[] {"auditor", "auditor-local"},
            Role.POLICY_EDITOR, new String[] {"editor", "editor-local"},
            Role.ADMIN, new String[] {"admin", "admin-local"},
            // lane cycle (issue 24)
            Role.CLERK, new String[] {"clerk", "clerk-local"},
            Role.REVIEWER, new String[] {"checker", "checker-local"});

    private ApiClients() {
    }

    /** A client that never throws on an error status, so tests can assert on it. */
    public static RestClient anonymous(int port) {
        return builder(port).build();
    }

    public static RestClient as(int port, Role role) {
        String[] user = LOCAL_USERS.get(role);
        return basic(port, user[0], user[1]);
    }

    public static RestClient admin(int port) {
        return as(port, Role.ADMIN);
    }

    /** The second national policy editor of the trial accounts: approves what {@code editor} or {@code admin} uploaded. */
    public static RestClient reviewer(int port) {
        return basic(port, "reviewer", "reviewer-local");
    }

    public static RestClient basic(int port, String name, String password) {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return builder(port).defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic).build();
    }

    /** Activates a version with a comment (the approval when it was never active, issue 22); any status returned. */
    public static ResponseEntity<JsonNode> activate(RestClient client, String ruleSet, Object version, String comment) {
        return client.post().uri("/api/v1/rule-sets/" + ruleSet + "/versions/" + version + "/activate")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", comment))
                .retrieve().toEntity(JsonNode.class);
    }

    /**
     * gov-approval lane (issue 22): uploads the resource-allocation workbook of balanced-development with a comment;
     * any status returned.
     */
    public static ResponseEntity<JsonNode> uploadResourceAllocation(RestClient client, byte[] workbook, String comment) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return Workbooks.RESOURCE_ALLOCATION;
            }
        });
        parts.add("comment", comment);
        return client.post().uri("/api/v1/rule-sets/balanced-development/versions")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
    }

    /** The sample county of the repository under another county code, so tests sharing a database stay apart. */
    public static ObjectNode sample(ObjectMapper mapper, String countyCode) {
        try {
            ObjectNode request = (ObjectNode) mapper.readTree(Files.readString(SAMPLE));
            ((ObjectNode) request.get("subject")).put("countyCode", countyCode);
            return request;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample county under {@code countyCode} with its schools copied {@code copies} times in all, under new ids. */
    public static ObjectNode sampleWithSchoolCopies(ObjectMapper mapper, String countyCode, int copies) {
        ObjectNode request = sample(mapper, countyCode);
        ArrayNode schools = (ArrayNode) request.get("subject").get("schools");
        List<JsonNode> originals = new ArrayList<>();
        schools.forEach(originals::add);
        for (int copy = 1; copy < copies; copy++) {
            for (JsonNode school : originals) {
                ObjectNode copied = school.deepCopy();
                copied.put("id", school.get("id").asText() + "-" + copy);
                schools.add(copied);
            }
        }
        return request;
    }

    /** Posts a JSON evaluation request (text or tree) and returns the response, whatever its status. */
    public static ResponseEntity<JsonNode> postEvaluation(RestClient http, Object request) {
        return http.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).body(request)
                .retrieve().toEntity(JsonNode.class);
    }

    /** Posts a JSON evaluation request and returns the result (status 201 asserted by the caller's use of the id). */
    public static JsonNode evaluate(RestClient http, JsonNode request) {
        JsonNode result = postEvaluation(http, request).getBody();
        if (result == null || !result.hasNonNull("id")) {
            throw new AssertionError("evaluation not created: " + result);
        }
        return result;
    }

    /** The integrator's machine key: how district systems call the API. */
    public static RestClient integratorKey(int port) {
        return builder(port).defaultHeader("X-API-Key", INTEGRATOR_API_KEY).build();
    }

    private static RestClient.Builder builder(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
    }
}
