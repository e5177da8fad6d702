package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.facts.Counties.county;
import static cn.supervision.compliance.facts.Counties.primaryAtThresholds;
import static cn.supervision.compliance.facts.Counties.school;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;

import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSetBuilder;
import cn.supervision.compliance.ruleset.RuleSetFile;
import cn.supervision.compliance.ruleset.ShippedRuleSets;
import cn.supervision.compliance.ruleset.Workbooks;

/**
 * Issue 21 (rebuild ≤ 0.5 s): a builder keeps the compiled form of every sheet and DRL file it compiled and, after a
 * one-cell edit, compiles only the edited sheet. What it builds is what a new builder builds from the same files:
 * the same rules in the same load order, the edited threshold in force, the same verdicts.
 */
class IncrementalRebuildTests {

    private static final String RULE_SET = "balanced-development";

    @Test
    void aRebuildAfterAOneCellEditIsTheRuleBaseANewBuilderBuilds() {
        List<RuleSetFile> shipped = ShippedRuleSets.files(ShippedRuleSets.DECISION_TABLES, RULE_SET);
        // 资源配置标准!E10 is R1 of primary sections, ≥4.2 m² per student
        List<RuleSetFile> edited = shipped.stream()
                .map(f -> f.name().equals(Workbooks.RESOURCE_ALLOCATION)
                        ? new RuleSetFile(f.kind(), f.name(), Workbooks.withCell(f.content(), "资源配置标准", "E10", "≥4.3"))
                        : f)
                .toList();
        RuleSetBuilder service = ShippedRuleSets.builder();
        CompiledRuleSet before = service.build(RULE_SET, shipped);
        CompiledRuleSet rebuilt = service.build(RULE_SET, edited);
        CompiledRuleSet fresh = ShippedRuleSets.builder().build(RULE_SET, edited);

        assertThat(loadOrders(rebuilt)).isEqualTo(loadOrders(fresh)).isEqualTo(loadOrders(before));
        CountySubject atTheOldThreshold = county(school("A", SchoolType.PRIMARY, primaryAtThresholds(1000)),
                school("B", SchoolType.PRIMARY, primaryAtThresholds(2000)));
        assertThat(r1Met(before, atTheOldThreshold)).isTrue();
        assertThat(r1Met(rebuilt, atTheOldThreshold)).isFalse();
        assertThat(r1Met(fresh, atTheOldThreshold)).isFalse();
        EvaluationResult byRebuilt = CountyRulesTests.evaluate(rebuilt, "national", atTheOldThreshold);
        EvaluationResult byFresh = CountyRulesTests.evaluate(fresh, "national", atTheOldThreshold);
        assertThat(byRebuilt.body()).isEqualTo(byFresh.body());
        assertThat(byRebuilt.firedRules()).isEqualTo(byFresh.firedRules());
    }

    private static Map<String, Integer> loadOrders(CompiledRuleSet rules) {
        Map<String, Integer> orders = new TreeMap<>();
        rules.kieBase().getKiePackages().forEach(p -> p.getRules()
                .forEach(r -> orders.put(r.getName(), ((RuleImpl) r).getLoadOrder())));
        return orders;
    }

    private static boolean r1Met(CompiledRuleSet rules, CountySubject county) {
        EvaluationResult result = CountyRulesTests.evaluate(rules, "national", county);
        return CountyRulesTests.indicator(CountyRulesTests.sectionOf(result, "A"), "R1").met();
    }
}
