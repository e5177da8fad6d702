package cn.supervision.compliance.ruleset;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;


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
        return builder().build(ruleSet, files(decisionTables, ruleSet));
    }

    public static List<RuleSetFile> files(Path decisionTables, String ruleSet) {
        return new RuleSetSources(new RuleSetProperties(decisionTables, DRL)).read(ruleSet);
    }

    public static RuleSetBuilder builder() {
        return new RuleSetBuilder(templates());
    }

    /** The approved templates with the data items of the shipped rule-set modules, as the application has them. */
    public static ApprovedTemplates templates() {
        return new ApprovedTemplates(new ObjectMapper(), List.of(
                new DataItems("balanced-development"), new DataItems("curriculum"), new DataItems("district-targets")));
    }

    private record DataItems(String ruleSet) implements DataItemCatalogue {

        @Override
        public List<DataItem> items() {
            return DataItem.catalogue(ruleSet);
        }
    }
}
