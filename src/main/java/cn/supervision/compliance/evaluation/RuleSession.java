package cn.supervision.compliance.evaluation;

import java.util.Collection;
import java.util.List;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * The one Drools session of one evaluation, as every rule set opens it: the rows of the jurisdiction tree fire first,
 * then the requested jurisdiction's chain goes in (a 400 for an unknown node); the rule set then inserts its facts and
 * fires. Every rule that fires is recorded in order. Closed (disposed) at the end of the evaluation.
 */
public final class RuleSession implements AutoCloseable {

    private final KieSession session;
    private final FiredRules fired = new FiredRules();
    private final JurisdictionChain chain;

    private RuleSession(CompiledRuleSet rules, String jurisdiction) {
        session = rules.newSession();
        session.addEventListener(fired);
        try {
            session.fireAllRules();
            chain = JurisdictionChain.of(rules, jurisdiction, facts(KnownJurisdiction.class));
            chain.links().forEach(session::insert);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    public static RuleSession open(CompiledRuleSet rules, String jurisdiction) {
        return new RuleSession(rules, jurisdiction);
    }

    public JurisdictionChain chain() {
        return chain;
    }

    public void insert(Object fact) {
        session.insert(fact);
    }

    public void insertAll(Collection<?> facts) {
        facts.forEach(session::insert);
    }

    public void fire() {
        session.fireAllRules();
    }

    /**
     * Fires one phase: the rules of that agenda group, then the rows of the main group that its facts activated.
     */
    public void fire(String agendaGroup) {
        session.getAgenda().getAgendaGroup(agendaGroup).setFocus();
        session.fireAllRules();
    }

    public <T> List<T> facts(Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    /** The one fact of that type, or {@code null} when no rule inserted it. */
    public <T> T single(Class<T> type) {
        List<T> found = facts(type);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The names of the rules that fired so far, in firing order. */
    public List<String> firedRules() {
        return fired.names();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
