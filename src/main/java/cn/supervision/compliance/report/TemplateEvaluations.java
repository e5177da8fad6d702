package cn.supervision.compliance.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.ruleset.WorkbookScreen;
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

    /** {@code fileName}: the uploaded file's name, to name it in a problem. */
    public EvaluationResult evaluate(InputStream file, String fileName, String ruleSet, String jurisdiction) {
        if (!CountyTemplate.RULE_SET.equals(ruleSet)) {
            throw InvalidInput.of("ruleSet", "input.template.no-template", ruleSet, List.of(CountyTemplate.RULE_SET));
        }
        CountyTemplateReader.Filled filled;
        try (Workbook workbook = open(file, fileName, ruleSet)) {
            filled = CountyTemplateReader.read(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!filled.problems().isEmpty()) {
            throw new TemplateRejected(filled.problems());
        }
        EvaluationRequest request = new EvaluationRequest(ruleSet, jurisdiction, filled.subject());
        List<InputProblem> invalid = validator.validate(request).stream()
                .map(v -> InputProblem.violation(v.getPropertyPath().toString(), v)).toList();
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        try {
            return evaluations.evaluate(request);
        } catch (InvalidInput e) {
            throw new TemplateRejected(e.problems().stream().map(filled::locate).toList());
        }
    }

    /**
     * The workbook, once the archive screen has looked into it before POI builds anything: a hostile .xlsx (zip bomb,
     * zip slip, macros, links, embedded objects, too many rows) is a {@link WorkbookRejected} naming the file.
     */
    private static Workbook open(InputStream file, String fileName, String ruleSet) {
        try {
            byte[] content = file.readAllBytes();
            if (FileMagic.valueOf(FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) == FileMagic.OOXML
                    && !WorkbookScreen.checkDataEntry(fileName, content)) {
                throw new IOException("not a complete zip archive");
            }
            return WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (WorkbookRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TemplateRejected(List.of(new CellProblem(null, null, "file",
                    "not a readable Excel workbook (.xlsx): start from GET /api/v1/rule-sets/" + ruleSet
                            + "/template")));
        }
    }

}
