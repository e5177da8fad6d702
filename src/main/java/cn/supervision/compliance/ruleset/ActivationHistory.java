package cn.supervision.compliance.ruleset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every activation of a rule set, newest first, with who uploaded the version and who made it active, when and why
 * (issue 22, point 7): approvals, rollbacks, the service's own start-up activations, and approvals waiting for their
 * effective date (待施行). Read from the append-only tables of Flyway V2, V12 and V16.
 */
@Repository
public class ActivationHistory {

    /** In force now, in force before, or approved and waiting for {@code effectiveFrom}. */
    public enum Status { ACTIVE, REPLACED, PENDING }

    /**
     * One line of the history. {@code at} is when it took effect (null while pending); {@code approvedAt} when the
     * approval was given (the same moment unless it named an effective date); {@code effectiveFrom} that date.
     */
    public record Entry(int version, String hash, String uploader, String kind, String by, Instant at,
                        String comment, Instant approvedAt, Instant effectiveFrom, Status status) {
    }

    private final JdbcClient jdbc;

    ActivationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Entry> of(String ruleSet) {
        List<Entry> entries = new ArrayList<>(jdbc.sql("""
                SELECT s.seq, v.hash, v.uploader, s.kind, s.approved_by, s.comment, s.approved_at, s.effective_from
                  FROM rule_set_scheduled_activation s
                  JOIN rule_set_version v ON v.rule_set = s.rule_set AND v.seq = s.seq
                 WHERE s.rule_set = :ruleSet
                   AND NOT EXISTS (SELECT 1 FROM rule_set_activation a WHERE a.scheduled_id = s.id)
                 ORDER BY s.effective_from DESC, s.id DESC
                """).param("ruleSet", ruleSet).query((rs, n) -> new Entry(rs.getInt("seq"), rs.getString("hash"),
                        rs.getString("uploader"), rs.getString("kind"), rs.getString("approved_by"), null,
                        rs.getString("comment"), instant(rs, "approved_at"), instant(rs, "effective_from"),
                        Status.PENDING)).list());
        List<Entry> done = jdbc.sql("""
                SELECT a.seq, v.hash, v.uploader, a.kind, a.activated_by, a.comment, a.activated_at,
                       s.approved_at, s.effective_from
                  FROM rule_set_activation a
                  JOIN rule_set_version v ON v.rule_set = a.rule_set AND v.seq = a.seq
                  LEFT JOIN rule_set_scheduled_activation s ON s.id = a.scheduled_id
                 WHERE a.rule_set = :ruleSet
                 ORDER BY a.id DESC
                """).param("ruleSet", ruleSet).query((rs, n) -> new Entry(rs.getInt("seq"), rs.getString("hash"),
                        rs.getString("uploader"), rs.getString("kind"), rs.getString("activated_by"),
                        instant(rs, "activated_at"), rs.getString("comment"),
                        rs.getTimestamp("approved_at") == null ? instant(rs, "activated_at") : instant(rs, "approved_at"),
                        instant(rs, "effective_from"), n == 0 ? Status.ACTIVE : Status.REPLACED)).list();
        entries.addAll(done);
        return entries;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
