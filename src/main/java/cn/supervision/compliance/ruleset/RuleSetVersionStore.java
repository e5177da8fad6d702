package cn.supervision.compliance.ruleset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored versions of the rule sets (metadata, files as BLOBs) and their activations (JDBC, Flyway V2). */
@Repository
public class RuleSetVersionStore {

    private static final TypeReference<List<Change>> CHANGES = new TypeReference<>() { };
    private static final TypeReference<List<TestCaseResult>> RESULTS = new TypeReference<>() { };
    private static final TypeReference<VersionAnalysis> ANALYSIS = new TypeReference<>() { };
    private static final String COLUMNS = """
            SELECT v.rule_set, v.seq, v.hash, v.created_at, v.uploader, v.comment, v.changed_cells, v.test_results, v.base_seq, v.analysis,
                   (SELECT MAX(a.activated_at) FROM rule_set_activation a
                     WHERE a.rule_set = v.rule_set AND a.seq = v.seq) AS activated_at,
                   CASE WHEN v.seq = (SELECT a.seq FROM rule_set_activation a WHERE a.rule_set = v.rule_set
                                       ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY) THEN TRUE ELSE FALSE END AS active
              FROM rule_set_version v
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public RuleSetVersionStore(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Stores a new version with the next sequence number of its rule set; returns that number. */
    @Transactional
    public int save(String ruleSet, String hash, String uploader, String comment, List<RuleSetFile> files,
                    List<Change> changes, List<TestCaseResult> results) {
        return save(ruleSet, hash, uploader, comment, files, changes, results, null, null);
    }

    /**
     * {@code base}: the version the files were edited from (issue 22, point 4), null when unknown; {@code analysis}:
     * what their tables showed (point 5), null when not analysed.
     */
    @Transactional
    public int save(String ruleSet, String hash, String uploader, String comment, List<RuleSetFile> files,
                    List<Change> changes, List<TestCaseResult> results, Integer base, VersionAnalysis analysis) {
        int sequence = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM rule_set_version WHERE rule_set = :ruleSet")
                .param("ruleSet", ruleSet).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO rule_set_version (rule_set, seq, hash, created_at, uploader, comment, changed_cells, test_results,
                                              base_seq, analysis)
                VALUES (:ruleSet, :seq, :hash, :at, :uploader, :comment, :changes, :results, :base, :analysis)
                """)
                .param("ruleSet", ruleSet).param("seq", sequence).param("hash", hash)
                .param("at", Timestamp.from(Instant.now())).param("uploader", uploader).param("comment", comment)
                .param("changes", json(CHANGES, changes)).param("results", json(RESULTS, results))
                .param("base", base).param("analysis", analysis == null ? null : json(ANALYSIS, analysis))
                .update();
        for (RuleSetFile file : files) {
            jdbc.sql("INSERT INTO rule_set_version_file (rule_set, seq, kind, name, content) VALUES (:ruleSet, :seq, :kind, :name, :content)")
                    .param("ruleSet", ruleSet).param("seq", sequence).param("kind", file.kind().name())
                    .param("name", file.name()).param("content", file.content())
                    .update();
        }
        return sequence;
    }

    @Transactional
    public void activate(String ruleSet, int sequence, String by) {
        activate(ruleSet, sequence, by, null, Activation.START_UP);
    }

    /** Records an activation with why and what it was ({@link Activation}). */
    @Transactional
    public void activate(String ruleSet, int sequence, String by, String comment, String kind) {
        jdbc.sql("""
                INSERT INTO rule_set_activation (rule_set, seq, activated_at, activated_by, comment, kind)
                VALUES (:ruleSet, :seq, :at, :by, :comment, :kind)
                """)
                .param("ruleSet", ruleSet).param("seq", sequence).param("at", Timestamp.from(Instant.now())).param("by", by)
                .param("comment", comment).param("kind", kind)
                .update();
    }

    /** Every activation of a version, oldest first. */
    @Transactional(readOnly = true)
    public List<Activation> activations(String ruleSet, int sequence) {
        return jdbc.sql("""
                SELECT activated_at, activated_by, comment, kind FROM rule_set_activation
                 WHERE rule_set = :ruleSet AND seq = :seq ORDER BY id
                """).param("ruleSet", ruleSet).param("seq", sequence)
                .query((rs, n) -> new Activation(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<RuleSetVersion> all(String ruleSet) {
        return jdbc.sql(COLUMNS + " WHERE v.rule_set = :ruleSet ORDER BY v.seq DESC")
                .param("ruleSet", ruleSet).query((rs, n) -> version(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSetVersion> find(String ruleSet, int sequence) {
        return jdbc.sql(COLUMNS + " WHERE v.rule_set = :ruleSet AND v.seq = :seq")
                .param("ruleSet", ruleSet).param("seq", sequence).query((rs, n) -> version(rs)).optional();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSetVersion> findByHash(String ruleSet, String hash) {
        return jdbc.sql(COLUMNS + " WHERE v.rule_set = :ruleSet AND v.hash = :hash")
                .param("ruleSet", ruleSet).param("hash", hash).query((rs, n) -> version(rs)).optional();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSetVersion> active(String ruleSet) {
        return all(ruleSet).stream().filter(RuleSetVersion::active).findFirst();
    }

    /** The hash of the newest activation's version: one cheap query, asked every few seconds by every instance. */
    @Transactional(readOnly = true)
    public Optional<String> activeHash(String ruleSet) {
        return jdbc.sql("""
                SELECT v.hash FROM rule_set_activation a
                  JOIN rule_set_version v ON v.rule_set = a.rule_set AND v.seq = a.seq
                 WHERE a.rule_set = :ruleSet ORDER BY a.id DESC FETCH FIRST 1 ROWS ONLY
                """).param("ruleSet", ruleSet).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSetVersion> newest(String ruleSet) {
        return all(ruleSet).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<RuleSetFile> files(String ruleSet, int sequence) {
        return jdbc.sql("SELECT kind, name, content FROM rule_set_version_file WHERE rule_set = :ruleSet AND seq = :seq ORDER BY kind DESC, name")
                .param("ruleSet", ruleSet).param("seq", sequence)
                .query((rs, n) -> new RuleSetFile(RuleSetFile.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getBytes("content")))
                .list();
    }

    private RuleSetVersion version(ResultSet rs) throws SQLException {
        String ruleSet = rs.getString("rule_set");
        int sequence = rs.getInt("seq");
        Timestamp activated = rs.getTimestamp("activated_at");
        List<String> files = jdbc.sql("SELECT name FROM rule_set_version_file WHERE rule_set = :ruleSet AND seq = :seq ORDER BY kind DESC, name")
                .param("ruleSet", ruleSet).param("seq", sequence).query(String.class).list();
        return new RuleSetVersion(ruleSet, sequence, rs.getString("hash"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("uploader"), rs.getString("comment"), rs.getBoolean("active"),
                activated == null ? null : activated.toInstant(), files,
                read(rs.getString("changed_cells"), CHANGES), read(rs.getString("test_results"), RESULTS),
                activations(ruleSet, sequence), (Integer) rs.getObject("base_seq", Integer.class),
                rs.getString("analysis") == null ? null : read(rs.getString("analysis"), ANALYSIS));
    }

    /** The value as JSON of its declared type (a change's kind is written only for a list of {@link Change}). */
    private <T> String json(TypeReference<T> type, T value) {
        try {
            return mapper.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rule-set version as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule-set version is not readable", e);
        }
    }
}
