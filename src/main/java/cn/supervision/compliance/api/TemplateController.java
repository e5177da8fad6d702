package cn.supervision.compliance.api;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.supervision.compliance.report.CountyTemplate;
import io.swagger.v3.oas.annotations.Operation;
import cn.supervision.compliance.text.Texts;

/** The data-entry template of a rule set, for data clerks who work in Excel. */
@RestController
class TemplateController {

    private final CountyTemplate countyTemplate;

    TemplateController(CountyTemplate countyTemplate) {
        this.countyTemplate = countyTemplate;
    }

    @Operation(summary = "The data-entry template (xlsx) of a rule set's subject")
    @GetMapping("/api/v1/rule-sets/{ruleSet}/template")
    ResponseEntity<StreamingResponseBody> template(@PathVariable String ruleSet) {
        if (!CountyTemplate.RULE_SET.equals(ruleSet)) {
            throw new NotFound(Texts.of("not-found.template", ruleSet));
        }
        return ResponseEntity.ok()
                .contentType(AuditController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ruleSet + "-template.xlsx").build().toString())
                .body(countyTemplate::write);
    }
}
