package cn.supervision.compliance.cycle;

import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.SubjectPlacement;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The reports to file, as PDF (A4, CJK font embedded): an evaluation's report ({@code ?format=pdf} beside the Excel
 * report), the ledger of rectification items, and a node's overview (JSON by default, PDF on request).
 */
@RestController
@Validated
class PdfController {

    private static final String PDF = "pdf";

    private final Evaluations evaluations;
    private final SubmissionStore submissions;
    private final Submissions cycle;
    private final Rectifications rectifications;
    private final NodeOverview overviews;
    private final CyclePdfs pdfs;
    private final ReviewScope scope;

    PdfController(Evaluations evaluations, SubmissionStore submissions, Submissions cycle,
                  Rectifications rectifications, NodeOverview overviews, CyclePdfs pdfs, ReviewScope scope) {
        this.scope = scope;
        this.evaluations = evaluations;
        this.submissions = submissions;
        this.cycle = cycle;
        this.rectifications = rectifications;
        this.overviews = overviews;
        this.pdfs = pdfs;
    }

    @Operation(summary = "The evaluation's report as PDF (format=pdf; the Excel report otherwise)")
    @GetMapping(path = "/api/v1/evaluations/{id}/report", params = "format=pdf")
    ResponseEntity<byte[]> evaluationReport(@PathVariable String id, Authentication caller) {
        // another node's evaluation is answered as one that does not exist (issue 22: no existence leak)
        StoredEvaluation stored = evaluations.find(id)
                .filter(s -> SubjectPlacement.of(s.request().path("subject"))
                        .map(place -> scope.reaches(caller, place.code()))
                        .orElse(EvaluationRequest.DEFAULT_JURISDICTION.equals(scope.nodeOf(caller))))
                .orElseThrow(() -> CycleRefusal.notFound("cycle.evaluation.not-found", id));
        return pdf(report(stored), "evaluation-" + id + ".pdf");
    }

    @Operation(summary = "The report of a submission's latest evaluation as PDF, for its clerk and reviewers")
    @GetMapping("/api/v1/submissions/{id}/report")
    ResponseEntity<byte[]> submissionReport(@PathVariable String id, Authentication caller) {
        Submission submission = cycle.one(id, caller);
        StoredEvaluation stored = evaluations.find(submission.evaluationId()).orElseThrow();
        return pdf(report(stored), "evaluation-" + stored.id() + ".pdf");
    }

    @Operation(summary = "The ledger (台账) as PDF (format=pdf), selected as by the list")
    @GetMapping(path = "/api/v1/rectifications/ledger", params = "format=pdf")
    ResponseEntity<byte[]> ledger(@Valid RectificationController.Query query, Authentication caller) {
        return pdf(pdfs.ledger(rectifications.list(query.filter(), query.node(), caller)), "rectification-ledger.pdf");
    }

    @Operation(summary = "A node's overview for a year: subjects by verdict, 达标率 per indicator, overdue items,"
            + " each subject's official evaluation; format=pdf for the PDF")
    @GetMapping("/api/v1/jurisdictions/{node}/overview")
    ResponseEntity<?> overview(@PathVariable @Size(max = 64) String node, @RequestParam @Size(max = 64) String ruleSet,
                               @RequestParam @Min(1900) @Max(2999) int year,
                               @RequestParam(required = false) @Size(max = 8) String format, Authentication caller) {
        NodeOverview.Overview overview = overviews.of(node, ruleSet, year, caller);
        if (PDF.equals(format)) {
            return pdf(pdfs.overview(overview), "overview-" + node + "-" + year + ".pdf");
        }
        return ResponseEntity.ok(overview);
    }

    /** The report of a stored evaluation, its result replayed on the rule-set version that answered it. */
    private byte[] report(StoredEvaluation stored) {
        EvaluationResult result = evaluations.replay(stored);
        Optional<SubmissionStore.Official> official = submissions.officials(result.ruleSet(), result.subject().code(),
                result.subject().year()).stream().filter(o -> o.evaluationId().equals(stored.id())).findFirst();
        return pdfs.evaluation(stored, result, official);
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(content);
    }
}
