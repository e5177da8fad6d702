package cn.supervision.compliance.cycle;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;

/**
 * What the history, ranking and overview read of an official evaluation (V21): written at approval from the result
 * the approval judged, read instead of replaying the evaluation on every request. An official evaluation approved
 * before V21 is replayed once and summarised on its first read.
 */
@Repository
class OfficialSummaries {

    /** The summary of one official evaluation: its subject's name, version, verdict, decision and figures. */
    record Summary(String name, String ruleSetVersion, boolean passed, String decision,
                   List<EvaluationReading.Figures> indicators) {

        static Summary of(EvaluationResult result) {
            return new Summary(EvaluationReading.subjectName(result), result.ruleSetVersion(), result.passed(),
                    result.body().decision() == null ? null : result.body().decision().outcome(),
                    EvaluationReading.figures(result));
        }
    }

    /** The stored figures, each with its kind, so that a stage's figures and a check's read back as they were. */
    private record Stored(List<EvaluationReading.Figures> indicators) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = EvaluationReading.StageFigures.class, name = "stage"),
            @JsonSubTypes.Type(value = EvaluationReading.CheckFigures.class, name = "check")})
    @JsonIgnoreProperties(value = {"rankValue", "lowerIsBetter"}, allowGetters = true)
    private interface Kinds {
    }

    private final JdbcClient jdbc;
    private final Evaluations evaluations;
    private final ObjectMapper json;

    OfficialSummaries(JdbcClient jdbc, Evaluations evaluations, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.json = mapper.copy().addMixIn(EvaluationReading.Figures.class, Kinds.class);
    }

    void save(String evaluationId, Summary summary) {
        jdbc.sql("INSERT INTO official_summary (evaluation_id, subject_name, rule_set_version, passed, decision,"
                        + " indicators_json) VALUES (?, ?, ?, ?, ?, ?)")
                .params(evaluationId, summary.name(), summary.ruleSetVersion(), summary.passed(), summary.decision(),
                        write(new Stored(summary.indicators())))
                .update();
    }

    /** The official evaluation's summary, stored at approval (or now, for one approved before V21). */
    Summary of(SubmissionStore.Official official) {
        return jdbc.sql("SELECT subject_name, rule_set_version, passed, decision, indicators_json FROM official_summary"
                        + " WHERE evaluation_id = ?").param(official.evaluationId())
                .query((rs, n) -> new Summary(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        read(rs.getString(5)).indicators()))
                .optional()
                .orElseGet(() -> {
                    Summary summary = Summary.of(evaluations.replay(evaluations.find(official.evaluationId())
                            .orElseThrow()));
                    try {
                        save(official.evaluationId(), summary);
                    } catch (DuplicateKeyException e) {
                        // another request summarised it first: the same summary
                    }
                    return summary;
                });
    }

    private String write(Stored stored) {
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an official evaluation's summary", e);
        }
    }

    private Stored read(String stored) {
        try {
            return json.readValue(stored, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an official evaluation's summary is not readable", e);
        }
    }
}
