package cn.supervision.compliance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import jakarta.validation.Validator;

/**
 * Evaluates a filled data-entry template: the workbook becomes the same request JSON as the JSON API and goes through
 * the same evaluation (and the same validation); every problem is reported by sheet and cell.
 */
@Service
public class TemplateEvaluations {

    private final Evaluations evaluations;
    private final Validator validator;

    public TemplateEvaluations(Evaluations evaluations, Validator validator) {
        this.evaluations = evaluations;
        this.validator = validator;
    }

    public EvaluationResult evaluate(InputStream file, String ruleSet, String jurisdiction) {
        if (!CountyTemplate.RULE_SET.equals(ruleSet)) {
            throw new InvalidInput("ruleSet", "no data-entry template for rule set '" + ruleSet + "'; known: ["
                    + CountyTemplate.RULE_SET + "]");
        }
        CountyTemplateReader.Filled filled;
        try (Workbook workbook = open(file, ruleSet)) {
            filled = CountyTemplateReader.read(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!filled.problems().isEmpty()) {
            throw new TemplateRejected(filled.problems());
        }
        EvaluationRequest request = new EvaluationRequest(ruleSet, jurisdiction, filled.subject());
        List<InputProblem> invalid = validator.validate(request).stream()
                .map(v -> new InputProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        try {
            return evaluations.evaluate(request);
        } catch (InvalidInput e) {
            throw new TemplateRejected(e.problems().stream().map(filled::locate).toList());
        }
    }

    private static Workbook open(InputStream file, String ruleSet) {
        try {
            return WorkbookFactory.create(file);
        } catch (IOException | RuntimeException e) {
            throw new TemplateRejected(List.of(new CellProblem(null, null, "file",
                    "not a readable Excel workbook (.xlsx): start from GET /api/v1/rule-sets/" + ruleSet
                            + "/template")));
        }
    }

}
