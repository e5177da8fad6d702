package cn.supervision.compliance.ruleset;

import java.nio.file.Path;

/** Builds rule bases from the workbooks and DRL shipped in the repository (or a copy of them), as the service does. */
public final class ShippedRuleSets {

    public static final Path DECISION_TABLES = Path.of("decision-tables");
    public static final Path DRL = Path.of("rules");

    private static CompiledRuleSet balancedDevelopment;
    private static CompiledRuleSet curriculum;
    private static CompiledRuleSet districtTargets;

    private ShippedRuleSets() {
    }

    public static synchronized CompiledRuleSet balancedDevelopment() {
        if (balancedDevelopment == null) {
            balancedDevelopment = compile(DECISION_TABLES, "balanced-development");
        }
        return balancedDevelopment;
    }

    public static synchronized CompiledRuleSet curriculum() {
        if (curriculum == null) {
            curriculum = compile(DECISION_TABLES, "curriculum");
        }
        return curriculum;
    }

    public static synchronized CompiledRuleSet districtTargets() {
        if (districtTargets == null) {
            districtTargets = compile(DECISION_TABLES, "district-targets");
        }
        return districtTargets;
    }

    public static CompiledRuleSet compile(Path decisionTables, String ruleSet) {
        RuleSetSources sources = new RuleSetSources(new RuleSetProperties(decisionTables, DRL));
        return new RuleSetCompiler().compile(ruleSet, sources.read(ruleSet));
    }
}
