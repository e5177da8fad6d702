package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The active, immutable rule base of every rule set. An evaluation reads the active reference once and keeps it, so a
 * later switch never affects work already running.
 */
@Service
public class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    private final Map<String, AtomicReference<CompiledRuleSet>> active = new ConcurrentHashMap<>();

    public RuleSets(RuleSetSources sources, RuleSetCompiler compiler) {
        for (String name : sources.ruleSetNames()) {
            CompiledRuleSet compiled = compiler.compile(name, sources.read(name));
            active.put(name, new AtomicReference<>(compiled));
            log.info("rule set {} version {} built from {}", name, compiled.version(), compiled.files());
        }
    }

    public CompiledRuleSet active(String name) {
        AtomicReference<CompiledRuleSet> reference = active.get(name);
        if (reference == null) {
            throw new RuleSetNotFound(name, List.copyOf(active.keySet()));
        }
        return reference.get();
    }

    public List<String> names() {
        return active.keySet().stream().sorted().toList();
    }
}
