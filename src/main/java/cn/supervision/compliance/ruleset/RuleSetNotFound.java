package cn.supervision.compliance.ruleset;

import java.util.List;

/**
 * No rule set of that name is served. {@code field} names the request parameter or body field that named it (a 400
 * naming the field); null when the name was part of the path (a 404).
 */
public class RuleSetNotFound extends RuntimeException {

    private final String field;

    RuleSetNotFound(String name, List<String> known, String field) {
        super("unknown rule set '" + name + "'; known: " + known.stream().sorted().toList());
        this.field = field;
    }

    public String field() {
        return field;
    }
}
