package cn.supervision.compliance.report;

import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.evaluation.EvaluationResult;

/**
 * Sheets a rule set adds to the Excel report of its evaluations, contributed by its module (as the county's sheet
 * per failing school). Every report has 汇总, 全部检查 and 整改清单 ({@link EvaluationReport}); a rule set's sheets come
 * between 全部检查 and 整改清单.
 */
public interface ReportSheets {

    /** The rule set whose reports get these sheets. */
    String ruleSet();

    void write(ReportBook book, EvaluationResult result, Trace trace);
}
