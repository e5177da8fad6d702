package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.check;
import static cn.supervision.compliance.evaluation.TargetChecks.checks;
import static cn.supervision.compliance.evaluation.TargetChecks.rejectedFields;
import static cn.supervision.compliance.evaluation.TargetChecks.sampleSubject;
import static cn.supervision.compliance.evaluation.TargetChecks.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.curriculum.CurriculumAssessment;

/** The curriculum rule set (C01–C13) built from the shipped workbook, on the shipped sample school and variants of it. */
class CurriculumRulesTests {

    /** The sample school is in Daxing: national, Beijing and Daxing rows apply. */
    private static EvaluationResult evaluate(ObjectNode school) {
        return evaluate(school, "daxing");
    }

    private static EvaluationResult evaluate(ObjectNode school, String jurisdiction) {
        return new CurriculumAssessment(TargetChecks.READER).evaluate(ShippedRuleSets.curriculum(), jurisdiction, school);
    }

    /** The sample nine-year school with its one over-long homework grade put right: every check it can meet passes. */
    private static ObjectNode school() {
        ObjectNode school = sampleSubject("school-curriculum.json");
        grade(school, 9).put("homeworkMinutes", 120);
        school.put("artSkillShare", 100);
        ((ObjectNode) school.get("health")).put("myopiaRate", 47.5);
        return school;
    }

    private static ObjectNode grade(ObjectNode school, int grade) {
        for (var node : school.withArray("grades")) {
            if (node.get("grade").asInt() == grade) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no grade " + grade);
    }

    /** The sample school extended to a twelve-year school with senior grades 10–12. */
    private static ObjectNode twelveYear() {
        ObjectNode school = school();
        school.put("type", "TWELVE_YEAR");
        ArrayNode grades = school.withArray("grades");
        for (int g = 10; g <= 12; g++) {
            grades.addObject().put("grade", g).put("aestheticPeriods", 2).put("pePeriods", 3).put("labourPeriods", 1);
        }
        school.put("seniorAestheticClassHours", 108);
        return school;
    }

    @Test
    void theSampleSchoolFailsHomeworkArtSkillsAndMyopia() {
        EvaluationResult result = evaluate(sampleSubject("school-curriculum.json"), "daxing");

        assertThat(result.passed()).isFalse();
        assertThat(result.subject()).isEqualTo(EvaluationResult.Subject.school("DX-JY-001", "大兴区第一九年一贯制学校", 2026));
        assertThat(result.checks()).extracting(CheckResult::code).containsSubsequence("C01", "C02", "C13")
                .contains("C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12");
        assertThat(result.checks()).filteredOn(c -> c.verdict() == Verdict.FAILED)
                .extracting(CheckResult::code).containsExactly("C09", "C12", "C13");
        CheckResult homework = check(result, "C09", "7-9年级");
        assertThat(homework.failing()).containsExactly("9");
        assertThat(homework.value()).isEqualByComparingTo("130");
        assertThat(homework.threshold()).isEqualByComparingTo("120");
        assertThat(homework.rule().sheet()).isEqualTo("检查项");
        CheckResult aesthetic = check(result, "C01", null);
        assertThat(aesthetic.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(aesthetic.value()).isEqualByComparingTo("11.1111");
        assertThat(aesthetic.threshold()).isEqualByComparingTo("11");
        assertThat(aesthetic.unit()).isEqualTo("%");
        assertThat(result.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly("C09", "C12", "C13");
        assertThat(result.body()).isInstanceOf(cn.supervision.compliance.checkrows.ChecksBody.class);
    }

    @Test
    void checksForGradesOrSchoolTypesTheSchoolDoesNotHaveAreNotApplicable() {
        EvaluationResult result = evaluate(school());

        assertThat(verdict(result, "C03", null)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(result, "C04", "10-12年级")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(result, "C07", null)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(result.checks()).extracting(CheckResult::verdict)
                .containsOnly(Verdict.PASSED, Verdict.NOT_APPLICABLE);
        assertThat(result.passed()).isTrue();
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                boundary("C01", null, s -> s.put("aestheticClassHours", 1009.8), s -> s.put("aestheticClassHours", 1009.79)),
                boundary("C02", "1-5年级", s -> grade(s, 3).put("aestheticPeriods", 5), s -> grade(s, 3).put("aestheticPeriods", 4)),
                boundary("C02", "6-9年级", s -> grade(s, 6).put("aestheticPeriods", 3), s -> grade(s, 6).put("aestheticPeriods", 2)),
                boundary("C04", "1-6年级", s -> grade(s, 6).put("pePeriods", 5), s -> grade(s, 6).put("pePeriods", 4)),
                boundary("C04", "7-9年级", s -> grade(s, 7).put("pePeriods", 4), s -> grade(s, 7).put("pePeriods", 3)),
                boundary("C05", "校内", s -> s.put("dailyActivityMinutes", 60), s -> s.put("dailyActivityMinutes", 59)),
                boundary("C05", "校外", s -> s.put("outsideActivityMinutes", 60), s -> s.put("outsideActivityMinutes", 59)),
                boundary("C14", "戏曲", s -> s.put("operaWatchedShare", 100), s -> s.put("operaWatchedShare", 99.9)),
                boundary("C14", "话剧", s -> s.put("dramaWatchedShare", 100), s -> s.put("dramaWatchedShare", 99.9)),
                boundary("C06", "1-12年级", s -> grade(s, 4).put("labourPeriods", 1), s -> grade(s, 4).put("labourPeriods", 0)),
                boundary("C06", "劳动周", s -> s.put("labourWeeksPerYear", 1), s -> s.put("labourWeeksPerYear", 0)),
                boundary("C08", "1-12年级", s -> s.put("subjectPracticeShare", 10), s -> s.put("subjectPracticeShare", 9.99)),
                boundary("C08", "1-2年级", s -> grade(s, 2).put("practicePeriods", 1), s -> grade(s, 2).put("practicePeriods", 0)),
                boundary("C08", "3-9年级", s -> grade(s, 3).put("practicePeriods", 2), s -> grade(s, 3).put("practicePeriods", 1)),
                boundary("C09", "1-2年级", s -> grade(s, 1).put("homeworkMinutes", 0), s -> grade(s, 1).put("homeworkMinutes", 1)),
                boundary("C09", "3-6年级", s -> grade(s, 6).put("homeworkMinutes", 60), s -> grade(s, 6).put("homeworkMinutes", 61)),
                boundary("C09", "7-9年级", s -> grade(s, 8).put("homeworkMinutes", 120), s -> grade(s, 8).put("homeworkMinutes", 121)),
                boundary("C10", "1-2年级", s -> grade(s, 2).put("examsPerTerm", 0), s -> grade(s, 2).put("examsPerTerm", 1)),
                boundary("C10", "3-6年级", s -> grade(s, 5).put("examsPerTerm", 1), s -> grade(s, 5).put("examsPerTerm", 2)),
                boundary("C10", "7-9年级", s -> grade(s, 8).put("examsPerTerm", 2), s -> grade(s, 8).put("examsPerTerm", 3)),
                boundary("C11", null, s -> s.put("homeVisitCoverage", 100), s -> s.put("homeVisitCoverage", 99.99)),
                boundary("C12", "运动技能", s -> s.put("sportsSkillShare", 100), s -> s.put("sportsSkillShare", 99.9)),
                boundary("C12", "艺术特长", s -> s.put("artSkillShare", 100), s -> s.put("artSkillShare", 99)),
                boundary("C13", "优良率", s -> health(s).put("fitnessGoodRate", 55.11), s -> health(s).put("fitnessGoodRate", 55.1)),
                boundary("C13", "肥胖率", s -> health(s).put("obesityRate", 11.89), s -> health(s).put("obesityRate", 11.9)),
                boundary("C13", "近视率", s -> health(s).put("myopiaRate", 47.59), s -> health(s).put("myopiaRate", 47.6)),
                // issue 23: seeds 000 (C15), 001 (C04 every day) and 003 (C06 labour list, C17)
                boundary("C04", "每天", s -> s.put("pePeriodEveryDay", true), s -> s.put("pePeriodEveryDay", false)),
                boundary("C06", "劳动教育清单", s -> s.put("labourListMade", true), s -> s.put("labourListMade", false)),
                boundary("C15", null, s -> s.put("aestheticTeachersStaffed", true), s -> s.put("aestheticTeachersStaffed", false)),
                boundary("C17", null, s -> s.put("requiredExperimentsShare", 100), s -> s.put("requiredExperimentsShare", 99.99)));
    }

    private static ObjectNode health(ObjectNode school) {
        return (ObjectNode) school.get("health");
    }

    private static Arguments boundary(String code, String key, Consumer<ObjectNode> passing, Consumer<ObjectNode> failing) {
        return Arguments.of(code, key, passing, failing);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boundaries")
    void eachCheckPassesAtItsBoundaryAndFailsJustBeyondIt(String code, String key, Consumer<ObjectNode> passing,
                                                          Consumer<ObjectNode> failing) {
        ObjectNode atBoundary = school();
        passing.accept(atBoundary);
        ObjectNode beyond = school();
        failing.accept(beyond);

        assertThat(verdict(evaluate(atBoundary), code, key)).isEqualTo(Verdict.PASSED);
        EvaluationResult failed = evaluate(beyond);
        assertThat(verdict(failed, code, key)).isEqualTo(Verdict.FAILED);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly(code);
    }

    @Test
    void seniorGradesBringTheSeniorChecks() {
        ObjectNode school = twelveYear();
        assertThat(verdict(evaluate(school), "C03", null)).isEqualTo(Verdict.PASSED);
        assertThat(verdict(evaluate(school), "C04", "10-12年级")).isEqualTo(Verdict.PASSED);

        school.put("seniorAestheticClassHours", 107.5);
        grade(school, 11).put("pePeriods", 2);
        EvaluationResult result = evaluate(school);
        assertThat(verdict(result, "C03", null)).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "C04", "10-12年级").failing()).containsExactly("11");
    }

    @Test
    void vocationalSchoolsAreCheckedForTheirKeyProgrammeGroupsAndStrongProgrammesFrom2025() {
        ObjectNode school = twelveYear();
        assertThat(checks(evaluate(school), "C16")).extracting(CheckResult::verdict).containsOnly(Verdict.NOT_APPLICABLE);
        school.put("type", "VOCATIONAL").put("keyProgrammeGroups", 5).put("strongProgrammes", 4);
        assertThat(checks(evaluate(school), "C16")).extracting(CheckResult::verdict).containsOnly(Verdict.PASSED);
        school.put("keyProgrammeGroups", 4).put("strongProgrammes", 3);
        EvaluationResult short2026 = evaluate(school);
        assertThat(verdict(short2026, "C16", "专业群")).isEqualTo(Verdict.FAILED);
        assertThat(verdict(short2026, "C16", "优势专业")).isEqualTo(Verdict.FAILED);
        school.put("year", 2024);
        assertThat(checks(evaluate(school), "C16")).extracting(CheckResult::verdict)
                .containsOnly(Verdict.NOT_YET_IN_FORCE);
    }

    @Test
    void beijingsLabourListAndRequiredExperimentsBindEveryBeijingSchoolAndDaxingsOwnRowsOnlyDaxing() {
        EvaluationResult beijing = evaluate(school(), "beijing");
        assertThat(beijing.checks()).extracting(CheckResult::code).contains("C06", "C17").doesNotContain("C15", "C16");
        assertThat(verdict(beijing, "C17", null)).isEqualTo(Verdict.PASSED);
        assertThat(verdict(beijing, "C06", "劳动教育清单")).isEqualTo(Verdict.PASSED);
        assertThat(evaluate(school(), "zhejiang").checks()).extracting(CheckResult::code)
                .doesNotContain("C15", "C16", "C17");
    }

    @Test
    void vocationalSchoolsAreCheckedForLabourSpiritHours() {
        ObjectNode school = twelveYear();
        school.put("type", "VOCATIONAL");
        school.put("vocationalLabourClassHours", 16);
        assertThat(verdict(evaluate(school), "C07", null)).isEqualTo(Verdict.PASSED);
        school.put("vocationalLabourClassHours", 15);
        assertThat(verdict(evaluate(school), "C07", null)).isEqualTo(Verdict.FAILED);
        school.remove("vocationalLabourClassHours");
        assertThat(verdict(evaluate(school), "C07", null)).isEqualTo(Verdict.NOT_ASSESSED);
    }

    @Test
    void withoutLastYearsHealthFiguresTheYearOnYearChecksAreNotAssessedNeverPassed() {
        ObjectNode school = school();
        school.remove("healthLastYear");
        EvaluationResult result = evaluate(school);

        assertThat(checks(result, "C13")).hasSize(3).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
            assertThat(c.note()).contains("上年");
        });
        assertThat(result.passed()).isTrue();
        assertThat(result.hints()).isEmpty();
    }

    /** A school of the given type teaching only senior grades 10–12. */
    private static ObjectNode senior(String type) {
        ObjectNode school = twelveYear();
        school.put("type", type);
        ArrayNode grades = school.withArray("grades");
        for (int i = grades.size() - 1; i >= 0; i--) {
            if (grades.get(i).get("grade").asInt() < 10) {
                grades.remove(i);
            }
        }
        return school;
    }

    @Test
    void seniorAestheticHoursAndSeniorPePeriodsBindGeneralSeniorHighSchoolsNotVocationalOnes() {
        EvaluationResult general = evaluate(senior("SENIOR"));
        assertThat(verdict(general, "C03", null)).isEqualTo(Verdict.PASSED);
        assertThat(verdict(general, "C04", "10-12年级")).isEqualTo(Verdict.PASSED);

        ObjectNode short1 = senior("SENIOR");
        short1.put("seniorAestheticClassHours", 107);
        assertThat(verdict(evaluate(short1), "C03", null)).isEqualTo(Verdict.FAILED);

        EvaluationResult vocational = evaluate(senior("VOCATIONAL"));
        assertThat(verdict(vocational, "C03", null)).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(vocational, "C04", "10-12年级")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(evaluate(twelveYear()), "C04", "10-12年级")).isEqualTo(Verdict.PASSED);
    }

    @Test
    void skillsBindCompulsoryGradesOnlyAndThePracticeShareBindsSeniorGradesToo() {
        ObjectNode seniorOnly = senior("SENIOR");
        seniorOnly.put("sportsSkillShare", 50).put("subjectPracticeShare", 9.99);
        EvaluationResult result = evaluate(seniorOnly);
        assertThat(verdict(result, "C12", "运动技能")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(result, "C08", "1-12年级")).isEqualTo(Verdict.FAILED);
        seniorOnly.put("subjectPracticeShare", 10);
        assertThat(verdict(evaluate(seniorOnly), "C08", "1-12年级")).isEqualTo(Verdict.PASSED);
    }

    @Test
    void theNewChecksAreNotAssessedWithoutTheirFiguresAndBindOnlyTheirJurisdictions() {
        ObjectNode school = school();
        school.remove("outsideActivityMinutes");
        school.remove("operaWatchedShare");
        EvaluationResult daxing = evaluate(school);
        assertThat(verdict(daxing, "C05", "校外")).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(verdict(daxing, "C14", "戏曲")).isEqualTo(Verdict.NOT_ASSESSED);

        EvaluationResult hunan = evaluate(school(), "daxiang");
        assertThat(hunan.jurisdictionChain()).containsExactly("national", "hunan", "shaoyang", "daxiang");
        assertThat(hunan.checks()).extracting(CheckResult::code).containsOnly("C05", "C08", "C09", "C10");
        assertThat(checks(hunan, "C05")).extracting(CheckResult::name).containsExactly("校内每天体育活动时间");

        EvaluationResult zhejiang = evaluate(school(), "zhejiang");
        assertThat(checks(zhejiang, "C12")).hasSize(2).allSatisfy(c -> assertThat(c.requirement()).startsWith("义务教育阶段"));
        assertThat(checks(zhejiang, "C06")).extracting(CheckResult::requirement).containsExactly("设立劳动教育必修课程和劳动周");
    }

    @Test
    void aMissingFigureIsNotAssessedAndNamed() {
        ObjectNode school = school();
        school.remove("dailyActivityMinutes");
        grade(school, 4).remove("pePeriods");
        EvaluationResult result = evaluate(school);

        assertThat(verdict(result, "C05", "校内")).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(check(result, "C04", "1-6年级").note()).isEqualTo("缺少数据：体育与健康周课时（4年级）");
        assertThat(check(result, "C04", "1-6年级").verdict()).isEqualTo(Verdict.NOT_ASSESSED);
    }

    @Test
    void anUnknownJurisdictionIsRejected() {
        assertThat(rejectedFields(() -> evaluate(school(), "atlantis"))).containsExactly("jurisdiction");
        assertThat(evaluate(school(), "daxing").passed()).isTrue();
    }

    static Stream<Arguments> badSubjects() {
        return Stream.of(
                Arguments.of((Consumer<ObjectNode>) s -> grade(s, 1).put("grade", 13), "subject.grades[0].grade"),
                Arguments.of((Consumer<ObjectNode>) s -> grade(s, 2).put("grade", 1), "subject.grades[1].grade"),
                Arguments.of((Consumer<ObjectNode>) s -> grade(s, 2).put("pePeriods", -1), "subject.grades[1].pePeriods"),
                Arguments.of((Consumer<ObjectNode>) s -> s.put("homeVisitCoverage", 100.01), "subject.homeVisitCoverage"),
                Arguments.of((Consumer<ObjectNode>) s -> health(s).put("myopiaRate", -3), "subject.health.myopiaRate"),
                Arguments.of((Consumer<ObjectNode>) s -> s.put("aestheticClassHours", 9181), "subject.aestheticClassHours"),
                Arguments.of((Consumer<ObjectNode>) s -> s.remove("totalClassHours"), "subject.totalClassHours"),
                Arguments.of((Consumer<ObjectNode>) s -> s.put("type", "CASTLE"), "subject.type"),
                Arguments.of((Consumer<ObjectNode>) s -> s.put("dailyActivityMinute", 60), "subject.dailyActivityMinute"),
                Arguments.of((Consumer<ObjectNode>) s -> s.remove("schoolId"), "subject.schoolId"),
                Arguments.of((Consumer<ObjectNode>) s -> s.withArray("grades").removeAll(), "subject.grades"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSubjects")
    void badInputIsRejectedNamingTheField(Consumer<ObjectNode> spoil, String field) {
        ObjectNode school = school();
        spoil.accept(school);
        assertThat(rejectedFields(() -> evaluate(school))).containsExactly(field);
    }
}
