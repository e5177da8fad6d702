package cn.supervision.compliance.ruleset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals given now for a later date (自…起施行, issue 22 point 7; Flyway V16): stored when given, turned into an
 * activation by whichever instance first sees them due. An approval is pending while no activation names it.
 */
@Repository
public class ScheduledActivations {

    /** An approval waiting for (or past) its date; {@code kind} is {@link Activation#APPROVAL} or a rollback's. */
    public record Scheduled(long id, String ruleSet, int sequence, Instant effectiveFrom, Instant approvedAt,
                            String approvedBy, String comment, String kind) {
    }

    private static final String COLUMNS = """
            SELECT s.id, s.rule_set, s.seq, s.effective_from, s.approved_at, s.approved_by, s.comment, s.kind
              FROM rule_set_scheduled_activation s
             WHERE NOT EXISTS (SELECT 1 FROM rule_set_activation a WHERE a.scheduled_id = s.id)
            """;

    private final JdbcClient jdbc;

    ScheduledActivations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void schedule(String ruleSet, int sequence, Instant effectiveFrom, String by, String comment, String kind) {
        jdbc.sql("""
                INSERT INTO rule_set_scheduled_activation
                       (rule_set, seq, effective_from, approved_at, approved_by, comment, kind)
                VALUES (:ruleSet, :seq, :from, :at, :by, :comment, :kind)
                """)
                .param("ruleSet", ruleSet).param("seq", sequence).param("from", Timestamp.from(effectiveFrom))
                .param("at", Timestamp.from(Instant.now())).param("by", by).param("comment", comment)
                .param("kind", kind)
                .update();
    }

    /** The approvals of a rule set still waiting for their date, soonest first. */
    @Transactional(readOnly = true)
    public List<Scheduled> pending(String ruleSet) {
        return jdbc.sql(COLUMNS + " AND s.rule_set = :ruleSet ORDER BY s.effective_from, s.id")
                .param("ruleSet", ruleSet).query((rs, n) -> scheduled(rs)).list();
    }

    /** The pending approvals whose date has come, oldest date first (so the latest due one ends up active). */
    @Transactional(readOnly = true)
    List<Scheduled> due(Instant now) {
        return jdbc.sql(COLUMNS + " AND s.effective_from <= :now ORDER BY s.effective_from, s.id")
                .param("now", Timestamp.from(now)).query((rs, n) -> scheduled(rs)).list();
    }

    /**
     * Records the activation of a due approval with its approver and comment; false when another instance recorded
     * it first (the unique {@code scheduled_id}).
     */
    boolean activate(Scheduled due) {
        try {
            jdbc.sql("""
                    INSERT INTO rule_set_activation (rule_set, seq, activated_at, activated_by, comment, kind, scheduled_id)
                    VALUES (:ruleSet, :seq, :at, :by, :comment, :kind, :id)
                    """)
                    .param("ruleSet", due.ruleSet()).param("seq", due.sequence())
                    .param("at", Timestamp.from(Instant.now())).param("by", due.approvedBy())
                    .param("comment", due.comment()).param("kind", due.kind()).param("id", due.id())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Scheduled scheduled(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Scheduled(rs.getLong("id"), rs.getString("rule_set"), rs.getInt("seq"),
                rs.getTimestamp("effective_from").toInstant(), rs.getTimestamp("approved_at").toInstant(),
                rs.getString("approved_by"), rs.getString("comment"), rs.getString("kind"));
    }
}
