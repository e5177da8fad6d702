package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

/** An immutable, built rule base of one rule set version, with where each of its rules comes from. */
public record CompiledRuleSet(String name, String version, Instant builtAt, List<String> files, KieBase kieBase,
                              Map<String, RuleOrigin> origins) {

    public RuleOrigin origin(String ruleName) {
        RuleOrigin origin = origins.get(ruleName);
        return origin != null ? origin : new RuleOrigin(ruleName, null, null, null);
    }
}
