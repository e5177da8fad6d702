package cn.supervision.compliance.balanced;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** The benchmarks' way to the rule engine without HTTP or storage: one session per county, as the service runs it. */
public final class EngineProbe {

    private EngineProbe() {
    }

    /** The Drools session alone (both steps); returns the number of rules fired. */
    public static int session(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        return CountySession.run(rules, jurisdiction, county).firedRules().size();
    }

    /** The session and the assembly of the API result, as an evaluation does it. */
    public static EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        return CountyResultAssembler.assemble(rules, jurisdiction, county, CountySession.run(rules, jurisdiction, county));
    }
}
