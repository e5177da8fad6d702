package cn.supervision.compliance.api;


import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.audit.Comparison;
import cn.supervision.compliance.audit.Comparisons;
import cn.supervision.compliance.audit.EvaluationPage;
import cn.supervision.compliance.audit.EvaluationQuery;
import cn.supervision.compliance.system.AccountScope;
import cn.supervision.compliance.audit.EvaluationStore;
import cn.supervision.compliance.audit.Trace;
import cn.supervision.compliance.audit.Traces;
import cn.supervision.compliance.report.ReportFiles;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import io.swagger.v3.oas.annotations.Operation;
import cn.supervision.compliance.text.Texts;

/** The auditors' view of the stored evaluations: search, trace, Excel report, comparison. */
@RestController
@RequestMapping("/api/v1/evaluations")
class AuditController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EvaluationStore store;
    private final Traces traces;
    private final Comparisons comparisons;
    private final ReportFiles report;
    private final Evaluations evaluations;

    private final AccountScope scope;
    private final InScope inScope;

    AuditController(EvaluationStore store, Traces traces, Comparisons comparisons, ReportFiles report,
                    Evaluations evaluations, AccountScope scope, InScope inScope) {
        this.scope = scope;
        this.inScope = inScope;
        this.store = store;
        this.evaluations = evaluations;
        this.traces = traces;
        this.comparisons = comparisons;
        this.report = report;
    }

    @Operation(summary = "Search stored evaluations, newest first")
    @GetMapping
    EvaluationPage search(@RequestParam(required = false) String countyCode,
                          @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) String ruleSet,
                          @RequestParam(required = false) Boolean passed,
                          @RequestParam(required = false) String failedIndicator,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size) {
        Paging paging = new Paging(page, size);
        return store.search(new EvaluationQuery(countyCode, year, ruleSet, passed, failedIndicator, paging.page(),
                paging.size(), scope.currentReach().orElse(null)));
    }

    @Operation(summary = "Every check of an evaluation with its chain: raw figures → value → rule row and requirement"
            + " → verdict; narrow it with indicator= and school=")
    @GetMapping("/{id}/trace")
    Trace trace(@PathVariable String id, @RequestParam(required = false) String indicator,
                @RequestParam(required = false) String school) {
        visible(id);
        return traces.trace(id).orElseThrow(() -> missing(id)).about(indicator, school);
    }

    @Operation(summary = "The checks whose verdict changed between two evaluations (two years, or two rule-set versions)")
    @GetMapping("/{id}/compare/{other}")
    Comparison compare(@PathVariable String id, @PathVariable String other) {
        visible(id);
        visible(other);
        return comparisons.compare(id, other)
                .orElseThrow(() -> new NotFound(Texts.of("not-found.evaluations", id, other)));
    }

    @Operation(summary = "Same as /{id}/compare/{other}, with the other evaluation as ?with=")
    @GetMapping(path = "/{id}/compare", params = "with")
    Comparison compareWith(@PathVariable String id, @RequestParam("with") String other) {
        return compare(id, other);
    }

    @Operation(summary = "The evaluation as an Excel report (summary, all checks, failing schools, remediation list)")
    @GetMapping("/{id}/report")
    ResponseEntity<Resource> report(@PathVariable String id) {
        StoredEvaluation stored = store.findStored(id).filter(inScope::readable).orElseThrow(() -> missing(id));
        // replayed and built whole before the first byte (complete or refused, never a truncated 200): report/ReportFiles
        Resource built = report.build(stored, evaluations::replay);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evaluation-" + id + ".xlsx").build().toString())
                .body(built);
    }

    /** An evaluation outside the caller's subtree is a 404, as one that does not exist (issue 22). */
    private void visible(String id) {
        if (store.findStored(id).filter(stored -> !inScope.readable(stored)).isPresent()) {
            throw missing(id);
        }
    }

    private static NotFound missing(String id) {
        return new NotFound(Texts.of("not-found.evaluation", id));
    }
}
