package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.JsonPaths;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.DataItemCatalogue;
import cn.supervision.compliance.ruleset.RuleSetNotFound;
import cn.supervision.compliance.ruleset.RuleSets;
import jakarta.validation.Validator;

/**
 * The one place a request is read, validated and defaulted, for every way in: the JSON API, a filled data-entry
 * template, a batch (its parameters and each of its lines) and a stored request replayed. Every problem of a request
 * (its own fields, the rule set, each field of the subject) is reported in one {@link InvalidInput}, sorted by field.
 */
@Component
public class RequestChecks {

    static final String RULE_SET = "ruleSet";

    private final RuleSets ruleSets;
    private final Map<String, SubjectEvaluator<?, ?>> evaluators;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final SubjectPlacement placement;

    RequestChecks(RuleSets ruleSets, List<SubjectEvaluator<?, ?>> evaluators, ObjectMapper mapper,
                  Validator validator, SubjectPlacement placement) {
        this.placement = placement;
        this.ruleSets = ruleSets;
        this.evaluators = evaluators.stream()
                .collect(Collectors.toMap(DataItemCatalogue::ruleSet, Function.identity()));
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A request whose subject is read and checked, on the active rule base of its rule set. */
    public record Checked(EvaluationRequest request, CompiledRuleSet rules, String jurisdiction,
                          Prepared<?> prepared) {

        EvaluationResult evaluate() {
            return prepared.evaluate(rules, jurisdiction);
        }
    }

    /** A subject read by its rule set's evaluator, ready for the session and assembly. */
    public record Prepared<S>(SubjectEvaluator<S, ?> evaluator, S subject) {

        EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction) {
            return run(evaluator, rules, jurisdiction, subject);
        }

        private static <S, O> EvaluationResult run(SubjectEvaluator<S, O> evaluator, CompiledRuleSet rules,
                                                   String jurisdiction, S subject) {
            return evaluator.assemble(rules, jurisdiction, subject, evaluator.session(rules, jurisdiction, subject));
        }
    }

    /**
     * Every check of a whole request: its own fields, its rule set (active), the node it is judged under (the
     * subject's own unless the request names one on its chain, issue 22) and its subject as the rule set reads it;
     * all problems at once.
     */
    public Checked check(EvaluationRequest request) {
        List<InputProblem> problems = new ArrayList<>(fieldProblems(request));
        CompiledRuleSet rules = null;
        String jurisdiction = null;
        Prepared<?> prepared = null;
        if (request.ruleSet() != null && !request.ruleSet().isBlank()) {
            try {
                rules = ruleSets.active(request.ruleSet(), RULE_SET);
                if (request.subject() != null) {
                    jurisdiction = placement.judgedUnder(request);
                    prepared = prepare(evaluators.get(request.ruleSet()), request.subject());
                }
            } catch (RuleSetNotFound e) {
                problems.add(InputProblem.of(RULE_SET, "input.rule-set.unknown", e.name(), e.known()));
            } catch (InvalidInput e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty() || prepared == null) {
            throw new InvalidInput(problems);
        }
        return new Checked(request, rules, jurisdiction, prepared);
    }

    /** The subject of a request as its rule set reads it (every problem at once), without the request's own checks. */
    public Prepared<?> subject(String ruleSet, JsonNode subject) {
        ruleSets.active(ruleSet, RULE_SET);
        return prepare(evaluators.get(ruleSet), subject);
    }

    private static <S> Prepared<S> prepare(SubjectEvaluator<S, ?> evaluator, JsonNode subject) {
        return new Prepared<>(evaluator, evaluator.validate(subject));
    }

    /**
     * The parameters of a request that brings its subject another way (a batch, a template upload): every problem of
     * the rule set and jurisdiction at once, then the rule set must have an active version.
     */
    public void checkParameters(String ruleSet, String jurisdiction) {
        List<InputProblem> problems = fieldProblems(new EvaluationRequest(ruleSet, jurisdiction,
                NullNode.getInstance()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ruleSets.active(ruleSet, RULE_SET);
    }

    /** The request's own fields (rule set, jurisdiction, a subject given), sorted by field. */
    public List<InputProblem> fieldProblems(EvaluationRequest request) {
        List<InputProblem> problems = new ArrayList<>();
        validator.validate(request).forEach(v -> problems.add(InputProblem.violation(v.getPropertyPath().toString(),
                v)));
        problems.sort(Comparator.comparing(InputProblem::field));
        return problems;
    }

    /** A whole request given as JSON (a batch line, a stored request), read and its own fields checked. */
    public EvaluationRequest read(JsonNode node) {
        EvaluationRequest request;
        try {
            request = mapper.treeToValue(node, EvaluationRequest.class);
        } catch (JsonMappingException e) {
            throw new InvalidInput(List.of(JsonPaths.problem(JsonPaths.of(e.getPath()).replaceFirst("^\\.", ""), e)));
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("line", "input.json.not-readable");
        }
        List<InputProblem> problems = fieldProblems(request);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return request;
    }

    /**
     * The node a request is judged under for a caller not signed in on this thread (a batch's county, placed for the
     * account that submitted the batch): as {@link #check}, 400 off the chain, {@code Refused} outside the subtree.
     */
    public String judgedUnder(EvaluationRequest request, String caller) {
        return placement.judgedUnder(request, caller);
    }
}
