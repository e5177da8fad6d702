package cn.supervision.compliance.evaluation;

import cn.supervision.compliance.balanced.CountyBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/** The full 36-indicator assessment of the shipped sample county and its variants, on the shipped rule set. */
class CountyAssessmentTests {

    static final Path SAMPLE = Path.of("samples/county-assessment-430503.json");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Sub-item maxima of the class-B indicators (seed 004), to build the team's scores for a given total. */
    private static final Map<String, int[]> MAXIMA = new LinkedHashMap<>();

    static {
        MAXIMA.put("G08", new int[] {3, 2, 3, 2});
        MAXIMA.put("G09", new int[] {1, 2, 2});
        MAXIMA.put("G23", new int[] {2, 1, 2});
        MAXIMA.put("Q27", new int[] {1, 3, 1, 2, 2, 1});
        MAXIMA.put("Q29", new int[] {3, 2, 5});
        MAXIMA.put("Q30", new int[] {1, 2, 1, 1, 1, 1, 2, 1});
        MAXIMA.put("Q32", new int[] {3, 6, 5, 3, 3});
        MAXIMA.put("Q33", new int[] {3, 2, 3, 2});
        MAXIMA.put("Q34", new int[] {4, 6});
        MAXIMA.put("Q35", new int[] {2, 2, 4, 2});
    }

    static EvaluationResult evaluate(Consumer<ObjectNode> change) throws IOException {
        return evaluate("national", change);
    }

    static EvaluationResult evaluate(String jurisdiction, Consumer<ObjectNode> change) throws IOException {
        ObjectNode subject = (ObjectNode) MAPPER.readTree(Files.readString(SAMPLE)).get("subject");
        change.accept(subject);
        return CountyRulesTests.evaluate(ShippedRuleSets.balancedDevelopment(),
                jurisdiction, MAPPER.treeToValue(subject, CountySubject.class));
    }

    static ObjectNode assessment(ObjectNode subject) {
        return (ObjectNode) subject.get("assessment");
    }

    static CheckResult check(EvaluationResult result, String code) {
        return result.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theSampleCountyIsRecognisedWithGradeGood() throws IOException {
        EvaluationResult result = evaluate(s -> { });

        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("RECOGNISED");
        assertThat(CountyResults.county(result).decision().label()).isEqualTo("认定");
        assertThat(CountyResults.county(result).decision().reasons()).isEmpty();
        assertThat(CountyResults.county(result).grade()).isEqualTo("良好");
        assertThat(CountyResults.county(result).assessment().totalScore()).isEqualByComparingTo("88");
        assertThat(CountyResults.county(result).assessment().maxScore()).isEqualByComparingTo("100");
        assertThat(result.passed()).isTrue();
        assertThat(result.checks()).hasSize(37).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASSED));
        assertThat(result.checks()).filteredOn(c -> "A".equals(c.category())).hasSize(26);
        assertThat(result.checks()).filteredOn(c -> "B".equals(c.category())).hasSize(10)
                .allSatisfy(c -> assertThat(c.threshold()).isNotNull());
        assertThat(check(result, "G08").note()).contains("数据核验").endsWith("，达标");
        assertThat(result.summary().headline()).contains("认定").contains("良好");
        assertThat(check(result, "G10").rule().sheet()).isNull();
        assertThat(CountyResults.county(result).assessment().details()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.rule().sheet()).isEqualTo("A类指标标准"));
    }

    @Test
    void daxiangRequiresEverySchoolToMeetAllSevenResourceIndicators() throws IOException {
        // 城南小学 (S3) meets 6 of 7: R6 is 1916.67 yuan per student, 95.8 % of 2000
        EvaluationResult national = evaluate("national", s -> { });
        EvaluationResult daxiang = evaluate("daxiang", s -> { });

        assertThat(CountyRulesTests.sectionOf(national, "S3").metCount()).isEqualTo(6);
        assertThat(CountyRulesTests.sectionOf(national, "S3").passed()).isTrue();
        assertThat(CountyResults.county(national).decision().outcome()).isEqualTo("RECOGNISED");

        assertThat(daxiang.jurisdiction()).isEqualTo("daxiang");
        assertThat(CountyRulesTests.sectionOf(daxiang, "S3").passed()).isFalse();
        // each section cites the 参数 row that set its jurisdiction's school rule, not the DRL that applied it
        assertThat(CountyRulesTests.sectionOf(daxiang, "S3").rule().sheet()).isEqualTo("参数");
        assertThat(CountyRulesTests.sectionOf(national, "S3").rule().sheet()).isEqualTo("参数");
        assertThat(CountyRulesTests.sectionOf(daxiang, "S3").rule().row())
                .isNotEqualTo(CountyRulesTests.sectionOf(national, "S3").rule().row());
        assertThat(check(daxiang, "R6").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(daxiang, "R6").failing()).contains("城南小学（S3，小学）");
        assertThat(CountyResults.county(daxiang).decision().outcome()).isEqualTo("NOT_RECOGNISED");
    }

    @Test
    void oneFailedClassAIndicatorPreventsRecognitionAndNamesItsSchools() throws IOException {
        EvaluationResult result = evaluate(s -> {
            assessment(s).put("rotatedTeachers", 40);   // 40 / 420 = 9.5 % < 10 %
            ((ObjectNode) s.get("schools").get(3).get("sections").get(0)).put("maxClassSize", 46);   // S4 primary > 45
        });

        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("NOT_RECOGNISED");
        assertThat(check(result, "G19").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "G13").failing()).containsExactly("檀江乡中心小学（S4，小学）：小学班级学生数");
        assertThat(CountyResults.county(result).decision().reasons()).anySatisfy(r -> assertThat(r).startsWith("A类指标未达标：G13"));
        assertThat(result.hints()).anySatisfy(h -> {
            assertThat(h.indicator()).isEqualTo("G13");
            assertThat(h.subject()).isEqualTo("S4");
            assertThat(h.office()).isEqualTo("教育工作股");
        });
        assertThat(CountyResults.county(result).grade()).isEqualTo("良好");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void oneClassBIndicatorUnderEightyPercentPreventsRecognition() throws IOException {
        EvaluationResult result = evaluate(s -> scores(s).set("G23", ints(1, 1, 1)));   // 3 of 5 = 60 %

        CheckResult g23 = check(result, "G23");
        assertThat(g23.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(g23.score()).isEqualByComparingTo("3");
        assertThat(g23.threshold()).isEqualByComparingTo("4");
        assertThat(CountyResults.county(result).grade()).isEqualTo("不合格");
        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("NOT_RECOGNISED");
        assertThat(CountyResults.county(result).decision().reasons()).anySatisfy(r -> assertThat(r).contains("G23"));
    }

    @Test
    void aTotalUnderEightyIsGradedFailing() throws IOException {
        EvaluationResult result = evaluate(s -> setScoresForTotal(s, new BigDecimal("78")));
        assertThat(CountyResults.county(result).assessment().totalScore()).isEqualByComparingTo("78");
        assertThat(CountyResults.county(result).grade()).isEqualTo("不合格");
        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("NOT_RECOGNISED");
        assertThat(CountyResults.county(result).decision().reasons()).anySatisfy(r -> assertThat(r).contains("等级为不合格"));
    }

    @ParameterizedTest
    @CsvSource({"79.5, 不合格", "80, 合格", "85.5, 合格", "86, 良好", "90.5, 良好", "91, 优秀", "100, 优秀"})
    void gradeBoundaries(BigDecimal total, String grade) throws IOException {
        EvaluationResult result = evaluate(s -> setScoresForTotal(s, total));
        assertThat(CountyResults.county(result).assessment().totalScore()).isEqualByComparingTo(total);
        assertThat(CountyResults.county(result).grade()).isEqualTo(grade);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXAM_ADMISSION", "ILLEGAL_SCHOOL_CHOICE", "KEY_SCHOOLS_OR_CLASSES", "FRAUD",
            "MAJOR_SAFETY_ACCIDENT"})
    void eachRaisedVetoItemPreventsRecognition(String code) throws IOException {
        EvaluationResult result = evaluate(s -> ((ObjectNode) assessment(s).get("veto")).put(code, true));

        assertThat(CountyResults.county(result).assessment().vetoes()).singleElement()
                .satisfies(v -> {
                    assertThat(v.code()).isEqualTo(code);
                    assertThat(v.rule().sheet()).isEqualTo("一票否决");
                });
        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("NOT_RECOGNISED");
        assertThat(CountyResults.county(result).decision().reasons().get(0)).startsWith("一票否决：");
    }

    @Test
    void socialRecognitionBelowEightyFivePercentIsAVeto() throws IOException {
        EvaluationResult result = evaluate(s -> assessment(s).put("socialRecognitionPct", 84.9));

        assertThat(check(result, "S36").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(CountyResults.county(result).assessment().vetoes()).extracting(CountyBody.VetoResult::code).containsExactly("S36");
        assertThat(CountyResults.county(result).decision().reasons().get(0)).isEqualTo("一票否决：社会认可度低于85%");
    }

    @Test
    void exactlyEightyFivePercentSocialRecognitionPasses() throws IOException {
        EvaluationResult result = evaluate(s -> assessment(s).put("socialRecognitionPct", 85));
        assertThat(check(result, "S36").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("RECOGNISED");
    }

    @Test
    void missingDataIsNotAssessedNeverPassed() throws IOException {
        EvaluationResult result = evaluate(s -> {
            assessment(s).remove("juniorRetentionPct");
            assessment(s).remove("scores");
        });

        assertThat(check(result, "Q25").verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(check(result, "Q32").verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(CountyResults.county(result).grade()).isNull();
        assertThat(CountyResults.county(result).decision().outcome()).isEqualTo("INCOMPLETE");
        assertThat(CountyResults.county(result).decision().reasons()).anySatisfy(r -> assertThat(r).contains("Q25"));
    }

    @Test
    void theSpendingSeriesIsCheckedBesideTheTeamsScore() throws IOException {
        EvaluationResult result = evaluate(s -> ((ObjectNode) assessment(s).get("spending").get(3))
                .put("perStudentYuan", 14700));   // 2024 per-student spending falls below 2023

        CheckResult g08 = check(result, "G08");
        assertThat(g08.verdict()).isEqualTo(Verdict.PASSED);   // the team's score stands
        assertThat(g08.note()).contains("数据核验").endsWith("，未达标");
        assertThat(CountyResults.county(result).assessment().details()).filteredOn(d -> d.code().equals("G08"))
                .singleElement().satisfies(d -> assertThat(d.verdict()).isEqualTo(Verdict.FAILED));
    }

    @Test
    void aVillageSchoolUnderOneHundredStudentsIsFundedAsIfItHadOneHundred() throws IOException {
        EvaluationResult result = evaluate(s -> ((ObjectNode) s.get("schools").get(4).get("sections").get(0))
                .put("publicFundingYuan", 59999));
        assertThat(check(result, "G14").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "G14").failing()).singleElement().asString().startsWith("V1");
    }

    private static ObjectNode scores(ObjectNode subject) {
        return (ObjectNode) assessment(subject).get("scores");
    }

    private static ArrayNode ints(int... values) {
        ArrayNode array = MAPPER.createArrayNode();
        for (int v : values) {
            array.add(v);
        }
        return array;
    }

    /**
     * Full marks, then points taken off, at most a fifth of each indicator's points (so each stays at 80 % or more)
     * until the total is reached; a total under 80 takes the rest from the last indicator.
     */
    private static void setScoresForTotal(ObjectNode subject, BigDecimal total) {
        BigDecimal deficit = BigDecimal.valueOf(100).subtract(total);
        ObjectNode scores = scores(subject);
        List<String> codes = List.copyOf(MAXIMA.keySet());
        for (int n = 0; n < codes.size(); n++) {
            int[] maxima = MAXIMA.get(codes.get(n));
            BigDecimal points = BigDecimal.valueOf(Arrays.stream(maxima).sum());
            BigDecimal allowed = n == codes.size() - 1 ? deficit : deficit.min(points.divide(BigDecimal.valueOf(5)));
            ArrayNode items = MAPPER.createArrayNode();
            for (int i = maxima.length - 1; i >= 0; i--) {
                BigDecimal take = allowed.min(BigDecimal.valueOf(maxima[i]));
                allowed = allowed.subtract(take);
                deficit = deficit.subtract(take);
                items.insert(0, BigDecimal.valueOf(maxima[i]).subtract(take));
            }
            scores.set(codes.get(n), items);
        }
    }
}
