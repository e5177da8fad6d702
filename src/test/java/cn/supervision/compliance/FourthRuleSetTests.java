package cn.supervision.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.library.LibraryAssessment;

/**
 * A fourth rule set added from test resources only (issue 21; docs/rule-sets.md, "Adding a rule set"): the module
 * package {@code cn.supervision.compliance.library} (its evaluator and subject record), its workbook, approved template,
 * data-item file and list of shared DRL. The service evaluates it over the real HTTP API, stores it, answers it back
 * byte for byte and traces it, and the module depends only on the shared modules' interfaces: nothing shared changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:fourth-rule-set;DB_CLOSE_DELAY=-1",
                "compliance.rules.watch.enabled=false"})
@Import(LibraryAssessment.class)
class FourthRuleSetTests {

    /** What the rule set adds, besides its module package: every file, under src/test/resources. */
    static final List<String> RESOURCES = List.of("fourth-rule-set/decision-tables/library/library.xlsx",
            "fourth-rule-set/rules/library/shared.txt", "approved-templates/library/library.xlsx.json",
            "data-items/library.tsv");
    private static final Path TEST_RESOURCES = Path.of("src/test/resources");
    private static final Path MODULE = Path.of("src/test/java/cn/supervision/compliance/library");

    @LocalServerPort
    int port;

    /** The shipped rule sets' folders, with the fourth rule set's workbook and DRL list beside them. */
    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createTempDirectory("fourth-rule-set");
        Path tables = root.resolve("decision-tables");
        Path drl = root.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("decision-tables"), tables);
        FileSystemUtils.copyRecursively(Path.of("rules"), drl);
        FileSystemUtils.copyRecursively(TEST_RESOURCES.resolve("fourth-rule-set/decision-tables"), tables);
        FileSystemUtils.copyRecursively(TEST_RESOURCES.resolve("fourth-rule-set/rules"), drl);
        registry.add("compliance.rules.decision-tables", tables::toString);
        registry.add("compliance.rules.drl", drl::toString);
    }

    private RestClient http() {
        return ApiClients.integratorKey(port);
    }

    private static String request(String students, String books, String newBooks) {
        return """
                {"ruleSet": "library", "subject": {"schoolId": "LIB-1", "schoolName": "图书测试学校", "year": 2026,
                 "students": %s, "books": %s, "newBooks": %s}}""".formatted(students, books, newBooks);
    }

    @Test
    void theFourthRuleSetIsEvaluatedStoredAnsweredAgainAndTracedOverHttp() {
        // 600 pupils: 18,000 books is 30 a pupil (L01 ≥ 25 met), 300 new books is 0.5 (L02 ≥ 1 not met)
        ResponseEntity<JsonNode> created = ApiClients.postEvaluation(http(), request("600", "18000", "300"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode result = created.getBody();
        assertThat(result.get("ruleSet").asText()).isEqualTo("library");
        assertThat(result.get("subject").get("schoolId").asText()).isEqualTo("LIB-1");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("checks").get(0).get("code").asText()).isEqualTo("L01");
        assertThat(result.get("checks").get(0).get("verdict").asText()).isEqualTo("PASSED");
        JsonNode l02 = result.get("checks").get(1);
        assertThat(l02.get("code").asText()).isEqualTo("L02");
        assertThat(l02.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(l02.get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(l02.get("rule").get("workbook").asText()).isEqualTo("library.xlsx");
        assertThat(result.get("hints").get(0).get("indicator").asText()).isEqualTo("L02");
        assertThat(result.get("decision").get("reasons").get(0).asText()).contains("L02");

        String id = result.get("id").asText();
        byte[] answered = http().get().uri("/api/v1/evaluations/" + id).retrieve().body(byte[].class);
        byte[] again = http().get().uri("/api/v1/evaluations/" + id).retrieve().body(byte[].class);
        assertThat(again).isEqualTo(answered);
        JsonNode full = http().get().uri("/api/v1/evaluations/" + id + "?view=full").retrieve().body(JsonNode.class);
        assertThat(full.get("checks").get(0).get("value").decimalValue()).isEqualByComparingTo("30");
        JsonNode trace = ApiClients.as(port, cn.supervision.compliance.system.Role.AUDITOR).get()
                .uri("/api/v1/evaluations/" + id + "/trace").retrieve().body(JsonNode.class);
        assertThat(trace.get("checks").findValuesAsText("indicator")).containsExactly("L01", "L02");
    }

    @Test
    void everyProblemOfItsSubjectIsReportedInOneAnswer() {
        ResponseEntity<JsonNode> refused = http().post().uri("/api/v1/evaluations")
                .contentType(MediaType.APPLICATION_JSON).body(request("0", "-1", "\"many\""))
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("subject.students", "subject.books", "subject.newBooks");
    }

    @Test
    void theModuleUsesOnlyTheSharedInterfacesAndAddsOnlyItsOwnFiles() throws IOException {
        classes().that().resideInAPackage("cn.supervision.compliance.library..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("cn.supervision.compliance.library..",
                        "cn.supervision.compliance.checkrows..", "cn.supervision.compliance.evaluation..",
                        "cn.supervision.compliance.facts..", "java..", "jakarta.validation..",
                        "com.fasterxml.jackson..", "org.apache.commons.math3..", "org.springframework.modulith..")
                .check(new ClassFileImporter().importPackages("cn.supervision.compliance.library"));
        List<String> files = new ArrayList<>();
        try (Stream<Path> module = Files.list(MODULE)) {
            module.map(p -> p.getFileName().toString()).sorted().forEach(files::add);
        }
        assertThat(files).containsExactly("LibraryAssessment.java", "LibrarySubject.java", "package-info.java");
        RESOURCES.forEach(resource -> assertThat(TEST_RESOURCES.resolve(resource)).isRegularFile());
    }
}
