package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import cn.supervision.compliance.facts.Assessment;
import cn.supervision.compliance.facts.CountySubject;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.SchoolInput;
import cn.supervision.compliance.facts.SchoolProfile;
import cn.supervision.compliance.facts.SectionDerivation;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * One Drools session over one county, in two steps. First the assessment and the school profiles: the parameter rows
 * of the jurisdiction (school rule, split weights) and the scope rows (exclusions) fire. Then the values derived with
 * those parameters for the sections in scope: the check rows, the school rule, the CV rows and the remediation rows fire.
 */
final class CountySession {

    record Outcome(List<Exclusion> exclusions, List<Finding> findings, List<SectionVerdict> verdicts,
                   List<VariationCheck> variations, List<Remedy> remedies, List<String> firedRules) {
    }

    private CountySession() {
    }

    static Outcome run(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        KieSession session = rules.kieBase().newKieSession();
        FiredRules fired = new FiredRules();
        session.addEventListener(fired);
        try {
            session.insert(new Assessment(rules.name(), jurisdiction, county.year()));
            for (SchoolInput school : county.schools()) {
                session.insert(new SchoolProfile(school.id(), school.type(), school.totalStudents()));
            }
            session.fireAllRules();
            if (facts(session, SchoolPassRule.class).isEmpty()) {
                throw new InvalidInput("jurisdiction",
                        "rule set " + rules.name() + " has no school rule for jurisdiction '" + jurisdiction + "'");
            }
            List<Exclusion> exclusions = facts(session, Exclusion.class);
            Set<String> excluded = exclusions.stream().map(Exclusion::schoolId).collect(Collectors.toSet());
            Map<Stage, BigDecimal> weights = new EnumMap<>(Stage.class);
            facts(session, SplitWeight.class).forEach(w -> weights.put(w.stage(), w.weight()));

            SectionDerivation.Result derived = SectionDerivation.derive(county, excluded, weights, "subject.");
            derived.sections().forEach(session::insert);
            derived.values().forEach(session::insert);
            session.fireAllRules();
            return new Outcome(exclusions, facts(session, Finding.class), facts(session, SectionVerdict.class),
                    facts(session, VariationCheck.class), facts(session, Remedy.class), fired.names());
        } finally {
            session.dispose();
        }
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }
}
