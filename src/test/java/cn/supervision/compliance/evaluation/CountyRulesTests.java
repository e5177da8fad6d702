package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.balanced.CountyBody;
import static cn.supervision.compliance.facts.Counties.county;
import static cn.supervision.compliance.facts.Counties.juniorAtThresholds;
import static cn.supervision.compliance.facts.Counties.primaryAtThresholds;
import static cn.supervision.compliance.facts.Counties.school;
import static cn.supervision.compliance.facts.Counties.section;
import static cn.supervision.compliance.facts.Counties.withBackboneTeachers;
import static cn.supervision.compliance.facts.Counties.withStudents;
import static cn.supervision.compliance.facts.Counties.withTeachingArea;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.compliance.balanced.CountyBody.IndicatorResult;
import cn.supervision.compliance.balanced.CountyBody.SectionResult;
import cn.supervision.compliance.balanced.CountyBody.VariationResult;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.balanced.SectionInput;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.balanced.CountyAssessment;

/** The resource-allocation rules as shipped (decision-tables/ and rules/), run on the real Drools engine. */
class CountyRulesTests {

    static EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        CountyAssessment assessment = new CountyAssessment(TargetChecks.READER);
        return assessment.assemble(rules, jurisdiction, county, assessment.session(rules, jurisdiction, county));
    }

    static EvaluationResult evaluate(CountySubject county) {
        return evaluate(ShippedRuleSets.balancedDevelopment(), "national", county);
    }

    static SectionResult sectionOf(EvaluationResult result, String schoolId) {
        return CountyResults.county(result).sections().stream().filter(s -> s.schoolId().equals(schoolId)).findFirst().orElseThrow();
    }

    static IndicatorResult indicator(SectionResult section, String code) {
        return section.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    static VariationResult variation(EvaluationResult result, Stage stage, String code) {
        return CountyResults.county(result).variation().stream().filter(v -> v.stage() == stage && v.indicator().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void valuesExactlyAtEveryThresholdAreMet() {
        EvaluationResult result = evaluate(county(
                school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("B", SchoolType.PRIMARY, primaryAtThresholds(2000)),
                school("C", SchoolType.JUNIOR, juniorAtThresholds(1000)),
                school("D", SchoolType.JUNIOR, juniorAtThresholds(2000))));

        assertThat(CountyResults.county(result).sections()).hasSize(4).allSatisfy(s -> {
            assertThat(s.metCount()).isEqualTo(7);
            assertThat(s.passed()).isTrue();
            assertThat(s.indicators()).extracting(IndicatorResult::met).containsOnly(true);
        });
        assertThat(indicator(sectionOf(result, "A"), "R3").value()).isEqualByComparingTo("0.9");
        assertThat(CountyResults.county(result).variation()).hasSize(14).allSatisfy(v -> {
            assertThat(v.cv()).isEqualByComparingTo("0");
            assertThat(v.passed()).isTrue();
        });
        assertThat(result.passed()).isTrue();
        assertThat(result.hints()).isEmpty();
    }

    @Test
    void oneIndicatorAtEightyFivePercentOfItsThresholdStillPasses() {
        // R4 primary: 4.5 m² per student; 85 % is 3.825 m², i.e. 3825 m² for 1000 students
        SchoolInput at85 = school("A", SchoolType.PRIMARY, withTeachingArea(primaryAtThresholds(1000), "3825.0"));
        SectionResult section = sectionOf(evaluate(county(at85)), "A");

        assertThat(indicator(section, "R4").met()).isFalse();
        assertThat(indicator(section, "R4").attainment()).isEqualByComparingTo("0.85");
        assertThat(section.metCount()).isEqualTo(6);
        assertThat(section.withinTolerance()).isTrue();
        assertThat(section.passed()).isTrue();
    }

    @Test
    void oneIndicatorAtEightyFourPointNinePercentFails() {
        // 84.9 % of 4.5 is 3.8205 m² per student
        SchoolInput at849 = school("A", SchoolType.PRIMARY, withTeachingArea(primaryAtThresholds(1000), "3820.5"));
        SectionResult section = sectionOf(evaluate(county(at849)), "A");

        assertThat(section.metCount()).isEqualTo(6);
        assertThat(section.withinTolerance()).isFalse();
        assertThat(section.passed()).isFalse();
    }

    @Test
    void twoUnmetIndicatorsFailEvenWhenCloseToTheirThresholds() {
        SchoolInput school = school("A", SchoolType.PRIMARY,
                withBackboneTeachers(withTeachingArea(primaryAtThresholds(1000), "4400"), 9));
        SectionResult section = sectionOf(evaluate(county(school)), "A");

        assertThat(section.metCount()).isEqualTo(5);
        assertThat(section.withinTolerance()).isTrue();
        assertThat(section.passed()).isFalse();
    }

    @Test
    void teachingPointsUnderFiftyStudentsAreExcludedAndFiftyAreAssessed() {
        EvaluationResult result = evaluate(county(
                school("P49", SchoolType.TEACHING_POINT, withStudents(primaryAtThresholds(1000), 49)),
                school("P50", SchoolType.TEACHING_POINT, withStudents(primaryAtThresholds(1000), 50))));
        assertThat(CountyResults.county(result).excluded()).singleElement().satisfies(e -> {
            assertThat(e.schoolId()).isEqualTo("P49");
            assertThat(e.reason()).isEqualTo("TEACHING_POINT_UNDER_50");
            assertThat(e.rule().sheet()).isEqualTo("评估范围");
            assertThat(e.rule().row()).isNotNull();
        });
        assertThat(CountyResults.county(result).sections()).extracting(SectionResult::schoolId).containsExactly("P50");
    }

    @Test
    void specialEducationSchoolsAreExcluded() {
        EvaluationResult result = evaluate(county(
                school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("T", SchoolType.SPECIAL_ED, new SectionInput(Stage.PRIMARY, 80,
                        null, null, null, null, null, null, null))));
        assertThat(CountyResults.county(result).excluded()).extracting(CountyBody.ExcludedSchool::reason).containsExactly("SPECIAL_ED");
        assertThat(CountyResults.county(result).sections()).extracting(SectionResult::schoolId).containsExactly("A");
    }

    @Test
    void handComputedWeightedCvOfBackboneTeachers() {
        // R2 values 1, 2, 3 per hundred students for 1000, 2000 and 1000 students: CV = sqrt(0.5) / 2 = 0.3536
        EvaluationResult result = evaluate(county(
                school("A", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 10)),
                school("B", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(2000), 40)),
                school("C", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 30))));

        VariationResult r2 = variation(result, Stage.PRIMARY, "R2");
        assertThat(r2.cv()).isEqualByComparingTo("0.3536");
        assertThat(r2.limit()).isEqualByComparingTo("0.50");
        assertThat(r2.sections()).isEqualTo(3);
        assertThat(r2.passed()).isTrue();
        assertThat(r2.rule().sheet()).isEqualTo("差异系数");
    }

    @Test
    void aCvExactlyAtTheLimitPassesAndAboveFails() {
        // R2 values 1 and 3 for equal enrolments: CV = 0.5 exactly, the primary limit
        EvaluationResult atLimit = evaluate(county(
                school("A", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 10)),
                school("B", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 30))));
        assertThat(variation(atLimit, Stage.PRIMARY, "R2").cv()).isEqualByComparingTo("0.5");
        assertThat(variation(atLimit, Stage.PRIMARY, "R2").passed()).isTrue();

        EvaluationResult above = evaluate(county(
                school("A", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 10)),
                school("B", SchoolType.PRIMARY, withBackboneTeachers(primaryAtThresholds(1000), 31))));
        VariationResult r2 = variation(above, Stage.PRIMARY, "R2");
        assertThat(r2.passed()).isFalse();
        assertThat(above.passed()).isFalse();
        assertThat(above.hints()).anySatisfy(h -> {
            assertThat(h.indicator()).isEqualTo("R2");
            assertThat(h.subject()).isEqualTo("PRIMARY");
            assertThat(h.departments()).contains("区教育局");
        });
    }

    @Test
    void aStageWithOneSectionHasNoCv() {
        EvaluationResult result = evaluate(county(
                school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("B", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("C", SchoolType.JUNIOR, juniorAtThresholds(1000))));
        VariationResult junior = variation(result, Stage.JUNIOR, "R1");
        assertThat(junior.applicable()).isFalse();
        assertThat(junior.cv()).isNull();
        assertThat(junior.passed()).isNull();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void wholeSchoolFiguresAreSplitByWeightedStudents() {
        // 600 primary (weight 1.0) and 400 junior (weight 1.1): primary gets 600/1040 of 5720 m² = 3300 m²
        var primary = section(Stage.PRIMARY, 600, "4.5", "1", "1", "0", "0", "0", "2.5");
        var junior = section(Stage.JUNIOR, 400, "5.5", "1", "1", "0", "0", "0", "2.5");
        SchoolInput nineYear = new SchoolInput("N", "九年一贯制", SchoolType.NINE_YEAR,
                List.of(withoutSplitFigures(primary), withoutSplitFigures(junior)),
                new BigDecimal("5720"), new BigDecimal("9880"), new BigDecimal("2470000"));
        EvaluationResult result = evaluate(county(nineYear));

        IndicatorResult primaryArea = indicator(sectionOf(result, "N"), "R4");
        assertThat(primaryArea.value()).isEqualByComparingTo("5.5");
        assertThat(primaryArea.derivation().split()).isTrue();
        assertThat(primaryArea.derivation().raw()).isEqualByComparingTo("3300");
        assertThat(indicator(sectionOf(result, "N"), "R1").derivation().split()).isFalse();
        assertThat(CountyResults.county(result).sections().get(1).stage()).isEqualTo(Stage.JUNIOR);
        assertThat(indicator(CountyResults.county(result).sections().get(1), "R4").value()).isEqualByComparingTo("6.05");
    }

    @Test
    void failuresCarryShortfallsInRawUnitsAndTheirRemediation() {
        // R6 primary: 2000 yuan per student; 1 950 000.5 yuan for 1000 students is 49 999.5 short → 49 999.50
        var section = primaryAtThresholds(1000);
        section = new SectionInput(section.stage(), section.students(),
                section.qualifiedTeachers(), 7, section.peArtTeachers(), section.teachingAreaM2(),
                section.sportsAreaM2(), new BigDecimal("1950000.5"), section.multimediaRooms());
        EvaluationResult result = evaluate(county(school("A", SchoolType.PRIMARY, section)));

        SectionResult a = sectionOf(result, "A");
        assertThat(indicator(a, "R6").shortfall()).isEqualByComparingTo("49999.50");
        assertThat(indicator(a, "R2").shortfall()).isEqualByComparingTo("3");
        assertThat(result.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly("R2", "R6");
        assertThat(result.hints().get(1)).satisfies(h -> {
            assertThat(h.unit()).isEqualTo("元");
            assertThat(h.measures()).contains("教学仪器");
            assertThat(h.departments()).containsExactly("区教育局");
            assertThat(h.office()).isEqualTo("教研室");
            assertThat(h.source()).contains("第6项");
            assertThat(h.rule().sheet()).isEqualTo("整改措施");
        });
    }

    @Test
    void everyFiredDecisionTableRuleNamesItsWorkbookSheetAndRow() {
        EvaluationResult result = evaluate(county(school("A", SchoolType.PRIMARY, primaryAtThresholds(1000))));
        assertThat(result.firedRules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.workbook()).isNotNull());
        assertThat(result.firedRules()).filteredOn(r -> r.workbook().endsWith(".xlsx"))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.sheet()).isNotBlank();
                    assertThat(r.row()).isPositive();
                });
        assertThat(indicator(sectionOf(result, "A"), "R1").rule())
                .satisfies(r -> {
                    assertThat(r.workbook()).isEqualTo("resource-allocation.xlsx");
                    assertThat(r.sheet()).isEqualTo("资源配置标准");
                    assertThat(r.row()).isEqualTo(10);
                });
    }

    private static SectionInput withoutSplitFigures(SectionInput s) {
        return new SectionInput(s.stage(), s.students(), s.qualifiedTeachers(),
                s.backboneTeachers(), s.peArtTeachers(), null, null, null, s.multimediaRooms());
    }

    /**
     * Issue 21, part 4: a resource-allocation request derives none of the full assessment's measures, so no class-A
     * standard row fires and its checks are R1–R7 only (the assessment that was not requested is left out).
     */
    @Test
    void aResourceOnlyRequestFiresNoRowOfTheAssessmentNotRequested() {
        EvaluationResult result = evaluate(county(
                school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("C", SchoolType.JUNIOR, juniorAtThresholds(1000))));

        assertThat(result.firedRules()).extracting(RuleOrigin::sheet).doesNotContain("A类指标标准").contains("资源配置标准");
        assertThat(CountyResults.county(result).checks()).extracting(EvaluationResult.CheckResult::code)
                .containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7");
    }
}
