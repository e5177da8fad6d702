package cn.supervision.compliance.cycle;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Rectification items (整改) over HTTP (API.md, "The supervision cycle"), and the ledger (台账). */
@RestController
@RequestMapping("/api/v1/rectifications")
class RectificationController {

    private final Rectifications rectifications;
    private final LedgerWorkbook ledger;

    RectificationController(Rectifications rectifications, LedgerWorkbook ledger) {
        this.rectifications = rectifications;
        this.ledger = ledger;
    }

    record Listing(List<Rectification> items) {
    }

    record Progress(@Size(max = 32) String status, @Size(max = 4000) String explanation) {
    }

    record Review(@Size(max = 4000) String comment) {
    }

    @Operation(summary = "Rectification items in the caller's scope, by subject code, node, status, indicator,"
            + " department, year and overdue")
    @GetMapping
    Listing list(@Valid Query query, Authentication caller) {
        return new Listing(rectifications.list(query.filter(), query.node(), caller));
    }

    /** The filters of a list or a ledger, each optional. */
    record Query(@Size(max = 64) String ruleSet, @Size(max = 64) String code, @Size(max = 64) String node,
                 @Size(max = 32) String status, @Size(max = 32) String indicator, @Size(max = 200) String department,
                 Boolean overdue, @Min(1900) @Max(2999) Integer year) {

        RectificationStore.Filter filter() {
            return new RectificationStore.Filter(ruleSet, code, status, indicator, department, overdue, year);
        }
    }

    @Operation(summary = "The ledger (台账) of the items selected as by the list: xlsx")
    @GetMapping("/ledger")
    ResponseEntity<byte[]> ledger(@Valid Query query, Authentication caller) {
        byte[] workbook = ledger.write(rectifications.list(query.filter(), query.node(), caller));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rectification-ledger.xlsx").build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }

    @Operation(summary = "One item with its steps and evidence files")
    @GetMapping("/{id}")
    Rectification one(@PathVariable String id, Authentication caller) {
        return rectifications.one(id, caller);
    }

    @Operation(summary = "An evidence file of an item")
    @GetMapping("/{id}/evidence/{fileId}")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable long fileId, Authentication caller) {
        RectificationStore.EvidenceFile file = rectifications.evidenceFile(id, fileId, caller);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.mediaType())).body(file.content());
    }

    @Operation(summary = "Move an item on: in-progress, or submitted with an explanation (JSON)")
    @PostMapping(path = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    Rectification progress(@PathVariable String id, @Valid @RequestBody Progress progress, Authentication clerk) {
        return rectifications.progress(id, progress.status(), progress.explanation(), List.of(), clerk);
    }

    @Operation(summary = "Move an item on with evidence files (multipart: status, explanation, file parts)")
    @PostMapping(path = "/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Rectification progressWithEvidence(@PathVariable String id, @RequestParam String status,
                                       @RequestParam(required = false) String explanation,
                                       @RequestPart(name = "file", required = false) List<MultipartFile> files,
                                       Authentication clerk) {
        return rectifications.progress(id, status, explanation, files == null ? List.of() : files, clerk);
    }

    @Operation(summary = "Close a submitted item (reviewer)")
    @PostMapping("/{id}/close")
    Rectification close(@PathVariable String id, @Valid @RequestBody(required = false) Review review,
                        Authentication reviewer) {
        return rectifications.close(id, review == null ? null : review.comment(), reviewer);
    }

    @Operation(summary = "Reopen a submitted or closed item (reviewer)")
    @PostMapping("/{id}/reopen")
    Rectification reopen(@PathVariable String id, @Valid @RequestBody(required = false) Review review,
                         Authentication reviewer) {
        return rectifications.reopen(id, review == null ? null : review.comment(), reviewer);
    }
}
