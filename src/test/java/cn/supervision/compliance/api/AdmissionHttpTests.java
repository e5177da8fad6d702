package cn.supervision.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admission control over the real HTTP stack: with one evaluation place, concurrent evaluations of a large county are
 * either evaluated (201) or refused at once with a 503 problem and {@code Retry-After}, never a 500; refusals counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:admission-tests;DB_CLOSE_DELAY=-1",
        "compliance.admission.max-concurrent=1", "compliance.admission.max-wait=0ms",
        "compliance.admission.retry-after=2s"})
class AdmissionHttpTests {

    private static final int CLIENTS = 6;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    MeterRegistry meters;

    @Test
    void overloadIsAnsweredAtOnceWith503AndRetryAfterAndTheAdmittedAreEvaluated() throws Exception {
        String county = mapper.writeValueAsString(largeCounty(400));
        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        // rounds until one is refused: a slow machine only takes more rounds (no timing is asserted)
        for (int round = 0; round < 10 && answers.stream().noneMatch(a -> a.getStatusCode().value() == 503); round++) {
            answers.addAll(concurrently(county));
        }

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsOnly(201, 503).contains(201, 503);
        List<ResponseEntity<JsonNode>> refused = answers.stream().filter(a -> a.getStatusCode().value() == 503).toList();
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getBody().get("title").asText()).isEqualTo("服务繁忙");
        });
        assertThat(meters.counter(Admission.REFUSED).count()).isEqualTo(refused.size());
        assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 201))
                .allSatisfy(answer -> assertThat(answer.getBody().get("summary").get("sectionsAssessed").asInt())
                        .isGreaterThan(300));
        // the places are given back: alone, a request is admitted
        assertThat(ApiClients.postEvaluation(ApiClients.integratorKey(port), county).getStatusCode().value())
                .isEqualTo(201);
    }

    private List<ResponseEntity<JsonNode>> concurrently(String county) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return ApiClients.integratorKey(port).post().uri("/api/v1/evaluations")
                            .contentType(MediaType.APPLICATION_JSON).body(county).retrieve().toEntity(JsonNode.class);
                }));
            }
            start.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The sample county's schools repeated under new ids: real work for the rule engine. */
    private ObjectNode largeCounty(int schools) {
        ObjectNode request = ApiClients.sample(mapper, "ADMISSION");
        ArrayNode sample = (ArrayNode) request.get("subject").get("schools");
        ArrayNode many = mapper.createArrayNode();
        for (int i = 0; i < schools; i++) {
            ObjectNode school = sample.get(i % sample.size()).deepCopy();
            school.put("id", "S" + (i + 1));
            many.add(school);
        }
        ((ObjectNode) request.get("subject")).set("schools", many);
        return request;
    }
}
