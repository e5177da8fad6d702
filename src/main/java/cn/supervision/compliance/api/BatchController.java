package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

import cn.supervision.compliance.system.Account;
import cn.supervision.compliance.system.AccountScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.batch.BatchCounty;
import cn.supervision.compliance.batch.BatchInput;
import cn.supervision.compliance.batch.BatchJobs;
import cn.supervision.compliance.batch.BatchProgress;
import cn.supervision.compliance.batch.BatchProperties;
import cn.supervision.compliance.batch.BatchSummary;
import cn.supervision.compliance.batch.BatchSummaryWorkbook;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import cn.supervision.compliance.text.Texts;

/** Batch evaluation: a province's or the nation's counties in one job, followed by its progress and summary. */
@RestController
@RequestMapping("/api/v1/batches")
class BatchController {

    static final String JSON_LINES = "application/x-ndjson";

    private final BatchJobs batches;
    private final BatchProperties limits;
    private final ObjectMapper mapper;
    private final AccountScope scope;

    BatchController(BatchJobs batches, BatchProperties limits, ObjectMapper mapper, AccountScope scope) {
        this.scope = scope;
        this.batches = batches;
        this.limits = limits;
        this.mapper = mapper;
    }

    @Operation(summary = "Evaluate many counties: JSON Lines (one county subject or evaluation request per line), or a"
            + " multipart zip of county JSON files; 202 with the batch's progress")
    @PostMapping(consumes = JSON_LINES)
    ResponseEntity<BatchProgress> submitLines(HttpServletRequest request, @RequestParam String ruleSet,
                                              @RequestParam(required = false) String jurisdiction,
                                              Authentication submitter) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return accepted(batches.submit(BatchInput.jsonLines(body, limits), ruleSet, jurisdiction,
                    submitter.getName(), scope.currentNode()));
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchProgress> submitZip(@RequestPart("file") MultipartFile file, @RequestParam String ruleSet,
                                            @RequestParam(required = false) String jurisdiction,
                                            Authentication submitter) throws IOException {
        try (InputStream zip = file.getInputStream()) {
            return accepted(batches.submit(BatchInput.zip(zip, mapper, limits), ruleSet, jurisdiction,
                    submitter.getName(), scope.currentNode()));
        }
    }

    @Operation(summary = "The batches the caller may read (auditors and admins: those submitted inside their"
            + " jurisdiction; others: those they submitted),"
            + " newest first, each with its progress")
    @GetMapping
    BatchListing list(Authentication viewer) {
        return new BatchListing(batches.all().stream()
                .filter(batch -> readable(batch.submittedBy(), batch.submitterNode(), viewer)).toList());
    }

    /** The answer of {@code GET /api/v1/batches}. */
    record BatchListing(List<BatchProgress> items) {
    }

    @Operation(summary = "A batch's progress: counties done of the total, rate and estimated time left")
    @GetMapping("/{id}")
    BatchProgress progress(@PathVariable String id, Authentication viewer) {
        readable(id, viewer);
        return batches.progress(id).orElseThrow(() -> missing(id));
    }

    @Operation(summary = "The counties of a batch done so far, in input order (page from 0, size ≤ 200): each with its"
            + " evaluation's id, county and verdicts, or the problems that kept it from being evaluated")
    @GetMapping("/{id}/counties")
    BatchCounty.Page counties(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size, Authentication viewer) {
        Paging paging = new Paging(page, size);
        readable(id, viewer);
        return batches.counties(id, paging.page(), paging.size()).orElseThrow(() -> missing(id));
    }

    @Operation(summary = "A finished batch's summary: recognised or not, failing indicators, grades, invalid counties")
    @GetMapping("/{id}/summary")
    BatchSummary summary(@PathVariable String id, Authentication viewer) {
        return finishedSummary(id, viewer);
    }

    @Operation(summary = "A finished batch's summary as an Excel workbook (Chinese headers)")
    @GetMapping("/{id}/summary.xlsx")
    ResponseEntity<byte[]> summaryWorkbook(@PathVariable String id, Authentication viewer) {
        BatchSummary summary = finishedSummary(id, viewer);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("batch-" + summary.batchId() + ".xlsx").build().toString())
                .body(BatchSummaryWorkbook.write(summary));
    }

    private BatchSummary finishedSummary(String id, Authentication viewer) {
        readable(id, viewer);
        return batches.summary(id)
                .orElseThrow(() -> new NotFound(Texts.of("not-found.batch-summary", id)));
    }

    /**
     * Auditors and admins read the batches submitted inside their node's subtree; an integrator only the batches it
     * submitted (others look missing).
     */
    private void readable(String id, Authentication viewer) {
        BatchProgress batch = batches.progress(id).orElseThrow(() -> missing(id));
        if (!readable(batch.submittedBy(), batch.submitterNode(), viewer)) {
            throw missing(id);
        }
    }

    private boolean readable(String submittedBy, String submitterNode, Authentication viewer) {
        return submittedBy.equals(viewer.getName()) || Viewers.readsAll(viewer)
                && scope.covers(scope.currentNode(), submitterNode == null ? Account.NATIONAL : submitterNode);
    }

    private static NotFound missing(String id) {
        return new NotFound(Texts.of("not-found.batch", id));
    }

    private static ResponseEntity<BatchProgress> accepted(BatchProgress progress) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/batches/" + progress.id())).body(progress);
    }
}
