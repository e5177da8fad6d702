package cn.supervision.compliance.perf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.balanced.SectionDerivation;
import cn.supervision.compliance.facts.SectionInScope;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.statistics.WeightedVariation;

/**
 * The baseline of the rule-engine benchmark: the resource-allocation checks (INDICATORS.md §1.1) written straight in
 * Java with the national parameters hard-coded, exact fractions as the service uses, and the same derivation of
 * indicator values. Kept in the benchmark sources only: business data belongs in the workbooks.
 */
final class PlainJavaAllocation {

    record SectionFinding(String schoolId, Stage stage, boolean passed, Map<String, Boolean> met) {
    }

    record VariationFinding(Stage stage, String indicator, boolean applicable, Boolean passed, BigDecimal cv) {
    }

    record Findings(List<SectionFinding> sections, List<VariationFinding> variation) {
    }

    private static final Map<Stage, BigDecimal> WEIGHTS = Map.of(Stage.PRIMARY, new BigDecimal("1.0"),
            Stage.JUNIOR, new BigDecimal("1.1"), Stage.SENIOR, new BigDecimal("1.32"));
    private static final Map<String, BigFraction[]> THRESHOLDS = new LinkedHashMap<>();
    private static final BigFraction[] CV_LIMITS = {fraction("0.50"), fraction("0.45")};
    private static final BigFraction TOLERANCE = fraction("0.85");
    private static final int MINIMUM_MET = 6;
    private static final int MINIMUM_SECTIONS_FOR_CV = 2;
    private static final int TEACHING_POINT_MINIMUM = 50;

    static {
        String[][] rows = {{"R1", "4.2", "5.3"}, {"R2", "1", "1"}, {"R3", "0.9", "0.9"}, {"R4", "4.5", "5.8"},
                {"R5", "7.5", "10.2"}, {"R6", "2000", "2500"}, {"R7", "2.3", "2.4"}};
        for (String[] row : rows) {
            THRESHOLDS.put(row[0], new BigFraction[] {fraction(row[1]), fraction(row[2])});
        }
    }

    private PlainJavaAllocation() {
    }

    static Findings evaluate(CountySubject county) {
        Set<String> excluded = new HashSet<>();
        for (SchoolInput school : county.schools()) {
            if (school.type() == SchoolType.SPECIAL_ED
                    || school.type() == SchoolType.TEACHING_POINT && school.totalStudents() < TEACHING_POINT_MINIMUM) {
                excluded.add(school.id());
            }
        }
        SectionDerivation.Result derived = SectionDerivation.derive(county, excluded, WEIGHTS, "subject.");
        Map<String, List<IndicatorValue>> bySection = new LinkedHashMap<>();
        Map<String, List<WeightedVariation.Observation>> byStageAndIndicator = new LinkedHashMap<>();
        for (IndicatorValue value : derived.values()) {
            bySection.computeIfAbsent(value.schoolId() + "/" + value.stage(), k -> new ArrayList<>()).add(value);
            byStageAndIndicator.computeIfAbsent(value.stage() + "/" + value.indicator(), k -> new ArrayList<>())
                    .add(new WeightedVariation.Observation(value.value(), Fractions.of(value.students())));
        }
        List<SectionFinding> sections = new ArrayList<>();
        for (SectionInScope section : derived.sections()) {
            Map<String, Boolean> met = new LinkedHashMap<>();
            int metCount = 0;
            boolean withinTolerance = true;
            for (IndicatorValue value : bySection.get(section.schoolId() + "/" + section.stage())) {
                BigFraction threshold = THRESHOLDS.get(value.indicator())[stageIndex(value.stage())];
                BigFraction actual = value.value();
                boolean ok = actual.compareTo(threshold) >= 0;
                met.put(value.indicator(), ok);
                if (ok) {
                    metCount++;
                } else if (actual.compareTo(threshold.multiply(TOLERANCE)) < 0) {
                    withinTolerance = false;
                }
            }
            sections.add(new SectionFinding(section.schoolId(), section.stage(),
                    metCount >= MINIMUM_MET && withinTolerance, met));
        }
        List<VariationFinding> variation = new ArrayList<>();
        for (Map.Entry<String, List<WeightedVariation.Observation>> group : byStageAndIndicator.entrySet()) {
            String[] key = group.getKey().split("/");
            Stage stage = Stage.valueOf(key[0]);
            WeightedVariation cv = WeightedVariation.of(group.getValue());
            boolean applicable = cv.count() >= MINIMUM_SECTIONS_FOR_CV && !cv.degenerate();
            variation.add(new VariationFinding(stage, key[1], applicable,
                    applicable ? cv.atMost(CV_LIMITS[stageIndex(stage)]) : null,
                    applicable ? cv.coefficient(4) : null));
        }
        return new Findings(sections, variation);
    }

    private static int stageIndex(Stage stage) {
        return stage == Stage.PRIMARY ? 0 : 1;
    }

    private static BigFraction fraction(String decimal) {
        return Fractions.of(new BigDecimal(decimal));
    }
}
