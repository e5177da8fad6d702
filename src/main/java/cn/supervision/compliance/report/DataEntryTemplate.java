package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.Workbook;

/**
 * A rule set's data-entry template (Excel in), contributed by its module: the empty workbook a clerk fills, and the
 * reading of a filled one into the {@code subject} of the JSON request. The upload, its screening, its bounds and the
 * evaluation are the report module's ({@link TemplateEvaluations}); a rule set without one has no template.
 */
public interface DataEntryTemplate {

    /** The rule set whose subject the template fills. */
    String ruleSet();

    /** The empty template, with its drop-downs, number checks and hints. */
    void write(OutputStream out) throws IOException;

    /** A filled template as the request's subject, the problems of its cells, and where each field came from. */
    FilledTemplate read(Workbook workbook);
}
