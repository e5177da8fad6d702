package cn.supervision.compliance.batch;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ItemProcessor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.audit.EvaluationStore;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.RequestChecks;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.system.Refused;

/**
 * Evaluates one county of a partition on the rule base that was active when the partition started (one Drools session
 * per county). A county that cannot be read or evaluated becomes an {@link CountyOutcome.Invalid}: the others go on.
 */
class CountyEvaluator implements ItemProcessor<CountyLine, CountyOutcome> {

    private static final Logger log = LoggerFactory.getLogger(CountyEvaluator.class);

    private final Evaluations evaluations;
    private final CompiledRuleSet rules;
    private final ObjectMapper mapper;
    private final RequestChecks checks;
    private final String ruleSet;
    private final String jurisdiction;
    private final String submitterNode;

    /**
     * {@code jurisdiction}: the batch's, or {@code null} for each county's own node, as a single evaluation is judged;
     * {@code submitterNode}: the node of the account that submitted the batch, whose subtree bounds its counties.
     */
    CountyEvaluator(Evaluations evaluations, CompiledRuleSet rules, ObjectMapper mapper, RequestChecks checks,
                    String ruleSet, String jurisdiction, String submitterNode) {
        this.submitterNode = submitterNode;
        this.evaluations = evaluations;
        this.rules = rules;
        this.mapper = mapper;
        this.checks = checks;
        this.ruleSet = ruleSet;
        this.jurisdiction = jurisdiction;
    }

    @Override
    public CountyOutcome process(CountyLine line) {
        try {
            EvaluationRequest request = request(line.text());
            String judgedUnder = checks.judgedUnder(request, submitterNode);
            EvaluationResult result = evaluations.trial(rules, request, judgedUnder)
                    .withId(UUID.randomUUID().toString());
            return new CountyOutcome.Evaluated(line.position(), line.source(),
                    new EvaluationStore.Submission(result, request));
        } catch (InvalidInput e) {
            return new CountyOutcome.Invalid(line.position(), line.source(), e.problems());
        } catch (Refused e) {
            // a county outside the submitter's subtree (governance issue, point 2): refused by name, the others go on
            return new CountyOutcome.Invalid(line.position(), line.source(), List.of(InputProblem.of(
                    String.valueOf(e.getBody().getProperties().getOrDefault("field", "subject")),
                    "input.batch.outside-scope", submitterNode)));
        } catch (RuntimeException e) {
            log.error("batch county {} could not be evaluated", line.source(), e);
            return new CountyOutcome.Invalid(line.position(), line.source(), List.of(
                    InputProblem.of("line", "input.batch.county-failed")));
        }
    }

    /** A line is either a whole evaluation request (its rule set must be the batch's) or a bare county subject. */
    private EvaluationRequest request(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("line", "input.body.malformed", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw InvalidInput.of("line", "input.batch.not-an-object");
        }
        if (!node.has("subject")) {
            return new EvaluationRequest(ruleSet, jurisdiction, node);
        }
        EvaluationRequest request = checks.read(node);
        if (!request.ruleSet().equals(ruleSet)) {
            throw InvalidInput.of("ruleSet", "input.batch.other-rule-set", ruleSet);
        }
        // a line without a jurisdiction is judged under the batch's
        return request.jurisdiction() == null || request.jurisdiction().isBlank()
                ? new EvaluationRequest(ruleSet, jurisdiction, request.subject()) : request;
    }
}
