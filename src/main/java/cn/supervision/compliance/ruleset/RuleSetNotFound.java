package cn.supervision.compliance.ruleset;

import java.util.List;

public class RuleSetNotFound extends RuntimeException {

    public RuleSetNotFound(String name, List<String> known) {
        super("unknown rule set '" + name + "'; known: " + known.stream().sorted().toList());
    }
}
