package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import cn.supervision.compliance.facts.SchoolType;

/**
 * One school as submitted; the optional area and money figures are whole-school totals to be split over its sections.
 * The remaining fields serve the full assessment: a village primary school (村小), its music and art rooms (G11), its
 * teacher-training budget (Q28) and its certified full-time teachers (G20).
 */
public record SchoolInput(
        @NotBlank @Size(max = 64) String id,
        @Size(max = 200) String name,
        @NotNull SchoolType type,
        @NotEmpty @Size(max = 3) List<@Valid @NotNull SectionInput> sections,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal teachingAreaM2,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal sportsAreaM2,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal equipmentValueYuan,
        Boolean village,
        @Size(max = 50) List<@NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal> musicRoomAreasM2,
        @Size(max = 50) List<@NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal> artRoomAreasM2,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal trainingBudgetYuan,
        @PositiveOrZero Integer fullTimeTeachers,
        @PositiveOrZero Integer certifiedTeachers) {

    /** A school with only the resource-allocation figures (the core slice's request). */
    public SchoolInput(String id, String name, SchoolType type, List<SectionInput> sections, BigDecimal teachingAreaM2,
                       BigDecimal sportsAreaM2, BigDecimal equipmentValueYuan) {
        this(id, name, type, sections, teachingAreaM2, sportsAreaM2, equipmentValueYuan, null, null, null, null, null,
                null);
    }

    public int totalStudents() {
        return sections.stream().mapToInt(SectionInput::students).sum();
    }
}
