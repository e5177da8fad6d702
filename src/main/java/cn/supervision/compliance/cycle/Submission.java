package cn.supervision.compliance.cycle;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.util.RawValue;


/**
 * A subject's figures for one year as a clerk submitted them, and where their review stands (API.md, "The supervision
 * cycle"): {@code evaluation} is the latest evaluation of the submitted figures in the single-item answers (its stored
 * default answer, compact, as GET /api/v1/evaluations/{id} gives it; the approval, which judges it for the rectification
 * items, answers it in full), {@code officialEvaluation} its id once approved; {@code steps} every step with who, when
 * and comment.
 */
@JsonPropertyOrder({"id", "status", "ruleSet", "subject", "clerk", "evaluationId", "passed", "officialEvaluation",
        "createdAt", "updatedAt", "steps", "evaluation"})
public record Submission(String id, String status, String ruleSet, Subject subject, String clerk, String evaluationId,
                         boolean passed, String officialEvaluation, Instant createdAt, Instant updatedAt,
                         List<Step> steps, @JsonInclude(JsonInclude.Include.NON_NULL) RawValue evaluation) {

    public static final String SUBMITTED = "submitted";
    public static final String RETURNED = "returned";
    public static final String APPROVED = "approved";

    public record Subject(String code, String name, int year) {
    }

    /** One step: {@code submitted}, {@code returned}, {@code resubmitted} or {@code approved}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(String action, String actor, Instant at, String comment, List<ReviewComment> comments,
                       String evaluation) {
    }

    Submission withEvaluation(RawValue result) {
        return new Submission(id, status, ruleSet, subject, clerk, evaluationId, passed, officialEvaluation, createdAt,
                updatedAt, steps, result);
    }
}
