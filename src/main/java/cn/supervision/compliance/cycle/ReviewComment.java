package cn.supervision.compliance.cycle;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's remark tied to what the clerk corrects: a request field (JSON path) or a template's sheet and cell (A1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewComment(@Size(max = 300) String field, @Size(max = 64) String sheet,
                            @Size(max = 12) @Pattern(regexp = "[A-Z]{1,3}[1-9][0-9]{0,6}") String cell,
                            @NotBlank @Size(max = 1000) String message) {

    boolean placed() {
        return field != null && !field.isBlank() || sheet != null && !sheet.isBlank() && cell != null;
    }
}
