package cn.supervision.compliance.ruleset;

import java.util.List;

import cn.supervision.compliance.text.Texts;

/**
 * No rule set of that name is served. {@code field} names the request parameter or body field that named it (a 400
 * naming the field); null when the name was part of the path (a 404).
 */
public class RuleSetNotFound extends RuntimeException {

    private final String name;
    private final List<String> known;
    private final String field;

    RuleSetNotFound(String name, List<String> known, String field) {
        super(Texts.of("input.rule-set.unknown", name, known.stream().sorted().toList()));
        this.name = name;
        this.known = known.stream().sorted().toList();
        this.field = field;
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }

    public String field() {
        return field;
    }
}
