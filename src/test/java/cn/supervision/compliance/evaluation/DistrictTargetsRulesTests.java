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
                .containsExactly("D01", "D02", "D03", "D05", "D05", "D06", "D06", "D07", "D09", "D09", "D12", "D12",
                        "D12", "D13", "D13", "D13", "D13", "D13", "D13", "D14", "D14", "D15", "D16", "D16", "D04", "D17",
                        "D18", "D22", "D22", "D22", "D22", "D23", "D24", "D27");
        assertThat(check(result, "D04", null).threshold()).isEqualByComparingTo("100");
        assertThat(verdict(result, "D27", null)).isEqualTo(Verdict.PASSED);
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
        assertThat(hunan.checks()).extracting(CheckResult::code)
                .containsOnly("D06", "D07", "D11", "D26", "D27", "D28", "D29", "D30", "D31");

        assertThat(evaluate(district(), "national").checks()).extracting(CheckResult::code)
                .containsExactly("D06", "D06", "D07", "D27");
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
        assertThat(verdict(zhejiang, "D11", "同步招生")).isEqualTo(Verdict.FAILED);
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
                .extracting(CheckResult::code).containsExactly("D01", "D02", "D03", "D16", "D16", "D04", "D17", "D24");

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
                boundary("D04", null, d -> d.put("smartCampusRate", 100), d -> d.put("smartCampusRate", 99.99)),
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
                boundary("D09", "歌舞团", d -> d.put("troupeSchoolPerformances", 5), d -> d.put("troupeSchoolPerformances", 4)),
                // issue 23: seed 000 (daxing)
                yesNo("D12", "联席会议", "aestheticJointConference", true),
                rate("D12", "领导小组", "aestheticLeadingGroupShare"),
                rate("D12", "轮训", "aestheticLeaderTrainingShare"),
                yesNo("D13", "艺术节", "artFestivalsHeld", true),
                rate("D13", "总结表彰", "schoolAestheticSummaryShare"),
                yesNo("D13", "年度报告", "aestheticAnnualReport", true),
                yesNo("D13", "测评标准", "artAssessmentApplied", true),
                yesNo("D13", "综合素质评价", "artAssessmentInProfiles", true),
                boundary("D13", "合格率", d -> d.put("artAssessmentPassRate", 95.8), d -> d.put("artAssessmentPassRate", 95.79)),
                yesNo("D14", "考级", "pupilsInGradingOrCommercialActivities", false),
                yesNo("D14", "批准", "aestheticActivitiesApproved", true),
                yesNo("D15", null, "unapprovedTextbooksUsed", false),
                // seed 001 (daxing)
                boundary("D16", "名校长", d -> d.put("famousPrincipals", 50), d -> d.put("famousPrincipals", 49)),
                boundary("D16", "名教师", d -> d.put("famousTeachers", 100), d -> d.put("famousTeachers", 99)),
                boundary("D17", null, d -> d.put("qualitySchoolsIntroduced", 10), d -> d.put("qualitySchoolsIntroduced", 9)),
                yesNo("D18", null, "dailyLabourTimeSet", true),
                // seed 003 (beijing)
                boundary("D22", "大班额", d -> d.put("oversizedKindergartenClasses", 0), d -> d.put("oversizedKindergartenClasses", 1)),
                rate("D22", "配套园", "newEstateKindergartensPublicShare"),
                rate("D22", "减免保教费", "poorChildrenFeeReliefShare"),
                boundary("D22", "小学课程", d -> d.put("kindergartensTeachingPrimaryCurriculum", 0),
                        d -> d.put("kindergartensTeachingPrimaryCurriculum", 1)),
                yesNo("D23", null, "specialEducationTeachersStaffed", true),
                yesNo("D24", null, "implementationPlanFiled", true),
                // seed 004 (a national ban it restates)
                yesNo("D27", null, "admissionSelectionExamsHeld", false));
    }

    private static Arguments yesNo(String code, String key, String field, boolean compliant) {
        return boundary(code, key, d -> d.put(field, compliant), d -> d.put(field, !compliant));
    }

    private static Arguments rate(String code, String key, String field) {
        return boundary(code, key, d -> d.put(field, 100), d -> d.put(field, 99.99));
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
        assertThat(result.checks()).extracting(CheckResult::code).containsExactly("D08", "D19");
        assertThat(verdict(result, "D19", null)).isEqualTo(Verdict.PASSED);
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

    /** The district put right, with the figures of Zhejiang's own rows (seed 002) compliant too. */
    private static ObjectNode zhejiangDistrict() {
        return district().put("bonusParity", true).put("privateSchoolsEnrolWithPublic", true)
                .put("oversubscribedAdmissionsByLottery", true).put("enrolmentTargetsHandedDown", false)
                .put("schoolsJudgedByEnrolmentRate", false).put("ruralSchoolsInCommunitiesShare", 100)
                .put("countyManagedTeacherHiring", true).put("publicTeachersInPrivateSchools", 0);
    }

    /** The district put right, with the figures of Daxiang's own rows (seed 004) compliant too. */
    private static ObjectNode daxiangDistrict() {
        return district().put("privateSchoolsEnrolWithPublic", true).put("inclusiveEducationFundingPerPupil", 6000)
                .put("homeTeachingFundingPerPupil", 6000).put("disabledChildrenAidedShare", 100)
                .put("peArtTeacherPlanAdopted", true).put("schoolSafetyFourFullMet", true)
                .put("lastStaffingAdjustmentYear", 2025).put("quotaSplitByEligiblePupils", true);
    }

    static Stream<Arguments> ownRowsOfZhejiangAndDaxiang() {
        return Stream.of(
                Arguments.of("zhejiang", yesNo("D11", "电脑随机派位", "oversubscribedAdmissionsByLottery", true)),
                Arguments.of("zhejiang", yesNo("D15", null, "unapprovedTextbooksUsed", false)),
                Arguments.of("zhejiang", yesNo("D19", "升学指标", "enrolmentTargetsHandedDown", false)),
                Arguments.of("zhejiang", yesNo("D19", "升学率", "schoolsJudgedByEnrolmentRate", false)),
                Arguments.of("zhejiang", rate("D20", null, "ruralSchoolsInCommunitiesShare")),
                Arguments.of("zhejiang", yesNo("D21", "县管校聘", "countyManagedTeacherHiring", true)),
                Arguments.of("zhejiang", boundary("D21", "公办在编教师", d -> d.put("publicTeachersInPrivateSchools", 0),
                        d -> d.put("publicTeachersInPrivateSchools", 1))),
                Arguments.of("daxiang", yesNo("D11", null, "privateSchoolsEnrolWithPublic", true)),
                Arguments.of("daxiang", boundary("D26", "随班就读", d -> d.put("inclusiveEducationFundingPerPupil", 6000),
                        d -> d.put("inclusiveEducationFundingPerPupil", 5999.99))),
                Arguments.of("daxiang", boundary("D26", "送教上门", d -> d.put("homeTeachingFundingPerPupil", 6000),
                        d -> d.put("homeTeachingFundingPerPupil", 5999.99))),
                Arguments.of("daxiang", rate("D26", "资助", "disabledChildrenAidedShare")),
                Arguments.of("daxiang", yesNo("D28", null, "peArtTeacherPlanAdopted", true)),
                Arguments.of("daxiang", yesNo("D29", null, "schoolSafetyFourFullMet", true)),
                Arguments.of("daxiang", boundary("D30", null, d -> d.put("lastStaffingAdjustmentYear", 2025),
                        d -> d.put("lastStaffingAdjustmentYear", 2024))),
                Arguments.of("daxiang", yesNo("D31", null, "quotaSplitByEligiblePupils", true)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ownRowsOfZhejiangAndDaxiang")
    @SuppressWarnings("unchecked")
    void theOwnRowsOfZhejiangAndDaxiangPassAtTheirBoundaryAndFailJustBeyondIt(String jurisdiction, Arguments row) {
        String code = (String) row.get()[0];
        String key = (String) row.get()[1];
        ObjectNode atBoundary = jurisdiction.equals("zhejiang") ? zhejiangDistrict() : daxiangDistrict();
        ((Consumer<ObjectNode>) row.get()[2]).accept(atBoundary);
        ObjectNode beyond = jurisdiction.equals("zhejiang") ? zhejiangDistrict() : daxiangDistrict();
        ((Consumer<ObjectNode>) row.get()[3]).accept(beyond);

        EvaluationResult passed = evaluate(atBoundary, jurisdiction);
        assertThat(verdict(passed, code, key)).isEqualTo(Verdict.PASSED);
        assertThat(passed.checks()).extracting(CheckResult::verdict).containsOnly(Verdict.PASSED);
        EvaluationResult failed = evaluate(beyond, jurisdiction);
        assertThat(verdict(failed, code, key)).isEqualTo(Verdict.FAILED);
        assertThat(failed.hints()).extracting(EvaluationResult.Hint::indicator).containsExactly(code);
    }

    @Test
    void daxingsFullSmartCampusCoverageReplacesBeijingsEightyFivePercentOnlyInDaxing() {
        ObjectNode district = district().put("smartCampusRate", 85);
        assertThat(verdict(evaluate(district, "beijing"), "D04", null)).isEqualTo(Verdict.PASSED);
        CheckResult daxing = check(evaluate(district, "daxing"), "D04", null);
        assertThat(daxing.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(daxing.requirement()).contains("全覆盖");
    }

    @Test
    void theStaffingQuotaIsReSetEveryTwoYearsCountedFromTheEvaluationYear() {
        ObjectNode district = daxiangDistrict().put("lastStaffingAdjustmentYear", 2024);
        CheckResult threeYears = check(evaluate(district, "daxiang"), "D30", null);
        assertThat(threeYears.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(threeYears.value()).isEqualByComparingTo("3");
        district.withArray("spending").remove(district.withArray("spending").size() - 1);
        district.put("year", 2026);
        assertThat(verdict(evaluate(district, "daxiang"), "D30", null)).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aProvinceIsJudgedOnEnrolmentTargetsAndBeijingOnItsSmartCampusModelSchools() {
        ObjectNode zhejiang = sampleSubject("province-zhejiang.json").put("enrolmentTargetsHandedDown", true);
        assertThat(verdict(evaluate(zhejiang, "zhejiang"), "D19", null)).isEqualTo(Verdict.FAILED);

        ObjectNode beijing = province(1, 1).put("year", 2027).put("smartCampusModelSchools", 100);
        EvaluationResult atHundred = evaluate(beijing, "beijing");
        assertThat(atHundred.checks()).extracting(CheckResult::code).containsExactly("D25");
        assertThat(verdict(atHundred, "D25", null)).isEqualTo(Verdict.PASSED);
        assertThat(verdict(evaluate(beijing.put("smartCampusModelSchools", 99), "beijing"), "D25", null))
                .isEqualTo(Verdict.FAILED);
        assertThat(verdict(evaluate(beijing.put("year", 2026), "beijing"), "D25", null))
                .isEqualTo(Verdict.NOT_YET_IN_FORCE);
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
                Arguments.of((Consumer<ObjectNode>) d -> d.remove("districtCode"), "subject.districtCode"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("lastStaffingAdjustmentYear", 2027),
                        "subject.lastStaffingAdjustmentYear"),
                Arguments.of((Consumer<ObjectNode>) d -> d.put("poorChildrenFeeReliefShare", 100.5),
                        "subject.poorChildrenFeeReliefShare"));
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
