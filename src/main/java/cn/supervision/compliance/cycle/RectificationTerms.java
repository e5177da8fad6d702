package cn.supervision.compliance.cycle;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.facts.RectificationTerm;
import cn.supervision.compliance.facts.RectificationTermQuery;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * The months a subject has to rectify each indicator, from the 整改期限 rows of the rule set's active workbooks (policy
 * staff edit them like every threshold): one question per indicator put to the rule base, outside any evaluation.
 */
@Component
class RectificationTerms {

    private final RuleSets ruleSets;

    RectificationTerms(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** Months by indicator code; an indicator without a 整改期限 row is absent. */
    Map<String, Integer> months(String ruleSet, Collection<String> indicators) {
        return terms(ruleSets.active(ruleSet), indicators).values().stream()
                .collect(Collectors.toMap(RectificationTerm::indicator, RectificationTerm::months));
    }

    /** The 整改期限 row of each indicator a rule base has one for (the longest when rows of two workbooks name it). */
    static Map<String, RectificationTerm> terms(CompiledRuleSet rules, Collection<String> indicators) {
        KieSession session = rules.newSession();
        try {
            indicators.stream().distinct().map(RectificationTermQuery::new).forEach(session::insert);
            session.fireAllRules();
            return session.getObjects(new ClassObjectFilter(RectificationTerm.class)).stream()
                    .map(RectificationTerm.class::cast)
                    .collect(Collectors.toMap(RectificationTerm::indicator, Function.identity(),
                            BinaryOperator.maxBy(Comparator.comparingInt(RectificationTerm::months))));
        } finally {
            session.dispose();
        }
    }
}
