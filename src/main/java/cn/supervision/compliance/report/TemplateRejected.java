package cn.supervision.compliance.report;

import java.util.List;

/** A filled data-entry template that cannot be evaluated; carries every bad cell found. */
public class TemplateRejected extends RuntimeException {

    private final List<CellProblem> problems;

    public TemplateRejected(List<CellProblem> problems) {
        super(problems.size() + " problem(s) in the uploaded workbook, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<CellProblem> problems() {
        return problems;
    }
}
