package cn.supervision.compliance.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** Uploaded or saved workbooks were not accepted as a rule-set version; every problem names its file, sheet and cell. */
public class WorkbookRejected extends RuntimeException {

    private final List<RuleSetProblem> problems;

    public WorkbookRejected(List<RuleSetProblem> problems) {
        super(problems.stream().map(RuleSetProblem::toString).collect(Collectors.joining("\n  ", "rejected:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    /** One problem of the whole file, the catalogue's {@code code}. */
    public static WorkbookRejected of(String file, String code, Object... arguments) {
        return new WorkbookRejected(List.of(RuleSetProblem.of(file, null, null, code, arguments)));
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }
}
