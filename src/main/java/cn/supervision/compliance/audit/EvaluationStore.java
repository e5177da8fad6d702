package cn.supervision.compliance.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.EvaluationLog;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.StoredEvaluation;

/**
 * The stored evaluations (the audit trail): the facts as submitted, the result, who submitted it and an index of its
 * failed checks, written once in one transaction and never changed afterwards.
 */
@Repository
public class EvaluationStore implements EvaluationLog {

    private static final String SUMMARY_COLUMNS = """
            e.id, e.rule_set, e.rule_set_version, e.jurisdiction, e.subject_code, e.subject_name, e.subject_year,
            e.passed, e.evaluated_at, e.submitted_by""";

    private static final String STORED_COLUMNS =
            "id, rule_set, rule_set_version, jurisdiction, evaluated_at, submitted_by, request_gzip, request_json, answer_gzip";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper mapper;
    private final Submitter submitter;

    public EvaluationStore(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper mapper, Submitter submitter) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.mapper = mapper;
        this.submitter = submitter;
    }

    @Transactional
    @Override
    public void save(EvaluationResult result, EvaluationRequest request, byte[] answer) {
        saveAll(List.of(new Submission(result, request, answer)), submitter.current());
    }

    /**
     * Stores many evaluations in one transaction with batched inserts (the batch jobs' path): the same rows as
     * {@link #save}, written once and never changed. The submitter is given because batch work runs outside the
     * HTTP request that started it.
     */
    @Transactional
    public void saveAll(List<Submission> submissions, String submittedBy) {
        List<Object[]> evaluations = new ArrayList<>(submissions.size());
        List<Object[]> failedChecks = new ArrayList<>();
        for (Submission submission : submissions) {
            EvaluationResult result = submission.result();
            evaluations.add(new Object[] {result.id(), result.ruleSet(), result.ruleSetVersion(),
                    result.jurisdiction(), result.subject().code(), subjectName(result.subject()),
                    result.subject().year(), result.passed(), result.evaluatedAt().atOffset(ZoneOffset.UTC),
                    submittedBy, StoredJson.write(mapper, submission.request()),
                    StoredJson.gzip(submission.answer() != null ? submission.answer() : answer(result))});
            for (FailedCheck failed : FailedCheck.of(result)) {
                failedChecks.add(new Object[] {result.id(), failed.kind(), failed.indicator(), failed.subject(),
                        failed.stage()});
            }
        }
        batch.batchUpdate("""
                INSERT INTO evaluation (id, rule_set, rule_set_version, jurisdiction, subject_code, subject_name,
                                        subject_year, passed, evaluated_at, submitted_by, request_gzip, answer_gzip)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, evaluations);
        batch.batchUpdate("""
                INSERT INTO evaluation_failed_indicator (evaluation_id, kind, indicator, subject, stage)
                VALUES (?, ?, ?, ?, ?)
                """, failedChecks);
    }

    /**
     * An evaluation to store: the result, the request as submitted and the default answer as it was written
     * ({@code null}: written here, for work that answers no client itself, as the batch).
     */
    public record Submission(EvaluationResult result, Object request, byte[] answer) {

        public Submission(EvaluationResult result, Object request) {
            this(result, request, null);
        }
    }

    private byte[] answer(EvaluationResult result) {
        try {
            return mapper.writeValueAsBytes(result.compact());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    @Transactional(readOnly = true)
    @Override
    public Optional<StoredEvaluation> findStored(String id) {
        return jdbc.sql("SELECT " + STORED_COLUMNS + " FROM evaluation WHERE id = :id")
                .param("id", id)
                .query(this::stored)
                .optional();
    }

    /** The failed checks indexed for an evaluation, in the order they were written. */
    @Transactional(readOnly = true)
    public List<FailedCheck> failedChecks(String id) {
        return jdbc.sql("""
                SELECT kind, indicator, subject, stage FROM evaluation_failed_indicator WHERE evaluation_id = :id
                """)
                .param("id", id)
                .query(FailedCheck.class)
                .list();
    }

    /** Evaluations matching the query, newest first (ties broken by id, so pages are stable). */
    @Transactional(readOnly = true)
    public EvaluationPage search(EvaluationQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        criterion(where, params, "e.subject_code = :code", "code", query.countyCode());
        criterion(where, params, "e.subject_year = :year", "year", query.year());
        criterion(where, params, "e.rule_set = :ruleSet", "ruleSet", query.ruleSet());
        criterion(where, params, "e.passed = :passed", "passed", query.passed());
        criterion(where, params, """
                EXISTS (SELECT 1 FROM evaluation_failed_indicator f
                        WHERE f.evaluation_id = e.id AND f.indicator = :failed)""", "failed", query.failedIndicator());
        if (query.reach() != null) { // governance lane: only the caller's subtree
            where.append(" AND (e.jurisdiction IN (:reachNodes)");
            params.put("reachNodes", query.reach().nodes());
            if (query.reach().codePrefix() != null) {
                where.append(" OR e.subject_code LIKE :reachPrefix");
                params.put("reachPrefix", query.reach().codePrefix() + "%");
            }
            where.append(")");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM evaluation e" + where).params(params).query(Long.class).single();
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.put("limit", query.size());
        pageParams.put("offset", (long) query.page() * query.size());
        List<EvaluationSummary> rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM evaluation e" + where
                        + " ORDER BY e.evaluated_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .params(pageParams)
                .query((rs, row) -> new EvaluationSummary(rs.getString("id"), rs.getString("rule_set"),
                        rs.getString("rule_set_version"), rs.getString("jurisdiction"), rs.getString("subject_code"),
                        rs.getString("subject_name"), rs.getInt("subject_year"), rs.getBoolean("passed"),
                        rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("submitted_by"), List.of()))
                .list();
        Map<String, TreeSet<String>> failed = failedIndicators(rows);
        List<EvaluationSummary> items = rows.stream()
                .map(s -> new EvaluationSummary(s.id(), s.ruleSet(), s.ruleSetVersion(), s.jurisdiction(),
                        s.subjectCode(), s.subjectName(), s.year(), s.passed(), s.evaluatedAt(), s.submittedBy(),
                        List.copyOf(failed.getOrDefault(s.id(), new TreeSet<>()))))
                .toList();
        int totalPages = (int) ((total + query.size() - 1) / query.size());
        return new EvaluationPage(items, query.page(), query.size(), total, totalPages);
    }

    private Map<String, TreeSet<String>> failedIndicators(List<EvaluationSummary> rows) {
        Map<String, TreeSet<String>> failed = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return failed;
        }
        jdbc.sql("SELECT evaluation_id, indicator FROM evaluation_failed_indicator WHERE evaluation_id IN (:ids)")
                .param("ids", rows.stream().map(EvaluationSummary::id).toList())
                .query((rs, row) -> failed.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        return failed;
    }

    private static void criterion(StringBuilder where, Map<String, Object> params, String condition, String name,
                                  Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" AND ").append(condition);
            params.put(name, value);
        }
    }

    private static String subjectName(EvaluationResult.Subject subject) {
        return subject.name();
    }

    /** The most recent stored evaluations of a rule set, newest first (for previewing a new rule-set version). */
    @Transactional(readOnly = true)
    @Override
    public List<StoredEvaluation> recent(String ruleSet, int limit) {
        return jdbc.sql("""
                SELECT %s FROM evaluation WHERE rule_set = :ruleSet
                ORDER BY evaluated_at DESC, id FETCH FIRST :limit ROWS ONLY
                """.formatted(STORED_COLUMNS))
                .param("ruleSet", ruleSet)
                .param("limit", limit)
                .query(this::stored)
                .list();
    }

    /** gov-approval lane (issue 22, point 6): the newest evaluation of each subject, newest first. */
    @Transactional(readOnly = true)
    @Override
    public List<StoredEvaluation> latestPerSubject(String ruleSet, int limit) {
        return jdbc.sql("""
                SELECT %s FROM evaluation e WHERE e.rule_set = :ruleSet
                   AND NOT EXISTS (SELECT 1 FROM evaluation n
                                    WHERE n.subject_code = e.subject_code AND n.rule_set = e.rule_set
                                      AND (n.evaluated_at > e.evaluated_at
                                           OR (n.evaluated_at = e.evaluated_at AND n.id > e.id)))
                ORDER BY e.evaluated_at DESC, e.id FETCH FIRST :limit ROWS ONLY
                """.formatted(STORED_COLUMNS))
                .param("ruleSet", ruleSet)
                .param("limit", limit)
                .query(this::stored)
                .list();
    }

    private StoredEvaluation stored(ResultSet rs, int row) throws SQLException {
        byte[] answer = rs.getBytes("answer_gzip");
        return new StoredEvaluation(rs.getString("id"), rs.getString("submitted_by"), request(rs),
                rs.getString("rule_set"), rs.getString("rule_set_version"), rs.getString("jurisdiction"),
                rs.getObject("evaluated_at", OffsetDateTime.class).toInstant(),
                answer == null ? null : StoredJson.gunzip(answer));
    }

    /** The request in either form: gzip (since V7) or, in rows written before, the JSON text. */
    private JsonNode request(ResultSet rs) throws SQLException {
        byte[] gzip = rs.getBytes("request_gzip");
        if (gzip != null) {
            return StoredJson.read(mapper, gzip, JsonNode.class);
        }
        try {
            return mapper.readTree(rs.getString("request_json"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored evaluation is not readable", e);
        }
    }
}
