package cn.supervision.compliance.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.JurisdictionLink;
import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleOrigin;
import cn.supervision.compliance.ruleset.RuleSetProblem;
import cn.supervision.compliance.ruleset.WorkbookRejected;

/**
 * The requested jurisdiction and its ancestors in the rule set's jurisdiction tree (INDICATORS.md §3.1). A subject
 * in X is judged by the rows of X and of each ancestor of X, never by a sibling's.
 */
public record JurisdictionChain(List<String> rootFirst) {

    /** The chain of {@code requested}; a 400 listing the known nodes, in sheet order, when the tree has no such node. */
    static JurisdictionChain of(CompiledRuleSet rules, String requested, List<KnownJurisdiction> tree) {
        String ruleSet = rules.name();
        Map<String, KnownJurisdiction> nodes = new LinkedHashMap<>();
        inSheetOrder(rules, tree).forEach(node -> nodes.put(node.code(), node));
        if (!nodes.containsKey(requested)) {
            throw InvalidInput.of("jurisdiction", "input.jurisdiction.unknown", ruleSet, requested,
                    List.copyOf(nodes.keySet()));
        }
        List<String> nearestFirst = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        KnownJurisdiction reached = null;
        for (String code = requested; code != null; code = nodes.get(code).parent()) {
            if (!nodes.containsKey(code) || !seen.add(code)) {
                throw notATree(rules, reached, requested, code, seen.contains(code));
            }
            nearestFirst.add(code);
            reached = nodes.get(code);
        }
        Collections.reverse(nearestFirst);
        return new JurisdictionChain(List.copyOf(nearestFirst));
    }

    /**
     * The 管辖区域 rows do not lead from {@code requested} to a root: a row names a parent that is no node, or the
     * parents come back round; named at the row of the last node reached.
     */
    private static WorkbookRejected notATree(CompiledRuleSet rules, KnownJurisdiction last, String requested,
                                             String parent, boolean cycle) {
        RuleOrigin origin = rules.origin(last.rule());
        return new WorkbookRejected(List.of(RuleSetProblem.of(origin.workbook() == null ? rules.name() : origin.workbook(),
                origin.sheet(), origin.row() == null ? null : "A" + origin.row(),
                cycle ? "workbook.jurisdiction-cycle" : "workbook.jurisdiction-unknown-parent", requested, parent)));
    }

    /**
     * "The most specific jurisdiction wins" (INDICATORS.md §3.1), decided here once for every rule set that asks: of
     * {@code candidates} set by nodes of this chain, for each key those set by the node nearest the requested one
     * (daxiang's 720 / 940 yuan replace the national 600 / 800). A candidate of a node outside the chain never counts.
     */
    public <T> List<T> mostSpecific(List<T> candidates, Function<T, ?> key, Function<T, String> setBy) {
        Map<String, Integer> depths = new HashMap<>();
        links().forEach(link -> depths.put(link.code(), link.depth()));
        Map<Object, Integer> nearest = new HashMap<>();
        for (T candidate : candidates) {
            Integer depth = depths.get(setBy.apply(candidate));
            if (depth != null) {
                nearest.merge(key.apply(candidate), depth, Math::min);
            }
        }
        return candidates.stream().filter(candidate -> {
            Integer depth = depths.get(setBy.apply(candidate));
            return depth != null && depth.equals(nearest.get(key.apply(candidate)));
        }).toList();
    }

    /** One fact per node, the requested one at depth 0. */
    public List<JurisdictionLink> links() {
        List<JurisdictionLink> links = new ArrayList<>();
        for (int i = 0; i < rootFirst.size(); i++) {
            links.add(new JurisdictionLink(rootFirst.get(i), rootFirst.size() - 1 - i));
        }
        return links;
    }

    /** The nodes as the 管辖区域 sheet lists them, row by row. */
    static List<KnownJurisdiction> inSheetOrder(CompiledRuleSet rules, List<KnownJurisdiction> tree) {
        return tree.stream().sorted(Comparator.comparing((KnownJurisdiction node) -> rules.origin(node.rule()).row(),
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
