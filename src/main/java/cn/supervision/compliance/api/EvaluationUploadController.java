package cn.supervision.compliance.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;


import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.report.TemplateEvaluations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** The data clerks' way in: a filled data-entry template instead of the JSON request, same evaluation, same answer. */
@RestController
class EvaluationUploadController {

    private final TemplateEvaluations templates;
    private final Evaluations evaluations;

    EvaluationUploadController(TemplateEvaluations templates, Evaluations evaluations) {
        this.templates = templates;
        this.evaluations = evaluations;
    }

    @Operation(summary = "Evaluate a filled data-entry template (file, ruleSet, optional jurisdiction); bad cells are"
            + " reported by sheet and cell")
    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> evaluate(@RequestPart("file") MultipartFile file, @RequestParam String ruleSet,
                                    @RequestParam(required = false) String jurisdiction,
                                    @Parameter(description = EvaluationView.DESCRIPTION,
                                            schema = @Schema(allowableValues = {"compact", "full"}))
                                    @RequestParam(name = EvaluationView.PARAMETER, defaultValue = "compact") String view)
            throws IOException {
        EvaluationView answer = EvaluationView.of(view);
        try (InputStream in = file.getInputStream()) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "file" : file.getOriginalFilename();
            EvaluationResult result = templates.evaluate(in, name.substring(Math.max(name.lastIndexOf('/'),
                    name.lastIndexOf('\\')) + 1), ruleSet, jurisdiction);
            return EvaluationView.json(ResponseEntity.created(URI.create("/api/v1/evaluations/" + result.id())),
                    answer.of(result, evaluations));
        }
    }
}
