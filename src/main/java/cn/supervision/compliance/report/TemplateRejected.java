package cn.supervision.compliance.report;

import java.util.List;

/** A filled data-entry template that cannot be evaluated; carries every bad cell found. */
public class TemplateRejected extends RuntimeException {

    private static final String PLACED = "%s：%s";
    private static final String MORE = "%s（另有 %d 处）";

    private final List<CellProblem> problems;

    public TemplateRejected(List<CellProblem> problems) {
        super(problems.size() + " problem(s) in the uploaded workbook, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<CellProblem> problems() {
        return problems;
    }

    /** The first problem where the clerk finds it, and how many more there are: 学校数据!F5：'八十万' 不是数字（另有 2 处）. */
    public String detail() {
        CellProblem first = problems.get(0);
        String text = first.where() == null ? first.message() : PLACED.formatted(first.where(), first.message());
        return problems.size() == 1 ? text : MORE.formatted(text, problems.size() - 1);
    }
}
