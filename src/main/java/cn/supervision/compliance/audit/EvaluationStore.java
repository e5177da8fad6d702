package cn.supervision.compliance.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;

/** The stored evaluations: the facts as submitted and the result, written once in one transaction. */
@Repository
public class EvaluationStore {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public EvaluationStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Transactional
    public void save(EvaluationResult result, EvaluationRequest request) {
        jdbc.sql("""
                INSERT INTO evaluation (id, rule_set, rule_set_version, jurisdiction, subject_code, subject_year,
                                        passed, evaluated_at, request_json, result_json)
                VALUES (:id, :ruleSet, :version, :jurisdiction, :code, :year, :passed, :at, :request, :result)
                """)
                .param("id", result.id())
                .param("ruleSet", result.ruleSet())
                .param("version", result.ruleSetVersion())
                .param("jurisdiction", result.jurisdiction())
                .param("code", result.subject().code())
                .param("year", result.subject().year())
                .param("passed", result.passed())
                .param("at", Timestamp.from(result.evaluatedAt()))
                .param("request", json(request))
                .param("result", json(result))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationResult> find(String id) {
        return jdbc.sql("SELECT result_json FROM evaluation WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(this::result);
    }

    /** A stored evaluation as it was submitted and answered. */
    public record StoredEvaluation(EvaluationRequest request, EvaluationResult result) {
    }

    /** The most recent stored evaluations of a rule set, newest first (for previewing a new rule-set version). */
    @Transactional(readOnly = true)
    public List<StoredEvaluation> recent(String ruleSet, int limit) {
        return jdbc.sql("SELECT request_json, result_json FROM evaluation WHERE rule_set = :ruleSet ORDER BY evaluated_at DESC, id FETCH FIRST :limit ROWS ONLY")
                .param("ruleSet", ruleSet)
                .param("limit", limit)
                .query((rs, n) -> new StoredEvaluation(read(rs.getString("request_json"), EvaluationRequest.class),
                        result(rs.getString("result_json"))))
                .list();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored evaluation is not readable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an evaluation as JSON", e);
        }
    }

    private EvaluationResult result(String json) {
        return read(json, EvaluationResult.class);
    }
}
