package cn.supervision.compliance.targets;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A province under the {@code district-targets} rule set: whether each of its counties is recognised (D08), whether
 * it hands down enrolment-rate targets (D19, seed 002 三（一）) and how many smart-campus model schools it has
 * selected (D25, seed 003 第27条).
 */
public record ProvinceSubject(
        @NotBlank @Size(max = 64) String provinceCode,
        @Size(max = 200) String provinceName,
        @Min(1949) @Max(9999) int year,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull County> counties,
        Boolean enrolmentTargetsHandedDown,
        @Min(0) @Max(100000) Integer smartCampusModelSchools) {

    /** A county and whether it has been recognised as 优质均衡 (quality-balanced). */
    public record County(@NotBlank @Size(max = 64) String countyCode, @Size(max = 200) String countyName,
                         @NotNull Boolean recognised) {
    }
}
