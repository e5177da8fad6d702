package cn.supervision.compliance.facts;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** One stage of a school as submitted: counts are never split; area and money may instead be given for the whole school. */
public record SectionInput(
        @NotNull Stage stage,
        @NotNull @Positive Integer students,
        @PositiveOrZero Integer qualifiedTeachers,
        @PositiveOrZero Integer backboneTeachers,
        @PositiveOrZero Integer peArtTeachers,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal teachingAreaM2,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal sportsAreaM2,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal equipmentValueYuan,
        @PositiveOrZero Integer multimediaRooms) {
}
