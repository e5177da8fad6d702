package cn.supervision.compliance.facts;

import java.util.List;

/** Submitted facts that cannot be evaluated; carries every problem found, each naming its field. */
public class InvalidInput extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidInput(List<InputProblem> problems) {
        super(problems.size() + " problem(s) in the submitted facts, first: " + problems.get(0).field() + " "
                + problems.get(0).code());
        this.problems = List.copyOf(problems);
    }

    /** One problem: the catalogue's {@code code} about {@code field}. */
    public static InvalidInput of(String field, String code, Object... arguments) {
        return new InvalidInput(List.of(InputProblem.of(field, code, arguments)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
