package cn.supervision.compliance.report;

import java.util.List;
import cn.supervision.compliance.text.Texts;

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

    /** The first problem where the clerk finds it, and how many more there are: 学校数据!F5：教学仪器设备值（元）：“八十万”不是数字（另有 2 处）. */
    public String detail() {
        CellProblem first = problems.get(0);
        String text = first.where() == null ? first.message() : Texts.of("input.about-field", first.where(), first.message());
        return problems.size() == 1 ? text : text + Texts.of("input.more", problems.size() - 1);
    }
}
