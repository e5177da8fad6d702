package cn.supervision.compliance.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;
import cn.supervision.compliance.system.JurisdictionNodes;

/**
 * The jurisdiction tree of every active rule set merged (they share node codes), read once per set of active versions:
 * scope checks ask on every request, and the tree changes only with an activation.
 */
@Component
class RuleSetJurisdictionNodes implements JurisdictionNodes {

    private final RuleSets ruleSets;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());

    RuleSetJurisdictionNodes(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public Map<String, Node> nodes() {
        List<CompiledRuleSet> active = ruleSets.names().stream().map(ruleSets::active).toList();
        Snapshot known = snapshot;
        if (!sameVersions(known.versions(), active)) {
            known = new Snapshot(active, read(active));
            snapshot = known;
        }
        return known.nodes();
    }

    private static boolean sameVersions(List<CompiledRuleSet> known, List<CompiledRuleSet> active) {
        if (known.size() != active.size()) {
            return false;
        }
        for (int i = 0; i < known.size(); i++) {
            if (known.get(i) != active.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Node> read(List<CompiledRuleSet> active) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (CompiledRuleSet rules : active) {
            try (RuleSession session = RuleSession.open(rules, EvaluationRequest.DEFAULT_JURISDICTION)) {
                for (KnownJurisdiction node : session.facts(KnownJurisdiction.class)) {
                    nodes.merge(node.code(), new Node(node.code(), node.parent(), node.divisionPrefix()),
                            (first, later) -> first.divisionPrefix() != null ? first : later);
                }
            }
        }
        return Map.copyOf(nodes);
    }

    private record Snapshot(List<CompiledRuleSet> versions, Map<String, Node> nodes) {
    }
}
