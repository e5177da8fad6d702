package cn.supervision.compliance.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.supervision.compliance.report.DataEntryTemplate;
import cn.supervision.compliance.report.TemplateEvaluations;
import io.swagger.v3.oas.annotations.Operation;
import cn.supervision.compliance.text.Texts;

/** The data-entry template of a rule set, for data clerks who work in Excel. */
@RestController
class TemplateController {

    private final TemplateEvaluations templates;

    TemplateController(TemplateEvaluations templates) {
        this.templates = templates;
    }

    @Operation(summary = "The data-entry template (xlsx) of a rule set's subject")
    @GetMapping("/api/v1/rule-sets/{ruleSet}/template")
    ResponseEntity<StreamingResponseBody> template(@PathVariable String ruleSet) {
        DataEntryTemplate template = templates.template(ruleSet)
                .orElseThrow(() -> new NotFound(Texts.of("not-found.template", ruleSet)));
        return ResponseEntity.ok()
                .contentType(AuditController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ruleSet + "-template.xlsx").build().toString())
                .body(template::write);
    }
}
