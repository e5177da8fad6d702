package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.check;
import static cn.supervision.compliance.evaluation.TargetChecks.checks;
import static cn.supervision.compliance.evaluation.TargetChecks.rejectedFields;
import static cn.supervision.compliance.evaluation.TargetChecks.sampleSubject;
import static cn.supervision.compliance.evaluation.TargetChecks.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.targets.DistrictTargetsAssessment;

/** The district-targets rule set (D01–D09) built from the shipped workbook, on the shipped samples and variants. */
class DistrictTargetsRulesTests {

    static EvaluationResult evaluate(CompiledRuleSet rules, ObjectNode subject, String jurisdiction) {
        return new DistrictTargetsAssessment(TargetChecks.READER).evaluate(rules, jurisdiction, subject);
    }

    private static EvaluationResult evaluate(ObjectNode subject, String jurisdiction) {
        return evaluate(ShippedRuleSets.districtTargets(), subject, jurisdiction);
    }

    private static EvaluationResult evaluate(ObjectNode subject) {
        return evaluate(subject, "daxing");
    }

    /** The sample district in 2027, when every row is in force, with its failures put right. */
    static ObjectNode district() {
        ObjectNode district = sampleSubject("district-daxing.json");
        district.put("year", 2027);
        district.put("publicKindergartenShare", 60);
        district.withArray("specialEducationSchools").addObject().put("name", "大兴区特殊教育学校")
                .putArray("stages").add("PRESCHOOL").add("PRIMARY").add("JUNIOR").add("SENIOR");
        district.put("kindergartenFundingPerChild", 12800);
        spendingYear(district, 2024).put("perStudent", 32050);
        district.withArray("spending").addObject().put("year", 2027).put("generalBudget", 6010000000L)
                .put("perStudent", 33400);
        association(district, "戏剧家协会").put("activities", 2);
        return district;
    }

    private static ObjectNode spendingYear(ObjectNode district, int year) {
        for (var node : district.withArray("spending")) {
            if (node.get("year").asInt() == year) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no year " + year);
    }

    private static ObjectNode association(ObjectNode district, String name) {
        for (var node : district.withArray("associationActivities")) {
            if (node.get("association").asText().equals(name)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no association " + name);
    }

    private static ObjectNode province(int recognised, int counties) {
        ObjectNode province = sampleSubject("province-zhejiang.json");
        ArrayNode list = province.putArray("counties");
        for (int i = 0; i < counties; i++) {
            list.addObject().put("countyCode", "33" + (1000 + i)).put("recognised", i < recognised);
        }
        return province;
    }

    @Test
    void theSampleDaxingDistrict() {
        EvaluationResult result = evaluate(sampleSubject("district-daxing.json"));

        assertThat(result.passed()).isFalse();
        assertThat(result.subject()).isInstanceOf(EvaluationResult.Subject.District.class).extracting(EvaluationResult.Subject::code).isEqualTo("110115");
        assertThat(result.checks()).extracting(CheckResult::code)
                .containsExactly("D01", "D02", "D03", "D04", "D05", "D05", "D06", "D06", "D07", "D09", "D09");
        assertThat(verdict(result, "D01", null)).isEqualTo(Verdict.PASSED);
        assertThat(check(result, "D02", null).verdict()).isEqualTo(Verdict.NOT_YET_IN_FORCE);
        assertThat(check(result, "D02", null).note()).contains("2027");
        assertThat(verdict(result, "D03", null)).isEqualTo(Verdict.NOT_YET_IN_FORCE);
        assertThat(verdict(result, "D05", "不低于市级基准")).isEqualTo(Verdict.PASSED);
        CheckResult notLowered = check(result, "D05", "不降低");
        assertThat(notLowered.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(notLowered.value()).isEqualByComparingTo("12500");
        assertThat(notLowered.threshold()).isEqualByComparingTo("12800");
        assertThat(verdict(result, "D06", "一般公共预算教育支出逐年只增不减")).isEqualTo(Verdict.PASSED);
        assertThat(check(result, "D06", "生均").failing()).containsExactly("2024");
        assertThat(check(result, "D09", "协会").failing()).containsExactly("戏剧家协会");
        assertThat(verdict(result, "D09", "歌舞团")).isEqualTo(Verdict.PASSED);

        EvaluationResult.Hint d09 = result.hints().stream().filter(h -> h.indicator().equals("D09")).findFirst()
                .orElseThrow();
        assertThat(d09.leadUnit()).isEqualTo("区文化和旅游局");
        assertThat(d09.supportingUnits()).containsExactly("区委宣传部", "区教委", "区财政局", "区退役军人局");
        assertThat(d09.source()).contains("任务分工第26项");
        assertThat(result.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly("D05", "D06", "D09");
    }

    @Test
    void aRowBindsItsJurisdictionAndTheNodesBelowItNeverASibling() {
        EvaluationResult daxing = evaluate(district(), "daxing");
        assertThat(daxing.jurisdictionChain()).containsExactly("national", "beijing", "daxing");
        assertThat(checks(daxing, "D09")).hasSize(2);
        assertThat(daxing.checks()).extracting(CheckResult::code).contains("D01", "D05", "D06", "D07")
                .doesNotContain("D10", "D11");

        EvaluationResult otherBeijingDistrict = evaluate(district(), "beijing");
        assertThat(otherBeijingDistrict.checks()).extracting(CheckResult::code).contains("D01", "D05", "D06", "D07")
                .doesNotContain("D09", "D10", "D11");

        EvaluationResult hunan = evaluate(district(), "daxiang");
        assertThat(hunan.jurisdictionChain()).containsExactly("national", "hunan", "shaoyang", "daxiang");
        assertThat(hunan.checks()).extracting(CheckResult::code).containsOnly("D06", "D07");

        assertThat(evaluate(district(), "national").checks()).extracting(CheckResult::code)
                .containsExactly("D06", "D06", "D07");
        assertThat(rejectedFields(() -> evaluate(district(), "atlantis"))).containsExactly("jurisdiction");
        assertThatThrownBy(() -> evaluate(district(), "atlantis")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).problems().get(0).message())
                        .contains("已有：[national, beijing, daxing, zhejiang, hunan, shaoyang, daxiang]"));
    }

    @Test
    void theMostSpecificRowOfAFigureWinsAndZhejiangsOwnRowsBindOnlyZhejiang() {
        ObjectNode district = district();
        district.put("bonusParity", true).put("privateSchoolsEnrolWithPublic", false);
        EvaluationResult zhejiang = evaluate(district, "zhejiang");
        assertThat(checks(zhejiang, "D07")).singleElement()
                .satisfies(d07 -> assertThat(d07.rule().row()).isEqualTo(19));
        assertThat(verdict(zhejiang, "D10", null)).isEqualTo(Verdict.PASSED);
        assertThat(verdict(zhejiang, "D11", null)).isEqualTo(Verdict.FAILED);
        assertThat(zhejiang.hints()).extracting(EvaluationResult.Hint::indicator).contains("D11");

        district.remove("bonusParity");
        assertThat(verdict(evaluate(district, "zhejiang"), "D10", null)).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(evaluate(district, "daxing").checks()).extracting(CheckResult::code).doesNotContain("D10", "D11");
    }

    @Test
    void aHunanProvinceIsNotJudgedByZhejiangsShareOfRecognisedCounties() {
        ObjectNode province = TargetChecks.sampleSubject("province-zhejiang.json");
        assertThat(checks(evaluate(province, "zhejiang"), "D08")).hasSize(1);
        assertThat(checks(evaluate(province, "hunan"), "D08")).isEmpty();
    }

    @Test
    void associationActivitiesAreAssessedOnlyWhenAllTwelveAreReported() {
        ObjectNode district = district();
        ArrayNode associations = district.withArray("associationActivities");
        while (associations.size() > 11) {
            associations.remove(associations.size() - 1);
        }
        for (var association : associations) {
            ((ObjectNode) association).put("activities", 2);
        }
        CheckResult eleven = check(evaluate(district), "D09", "协会");
        assertThat(eleven.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(eleven.note()).contains("需要报送12项，只有11项");

        associations.addObject().put("association", "第十二协会").put("activities", 2);
        assertThat(verdict(evaluate(district), "D09", "协会")).isEqualTo(Verdict.PASSED);
        ((ObjectNode) associations.get(11)).put("activities", 1);
        assertThat(verdict(evaluate(district), "D09", "协会")).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aTargetIsNotYetInForceBeforeItsYearAndAppliedFromIt() {
        ObjectNode district = district();
        district.put("inclusiveKindergartenCoverage", 80);
        district.put("year", 2024);
        district.withArray("spending").remove(5);
        district.withArray("spending").remove(4);
        district.withArray("spending").remove(3);
        CheckResult before = check(evaluate(district), "D01", null);
        assertThat(before.verdict()).isEqualTo(Verdict.NOT_YET_IN_FORCE);
        assertThat(before.note()).isEqualTo("2025年起施行");
        assertThat(evaluate(district).checks()).filteredOn(c -> c.verdict() == Verdict.NOT_YET_IN_FORCE)
                .extracting(CheckResult::code).containsExactly("D01", "D02", "D03", "D04");

        district.put("year", 2025);
        assertThat(verdict(evaluate(district), "D01", null)).isEqualTo(Verdict.FAILED);
    }

    @Test
    void everyRowPassesForTheDistrictPutRight() {
        EvaluationResult result = evaluate(district());
        assertThat(result.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.PASSED);
        assertThat(result.passed()).isTrue();
        assertThat(result.hints()).isEmpty();
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                boundary("D01", null, d -> d.put("inclusiveKindergartenCoverage", 90), d -> d.put("inclusiveKindergartenCoverage", 89.99)),
                boundary("D02", null, d -> d.put("publicKindergartenShare", 60), d -> d.put("publicKindergartenShare", 59.99)),
                boundary("D03", null, d -> { }, d -> d.withArray("specialEducationSchools").remove(1)),
                boundary("D04", null, d -> d.put("smartCampusRate", 85), d -> d.put("smartCampusRate", 84.99)),
                boundary("D05", "市级基准", d -> d.put("kindergartenFundingPerChild", 12000)
                                .put("kindergartenFundingPerChildLastYear", 11000),
                        d -> d.put("kindergartenFundingPerChild", 11999.99).put("kindergartenFundingPerChildLastYear", 11000)),
                boundary("D05", "不降低", d -> d.put("kindergartenFundingPerChild", 12800),
                        d -> d.put("kindergartenFundingPerChild", 12799.99)),
                boundary("D06", "一般公共预算教育支出逐年只增不减", d -> spendingYear(d, 2025).put("generalBudget", 5630000000L),
                        d -> spendingYear(d, 2025).put("generalBudget", 5629999999.99)),
                boundary("D06", "生均", d -> spendingYear(d, 2026).put("perStudent", 32600),
                        d -> spendingYear(d, 2026).put("perStudent", 32599.99)),
                boundary("D07", null, d -> d.put("teacherAveragePay", 165000), d -> d.put("teacherAveragePay", 164999.99)),
                boundary("D09", "协会", d -> association(d, "作家协会").put("activities", 2),
                        d -> association(d, "作家协会").put("activities", 1)),
                boundary("D09", "歌舞团", d -> d.put("troupeSchoolPerformances", 5), d -> d.put("troupeSchoolPerformances", 4)));
    }

    private static Arguments boundary(String code, String key, Consumer<ObjectNode> passing, Consumer<ObjectNode> failing) {
        return Arguments.of(code, key, passing, failing);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boundaries")
    void eachTargetPassesAtItsBoundaryAndFailsJustBeyondIt(String code, String key, Consumer<ObjectNode> passing,
                                                           Consumer<ObjectNode> failing) {
        ObjectNode atBoundary = district();
        passing.accept(atBoundary);
        ObjectNode beyond = district();
        failing.accept(beyond);

        assertThat(verdict(evaluate(atBoundary), code, key)).isEqualTo(Verdict.PASSED);
        EvaluationResult failed = evaluate(beyond);
        assertThat(verdict(failed, code, key)).isEqualTo(Verdict.FAILED);
        assertThat(failed.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly(code);
    }

    @Test
    void fundingYearOnYearNeedsLastYearAndBindsOnlyAboveTheBaseline() {
        ObjectNode withoutLastYear = district();
        withoutLastYear.remove("kindergartenFundingPerChildLastYear");
        CheckResult notAssessed = check(evaluate(withoutLastYear), "D05", "不降低");
        assertThat(notAssessed.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(notAssessed.note()).contains("上年");

        ObjectNode belowBaselineLastYear = district();
        belowBaselineLastYear.put("kindergartenFundingPerChildLastYear", 12000).put("kindergartenFundingPerChild", 11900);
        EvaluationResult result = evaluate(belowBaselineLastYear);
        assertThat(verdict(result, "D05", "不降低")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(verdict(result, "D05", "市级基准")).isEqualTo(Verdict.FAILED);
        // what fails is named as a person reads it, never by its request field (issue 21)
        assertThat(check(result, "D05", "市级基准").failing()).containsExactly("生均公用经费");
        assertThat(check(result, "D05", "市级基准").reason()).contains("生均公用经费")
                .doesNotContain("kindergartenFundingPerChild");
    }

    @Test
    void spendingNeedsFiveYearsAndOnlyTheLatestFiveCount() {
        ObjectNode fourYears = district();
        fourYears.withArray("spending").remove(0);
        fourYears.withArray("spending").remove(0);
        assertThat(checks(evaluate(fourYears), "D06")).extracting(CheckResult::verdict)
                .containsOnly(Verdict.NOT_ASSESSED);

        ObjectNode oldFall = district();
        ArrayNode spending = oldFall.withArray("spending");
        spending.insertObject(0).put("year", 2021).put("generalBudget", 9000000000L).put("perStudent", 90000);
        assertThat(checks(evaluate(oldFall), "D06")).extracting(CheckResult::verdict).containsOnly(Verdict.PASSED);
    }

    @Test
    void aDistrictWithoutSpendingOrActivityFiguresIsNotAssessedOnThem() {
        ObjectNode district = district();
        district.remove("spending");
        district.remove("associationActivities");
        EvaluationResult result = evaluate(district);
        assertThat(checks(result, "D06")).extracting(CheckResult::verdict).containsOnly(Verdict.NOT_ASSESSED);
        assertThat(check(result, "D09", "协会").verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(check(result, "D09", "协会").note()).isEqualTo("缺少数据：需要报送12项，只有1项、文艺家协会进校园活动");
    }

    @Test
    void payWithoutTheCivilServantsBenchmarkIsNotAssessed() {
        ObjectNode district = district();
        district.remove("civilServantAveragePay");
        assertThat(verdict(evaluate(district), "D07", null)).isEqualTo(Verdict.NOT_ASSESSED);
    }

    @Test
    void theSampleProvinceReachesThirtyPercentOfCountiesRecognised() {
        EvaluationResult result = evaluate(sampleSubject("province-zhejiang.json"), "zhejiang");
        assertThat(result.subject()).isInstanceOf(EvaluationResult.Subject.Province.class).extracting(EvaluationResult.Subject::code).isEqualTo("330000");
        assertThat(result.checks()).extracting(CheckResult::code).containsExactly("D08");
        CheckResult share = check(result, "D08", null);
        assertThat(share.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(share.value()).isEqualByComparingTo("40");
        assertThat(share.threshold()).isEqualByComparingTo("30");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void theProvinceShareAtItsBoundaryAndBeforeItsYear() {
        assertThat(verdict(evaluate(province(3, 10), "zhejiang"), "D08", null)).isEqualTo(Verdict.PASSED);
        EvaluationResult below = evaluate(province(2, 10), "zhejiang");
        assertThat(verdict(below, "D08", null)).isEqualTo(Verdict.FAILED);
        assertThat(check(below, "D08", null).failing()).hasSize(8);
        ObjectNode earlier = province(2, 10);
        earlier.put("year", 2021);
        assertThat(verdict(evaluate(earlier, "zhejiang"), "D08", null)).isEqualTo(Verdict.NOT_YET_IN_FORCE);
    }

    static Stream<Arguments> badDistricts() {
        return Stream.of(
                Arguments.of((Consumer<ObjectNode>) d -> spendingYear(d, 2026).put("year", 2025), "subject.spending[4].year"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("year", 2025), "subject.spending[4].year"),
                Arguments.of((Consumer<ObjectNode>) d -> d.withArray("spending").remove(1), "subject.spending[1].year"),
                Arguments.of((Consumer<ObjectNode>) d -> spendingYear(d, 2023).remove("perStudent"), "subject.spending[1].perStudent"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("smartCampusRate", 101), "subject.smartCampusRate"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("teacherAveragePay", -1), "subject.teacherAveragePay"),
                Arguments.of((Consumer<ObjectNode>) d -> ((ObjectNode) d.withArray("specialEducationSchools").get(0))
                        .putArray("stages").add("UNIVERSITY"), "subject.specialEducationSchools[0].stages[0]"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("smartCampus", 90), "subject.smartCampus"),
                Arguments.of((Consumer<ObjectNode>) d -> d.remove("districtCode"), "subject.districtCode"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDistricts")
    void badDistrictInputIsRejectedNamingTheField(Consumer<ObjectNode> spoil, String field) {
        ObjectNode district = sampleSubject("district-daxing.json");
        spoil.accept(district);
        assertThat(rejectedFields(() -> evaluate(district))).containsExactly(field);
    }

    @Test
    void badProvinceInputIsRejectedNamingTheField() {
        ObjectNode twice = province(1, 3);
        ((ObjectNode) twice.withArray("counties").get(2)).put("countyCode", "331000");
        assertThat(rejectedFields(() -> evaluate(twice, "zhejiang"))).containsExactly("subject.counties[2].countyCode");
        ObjectNode undecided = province(1, 3);
        ((ObjectNode) undecided.withArray("counties").get(1)).remove("recognised");
        assertThat(rejectedFields(() -> evaluate(undecided, "zhejiang"))).containsExactly("subject.counties[1].recognised");
        ObjectNode none = province(0, 0);
        assertThat(rejectedFields(() -> evaluate(none, "zhejiang"))).containsExactly("subject.counties");
    }
}
