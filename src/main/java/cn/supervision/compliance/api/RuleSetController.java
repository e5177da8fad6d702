package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.supervision.compliance.evaluation.ImpactPreview;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.ruleset.ActivationHistory;
import cn.supervision.compliance.ruleset.Change;
import cn.supervision.compliance.ruleset.RuleSetFile;
import cn.supervision.compliance.ruleset.RuleSetVersion;
import cn.supervision.compliance.ruleset.RuleSetVersions;
import io.swagger.v3.oas.annotations.Operation;

/** Rule sets for policy staff (API.md § Rule sets): download, upload, test, preview, activate and roll back workbooks. */
@RestController
@RequestMapping("/api/v1/rule-sets")
class RuleSetController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int IMPACT_LIMIT = 500;
    /** The length of {@code rule_set_version.comment}. */
    private static final int MAX_COMMENT = 1000;

    private final RuleSetVersions versions;
    private final ImpactPreview impact;
    private final ActivationHistory activationHistory;

    RuleSetController(RuleSetVersions versions, ImpactPreview impact, ActivationHistory activationHistory) {
        this.versions = versions;
        this.impact = impact;
        this.activationHistory = activationHistory;
    }

    record Workbook(String name, String href) {
    }

    record RuleSetSummary(String name, RuleSetVersion active, List<Workbook> workbooks) {
    }

    record Comparison(int from, int to, List<Change> changes) {
    }

    @Operation(summary = "The rule sets, each with its active version (hash, time, uploader) and its workbooks")
    @GetMapping
    List<RuleSetSummary> ruleSets() {
        return versions.ruleSetNames().stream().map(name -> {
            RuleSetVersion active = versions.active(name);
            List<Workbook> workbooks = active.files().stream().filter(f -> f.endsWith(".xlsx"))
                    .map(f -> new Workbook(f, "/api/v1/rule-sets/" + name + "/workbooks/" + f)).toList();
            return new RuleSetSummary(name, active, workbooks);
        }).toList();
    }

    @Operation(summary = "Download a workbook of the active version (xlsx)")
    @GetMapping("/{ruleSet}/workbooks/{file}")
    ResponseEntity<byte[]> activeWorkbook(@PathVariable String ruleSet, @PathVariable String file) {
        return download(versions.workbook(ruleSet, String.valueOf(versions.active(ruleSet).sequence()), file));
    }

    @Operation(summary = "Upload edited workbooks (multipart 'file' parts, whatever they are called, optional 'comment'):"
            + " recognised by their sheets, checked, compiled and tested; 201 with the new version (not yet active), its"
            + " changed rows and cells and test results; 200 with the version whose values it repeats; or 422 with the problems")
    @PostMapping(path = "/{ruleSet}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RuleSetVersion> upload(@PathVariable String ruleSet, @RequestParam("file") List<MultipartFile> files,
                                          @RequestParam(required = false) String comment, Principal principal) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw InvalidInput.of("comment", "input.comment-too-long", MAX_COMMENT);
        }
        List<RuleSetFile> workbooks = new ArrayList<>();
        for (MultipartFile file : files) {
            workbooks.add(new RuleSetFile(RuleSetFile.Kind.WORKBOOK, fileName(file), bytes(file)));
        }
        RuleSetVersions.Arrival arrival = versions.upload(ruleSet, workbooks, comment, uploader(principal));
        URI location = URI.create("/api/v1/rule-sets/" + ruleSet + "/versions/" + arrival.version().sequence());
        return arrival.created() ? ResponseEntity.created(location).body(arrival.version())
                : ResponseEntity.ok().location(location).body(arrival.version());
    }

    @Operation(summary = "The versions of a rule set, newest first")
    @GetMapping("/{ruleSet}/versions")
    List<RuleSetVersion> history(@PathVariable String ruleSet) {
        return versions.history(ruleSet);
    }

    @Operation(summary = "One version (by sequence number or hash) with its changed rows and cells, test results, uploader, comment")
    @GetMapping("/{ruleSet}/versions/{version}")
    RuleSetVersion version(@PathVariable String ruleSet, @PathVariable String version) {
        return versions.find(ruleSet, version);
    }

    @Operation(summary = "Which verdicts would change under the version: the newest evaluation of each subject in the"
            + " caller's scope (up to 'limit' subjects), with the subjects and schools flipping each way per node of the"
            + " jurisdiction tree")
    @GetMapping("/{ruleSet}/versions/{version}/impact")
    ImpactPreview.Impact impact(@PathVariable String ruleSet, @PathVariable String version,
                                @RequestParam(defaultValue = "" + IMPACT_LIMIT) int limit) {
        if (limit < 1 || limit > IMPACT_LIMIT * 10) {
            throw InvalidInput.of("limit", "input.between", 1, IMPACT_LIMIT * 10);
        }
        return impact.preview(versions.compiled(ruleSet, version), limit);
    }

    @Operation(summary = "Make the version active (also how a rollback is done); with effectiveFrom (an ISO date, Beijing"
            + " time) it is approved now and in force from that date")
    @PostMapping("/{ruleSet}/versions/{version}/activate")
    RuleSetVersion activate(@PathVariable String ruleSet, @PathVariable String version,
                            @RequestBody(required = false) Activating body, Principal principal) {
        return versions.activate(ruleSet, version, uploader(principal), body == null ? null : body.comment(),
                body == null ? null : EffectiveFrom.parse(body.effectiveFrom()));
    }

    @Operation(summary = "Every activation of the rule set, newest first: approvals, rollbacks and approvals waiting for"
            + " their effective date (待施行), with who uploaded, who activated, when and why")
    @GetMapping("/{ruleSet}/activations")
    List<ActivationHistory.Entry> activations(@PathVariable String ruleSet) {
        versions.active(ruleSet);
        return activationHistory.of(ruleSet);
    }

    @Operation(summary = "The rows and cells changed from version 'with' (default: the active one) to this version")
    @GetMapping("/{ruleSet}/versions/{version}/compare")
    Comparison compare(@PathVariable String ruleSet, @PathVariable String version,
                       @RequestParam(name = "with", required = false) String with) {
        RuleSetVersion to = versions.find(ruleSet, version);
        RuleSetVersion from = with == null ? versions.active(ruleSet) : versions.find(ruleSet, with);
        return new Comparison(from.sequence(), to.sequence(),
                versions.compare(ruleSet, String.valueOf(from.sequence()), String.valueOf(to.sequence())));
    }

    @Operation(summary = "Download a workbook of a version (xlsx)")
    @GetMapping("/{ruleSet}/versions/{version}/workbooks/{file}")
    ResponseEntity<byte[]> versionWorkbook(@PathVariable String ruleSet, @PathVariable String version,
                                           @PathVariable String file) {
        return download(versions.workbook(ruleSet, version, file));
    }

    private static ResponseEntity<byte[]> download(RuleSetFile workbook) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(workbook.name(), StandardCharsets.UTF_8).build().toString())
                .body(workbook.content());
    }

    /**
     * The body of an activation: why (required when it approves a version, issue 22) and, optionally, from when it is
     * in force ({@link EffectiveFrom}).
     */
    record Activating(String comment, String effectiveFrom) {
    }

    /** The uploader: the authenticated principal once there is one, else the service's own machine. */
    private static String uploader(Principal principal) {
        return principal == null ? RuleSetVersions.LOCAL : principal.getName();
    }

    /** The file's own name, without any folder a browser may send with it. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded part", e);
        }
    }
}
