package cn.supervision.compliance.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.RuleSetNotFound;
import jakarta.validation.Validator;

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
    private final Validator validator;
    private final SubjectPlacement placement;
    private final ReplayPlaces replayPlaces;

    Evaluations(RuleSets ruleSets, RuleSetVersions versions, List<SubjectEvaluator<?, ?>> evaluators,
                EvaluationLog store, ObjectMapper mapper, Validator validator, SubjectPlacement placement,
                ReplayPlaces replayPlaces) {
        this.replayPlaces = replayPlaces;
        this.validator = validator;
        this.placement = placement;
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.evaluators = evaluators.stream().collect(Collectors.toMap(DataItemCatalogue::ruleSet, Function.identity()));
        this.store = store;
        this.mapper = mapper;
    }

    /** An evaluation as answered: the result and its default (compact) view, serialised once. */
    public record Answered(EvaluationResult result, byte[] json) {
    }

    /**
     * Evaluates, writes the default answer once, stores it with the request, and returns both. Every problem of the
     * request (its own fields, the rule set, each field of the subject) is reported in one {@link InvalidInput}.
     */
    public Answered answer(EvaluationRequest request) {
        List<InputProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(v -> problems.add(InputProblem.violation(v.getPropertyPath().toString(),
                v)));
        CompiledRuleSet rules = null;
        Supplier<EvaluationResult> evaluation = null;
        if (request.ruleSet() != null && !request.ruleSet().isBlank()) {
            try {
                rules = ruleSets.active(request.ruleSet(), RULE_SET);
                if (request.subject() != null) {
                    // the subject's own node unless the request names one on its chain (issue 22: no jurisdiction
                    // shopping); the result and the stored row carry it, so a replay judges under the same node
                    evaluation = prepared(evaluators.get(request.ruleSet()), rules, placement.judgedUnder(request),
                            request.subject());
                }
            } catch (RuleSetNotFound e) {
                problems.add(InputProblem.of(RULE_SET, "input.rule-set.unknown", e.name(), e.known()));
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty() || evaluation == null) {
            throw new InvalidInput(problems);
        }
        // millisecond time: what is answered is what a replay of the stored row says
        EvaluationResult result = evaluation.get()
                .stamped(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        byte[] json = json(result.compact());
        store.save(result, request, json);
        return new Answered(result, json);
    }

    public EvaluationResult evaluate(EvaluationRequest request) {
        return answer(request).result();
    }

    /** The subject validated now; the session and assembly when the evaluation is asked for. */
    private static <S, O> Supplier<EvaluationResult> prepared(SubjectEvaluator<S, O> evaluator, CompiledRuleSet rules,
                                                              String jurisdiction, JsonNode subject) {
        S read = evaluator.validate(subject);
        return () -> evaluator.assemble(rules, jurisdiction, read, evaluator.session(rules, jurisdiction, read));
    }

    /** Evaluates a request on a given (not necessarily active) rule base and stores nothing: a preview. */
    public EvaluationResult trial(CompiledRuleSet rules, EvaluationRequest request) {
        return trial(rules, request, request.jurisdictionOrDefault());
    }

    /** A preview under a given jurisdiction: a stored evaluation judged again under the node that judged it. */
    public EvaluationResult trial(CompiledRuleSet rules, EvaluationRequest request, String jurisdiction) {
        return evaluator(request).evaluate(rules, jurisdiction, request.subject());
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
        return replayPlaces.run(stored.request(), () -> evaluators.get(stored.ruleSet())
                .evaluate(rules, stored.jurisdiction(), request.subject()).stamped(stored.id(), stored.evaluatedAt()));
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
