package cn.supervision.compliance.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * An immutable, built rule base of one rule set version, with where each of its rules comes from and the free text of
 * its workbooks ({@link RowCatalogue}), which the rules read as data.
 */
public record CompiledRuleSet(String name, String version, Instant builtAt, List<String> files, KieBase kieBase,
                              Map<String, RuleOrigin> origins, RowCatalogue texts) {

    public RuleOrigin origin(String ruleName) {
        RuleOrigin origin = origins.get(ruleName);
        return origin != null ? origin : new RuleOrigin(ruleName, null, null, null);
    }

    /**
     * A new session of this rule base with its catalogue of texts in place (every rule sheet of an approved template
     * declares the global); the caller disposes of it.
     */
    public KieSession newSession() {
        KieSession session = kieBase.newKieSession();
        session.setGlobal(RowCatalogue.GLOBAL, texts);
        return session;
    }
}
