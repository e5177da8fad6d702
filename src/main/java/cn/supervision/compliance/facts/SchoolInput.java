package cn.supervision.compliance.facts;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One school as submitted; the optional area and money figures are whole-school totals to be split over its sections. */
public record SchoolInput(
        @NotBlank @Size(max = 64) String id,
        @Size(max = 200) String name,
        @NotNull SchoolType type,
        @NotEmpty @Size(max = 3) List<@Valid @NotNull SectionInput> sections,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal teachingAreaM2,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal sportsAreaM2,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal equipmentValueYuan) {

    public int totalStudents() {
        return sections.stream().mapToInt(SectionInput::students).sum();
    }
}
