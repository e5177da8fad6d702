package cn.supervision.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.balanced.CountyAssessment;
import cn.supervision.compliance.curriculum.CurriculumAssessment;
import cn.supervision.compliance.targets.DistrictTargetsAssessment;

/**
 * Every result body has the one JSON shape of API.md, in its order, whatever the rule set, in both views (full and
 * compact); results are not read back from JSON (a stored evaluation is replayed from its request).
 */
class ResultJsonTests {

    /** The fields of the result, in the order integrators have always received them (a county's adds its scope). */
    private static final List<String> FIELDS = List.of("id", "ruleSet", "jurisdiction", "jurisdictionChain",
            "ruleSetVersion", "subject", "passed", "decision", "grade", "evaluatedAt", "summary", "checks",
            "assessment", "sections", "excluded", "variation", "firedRules", "hints");

    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @ParameterizedTest
    @CsvSource({
            "county-430503.json, CountyBody, County, countyCode",
            "county-assessment-430503.json, CountyBody, County, countyCode",
            "school-curriculum.json, ChecksBody, School, schoolId",
            "district-daxing.json, ChecksBody, District, districtCode",
            "province-zhejiang.json, ChecksBody, Province, provinceCode"})
    void bothViewsHaveTheFieldsOfApiMdInTheirOrder(String sample, String body, String subject, String codeField)
            throws IOException {
        EvaluationResult result = evaluate(sample);
        List<String> expected = new ArrayList<>(FIELDS);
        if (subject.equals("County")) {
            expected.add(expected.indexOf("passed") + 1, "scope");
        }
        for (Object view : List.of(result, result.full(), result.compact())) {
            JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(view));
            List<String> fields = new ArrayList<>();
            tree.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isEqualTo(expected);
            assertThat(tree.get("subject").get(codeField).asText()).isEqualTo(result.subject().code());
        }
        assertThat(MAPPER.writeValueAsString(result)).isEqualTo(MAPPER.writeValueAsString(result.full()));
        assertThat(result.body().getClass().getSimpleName()).isEqualTo(body);
        assertThat(result.subject().getClass().getSimpleName()).isEqualTo(subject);
    }

    @ParameterizedTest
    @CsvSource({"school-curriculum.json", "district-daxing.json"})
    void aBodyOfChecksShowsTheCountyFieldsEmptyAndDecidesFromItsChecks(String sample) throws IOException {
        EvaluationResult result = evaluate(sample);
        JsonNode tree = MAPPER.valueToTree(result);

        assertThat(tree.get("decision").get("outcome").asText()).isEqualTo(result.passed() ? "PASSED" : "FAILED");
        assertThat(tree.get("decision").get("reasons").size()).isEqualTo(
                (int) result.checks().stream().filter(c -> c.verdict() == EvaluationResult.Verdict.FAILED).count());
        assertThat(tree.get("grade").isNull()).isTrue();
        assertThat(tree.get("assessment").isNull()).isTrue();
        assertThat(tree.get("sections")).isEmpty();
        assertThat(tree.get("excluded")).isEmpty();
        assertThat(tree.get("variation")).isEmpty();
        assertThat(tree.get("checks")).isNotEmpty();
    }

    private static EvaluationResult evaluate(String sample) throws IOException {
        JsonNode request = MAPPER.readTree(Files.readString(Path.of("samples", sample)));
        String ruleSet = request.get("ruleSet").asText();
        String jurisdiction = request.path("jurisdiction").asText(EvaluationRequest.DEFAULT_JURISDICTION);
        CompiledRuleSet rules = switch (ruleSet) {
            case "balanced-development" -> ShippedRuleSets.balancedDevelopment();
            case "curriculum" -> ShippedRuleSets.curriculum();
            default -> ShippedRuleSets.districtTargets();
        };
        SubjectEvaluator<?, ?> evaluator = switch (ruleSet) {
            case "balanced-development" -> new CountyAssessment(TargetChecks.READER);
            case "curriculum" -> new CurriculumAssessment(TargetChecks.READER);
            default -> new DistrictTargetsAssessment(TargetChecks.READER);
        };
        return evaluator.evaluate(rules, jurisdiction, request.get("subject"));
    }
}
