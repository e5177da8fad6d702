package cn.supervision.compliance.cycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Submissions, their steps and the official evaluations they made (tables of V20). */
@Repository
class SubmissionStore {

    private static final String COLUMNS = """
            s.id, s.rule_set, s.subject_code, s.subject_name, s.subject_year, s.status, s.clerk, s.evaluation_id,
            e.passed, s.official_evaluation, s.created_at, s.updated_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    SubmissionStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    void insert(String id, String ruleSet, Submission.Subject subject, String clerk, String evaluationId, Instant at) {
        jdbc.sql("""
                INSERT INTO submission (id, rule_set, subject_code, subject_name, subject_year, status, clerk,
                                        evaluation_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ruleSet, subject.code(), subject.name(), subject.year(), Submission.SUBMITTED, clerk,
                        evaluationId, utc(at), utc(at)).update();
    }

    /** Moves a submission from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean move(String id, String from, String to, String evaluationId, String official, Instant at) {
        return jdbc.sql("""
                UPDATE submission SET status = ?, evaluation_id = ?, official_evaluation = ?, updated_at = ?
                WHERE id = ? AND status = ?""")
                .params(to, evaluationId, official, utc(at), id, from).update() == 1;
    }

    void step(String submissionId, String action, String actor, Instant at, String comment,
              List<ReviewComment> comments, String evaluationId) {
        jdbc.sql("""
                INSERT INTO submission_step (submission_id, action, actor, acted_at, comment, comments, evaluation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, action, actor, utc(at), comment, comments.isEmpty() ? null : json(comments),
                        evaluationId).update();
    }

    /** Records an approval as the official evaluation, superseding (and keeping) the earlier official one. */
    void official(String evaluationId, String submissionId, String ruleSet, Submission.Subject subject,
                  String approvedBy, Instant at) {
        jdbc.sql("""
                UPDATE official_evaluation SET superseded_by = ?
                WHERE rule_set = ? AND subject_code = ? AND subject_year = ? AND superseded_by IS NULL""")
                .params(evaluationId, ruleSet, subject.code(), subject.year()).update();
        jdbc.sql("""
                INSERT INTO official_evaluation (evaluation_id, submission_id, rule_set, subject_code, subject_year,
                                                 approved_by, approved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(evaluationId, submissionId, ruleSet, subject.code(), subject.year(), approvedBy, utc(at))
                .update();
    }

    /** The current official evaluations of a rule set (one per subject and year), oldest year first. */
    List<Official> officials(String ruleSet, String subjectCode, Integer year) {
        StringBuilder sql = new StringBuilder("""
                SELECT evaluation_id, subject_code, subject_year, approved_by, approved_at FROM official_evaluation
                WHERE rule_set = ? AND superseded_by IS NULL""");
        List<Object> params = new ArrayList<>(List.of(ruleSet));
        if (subjectCode != null) {
            sql.append(" AND subject_code = ?");
            params.add(subjectCode);
        }
        if (year != null) {
            sql.append(" AND subject_year = ?");
            params.add(year);
        }
        sql.append(" ORDER BY subject_year, subject_code");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Official(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getString(4), instant(rs, 5))).list();
    }

    record Official(String evaluationId, String subjectCode, int year, String approvedBy, Instant approvedAt) {
    }

    Optional<Submission> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission s JOIN evaluation e ON e.id = s.evaluation_id"
                        + " WHERE s.id = ?").param(id).query(this::row).optional()
                .map(s -> withSteps(List.of(s)).get(0));
    }

    List<Submission> search(String status, String code, Integer year, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM submission s JOIN evaluation e ON e.id = s.evaluation_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND s.status = ?");
            params.add(status);
        }
        if (code != null) {
            sql.append(" AND s.subject_code = ?");
            params.add(code);
        }
        if (year != null) {
            sql.append(" AND s.subject_year = ?");
            params.add(year);
        }
        sql.append(" ORDER BY s.updated_at DESC, s.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return withSteps(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    private List<Submission> withSteps(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return submissions;
        }
        Map<String, List<Submission.Step>> steps = new HashMap<>();
        String marks = String.join(", ", submissions.stream().map(s -> "?").toList());
        jdbc.sql("SELECT submission_id, action, actor, acted_at, comment, comments, evaluation_id FROM submission_step"
                        + " WHERE submission_id IN (" + marks + ") ORDER BY id")
                .params(submissions.stream().map(Submission::id).map(Object.class::cast).toList())
                .query((rs, n) -> {
                    steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Submission.Step(
                            rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5),
                            comments(rs.getString(6)), rs.getString(7)));
                    return null;
                }).list();
        return submissions.stream().map(s -> new Submission(s.id(), s.status(), s.ruleSet(), s.subject(), s.clerk(),
                s.evaluationId(), s.passed(), s.officialEvaluation(), s.createdAt(), s.updatedAt(),
                List.copyOf(steps.getOrDefault(s.id(), List.of())), null)).toList();
    }

    private Submission row(ResultSet rs, int n) throws SQLException {
        return new Submission(rs.getString("id"), rs.getString("status"), rs.getString("rule_set"),
                new Submission.Subject(rs.getString("subject_code"), rs.getString("subject_name"),
                        rs.getInt("subject_year")),
                rs.getString("clerk"), rs.getString("evaluation_id"), rs.getBoolean("passed"),
                rs.getString("official_evaluation"), instant(rs, "created_at"), instant(rs, "updated_at"),
                List.of(), null);
    }

    private List<ReviewComment> comments(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<ReviewComment>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored review comments unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
