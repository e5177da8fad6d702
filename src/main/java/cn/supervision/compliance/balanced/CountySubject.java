package cn.supervision.compliance.balanced;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The subject of a {@code balanced-development} evaluation: one county (县/区) in one year with its schools, and the
 * county-level facts, scores and veto flags of the full assessment when they are supplied.
 */
public record CountySubject(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z_-]+") String countyCode,
        @Size(max = 100) String countyName,
        @NotNull @Min(1990) @Max(2100) Integer year,
        @NotEmpty @Size(max = 5000) List<@Valid @NotNull SchoolInput> schools,
        @Valid AssessmentInput assessment,
        AssessmentScope scope) {

    /** A county with only the resource-allocation figures (the core slice's request). */
    public CountySubject(String countyCode, String countyName, Integer year, List<SchoolInput> schools) {
        this(countyCode, countyName, year, schools, null, null);
    }

    /**
     * What this request asks to be assessed: as named in {@code scope}, else the whole assessment when the county-level
     * data of the assessment team are given, else resource allocation only (the clerk's template, the core request).
     */
    public AssessmentScope effectiveScope() {
        return scope != null ? scope
                : assessment != null ? AssessmentScope.FULL_ASSESSMENT : AssessmentScope.RESOURCE_ALLOCATION;
    }
}
