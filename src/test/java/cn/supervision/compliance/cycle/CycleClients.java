package cn.supervision.compliance.cycle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** HTTP clients signed in as the cycle's documented trial accounts (application.yml, docs/guide-clerk.md). */
final class CycleClients {

    private CycleClients() {
    }

    static RestClient clerk(int port) {
        return as(port, "clerk");
    }

    static RestClient checker(int port) {
        return as(port, "checker");
    }

    /** A reviewer bound to the node daxiang (compliance.cycle.scope.account-nodes). */
    static RestClient daxiangChecker(int port) {
        return as(port, "checker-daxiang");
    }

    static RestClient as(int port, String user) {
        String basic = Base64.getEncoder()
                .encodeToString((user + ":" + user + "-local").getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    static ResponseEntity<JsonNode> post(RestClient http, String uri, Object body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    static ResponseEntity<JsonNode> put(RestClient http, String uri, Object body) {
        return http.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    static JsonNode get(RestClient http, String uri) {
        return http.get().uri(uri).retrieve().body(JsonNode.class);
    }
}
