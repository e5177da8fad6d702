package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


import cn.supervision.compliance.facts.Assessment;
import cn.supervision.compliance.balanced.CountyMeasures;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.facts.SchoolProfile;
import cn.supervision.compliance.balanced.SectionDerivation;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.evaluation.Decision;
import cn.supervision.compliance.evaluation.Exclusion;
import cn.supervision.compliance.evaluation.Finding;
import cn.supervision.compliance.evaluation.Grade;
import cn.supervision.compliance.evaluation.IndicatorVerdict;
import cn.supervision.compliance.evaluation.JurisdictionChain;
import cn.supervision.compliance.evaluation.RuleSession;
import cn.supervision.compliance.evaluation.MeasureCandidate;
import cn.supervision.compliance.evaluation.MeasureCheck;
import cn.supervision.compliance.evaluation.Remedy;
import cn.supervision.compliance.evaluation.SchoolPassRule;
import cn.supervision.compliance.evaluation.SectionVerdict;
import cn.supervision.compliance.evaluation.SplitWeight;
import cn.supervision.compliance.evaluation.SubItemMax;
import cn.supervision.compliance.evaluation.VariationCheck;
import cn.supervision.compliance.evaluation.Veto;
import cn.supervision.compliance.evaluation.VetoItem;

/**
 * One Drools session over one county, in three steps. First the jurisdiction tree's rows, from which the requested
 * jurisdiction's chain goes in. Then the assessment and the school profiles: the parameter rows of the chain (school
 * rule, split weights, catalogue, maxima, bands, veto items) and the scope rows fire. Then the facts derived with those
 * parameters: the check rows fire, the chain chooses among the class-A standards' candidates
 * ({@link JurisdictionChain#mostSpecific}), then each phase of the DRL in turn (the school rule and CVs, indicator
 * verdicts, grade, decision), each followed by the rows its facts activate (CV limits, remediation).
 */
final class CountySession {

    /** The agenda groups of the DRL (rules/balanced-development), in the order they run on the derived facts. */
    private static final List<String> PHASES = List.of("school-rule-and-cv", "indicator-verdicts", "grade", "decision");

    private CountySession() {
    }

    static CountyOutcome run(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        try (RuleSession session = RuleSession.open(rules, jurisdiction)) {
            session.insert(new Assessment(rules.name(), jurisdiction, county.year()));
            for (SchoolInput school : county.schools()) {
                session.insert(new SchoolProfile(school.id(), school.type(), school.totalStudents()));
            }
            session.fire();
            if (session.facts(SchoolPassRule.class).isEmpty()) {
                throw InvalidInput.of("jurisdiction", "input.jurisdiction.no-school-rule", rules.name(),
                        session.chain().rootFirst());
            }
            List<Exclusion> exclusions = session.facts(Exclusion.class);
            Set<String> excluded = exclusions.stream().map(Exclusion::schoolId).collect(Collectors.toSet());
            Map<Stage, BigDecimal> weights = new EnumMap<>(Stage.class);
            session.facts(SplitWeight.class).forEach(w -> weights.put(w.stage(), w.weight()));
            AssessmentInputs inputs = AssessmentInputs.read(county.assessment(), session.facts(SubItemMax.class),
                    session.facts(VetoItem.class), "subject.assessment.");

            SectionDerivation.Result derived = SectionDerivation.derive(county, excluded, weights, "subject.");
            session.insertAll(derived.sections());
            session.insertAll(derived.values());
            session.insertAll(derived.groups());
            if (county.effectiveScope() == AssessmentScope.FULL_ASSESSMENT) {
                // a resource-allocation request leaves the 36-indicator assessment out of its answer, so its measures,
                // scores and veto flags are not derived either (about two thirds of a county's firings, issue 21)
                session.insertAll(CountyMeasures.derive(county));
                session.insertAll(inputs.scores());
                session.insertAll(inputs.vetoFlags());
            }
            session.fire();
            // the chain's choice among the class-A standards' candidates, decided in one place (JurisdictionChain)
            session.insertAll(session.chain().mostSpecific(session.facts(MeasureCandidate.class), MeasureCandidate::key,
                    MeasureCandidate::jurisdiction).stream().map(MeasureCandidate::check).toList());
            PHASES.forEach(session::fire);
            return new CountyOutcome(session.chain(), exclusions, session.facts(Finding.class),
                    session.facts(SectionVerdict.class), session.facts(VariationCheck.class),
                    session.facts(Remedy.class), session.facts(IndicatorVerdict.class),
                    session.facts(MeasureCheck.class), session.facts(Veto.class), session.single(Grade.class),
                    session.single(Decision.class), session.firedRules());
        }
    }
}
