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
import cn.supervision.compliance.facts.CountyMeasures;
import cn.supervision.compliance.facts.CountySubject;
import cn.supervision.compliance.facts.DerivedFactsReady;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.facts.SchoolInput;
import cn.supervision.compliance.facts.SchoolProfile;
import cn.supervision.compliance.facts.SectionDerivation;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * One Drools session over one county, in three steps. First the jurisdiction tree's rows, from which the requested
 * jurisdiction's chain goes in. Then the assessment and the school profiles: the parameter rows of the chain (school rule, split weights, catalogue, maxima, bands, veto items) and the scope rows fire. Then
 * the facts derived with those parameters: check rows, the school rule, CVs, indicator verdicts, grade, decision and
 * remediation rows fire.
 */
final class CountySession {

    record Outcome(JurisdictionChain chain, List<Exclusion> exclusions, List<Finding> findings, List<SectionVerdict> verdicts,
                   List<VariationCheck> variations, List<Remedy> remedies, List<IndicatorVerdict> indicators,
                   List<MeasureCheck> measureChecks, List<Veto> vetoes, Grade grade, Decision decision,
                   List<String> firedRules) {
    }

    private CountySession() {
    }

    static Outcome run(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        KieSession session = rules.newSession();
        FiredRules fired = new FiredRules();
        session.addEventListener(fired);
        try {
            session.fireAllRules();
            JurisdictionChain chain = JurisdictionChain.of(rules, jurisdiction,
                    facts(session, KnownJurisdiction.class));
            chain.links().forEach(session::insert);
            session.insert(new Assessment(rules.name(), jurisdiction, county.year()));
            for (SchoolInput school : county.schools()) {
                session.insert(new SchoolProfile(school.id(), school.type(), school.totalStudents()));
            }
            session.fireAllRules();
            if (facts(session, SchoolPassRule.class).isEmpty()) {
                throw InvalidInput.of("jurisdiction", "input.jurisdiction.no-school-rule", rules.name(),
                        chain.rootFirst());
            }
            List<Exclusion> exclusions = facts(session, Exclusion.class);
            Set<String> excluded = exclusions.stream().map(Exclusion::schoolId).collect(Collectors.toSet());
            Map<Stage, BigDecimal> weights = new EnumMap<>(Stage.class);
            facts(session, SplitWeight.class).forEach(w -> weights.put(w.stage(), w.weight()));
            AssessmentInputs inputs = AssessmentInputs.read(county.assessment(), facts(session, SubItemMax.class),
                    facts(session, VetoItem.class), "subject.assessment.");

            SectionDerivation.Result derived = SectionDerivation.derive(county, excluded, weights, "subject.");
            derived.sections().forEach(session::insert);
            derived.values().forEach(session::insert);
            CountyMeasures.derive(county).forEach(session::insert);
            inputs.scores().forEach(session::insert);
            inputs.vetoFlags().forEach(session::insert);
            session.insert(new DerivedFactsReady());
            session.fireAllRules();
            return new Outcome(chain, exclusions, facts(session, Finding.class), facts(session, SectionVerdict.class),
                    facts(session, VariationCheck.class), facts(session, Remedy.class),
                    facts(session, IndicatorVerdict.class), facts(session, MeasureCheck.class),
                    facts(session, Veto.class), single(session, Grade.class), single(session, Decision.class),
                    fired.names());
        } finally {
            session.dispose();
        }
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    private static <T> T single(KieSession session, Class<T> type) {
        List<T> found = facts(session, type);
        return found.isEmpty() ? null : found.get(0);
    }
}
