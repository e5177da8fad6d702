package cn.supervision.compliance.audit;

import cn.supervision.compliance.balanced.CountyBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.api.ApiClients;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;

/**
 * What the audit trail must do on every database it runs on (H2 and PostgreSQL subclasses): store an evaluation with
 * its facts and submitter, index its failures, search and page newest first, refuse changes, and never keep half a
 * record.
 */
abstract class EvaluationStoreContract {

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper mapper;

    private EvaluationRequest request(String countyCode) {
        ObjectNode sample = ApiClients.sample(mapper, countyCode);
        return new EvaluationRequest(sample.get("ruleSet").asText(), null, sample.get("subject"));
    }

    private JsonNode json(Object value) {
        return mapper.valueToTree(value);
    }

    @Test
    void anEvaluationIsStoredWithItsFactsAsSubmittedAndItsSubmitter() {
        EvaluationRequest request = request("STORE-READ");
        EvaluationResult result = evaluations.evaluate(request);

        StoredEvaluation stored = store.findStored(result.id()).orElseThrow();

        assertThat(new String(stored.answer(), StandardCharsets.UTF_8))
                .isEqualTo(new String(evaluations.json(result.compact()), StandardCharsets.UTF_8));
        assertThat(json(evaluations.replay(stored))).isEqualTo(json(result));
        assertThat(stored.request()).isEqualTo(json(request));
        assertThat(stored.submittedBy()).isEqualTo("anonymous");
        assertThat(stored.ruleSetVersion()).isEqualTo(result.ruleSetVersion());
        assertThat(stored.evaluatedAt()).isEqualTo(result.evaluatedAt());
        assertThat(store.findStored("no-such-id")).isEmpty();
    }

    @Test
    void anEvaluationIsStoredAsGzipAndReadBackAsEvaluated() throws Exception {
        EvaluationResult result = evaluations.evaluate(request("STORE-GZIP"));

        byte[] gzip = jdbc.sql("SELECT answer_gzip FROM evaluation WHERE id = :id").param("id", result.id())
                .query(byte[].class).single();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(mapper.writeValueAsString(result.compact()));
        }
        // the answer, the request and the version: no result is kept beside them (the full view is replayed)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE id = :id AND result_json IS NULL"
                + " AND result_gzip IS NULL AND request_json IS NULL").param("id", result.id()).query(Integer.class)
                .single()).isEqualTo(1);
    }

    /** A row written before V7 (JSON text, no gzip) reads as it did; a row with both forms, or none, is refused. */
    @Test
    void anEvaluationStoredAsTextBeforeTheCompactFormStillReads() throws Exception {
        EvaluationRequest request = request("STORE-TEXT");
        EvaluationResult evaluated = evaluations.evaluate(request);
        EvaluationResult result = evaluated.withId(UUID.randomUUID().toString());
        String insert = """
                INSERT INTO evaluation (id, rule_set, rule_set_version, jurisdiction, subject_code, subject_year, passed,
                                        evaluated_at, submitted_by, request_json, result_json, result_gzip)
                VALUES (:id, :ruleSet, :version, 'national', 'STORE-TEXT', 2026, FALSE, :at, 'older-release',
                        :request, :result, :gzip)""";
        jdbc.sql(insert).param("id", result.id()).param("ruleSet", result.ruleSet())
                .param("version", result.ruleSetVersion()).param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("request", mapper.writeValueAsString(request)).param("result", mapper.writeValueAsString(result))
                .param("gzip", null, Types.VARBINARY).update();

        StoredEvaluation stored = store.findStored(result.id()).orElseThrow();
        assertThat(stored.answer()).isNull();
        assertThat(mapper.writeValueAsString(evaluations.replay(stored)))
                .isEqualTo(mapper.writeValueAsString(result.stamped(result.id(), stored.evaluatedAt())));
        assertThat(stored.request()).isEqualTo(json(request));
        assertThat(stored.submittedBy()).isEqualTo("older-release");
        assertThat(store.recent("balanced-development", 500)).extracting(StoredEvaluation::id)
                .contains(result.id(), evaluated.id());

        byte[] gzip = jdbc.sql("SELECT answer_gzip FROM evaluation WHERE id = :id").param("id", evaluated.id())
                .query(byte[].class).single();
        assertThatThrownBy(() -> jdbc.sql(insert).param("id", UUID.randomUUID().toString())
                .param("ruleSet", result.ruleSet()).param("version", result.ruleSetVersion())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("request", "{}").param("result", "{}")
                .param("gzip", gzip).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void failedChecksAreIndexedAndSearchable() {
        EvaluationResult result = evaluations.evaluate(request("STORE-FAILED"));

        assertThat(store.failedChecks(result.id()))
                .contains(new FailedCheck("SECTION", "R6", "S4", "PRIMARY"))
                .allMatch(f -> !f.subject().equals("S1") || !f.indicator().equals("R6"));
        EvaluationPage r6 = store.search(new EvaluationQuery("STORE-FAILED", 2026, "balanced-development", false, "R6",
                0, 10));
        assertThat(r6.items()).extracting(EvaluationSummary::id).containsExactly(result.id());
        assertThat(r6.items().get(0).failedIndicators()).contains("R6");
        assertThat(store.search(new EvaluationQuery("STORE-FAILED", null, null, true, null, 0, 10)).total()).isZero();
        assertThat(store.search(new EvaluationQuery("STORE-FAILED", null, null, null, "R0", 0, 10)).total()).isZero();
    }

    @Test
    void searchPagesAreNewestFirstAndCoverEveryMatchOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(evaluations.evaluate(request("STORE-PAGES")).id());
        }

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            EvaluationPage result = store.search(new EvaluationQuery("STORE-PAGES", null, null, null, null, page, 2));
            assertThat(result.total()).isEqualTo(5);
            assertThat(result.totalPages()).isEqualTo(3);
            result.items().forEach(item -> paged.add(item.id()));
        }

        Collections.reverse(ids);
        assertThat(paged).containsExactlyElementsOf(ids);
    }

    @Test
    void storedEvaluationsCannotBeChangedOrDeleted() {
        EvaluationResult result = evaluations.evaluate(request("STORE-APPEND-ONLY"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE evaluation SET passed = TRUE WHERE id = :id")
                .param("id", result.id()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM evaluation WHERE id = :id")
                .param("id", result.id()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM evaluation_failed_indicator WHERE evaluation_id = :id")
                .param("id", result.id()).update()).isInstanceOf(DataAccessException.class);

        assertThat(store.findStored(result.id()).orElseThrow().answer()).isEqualTo(evaluations.json(result.compact()));
        assertThat(store.failedChecks(result.id())).isNotEmpty();
    }

    @Test
    void aFailureMidWriteLeavesNoHalfWrittenRecord() throws Exception {
        EvaluationRequest request = request("STORE-ROLLBACK");
        EvaluationResult evaluated = evaluations.evaluate(request);
        String id = UUID.randomUUID().toString();
        // The evaluation row is written first; the failed-check row of this indicator code is too long for its column.
        CountyBody county = (CountyBody) evaluated.body();
        List<CountyBody.SectionResult> sections = county.sections().stream()
                .map(s -> new CountyBody.SectionResult(s.schoolId(), s.schoolName(), s.stage(), s.students(),
                        s.passed(), s.metCount(), s.checked(), s.reason(), s.withinTolerance(), s.rule(),
                        s.indicators().stream().map(i -> i.met() ? i : new CountyBody.IndicatorResult(
                                "R".repeat(40), i.name(), i.value(), i.comparator(), i.threshold(), i.met(),
                                i.attainment(), i.shortfall(), i.unit(), i.derivation(), i.rule())).toList()))
                .toList();
        EvaluationResult result = new EvaluationResult(id, evaluated.ruleSet(), evaluated.jurisdiction(),
                evaluated.jurisdictionChain(), evaluated.ruleSetVersion(), evaluated.subject(), evaluated.passed(),
                evaluated.evaluatedAt(), evaluated.summary(), evaluated.firedRules(), evaluated.hints(),
                new CountyBody(county.scope(), county.decision(), county.grade(), county.checks(),
                        county.assessment(), sections, county.excluded(), county.variation()));

        assertThatThrownBy(() -> store.save(result, request, evaluations.json(result.compact()))).isInstanceOf(DataAccessException.class);

        assertThat(store.findStored(id)).isEmpty();
        assertThat(store.failedChecks(id)).isEmpty();
        assertThat(store.search(new EvaluationQuery("STORE-ROLLBACK", null, null, null, null, 0, 10)).total())
                .isEqualTo(1);
    }
}
