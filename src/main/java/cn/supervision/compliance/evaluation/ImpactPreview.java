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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;
import cn.supervision.compliance.system.AccountScope;

/**
 * Which verdicts would change under a rule-set version (issue 22, point 6): the newest stored evaluation of each
 * subject in the caller's scope is evaluated again on that version's rule base (nothing is stored) and every verdict is
 * compared with the stored one, the subject's, each section's and indicator's, each variation's and each check's. The
 * subjects and schools that flip each way (未达标→达标, 达标→未达标) are counted at every node of the jurisdiction tree
 * on their chain (province → city → county), naming a bounded number of them; the verdict changes are listed up to a
 * bound too, their total always given.
 */
@Service
public class ImpactPreview {

    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final String EXCLUDED = "EXCLUDED";
    static final String ABSENT = "ABSENT";
    /** How many verdict changes are listed, and how many flips each node names each way. */
    static final int CHANGES_LISTED = 200;
    static final int FLIPS_NAMED = 20;

    private final Evaluations evaluations;
    private final EvaluationLog store;
    private final ObjectMapper mapper;
    private final SubjectPlacement placement;
    private final AccountScope scope;
    private final JurisdictionTree tree;
    private final RuleSets ruleSets;

    ImpactPreview(Evaluations evaluations, EvaluationLog store, ObjectMapper mapper, SubjectPlacement placement,
                  AccountScope scope, JurisdictionTree tree, RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
        this.store = store;
        this.mapper = mapper;
        this.placement = placement;
        this.scope = scope;
        this.tree = tree;
    }

    /** One verdict that would change: where (subject, school, stage, indicator) and from what to what. */
    public record VerdictChange(String evaluationId, String evaluatedVersion, String subject, String subjectName,
                                String school, String stage, String indicator, String before, String after) {
    }

    /** A subject (school and stage null) or a school's section whose verdict flips. */
    public record Flip(String evaluationId, String subject, String subjectName, String school, String stage) {
    }

    /** Flips each way: counted in full, named up to {@link #FLIPS_NAMED}. */
    public record Flips(int toPassed, int toFailed, List<Flip> namedToPassed, List<Flip> namedToFailed) {
    }

    /** One node of the tree: the subjects checked under it and what flips there. */
    public record NodeImpact(String node, String name, String level, String parent, int subjectsChecked,
                             Flips subjects, Flips schools) {
    }

    /**
     * {@code evaluationsChecked}: the subjects checked (the newest evaluation of each); {@code changes}: the first
     * {@link #CHANGES_LISTED} of {@code verdictsChanged}; {@code nodes}: the tree's nodes with subjects, in tree order.
     */
    public record Impact(String ruleSet, String version, int evaluationsChecked, int evaluationsChanged,
                         int verdictsChanged, List<VerdictChange> changes, List<NodeImpact> nodes) {
    }

    public Impact preview(CompiledRuleSet candidate, int limit) {
        List<VerdictChange> changes = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        Map<String, NodeCount> nodes = new LinkedHashMap<>();
        int verdictsChanged = 0;
        int checked = 0;
        for (StoredEvaluation evaluation : store.latestPerSubject(candidate.name(), limit)) {
            JsonNode subject = evaluation.request() == null ? null : evaluation.request().get("subject");
            if (!placement.readable(subject, evaluation.jurisdiction())) {
                continue;
            }
            checked++;
            EvaluationResult before = evaluations.replay(evaluation);
            Map<Place, String> old = verdicts(before);
            Map<Place, String> now;
            try {
                now = verdicts(evaluations.trial(candidate,
                        mapper.treeToValue(evaluation.request(), EvaluationRequest.class), evaluation.jurisdiction()));
            } catch (InvalidInput | JsonProcessingException e) {
                now = Map.of(new Place(null, null, null), "NOT_EVALUATED: " + e.getMessage());
            }
            List<NodeCount> chain = chain(nodes, subject, evaluation.jurisdiction());
            chain.forEach(NodeCount::checked);
            Set<Place> places = new LinkedHashSet<>(old.keySet());
            places.addAll(now.keySet());
            for (Place place : places) {
                String a = old.getOrDefault(place, ABSENT);
                String b = now.getOrDefault(place, ABSENT);
                if (Objects.equals(a, b)) {
                    continue;
                }
                changed.add(before.id());
                verdictsChanged++;
                if (changes.size() < CHANGES_LISTED) {
                    changes.add(new VerdictChange(before.id(), before.ruleSetVersion(), before.subject().code(),
                            before.subject().name(), place.school(), place.stage(), place.indicator(), a, b));
                }
                if (place.indicator() == null && (place.school() == null) == (place.stage() == null)) {
                    Flip flip = new Flip(before.id(), before.subject().code(), before.subject().name(), place.school(),
                            place.stage());
                    chain.forEach(node -> node.flip(place.school() == null, a, b, flip));
                }
            }
        }
        List<NodeImpact> grouped = new ArrayList<>();
        for (RuleSetIndicators.Jurisdiction node : treeOrder(candidate.name())) {
            NodeCount count = nodes.remove(node.code());
            if (count != null) {
                grouped.add(count.impact(node.name(), node.level(), node.parent()));
            }
        }
        nodes.values().forEach(count -> grouped.add(count.impact(null, null, null)));
        return new Impact(candidate.name(), candidate.version(), checked, changed.size(), verdictsChanged, changes,
                grouped);
    }

    /**
     * The nodes of every rule set's tree (this rule set's first, so its names win), each parent before its children:
     * a subject may sit under a node only another rule set's tree names (a school's county in the curriculum tree).
     */
    private List<RuleSetIndicators.Jurisdiction> treeOrder(String ruleSet) {
        Map<String, RuleSetIndicators.Jurisdiction> known = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(ruleSet));
        ruleSets.names().stream().filter(name -> !name.equals(ruleSet)).forEach(names::add);
        for (String name : names) {
            tree.of(name).jurisdictions().forEach(node -> known.putIfAbsent(node.code(), node));
        }
        List<RuleSetIndicators.Jurisdiction> ordered = new ArrayList<>();
        known.values().stream().filter(node -> node.parent() == null || !known.containsKey(node.parent()))
                .forEach(root -> descend(root, known, ordered));
        return ordered;
    }

    private static void descend(RuleSetIndicators.Jurisdiction node, Map<String, RuleSetIndicators.Jurisdiction> known,
                                List<RuleSetIndicators.Jurisdiction> ordered) {
        if (ordered.contains(node)) {
            return;
        }
        ordered.add(node);
        known.values().stream().filter(child -> node.code().equals(child.parent()))
                .forEach(child -> descend(child, known, ordered));
    }

    /** The counters of the subject's node and its ancestors (the node it was judged under when it has no code). */
    private List<NodeCount> chain(Map<String, NodeCount> nodes, JsonNode subject, String jurisdiction) {
        String own = SubjectPlacement.of(subject).map(place -> scope.nodeOfSubject(place.code()))
                .orElse(jurisdiction == null ? EvaluationRequest.DEFAULT_JURISDICTION : jurisdiction);
        return scope.chain(own).stream().map(code -> nodes.computeIfAbsent(code, NodeCount::new)).toList();
    }

    private record Place(String school, String stage, String indicator) {
    }

    /** What one node has seen so far. */
    private static final class NodeCount {
        private final String node;
        private int checked;
        private final FlipCount subjects = new FlipCount();
        private final FlipCount schools = new FlipCount();

        NodeCount(String node) {
            this.node = node;
        }

        void checked() {
            checked++;
        }

        void flip(boolean wholeSubject, String before, String after, Flip flip) {
            (wholeSubject ? subjects : schools).add(before, after, flip);
        }

        NodeImpact impact(String name, String level, String parent) {
            return new NodeImpact(node, name, level, parent, checked, subjects.flips(), schools.flips());
        }
    }

    private static final class FlipCount {
        private int toPassed;
        private int toFailed;
        private final List<Flip> namedToPassed = new ArrayList<>();
        private final List<Flip> namedToFailed = new ArrayList<>();

        void add(String before, String after, Flip flip) {
            if (FAILED.equals(before) && PASSED.equals(after)) {
                toPassed++;
                name(namedToPassed, flip);
            } else if (PASSED.equals(before) && FAILED.equals(after)) {
                toFailed++;
                name(namedToFailed, flip);
            }
        }

        private static void name(List<Flip> named, Flip flip) {
            if (named.size() < FLIPS_NAMED) {
                named.add(flip);
            }
        }

        Flips flips() {
            return new Flips(toPassed, toFailed, List.copyOf(namedToPassed), List.copyOf(namedToFailed));
        }
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
