package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.system.Role;

/**
 * Issue 22, point 1, tried as an attacker would over real HTTP: accounts in the database managed by administrators,
 * sign-in throttled per name and per address, no Basic challenge, state changes from other sites refused, the
 * console's session revocable and guarded by a CSRF token, a Content-Security-Policy on every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:account-security;DB_CLOSE_DELAY=-1",
        "compliance.security.login-throttle.account-failures=3",
        "compliance.security.login-throttle.address-failures=12",
        "compliance.security.login-throttle.first-lock=2s"})
class AccountSecurityHttpTests {

    private static final String SESSION = "COMPLIANCE_SESSION";

    @LocalServerPort
    int port;

    @Test
    void administratorsCreateListChangeAndDisableAccountsBoundToANode() {
        RestClient admin = ApiClients.admin(port);
        String name = "daxiang-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = admin.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", "daxiang-password", "roles", List.of("POLICY_EDITOR"),
                        "jurisdiction", "daxiang"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getBody().get("jurisdiction").asText()).isEqualTo("daxiang");
        assertThat(created.getBody().has("password")).isFalse();

        RestClient daxiang = basic(name, "daxiang-password");
        JsonNode me = daxiang.get().uri("/api/v1/me").retrieve().body(JsonNode.class);
        assertThat(me.get("jurisdiction").asText()).isEqualTo("daxiang");
        assertThat(me.get("roles").toString()).isEqualTo("[\"POLICY_EDITOR\"]");

        ResponseEntity<JsonNode> again = admin.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", "another-password", "roles", List.of("AUDITOR")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("field").asText()).isEqualTo("username");

        ResponseEntity<JsonNode> nowhere = admin.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name + "x", "password", "short", "roles", List.of("AUDITOR"),
                        "jurisdiction", "atlantis"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(nowhere.getStatusCode().value()).isEqualTo(400);
        assertThat(nowhere.getBody().findValuesAsText("field")).contains("jurisdiction", "password");
        assertThat(nowhere.getBody().toString()).contains("atlantis");

        JsonNode all = admin.get().uri("/api/v1/accounts").retrieve().body(JsonNode.class);
        assertThat(all.findValuesAsText("username")).contains(name, "editor", "reviewer", "auditor", "integrator", "admin");
        JsonNode reviewer = admin.get().uri("/api/v1/accounts/reviewer").retrieve().body(JsonNode.class);
        assertThat(reviewer.get("roles").toString()).isEqualTo("[\"POLICY_EDITOR\"]");
        assertThat(reviewer.get("jurisdiction").asText()).isEqualTo("national");

        assertThat(ApiClients.as(port, Role.POLICY_EDITOR).get().uri("/api/v1/accounts").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> disabled = admin.patch().uri("/api/v1/accounts/" + name)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", false)).retrieve().toEntity(JsonNode.class);
        assertThat(disabled.getBody().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.getBody().get("updatedBy").asText()).isEqualTo("admin");
        assertThat(daxiang.get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void namesAreExactAndNoBrowserIsAskedForAPassword() {
        ResponseEntity<JsonNode> upper = basic("EDITOR", "editor-local").get().uri("/api/v1/me").retrieve()
                .toEntity(JsonNode.class);
        assertThat(upper.getStatusCode().value()).isEqualTo(401);
        assertThat(upper.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(upper.getHeaders().getContentType()).hasToString("application/problem+json");
        ResponseEntity<JsonNode> anonymous = ApiClients.anonymous(port).get().uri("/api/v1/rule-sets").retrieve()
                .toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    }

    @Test
    void manyWrongPasswordsLockTheNameOutSoTheRightOneNoLongerHelps() throws Exception {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.admin(port).post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", "the-right-one", "roles", List.of("AUDITOR")))
                .retrieve().toBodilessEntity();
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            int status = basic(name, "guess-" + i).get().uri("/api/v1/me").retrieve().toBodilessEntity()
                    .getStatusCode().value();
            assertThat(status).isIn(401, 429);
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("guesses refused unchecked once the name is locked").isGreaterThanOrEqualTo(15);
        ResponseEntity<JsonNode> right = basic(name, "the-right-one").get().uri("/api/v1/me").retrieve()
                .toEntity(JsonNode.class);
        assertThat(right.getStatusCode().value()).isEqualTo(429);
        assertThat(right.getHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(right.getBody().get("detail").asText()).contains("秒后再试");

        ResponseEntity<JsonNode> console = signIn(name, "the-right-one");
        assertThat(console.getStatusCode().value()).as("the console's sign-in is throttled alike").isEqualTo(429);

        Thread.sleep(1000L * Long.parseLong(right.getHeaders().getFirst("Retry-After")) + 200);
        assertThat(basic(name, "the-right-one").get().uri("/api/v1/me").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);

        // refused by name or, after the other tests' guesses from this address, by address: counted either way
        JsonNode metric = ApiClients.admin(port).get().uri("/actuator/metrics/compliance.login.refused")
                .retrieve().body(JsonNode.class);
        assertThat(metric.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void manyWrongPasswordsFromOneAddressLockTheAddressOut() throws Exception {
        ResponseEntity<JsonNode> locked = null;
        for (int i = 0; i < 30 && locked == null; i++) {
            ResponseEntity<JsonNode> attempt = basic("nobody-" + UUID.randomUUID(), "guess").get().uri("/api/v1/me")
                    .retrieve().toEntity(JsonNode.class);
            if (attempt.getStatusCode().value() == 429) {
                locked = attempt;
            }
        }
        assertThat(locked).as("the address is locked out after many names were guessed").isNotNull();
        ResponseEntity<JsonNode> admin = ApiClients.admin(port).get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class);
        assertThat(admin.getStatusCode().value()).as("while the address is locked even a right password waits")
                .isEqualTo(429);
        Thread.sleep(1000L * Long.parseLong(admin.getHeaders().getFirst("Retry-After")) + 200);
        assertThat(ApiClients.admin(port).get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void anotherSitesPageCannotChangeAnythingEvenWithCachedBasicCredentials() throws Exception {
        String activate = "/api/v1/rule-sets/balanced-development/versions/1/activate";
        ResponseEntity<JsonNode> fromElsewhere = ApiClients.as(port, Role.POLICY_EDITOR).post().uri(activate)
                .header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\": \"x\"}").retrieve().toEntity(JsonNode.class);
        assertThat(fromElsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(fromElsewhere.getBody().get("detail").asText()).contains("其他网站");
        ResponseEntity<JsonNode> fetchMetadata = ApiClients.as(port, Role.POLICY_EDITOR).post().uri(activate)
                .header("Sec-Fetch-Site", "cross-site").contentType(MediaType.APPLICATION_JSON)
                .body("{\"comment\": \"x\"}").retrieve().toEntity(JsonNode.class);
        assertThat(fetchMetadata.getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> sameOrigin = ApiClients.integratorKey(port).post().uri("/api/v1/evaluations")
                .header(HttpHeaders.ORIGIN, "http://localhost:" + port).contentType(MediaType.APPLICATION_JSON)
                .body(Files.readString(ApiClients.SAMPLE)).retrieve().toEntity(JsonNode.class);
        assertThat(sameOrigin.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> program = ApiClients.integratorKey(port).post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON).body(Files.readString(ApiClients.SAMPLE))
                .retrieve().toEntity(JsonNode.class);
        assertThat(program.getStatusCode().value()).as("programs send no Origin and keep working").isEqualTo(201);
    }

    @Test
    void theConsoleHoldsARevocableSessionNotThePassword() {
        ResponseEntity<JsonNode> signedIn = signIn("admin", "admin-local");
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        assertThat(signedIn.getBody().get("name").asText()).isEqualTo("admin");
        List<String> cookies = signedIn.getHeaders().get(HttpHeaders.SET_COOKIE);
        String session = cookies.stream().filter(c -> c.startsWith(SESSION + "=")).findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").contains("SameSite=Strict");
        String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String sessionCookie = session.substring(0, session.indexOf(';'));
        String csrfValue = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
        String cookieHeader = sessionCookie + "; XSRF-TOKEN=" + csrfValue;

        RestClient browser = ApiClients.anonymous(port);
        assertThat(browser.get().uri("/api/v1/me").header(HttpHeaders.COOKIE, cookieHeader).retrieve()
                .body(JsonNode.class).get("name").asText()).isEqualTo("admin");

        Map<String, Object> account = Map.of("username", "console-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "console-password", "roles", List.of("AUDITOR"));
        ResponseEntity<JsonNode> withoutToken = browser.post().uri("/api/v1/accounts").header(HttpHeaders.COOKIE, cookieHeader)
                .contentType(MediaType.APPLICATION_JSON).body(account).retrieve().toEntity(JsonNode.class);
        assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
        assertThat(withoutToken.getBody().get("detail").asText()).contains("CSRF");
        ResponseEntity<JsonNode> withToken = browser.post().uri("/api/v1/accounts").header(HttpHeaders.COOKIE, cookieHeader)
                .header("X-XSRF-TOKEN", csrfValue).contentType(MediaType.APPLICATION_JSON).body(account)
                .retrieve().toEntity(JsonNode.class);
        assertThat(withToken.getStatusCode().value()).isEqualTo(201);

        ResponseEntity<Void> out = browser.delete().uri("/api/v1/session").header(HttpHeaders.COOKIE, cookieHeader)
                .header("X-XSRF-TOKEN", csrfValue).retrieve().toBodilessEntity();
        assertThat(out.getStatusCode().value()).isEqualTo(204);
        assertThat(browser.get().uri("/api/v1/me").header(HttpHeaders.COOKIE, cookieHeader).retrieve()
                .toBodilessEntity().getStatusCode().value()).as("the old cookie after sign-out").isEqualTo(401);

        assertThat(signIn("admin", "wrong-password").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesAContentSecurityPolicy() {
        ResponseEntity<String> page = ApiClients.anonymous(port).get().uri("/console/").retrieve().toEntity(String.class);
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'").contains("script-src 'self'");
        ResponseEntity<String> api = ApiClients.as(port, Role.AUDITOR).get().uri("/api/v1/rule-sets").retrieve()
                .toEntity(String.class);
        assertThat(api.getHeaders().getFirst("Content-Security-Policy")).isNotNull();
    }

    private ResponseEntity<JsonNode> signIn(String name, String password) {
        return ApiClients.anonymous(port).post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", password)).retrieve().toEntity(JsonNode.class);
    }

    private RestClient basic(String name, String password) {
        return ApiClients.basic(port, name, password);
    }
}
