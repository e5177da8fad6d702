package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;

/**
 * The active, immutable rule base of every rule set. An evaluation reads the active reference once and keeps it, so a
 * switch ({@link RuleSetVersions#activate}) never affects work already running: it only swaps the reference.
 */
@Service
public class RuleSets {

    private final Map<String, AtomicReference<CompiledRuleSet>> active = new ConcurrentHashMap<>();

    /** The active rule base of a rule set named in a path; {@link RuleSetNotFound} (404) when there is none. */
    public CompiledRuleSet active(String name) {
        return active(name, null);
    }

    /**
     * The active rule base of a rule set named by a request's {@code field}; {@link RuleSetNotFound} naming the field
     * (400) when there is none. This is the one place that decides whether a rule set exists.
     */
    public CompiledRuleSet active(String name, String field) {
        AtomicReference<CompiledRuleSet> reference = name == null ? null : active.get(name);
        if (reference == null) {
            throw new RuleSetNotFound(name, List.copyOf(active.keySet()), field);
        }
        return reference.get();
    }

    public List<String> names() {
        return active.keySet().stream().sorted().toList();
    }

    void activate(CompiledRuleSet compiled) {
        active.computeIfAbsent(compiled.name(), name -> new AtomicReference<>()).set(compiled);
    }
}
