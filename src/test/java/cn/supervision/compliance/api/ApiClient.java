package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: a client of the running application that returns error responses instead of throwing, and requests. */
public final class ApiClient {

    public static final Path SAMPLE = Path.of("samples/county-431103.json");

    private ApiClient() {
    }

    public static RestClient http(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
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

    /** Posts a JSON evaluation request and returns the result (status 201 asserted by the caller's use of the id). */
    public static JsonNode evaluate(RestClient http, JsonNode request) {
        JsonNode result = http.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).body(request)
                .retrieve().body(JsonNode.class);
        if (result == null || !result.hasNonNull("id")) {
            throw new AssertionError("evaluation not created: " + result);
        }
        return result;
    }
}
