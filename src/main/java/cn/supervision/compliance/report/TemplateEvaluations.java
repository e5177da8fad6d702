package cn.supervision.compliance.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.RequestChecks;
import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.RuleSets;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.ruleset.WorkbookScreen;
import cn.supervision.compliance.text.Texts;

/**
 * Evaluates a filled data-entry template: the workbook becomes the same request JSON as the JSON API and goes through
 * the same evaluation (and the same validation); every problem is reported by sheet and cell.
 */
@Service
public class TemplateEvaluations {

    // What the clerk reads when the upload itself is wrong

    private final Evaluations evaluations;
    private final RuleSets ruleSets;
    private final RequestChecks checks;
    private final Map<String, DataEntryTemplate> templates;
    private final TemplateReads reads;

    public TemplateEvaluations(Evaluations evaluations, RuleSets ruleSets, RequestChecks checks,
                               List<DataEntryTemplate> templates, TemplateReads reads) {
        this.reads = reads;
        this.evaluations = evaluations;
        this.ruleSets = ruleSets;
        this.checks = checks;
        this.templates = new TreeMap<>(templates.stream()
                .collect(Collectors.toMap(DataEntryTemplate::ruleSet, Function.identity())));
    }

    /** The data-entry template of a rule set, where its module contributes one. */
    public Optional<DataEntryTemplate> template(String ruleSet) {
        return Optional.ofNullable(templates.get(ruleSet));
    }

    /** {@code fileName}: the uploaded file's name, to name it in a problem. */
    public EvaluationResult evaluate(InputStream file, String fileName, String ruleSet, String jurisdiction) {
        DataEntryTemplate template = templates.get(ruleSet);
        if (template == null) {
            throw InvalidInput.of("ruleSet", "input.template.no-template", ruleSet, List.copyOf(templates.keySet()));
        }
        FilledTemplate filled;
        byte[] content = readAll(file);
        screen(content, fileName);
        reads.begin(content);
        try (Workbook workbook = open(content)) {
            filled = template.read(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            reads.done();
        }
        EvaluationRequest request = new EvaluationRequest(ruleSet, jurisdiction, filled.subject());
        List<InputProblem> invalid = checks.fieldProblems(request);
        if (!invalid.isEmpty()) {
            throw new InvalidInput(invalid);
        }
        if (filled.problems().isEmpty()) {
            try {
                return evaluations.evaluate(request);
            } catch (InvalidInput e) {
                throw new TemplateRejected(e.problems().stream().map(filled::locate).toList());
            }
        }
        throw new TemplateRejected(everyProblem(filled, request));
    }

    /**
     * The bad cells, and what the evaluation's own validation finds in the figures that could be read (a trial that
     * stores nothing), so that a clerk gets every bad cell in one answer; a figure left out because its cell is
     * already reported is not reported again as missing.
     */
    private List<CellProblem> everyProblem(FilledTemplate filled, EvaluationRequest request) {
        List<CellProblem> problems = new ArrayList<>(filled.problems());
        Set<String> reported = new HashSet<>();
        filled.problems().forEach(p -> reported.add(p.sheet() + "!" + p.cell()));
        try {
            evaluations.trial(ruleSets.active(request.ruleSet()), request);
        } catch (InvalidInput e) {
            e.problems().stream().map(filled::locate)
                    .filter(p -> !reported.contains(p.sheet() + "!" + p.cell()))
                    .forEach(problems::add);
        }
        return problems;
    }

    private static byte[] readAll(InputStream file) {
        try {
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The archive screen looks into the file before POI builds anything: a hostile .xlsx (zip bomb, zip slip, macros,
     * links, embedded objects, too many rows) is a {@link WorkbookRejected} naming the file.
     */
    private static void screen(byte[] content, String fileName) {
        try {
            if (FileMagic.valueOf(FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) == FileMagic.OOXML
                    && !WorkbookScreen.checkDataEntry(fileName, content)) {
                throw notAWorkbook();
            }
        } catch (WorkbookRejected | TemplateRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook();
        }
    }

    private static Workbook open(byte[] content) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook();
        }
    }

    private static TemplateRejected notAWorkbook() {
        return new TemplateRejected(List.of(new CellProblem(null, null, "file", Texts.of("template.not-a-workbook"))));
    }

}
