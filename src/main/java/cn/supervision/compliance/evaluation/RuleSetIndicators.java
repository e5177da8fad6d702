package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.util.List;

import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.ruleset.RuleOrigin;

/** The indicators of the active version of a rule set, and the jurisdictions it knows, as its rows define them. */
public record RuleSetIndicators(String ruleSet, String version, List<Indicator> indicators,
                                List<Jurisdiction> jurisdictions) {

    /** One check row: {@code effectiveFrom} null means in force whatever the year; {@code jurisdiction} sets it. */
    public record Indicator(String code, String name, String requirement, String basis, String comparator,
                            BigDecimal threshold, String unit, String scope, Integer effectiveFrom, String jurisdiction,
                            String source, RuleOrigin rule) {
    }

    /** A node of the jurisdiction tree: {@code parent} null for the root; level national, province, city or district. */
    public record Jurisdiction(String code, String parent, String name, String level) {

        public static Jurisdiction of(KnownJurisdiction node) {
            return new Jurisdiction(node.code(), node.parent(), node.name(), node.level());
        }
    }
}
