package cn.supervision.compliance.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A rectification item (整改): one unmet requirement of an official evaluation with its remedy row, followed from
 * {@code open} to {@code closed} (API.md, "The supervision cycle"). {@code subject} is where the shortfall is (a school
 * or a stage), {@code county} the subject of the evaluation; {@code deadline} null when the workbook sets no term.
 */
@JsonPropertyOrder({"id", "indicator", "subject", "stage", "shortfall", "unit", "measures", "departments", "office",
        "source", "deadline", "overdue", "status", "openedBy", "closedBy", "county", "ruleSet", "openedAt", "updatedAt",
        "steps", "evidence"})
public record Rectification(String id, String indicator, String subject, String stage, BigDecimal shortfall,
                            String unit, String measures, List<String> departments, String office, String source,
                            LocalDate deadline, boolean overdue, String status, String openedBy, String closedBy,
                            County county, String ruleSet, Instant openedAt, Instant updatedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> steps,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Evidence> evidence) {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in-progress";
    public static final String SUBMITTED = "submitted";
    public static final String CLOSED = "closed";
    public static final String REOPENED = "reopened";
    public static final List<String> STATUSES = List.of(OPEN, IN_PROGRESS, SUBMITTED, CLOSED, REOPENED);

    /** The evaluated subject the item belongs to (a county for balanced-development). */
    public record County(String code, String name, int year) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String status, String actor, Instant at, String comment, String evaluation) {
    }

    public record Evidence(long id, String fileName, String mediaType, long bytes) {
    }

    Rectification detailed(List<Step> allSteps, List<Evidence> files) {
        return new Rectification(id, indicator, subject, stage, shortfall, unit, measures, departments, office, source,
                deadline, overdue, status, openedBy, closedBy, county, ruleSet, openedAt, updatedAt, allSteps, files);
    }
}
