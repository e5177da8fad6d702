package cn.supervision.compliance.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.audit.FailedCheck;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.facts.InputProblem;

/**
 * The batches in the service's database: each job's parameters and state ({@code batch_job}), its input until it has
 * ended ({@code batch_line}) and one row per county done ({@code batch_county}), from which progress and the summary
 * are read on any instance.
 */
@Repository
class BatchStore {

    /** Lines inserted per JDBC batch while a submission is stored. */
    private static final int INSERT_BATCH = 20;
    private static final int SOURCE_LENGTH = 1000;
    private static final String BATCH_COLUMNS = """
            b.id, b.rule_set, b.jurisdiction, b.submitted_by, b.submitter_node, b.total, b.lines, b.status, b.submitted_at,
            b.started_at, b.finished_at, b.failure,
            (SELECT COUNT(*) FROM batch_county c WHERE c.batch_id = b.id) AS done,
            (SELECT COUNT(*) FROM batch_county c WHERE c.batch_id = b.id AND c.evaluation_id IS NULL) AS invalid
            """;

    /** This process, as named in {@code batch_county.evaluated_by}: which instance evaluated a county. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ObjectMapper mapper;

    BatchStore(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.mapper = mapper;
    }

    /** A batch as stored, with the number of counties done so far (invalid ones included). */
    record Batch(String id, String ruleSet, String jurisdiction, String submittedBy, String submitterNode, int total,
                 int lines,
                 String status, Instant submittedAt, Instant startedAt, Instant finishedAt, String failure,
                 int done, int invalid) {
    }

    /** Stores a new batch with its input (read from the spool) and the unreadable zip entries as done already. */
    void create(Batch created, BatchInput input) {
        jdbc.sql("""
                INSERT INTO batch_job (id, rule_set, jurisdiction, submitted_by, submitter_node, total, lines, status,
                                       submitted_at)
                VALUES (:id, :ruleSet, :jurisdiction, :submittedBy, :submitterNode, :total, :lines, :status,
                        :submittedAt)""")
                .param("id", created.id()).param("ruleSet", created.ruleSet())
                .param("jurisdiction", created.jurisdiction()).param("submittedBy", created.submittedBy())
                .param("submitterNode", created.submitterNode())
                .param("total", created.total()).param("lines", created.lines()).param("status", created.status())
                .param("submittedAt", created.submittedAt().atOffset(ZoneOffset.UTC)).update();
        List<Object[]> rows = new ArrayList<>(INSERT_BATCH);
        try (BufferedReader lines = Files.newBufferedReader(input.spool(), StandardCharsets.UTF_8)) {
            int position = 0;
            for (String text; (text = lines.readLine()) != null; position++) {
                rows.add(new Object[] {created.id(), position, source(input.sources().get(position)), text});
                if (rows.size() == INSERT_BATCH) {
                    insertLines(rows);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        insertLines(rows);
        List<CountyOutcome> unreadable = new ArrayList<>();
        for (int i = 0; i < input.unreadable().size(); i++) {
            BatchSummary.InvalidCounty county = input.unreadable().get(i);
            unreadable.add(new CountyOutcome.Invalid(created.lines() + i, county.source(), county.problems()));
        }
        recordOutcomes(created.id(), unreadable);
    }

    private void insertLines(List<Object[]> rows) {
        batch.batchUpdate("INSERT INTO batch_line (batch_id, position, source, content) VALUES (?, ?, ?, ?)", rows);
        rows.clear();
    }

    Optional<Batch> find(String id) {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM batch_job b WHERE b.id = :id").param("id", id)
                .query(BatchStore::batch).optional();
    }

    /** Every batch, newest first. */
    List<Batch> all() {
        return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM batch_job b ORDER BY b.submitted_at DESC")
                .query(BatchStore::batch).list();
    }

    /** The job has (re)started; the first start is the one progress counts from. */
    void running(String id) {
        jdbc.sql("""
                UPDATE batch_job SET status = 'RUNNING', started_at = COALESCE(started_at, :now), finished_at = NULL,
                                     failure = NULL WHERE id = :id""")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).update();
    }

    /** The job has completed: its input is no longer needed (deleted in the transaction that says DONE). */
    @Transactional
    void done(String id) {
        jdbc.sql("DELETE FROM batch_line WHERE batch_id = :id").param("id", id).update();
        ended(id, "DONE", null);
    }

    /** The job has failed; its input is kept, so that a restart of the job resumes it. */
    void failed(String id, String failure) {
        ended(id, "FAILED", failure);
    }

    private void ended(String id, String status, String failure) {
        jdbc.sql("UPDATE batch_job SET status = :status, finished_at = :now, failure = :failure WHERE id = :id")
                .param("status", status).param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("failure", failure)
                .param("id", id).update();
    }

    /** One row per county; the primary key (batch, position) refuses a county recorded twice. */
    void recordOutcomes(String batchId, List<? extends CountyOutcome> outcomes) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (CountyOutcome outcome : outcomes) {
            rows.add(outcome instanceof CountyOutcome.Evaluated evaluated ? evaluatedRow(batchId, evaluated)
                    : invalidRow(batchId, (CountyOutcome.Invalid) outcome));
        }
        batch.batchUpdate("""
                INSERT INTO batch_county (batch_id, position, source, evaluation_id, rule_set_version, passed,
                                          decision, grade, failures, problems, evaluated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private Object[] invalidRow(String batchId, CountyOutcome.Invalid invalid) {
        return new Object[] {batchId, invalid.position(), source(invalid.source()), null, null, null, null, null, null,
                json(invalid.problems()), instance};
    }

    private Object[] evaluatedRow(String batchId, CountyOutcome.Evaluated evaluated) {
        EvaluationResult result = evaluated.submission().result();
        Map<String, Integer> failures = new TreeMap<>();
        for (FailedCheck check : FailedCheck.of(result)) {
            failures.merge(check.indicator(), 1, Integer::sum);
        }
        return new Object[] {batchId, evaluated.position(), source(evaluated.source()), result.id(),
                result.ruleSetVersion(), result.passed(),
                result.body().decision() == null ? null : result.body().decision().outcome(), result.body().grade(),
                json(failures),
                null, instance};
    }

    /** The summary of a batch, counted from its county rows. */
    BatchSummary summary(Batch of) {
        SummaryTally tally = new SummaryTally();
        jdbc.sql("""
                SELECT source, evaluation_id, rule_set_version, passed, decision, grade, failures, problems
                  FROM batch_county WHERE batch_id = :id ORDER BY position""").param("id", of.id())
                .query(row -> {
                    if (row.getString("evaluation_id") == null) {
                        tally.invalid(new BatchSummary.InvalidCounty(row.getString("source"),
                                read(row.getString("problems"), new TypeReference<List<InputProblem>>() { })));
                    } else {
                        tally.evaluated(row.getString("rule_set_version"), row.getBoolean("passed"),
                                row.getString("decision"), row.getString("grade"),
                                read(row.getString("failures"), new TypeReference<Map<String, Integer>>() { }));
                    }
                });
        return tally.summary(of);
    }

    /** The counties done so far, in input order, one page of them, each with its evaluation's county. */
    BatchCounty.Page counties(String batchId, int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM batch_county WHERE batch_id = :id").param("id", batchId)
                .query(Long.class).single();
        List<BatchCounty> items = jdbc.sql("""
                SELECT c.position, c.source, c.evaluation_id, c.passed, c.decision, c.grade, c.failures, c.problems,
                       e.subject_code, e.subject_name
                  FROM batch_county c LEFT JOIN evaluation e ON e.id = c.evaluation_id
                 WHERE c.batch_id = :id ORDER BY c.position LIMIT :limit OFFSET :offset""")
                .param("id", batchId).param("limit", size).param("offset", (long) page * size)
                .query((row, number) -> county(row)).list();
        return new BatchCounty.Page(items, page, size, total);
    }

    private BatchCounty county(ResultSet row) throws SQLException {
        if (row.getString("evaluation_id") == null) {
            return new BatchCounty.Invalid(row.getInt("position"), row.getString("source"),
                    read(row.getString("problems"), new TypeReference<List<InputProblem>>() { }));
        }
        return new BatchCounty.Evaluated(row.getInt("position"), row.getString("source"),
                row.getString("evaluation_id"), row.getString("subject_code"), row.getString("subject_name"),
                row.getBoolean("passed"), row.getString("decision"), row.getString("grade"),
                read(row.getString("failures"), new TypeReference<Map<String, Integer>>() { }));
    }

    private static Batch batch(ResultSet row, int number) throws SQLException {
        return new Batch(row.getString("id"), row.getString("rule_set"), row.getString("jurisdiction"),
                row.getString("submitted_by"), row.getString("submitter_node"), row.getInt("total"), row.getInt("lines"), row.getString("status"),
                instant(row, "submitted_at"), instant(row, "started_at"), instant(row, "finished_at"),
                row.getString("failure"), row.getInt("done"), row.getInt("invalid"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String source(String source) {
        return source.length() <= SOURCE_LENGTH ? source : source.substring(0, SOURCE_LENGTH - 1) + "…";
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch_county holds JSON this release cannot read", e);
        }
    }
}
