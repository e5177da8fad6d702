package cn.supervision.compliance.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 填报 → 审核 over HTTP (API.md, "The supervision cycle"). */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionController {

    private final Submissions submissions;

    SubmissionController(Submissions submissions) {
        this.submissions = submissions;
    }

    record Listing(List<Submission> items) {
    }

    @Operation(summary = "Submit a subject's figures for review (the JSON evaluation request); 201 with the evaluation")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Submission> submit(@Valid @RequestBody EvaluationRequest request, Authentication clerk) {
        return created(submissions.submit(new Submissions.Json(request), clerk));
    }

    @Operation(summary = "Submit a filled data-entry template for review (file, ruleSet, optional jurisdiction)")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Submission> submitTemplate(@RequestPart("file") MultipartFile file, @RequestParam String ruleSet,
                                              @RequestParam(required = false) String jurisdiction,
                                              Authentication clerk) {
        return created(submissions.submit(template(file, ruleSet, jurisdiction), clerk));
    }

    @Operation(summary = "Resubmit corrected figures of a returned submission (JSON); a new evaluation")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Submission resubmit(@PathVariable String id, @Valid @RequestBody EvaluationRequest request, Authentication clerk) {
        return submissions.resubmit(id, new Submissions.Json(request), clerk);
    }

    @Operation(summary = "Resubmit a corrected template of a returned submission")
    @PutMapping(path = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Submission resubmitTemplate(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                @RequestParam String ruleSet, @RequestParam(required = false) String jurisdiction,
                                Authentication clerk) {
        return submissions.resubmit(id, template(file, ruleSet, jurisdiction), clerk);
    }

    @Operation(summary = "Return a submission to its clerk with remarks by field or sheet and cell")
    @PostMapping("/{id}/return")
    Submission giveBack(@PathVariable String id, @Valid @RequestBody ReviewDecision decision,
                        Authentication reviewer) {
        return submissions.giveBack(id, decision, reviewer);
    }

    @Operation(summary = "Approve a submission: its evaluation becomes the official one and opens rectification items")
    @PostMapping("/{id}/approve")
    Submission approve(@PathVariable String id, @Valid @RequestBody(required = false) ReviewDecision decision,
                       Authentication reviewer) {
        return submissions.approve(id, decision == null ? new ReviewDecision(null, null) : decision, reviewer);
    }

    @Operation(summary = "The submissions in the caller's scope, newest first, with their steps")
    @GetMapping
    Listing list(@RequestParam(required = false) @Pattern(regexp = "submitted|returned|approved") String status,
                 @RequestParam(required = false) @Size(max = 64) String code,
                 @RequestParam(required = false) @Min(1900) @Max(2999) Integer year, Authentication caller) {
        return new Listing(submissions.list(status, code, year, caller));
    }

    @Operation(summary = "One submission with its steps and its latest evaluation")
    @GetMapping("/{id}")
    Submission one(@PathVariable String id, Authentication caller) {
        return submissions.one(id, caller);
    }

    private static ResponseEntity<Submission> created(Submission submission) {
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id())).body(submission);
    }

    private static Submissions.Template template(MultipartFile file, String ruleSet, String jurisdiction) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "file" : file.getOriginalFilename();
        return new Submissions.Template(() -> {
            try {
                return file.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1), ruleSet, jurisdiction);
    }
}
