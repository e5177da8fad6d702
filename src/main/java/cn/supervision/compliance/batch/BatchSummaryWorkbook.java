package cn.supervision.compliance.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.report.SheetWriter;

/** The batch summary as an Excel workbook for the supervision office: overview, failing indicators, grades, invalid counties. */
public final class BatchSummaryWorkbook {

    private BatchSummaryWorkbook() {
    }

    public static byte[] write(BatchSummary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = SheetWriter.headerStyle(workbook);
            SheetWriter overview = new SheetWriter(workbook.createSheet("概况")).widths(24, 70);
            overview.row(header, "项目", "内容");
            overview.row("批次编号", summary.batchId());
            overview.row("规则集", summary.ruleSet());
            overview.row("适用地区", summary.jurisdiction());
            overview.row("规则集版本", summary.ruleSetVersion());
            overview.row("县（区）总数", summary.total());
            overview.row("已评估", summary.evaluated());
            overview.row("资源配置达标", summary.passed());
            overview.row("资源配置未达标", summary.failed());
            overview.row("数据有误未评估", summary.invalid().size());
            for (Map.Entry<String, Integer> decision : summary.decisions().entrySet()) {
                overview.row("认定结论：" + decision.getKey(), decision.getValue());
            }

            SheetWriter indicators = new SheetWriter(workbook.createSheet("未达标指标")).widths(14, 18, 18);
            indicators.row(header, "指标代码", "未达标县（区）数", "未达标项次");
            summary.failingIndicators().forEach(i -> indicators.row(i.indicator(), i.counties(), i.failures()));

            SheetWriter grades = new SheetWriter(workbook.createSheet("等级分布")).widths(14, 18);
            grades.row(header, "等级", "县（区）数");
            summary.grades().forEach(grades::row);

            SheetWriter invalid = new SheetWriter(workbook.createSheet("数据有误")).widths(30, 40, 70);
            invalid.row(header, "位置", "字段", "问题");
            for (BatchSummary.InvalidCounty county : summary.invalid()) {
                for (InputProblem problem : county.problems()) {
                    invalid.row(county.source(), problem.field(), problem.message());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
