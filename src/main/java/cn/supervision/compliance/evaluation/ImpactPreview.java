package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * Which stored evaluations would change verdict under a rule-set version: each stored request is evaluated again on
 * that version's rule base (nothing is stored) and every verdict is compared with the stored one, the subject's, each
 * section's and indicator's, each variation's and each check's.
 */
@Service
public class ImpactPreview {

    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final String EXCLUDED = "EXCLUDED";
    static final String ABSENT = "ABSENT";

    private final Evaluations evaluations;
    private final EvaluationLog store;
    private final ObjectMapper mapper;

    ImpactPreview(Evaluations evaluations, EvaluationLog store, ObjectMapper mapper) {
        this.evaluations = evaluations;
        this.store = store;
        this.mapper = mapper;
    }

    /** One verdict that would change: where (subject, school, stage, indicator) and from what to what. */
    public record VerdictChange(String evaluationId, String evaluatedVersion, String subject, String subjectName,
                                String school, String stage, String indicator, String before, String after) {
    }

    public record Impact(String ruleSet, String version, int evaluationsChecked, int evaluationsChanged,
                         List<VerdictChange> changes) {
    }

    public Impact preview(CompiledRuleSet candidate, int limit) {
        List<VerdictChange> changes = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        List<StoredEvaluation> stored = store.recent(candidate.name(), limit);
        for (StoredEvaluation evaluation : stored) {
            EvaluationResult before = evaluations.replay(evaluation);
            Map<Place, String> old = verdicts(before);
            Map<Place, String> now;
            try {
                now = verdicts(evaluations.trial(candidate,
                        mapper.treeToValue(evaluation.request(), EvaluationRequest.class), evaluation.jurisdiction()));
            } catch (InvalidInput | JsonProcessingException e) {
                now = Map.of(new Place(null, null, null), "NOT_EVALUATED: " + e.getMessage());
            }
            Set<Place> places = new LinkedHashSet<>(old.keySet());
            places.addAll(now.keySet());
            for (Place place : places) {
                String a = old.getOrDefault(place, ABSENT);
                String b = now.getOrDefault(place, ABSENT);
                if (!Objects.equals(a, b)) {
                    changed.add(before.id());
                    changes.add(new VerdictChange(before.id(), before.ruleSetVersion(), before.subject().code(),
                            before.subject().name(), place.school(), place.stage(), place.indicator(), a, b));
                }
            }
        }
        return new Impact(candidate.name(), candidate.version(), stored.size(), changed.size(), changes);
    }

    private record Place(String school, String stage, String indicator) {
    }

    private static Map<Place, String> verdicts(EvaluationResult result) {
        Map<Place, String> verdicts = new LinkedHashMap<>();
        verdicts.put(new Place(null, null, null), verdict(result.passed()));
        result.body().verdicts().forEach(v -> verdicts.put(new Place(v.school(), v.stage(), v.indicator()),
                v.verdict()));
        return verdicts;
    }

    private static String verdict(boolean passed) {
        return passed ? PASSED : FAILED;
    }
}
