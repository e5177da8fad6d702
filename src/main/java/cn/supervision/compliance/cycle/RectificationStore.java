package cn.supervision.compliance.cycle;

import static cn.supervision.compliance.cycle.SubmissionStore.instant;
import static cn.supervision.compliance.cycle.SubmissionStore.utc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rectification items, their steps and evidence files (tables of V20). */
@Repository
class RectificationStore {

    /** Departments are stored in one column, in order, separated by this mark (a name never contains it). */
    private static final String DEPARTMENT_SEPARATOR = "、";
    private static final String COLUMNS = """
            id, rule_set, subject_code, subject_name, subject_year, indicator, item_subject, stage, shortfall, unit,
            measures, departments, office, source, deadline, status, opened_by, opened_at, closed_by, updated_at""";

    private final JdbcClient jdbc;

    RectificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String ruleSet, Rectification.County county, EvaluationReading.Shortfall shortfall,
                LocalDate deadline, String openedBy, Instant at) {
        jdbc.sql("INSERT INTO rectification (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)")
                .params(id, ruleSet, county.code(), county.name(), county.year(), shortfall.indicator(),
                        shortfall.subject(), shortfall.stage(), shortfall.shortfall(), shortfall.unit(),
                        shortfall.measures(), String.join(DEPARTMENT_SEPARATOR, shortfall.departments()),
                        shortfall.office(), shortfall.source(), deadline == null ? null : Date.valueOf(deadline),
                        Rectification.OPEN, openedBy, utc(at), null, utc(at))
                .update();
    }

    /** Moves an item to {@code to} if it is in one of {@code from}; false when it was not. */
    boolean move(String id, List<String> from, String to, String closedBy, Instant at) {
        String marks = String.join(", ", from.stream().map(s -> "?").toList());
        List<Object> params = new ArrayList<>(List.of(to));
        params.add(closedBy);
        params.add(utc(at));
        params.add(id);
        params.addAll(from);
        return jdbc.sql("UPDATE rectification SET status = ?, closed_by = ?, updated_at = ? WHERE id = ? AND status IN ("
                + marks + ")").params(params).update() == 1;
    }

    long step(String id, String status, String actor, Instant at, String comment, String evaluationId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rectification_step (rectification_id, status, actor, acted_at, comment, evaluation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, status, actor, utc(at), comment, evaluationId).update(key, "id");
        return key.getKey().longValue();
    }

    void evidence(String id, long stepId, String fileName, String mediaType, byte[] content) {
        jdbc.sql("INSERT INTO rectification_evidence (rectification_id, step_id, file_name, media_type, content)"
                + " VALUES (?, ?, ?, ?, ?)").params(id, stepId, fileName, mediaType, content).update();
    }

    Optional<Rectification> find(String id, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, today)).optional();
    }

    /** The items not closed of a subject in a rule set (the candidates a later official evaluation may close). */
    List<Rectification> unclosed(String ruleSet, String subjectCode, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification WHERE rule_set = ? AND subject_code = ?"
                        + " AND status <> ? ORDER BY opened_at, id")
                .params(ruleSet, subjectCode, Rectification.CLOSED).query((rs, n) -> row(rs, today)).list();
    }

    /** Items by the filters given (each optional), oldest first; scope is the caller's to apply. */
    List<Rectification> search(Filter filter, LocalDate today, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rectification WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.ruleSet() != null) {
            sql.append(" AND rule_set = ?");
            params.add(filter.ruleSet());
        }
        if (filter.code() != null) {
            sql.append(" AND subject_code = ?");
            params.add(filter.code());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            params.add(filter.status());
        }
        if (filter.indicator() != null) {
            sql.append(" AND indicator = ?");
            params.add(filter.indicator());
        }
        if (filter.year() != null) {
            sql.append(" AND subject_year = ?");
            params.add(filter.year());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            sql.append(" AND status <> ? AND deadline < ?");
            params.add(Rectification.CLOSED);
            params.add(Date.valueOf(today));
        }
        sql.append(" ORDER BY subject_code, subject_year, opened_at, id FETCH FIRST ").append(limit)
                .append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, today)).list().stream()
                .filter(r -> filter.department() == null || r.departments().contains(filter.department()))
                .filter(r -> filter.overdue() == null || r.overdue() == filter.overdue())
                .toList();
    }

    record Filter(String ruleSet, String code, String status, String indicator, String department, Boolean overdue,
                  Integer year) {
    }

    List<Rectification.Step> steps(String id) {
        return jdbc.sql("SELECT status, actor, acted_at, comment, evaluation_id FROM rectification_step"
                        + " WHERE rectification_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new Rectification.Step(rs.getString(1), rs.getString(2), instant(rs, 3),
                        rs.getString(4), rs.getString(5))).list();
    }

    List<Rectification.Evidence> evidence(String id) {
        return jdbc.sql("SELECT id, file_name, media_type, LENGTH(content) FROM rectification_evidence"
                        + " WHERE rectification_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new Rectification.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4))).list();
    }

    Optional<EvidenceFile> evidenceFile(String id, long fileId) {
        return jdbc.sql("SELECT file_name, media_type, content FROM rectification_evidence"
                        + " WHERE rectification_id = ? AND id = ?").params(id, fileId)
                .query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    record EvidenceFile(String fileName, String mediaType, byte[] content) {
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    private static Rectification row(ResultSet rs, LocalDate today) throws SQLException {
        Date deadline = rs.getDate("deadline");
        LocalDate due = deadline == null ? null : deadline.toLocalDate();
        String status = rs.getString("status");
        String departments = rs.getString("departments");
        return new Rectification(rs.getString("id"), rs.getString("indicator"), rs.getString("item_subject"),
                rs.getString("stage"), plain(rs.getBigDecimal("shortfall")), rs.getString("unit"), rs.getString("measures"),
                departments.isEmpty() ? List.of() : Arrays.asList(departments.split(DEPARTMENT_SEPARATOR)),
                rs.getString("office"), rs.getString("source"), due,
                due != null && !Rectification.CLOSED.equals(status) && due.isBefore(today), status,
                rs.getString("opened_by"), rs.getString("closed_by"),
                new Rectification.County(rs.getString("subject_code"), rs.getString("subject_name"),
                        rs.getInt("subject_year")),
                rs.getString("rule_set"), instant(rs, "opened_at"), instant(rs, "updated_at"), null, null);
    }
}
