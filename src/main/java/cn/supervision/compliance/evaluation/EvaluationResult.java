package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/** The result of one evaluation, as returned to integrators and stored in the audit trail (API.md, "The result"). */
public record EvaluationResult(
        String id,
        String ruleSet,
        String jurisdiction,
        String ruleSetVersion,
        Subject subject,
        boolean passed,
        Instant evaluatedAt,
        Summary summary,
        List<SectionResult> sections,
        List<ExcludedSchool> excluded,
        List<VariationResult> variation,
        List<RuleOrigin> firedRules,
        List<Hint> hints) {

    public EvaluationResult withId(String newId) {
        return new EvaluationResult(newId, ruleSet, jurisdiction, ruleSetVersion, subject, passed, evaluatedAt, summary,
                sections, excluded, variation, firedRules, hints);
    }

    public record Subject(String countyCode, String countyName, int year) {
    }

    public record Summary(int sectionsAssessed, int sectionsPassed, int schoolsExcluded, int variationsFailed,
                          int variationsNotApplicable, int hints) {
    }

    public record SectionResult(String schoolId, String schoolName, Stage stage, int students, boolean passed,
                                int metCount, int checked, boolean withinTolerance, RuleOrigin rule,
                                List<IndicatorResult> indicators) {
    }

    public record IndicatorResult(String code, String name, BigDecimal value, String comparator, BigDecimal threshold,
                                  boolean met, BigDecimal attainment, BigDecimal shortfall, String unit,
                                  RuleOrigin rule) {
    }

    public record ExcludedSchool(String schoolId, String reason, RuleOrigin rule) {
    }

    public record VariationResult(Stage stage, String indicator, String name, int sections, BigDecimal cv,
                                  String comparator, BigDecimal limit, boolean applicable, Boolean passed,
                                  RuleOrigin rule) {
    }

    public record Hint(String indicator, String subject, Stage stage, BigDecimal shortfall, String unit,
                       String measures, List<String> departments, String office, String source, RuleOrigin rule) {
    }
}
