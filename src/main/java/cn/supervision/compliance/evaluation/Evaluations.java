package cn.supervision.compliance.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.DataItemCatalogue;
import cn.supervision.compliance.ruleset.RuleSets;

/** Runs an evaluation on the active rule base of its rule set and records it. */
@Service
public class Evaluations {

    private static final String RULE_SET = "ruleSet";

    private final RuleSets ruleSets;
    private final Map<String, SubjectEvaluator<?, ?>> evaluators;
    private final EvaluationLog store;
    private final SubjectPlacement placement;

    Evaluations(RuleSets ruleSets, List<SubjectEvaluator<?, ?>> evaluators, EvaluationLog store,
                SubjectPlacement placement) {
        this.placement = placement;
        this.ruleSets = ruleSets;
        this.evaluators = evaluators.stream().collect(Collectors.toMap(DataItemCatalogue::ruleSet, Function.identity()));
        this.store = store;
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        CompiledRuleSet rules = ruleSets.active(request.ruleSet(), RULE_SET);
        String jurisdiction = placement.judgedUnder(request);
        EvaluationResult result = evaluators.get(request.ruleSet()).evaluate(rules, jurisdiction, request.subject())
                .withId(UUID.randomUUID().toString());
        store.save(result, request);
        return result;
    }

    /** Evaluates a request on a given (not necessarily active) rule base and stores nothing: a preview. */
    public EvaluationResult trial(CompiledRuleSet rules, EvaluationRequest request) {
        return evaluator(request).evaluate(rules, request.jurisdictionOrDefault(), request.subject());
    }

    private SubjectEvaluator<?, ?> evaluator(EvaluationRequest request) {
        ruleSets.active(request.ruleSet(), RULE_SET);
        return evaluators.get(request.ruleSet());
    }

    public Optional<StoredEvaluation> find(String id) {
        return store.findStored(id);
    }
}
