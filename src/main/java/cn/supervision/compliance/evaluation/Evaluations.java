package cn.supervision.compliance.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.DataItemCatalogue;
import cn.supervision.compliance.ruleset.RuleSetVersions;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * Runs an evaluation on the active rule base of its rule set and records it: the request, the default answer as it
 * was written (once) and the rule-set version. The full view and the trace are the stored request evaluated again on
 * that version's immutable rule base ({@link #replay}).
 */
@Service
public class Evaluations {

    private static final String RULE_SET = "ruleSet";

    private final RuleSets ruleSets;
    private final RuleSetVersions versions;
    private final Map<String, SubjectEvaluator<?, ?>> evaluators;
    private final EvaluationLog store;
    private final ObjectMapper mapper;

    Evaluations(RuleSets ruleSets, RuleSetVersions versions, List<SubjectEvaluator<?, ?>> evaluators,
                EvaluationLog store, ObjectMapper mapper) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.evaluators = evaluators.stream().collect(Collectors.toMap(DataItemCatalogue::ruleSet, Function.identity()));
        this.store = store;
        this.mapper = mapper;
    }

    /** An evaluation as answered: the result and its default (compact) view, serialised once. */
    public record Answered(EvaluationResult result, byte[] json) {
    }

    /** Evaluates, writes the default answer once, stores it with the request, and returns both. */
    public Answered answer(EvaluationRequest request) {
        CompiledRuleSet rules = ruleSets.active(request.ruleSet(), RULE_SET);
        // millisecond time: what is answered is what a replay of the stored row says
        EvaluationResult result = evaluators.get(request.ruleSet())
                .evaluate(rules, request.jurisdictionOrDefault(), request.subject())
                .stamped(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        byte[] json = json(result.compact());
        store.save(result, request, json);
        return new Answered(result, json);
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        return answer(request).result();
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

    /**
     * A stored evaluation's result, evaluated again from its request on the rule base of the version it was answered
     * with, under its id and time: rule bases are immutable, so this is the result that was answered.
     */
    public EvaluationResult replay(StoredEvaluation stored) {
        CompiledRuleSet active = ruleSets.active(stored.ruleSet());
        CompiledRuleSet rules = active.version().equals(stored.ruleSetVersion()) ? active
                : versions.compiled(stored.ruleSet(), stored.ruleSetVersion());
        EvaluationRequest request;
        try {
            request = mapper.treeToValue(stored.request(), EvaluationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored request of " + stored.id() + " is not readable", e);
        }
        return evaluators.get(stored.ruleSet()).evaluate(rules, request.jurisdictionOrDefault(), request.subject())
                .stamped(stored.id(), stored.evaluatedAt());
    }

    /** The default answer of a stored evaluation: the bytes that were answered, or for rows before V8 their replay. */
    public byte[] answerOf(StoredEvaluation stored) {
        return stored.answer() != null ? stored.answer() : json(replay(stored).compact());
    }

    public byte[] json(Object view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }
}
