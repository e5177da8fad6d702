package cn.supervision.compliance.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.InvalidInput;

import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSetVersions;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * Runs an evaluation on the active rule base of its rule set and records it: the request, the default answer as it
 * was written (once) and the rule-set version. The full view and the trace are the stored request evaluated again on
 * that version's immutable rule base ({@link #replay}).
 */
@Service
public class Evaluations {

    private final RuleSets ruleSets;
    private final RuleSetVersions versions;
    private final RequestChecks checks;
    private final EvaluationLog store;
    private final ObjectMapper mapper;
    private final ReplayPlaces replayPlaces;

    Evaluations(RuleSets ruleSets, RuleSetVersions versions, RequestChecks checks, EvaluationLog store,
                ObjectMapper mapper, ReplayPlaces replayPlaces) {
        this.replayPlaces = replayPlaces;
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.checks = checks;
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
        // the result and the stored row carry the node it was judged under, so a replay judges under the same node
        RequestChecks.Checked checked = checks.check(request);
        // millisecond time: what is answered is what a replay of the stored row says
        EvaluationResult result = checked.evaluate()
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
        return trial(rules, request, request.jurisdictionOrDefault());
    }

    /** A preview under a given jurisdiction: a stored evaluation judged again under the node that judged it. */
    public EvaluationResult trial(CompiledRuleSet rules, EvaluationRequest request, String jurisdiction) {
        return checks.subject(request.ruleSet(), request.subject()).evaluate(rules, jurisdiction);
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
            request = checks.read(stored.request());
        } catch (InvalidInput e) {
            throw new IllegalStateException("the stored request of " + stored.id() + " is not readable: "
                    + e.problems());
        }
        return replayPlaces.run(stored.request(), () -> checks.subject(stored.ruleSet(), request.subject())
                .evaluate(rules, stored.jurisdiction()).stamped(stored.id(), stored.evaluatedAt()));
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
