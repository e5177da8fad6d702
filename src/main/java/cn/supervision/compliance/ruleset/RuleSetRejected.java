package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set's files do not compile into a rule base; every problem is listed with its place. */
public class RuleSetRejected extends RuntimeException {

    private final String ruleSet;
    private final List<RuleSetProblem> problems;

    public RuleSetRejected(String ruleSet, List<RuleSetProblem> problems) {
        super("rule set " + ruleSet + " rejected:\n  " + problems.stream().map(RuleSetProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.ruleSet = ruleSet;
        this.problems = List.copyOf(problems);
    }

    public String ruleSet() {
        return ruleSet;
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
