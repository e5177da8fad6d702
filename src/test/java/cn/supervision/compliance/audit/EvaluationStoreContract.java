package cn.supervision.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

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

        assertThat(json(stored.result())).isEqualTo(json(result));
        assertThat(stored.request()).isEqualTo(json(request));
        assertThat(stored.submittedBy()).isEqualTo("anonymous");
        assertThat(json(store.findStored(result.id()).orElseThrow().result())).isEqualTo(json(result));
        assertThat(store.findStored("no-such-id")).isEmpty();
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

        assertThat(json(store.findStored(result.id()).orElseThrow().result())).isEqualTo(json(result));
        assertThat(store.failedChecks(result.id())).isNotEmpty();
    }

    @Test
    void aFailureMidWriteLeavesNoHalfWrittenRecord() throws Exception {
        EvaluationRequest request = request("STORE-ROLLBACK");
        ObjectNode broken = (ObjectNode) json(evaluations.evaluate(request));
        String id = UUID.randomUUID().toString();
        broken.put("id", id);
        // The evaluation row is written first; the failed-check row of this indicator code is too long for its column.
        for (JsonNode section : broken.get("sections")) {
            for (JsonNode indicator : section.get("indicators")) {
                if (!indicator.get("met").asBoolean()) {
                    ((ObjectNode) indicator).put("code", "R".repeat(40));
                }
            }
        }
        EvaluationResult result = mapper.treeToValue(broken, EvaluationResult.class);

        assertThatThrownBy(() -> store.save(result, request)).isInstanceOf(DataAccessException.class);

        assertThat(store.findStored(id)).isEmpty();
        assertThat(store.failedChecks(id)).isEmpty();
        assertThat(store.search(new EvaluationQuery("STORE-ROLLBACK", null, null, null, null, 0, 10)).total())
                .isEqualTo(1);
    }
}
