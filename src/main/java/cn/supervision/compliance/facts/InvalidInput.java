package cn.supervision.compliance.facts;

import java.util.List;

/** Submitted facts that cannot be evaluated; carries every problem found, each naming its field. */
public class InvalidInput extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidInput(List<InputProblem> problems) {
        super(problems.size() + " problem(s) in the submitted facts, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new InputProblem(field, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
