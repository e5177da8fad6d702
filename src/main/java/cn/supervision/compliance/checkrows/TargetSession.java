package cn.supervision.compliance.checkrows;

import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.facts.Observation;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.evaluation.RuleSession;
import cn.supervision.compliance.evaluation.JurisdictionChain;

/**
 * One Drools session over one curriculum or district-target subject: the scope, the subject's reach and its figures go
 * in; first the jurisdiction tree's rows fire and the requested jurisdiction's chain goes in, then the check rows insert
 * their standards, the judging rule in DRL turns each one the chain selects into an outcome, the guidance rows add
 * what to do about the failed ones. The same session with a listing scope yields the rule set's catalogue.
 */
public final class TargetSession {

    public record Outcomes(JurisdictionChain chain, List<Outcome> outcomes, List<Guidance> guidance, List<String> firedRules) {
    }

    record Catalogue(List<Standard> standards, List<KnownJurisdiction> jurisdictions) {
    }

    private TargetSession() {
    }

    public static Outcomes run(CompiledRuleSet rules, CheckScope scope, Reach reach, List<Observation> observations) {
        try (RuleSession session = RuleSession.open(rules, scope.jurisdiction())) {
            session.insert(scope);
            session.insert(reach);
            session.insertAll(observations);
            session.fire();
            List<Outcome> outcomes = session.facts(Outcome.class).stream()
                    .sorted(Comparator.comparing((Outcome o) -> order(rules, o.standard())))
                    .toList();
            return new Outcomes(session.chain(), outcomes, session.facts(Guidance.class), session.firedRules());
        }
    }

    /** Every row of the rule set, whatever its level, jurisdiction or year. */
    static Catalogue catalogue(CompiledRuleSet rules) {
        KieSession session = rules.newSession();
        try {
            session.insert(CheckScope.listingAll());
            session.fireAllRules();
            return new Catalogue(facts(session, Standard.class).stream()
                    .sorted(Comparator.comparing(s -> order(rules, s))).toList(),
                    facts(session, KnownJurisdiction.class).stream()
                            .sorted(Comparator.comparing(j -> order(rules, j.rule()))).toList());
        } finally {
            session.dispose();
        }
    }

    /** Workbook order: by sheet, then row, so results read like the table. */
    private static String order(CompiledRuleSet rules, Standard standard) {
        return order(rules, standard.rule());
    }

    private static String order(CompiledRuleSet rules, String rule) {
        var origin = rules.origin(rule);
        return String.format("%s/%s/%08d", origin.workbook(), origin.sheet(), origin.row() == null ? 0 : origin.row());
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }
}
