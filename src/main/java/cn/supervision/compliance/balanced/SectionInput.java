package cn.supervision.compliance.balanced;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import cn.supervision.compliance.facts.Stage;

/**
 * One stage of a school as submitted: counts are never split; area and money may instead be given for the whole school.
 * {@code classes}, {@code maxClassSize}, {@code staffQuota} (编制) and {@code publicFundingYuan} (公用经费) serve the
 * full assessment (G10, G11, G13).
 */
public record SectionInput(
        @NotNull Stage stage,
        @NotNull @Positive Integer students,
        @PositiveOrZero Integer qualifiedTeachers,
        @PositiveOrZero Integer backboneTeachers,
        @PositiveOrZero Integer peArtTeachers,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal teachingAreaM2,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal sportsAreaM2,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal equipmentValueYuan,
        @PositiveOrZero Integer multimediaRooms,
        @PositiveOrZero Integer classes,
        @PositiveOrZero Integer maxClassSize,
        @PositiveOrZero Integer staffQuota,
        @DecimalMin("0") @Digits(integer = 14, fraction = 4) BigDecimal publicFundingYuan) {

    /** A section with only the resource-allocation figures (the core slice's request). */
    public SectionInput(Stage stage, Integer students, Integer qualifiedTeachers, Integer backboneTeachers,
                        Integer peArtTeachers, BigDecimal teachingAreaM2, BigDecimal sportsAreaM2,
                        BigDecimal equipmentValueYuan, Integer multimediaRooms) {
        this(stage, students, qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAreaM2, sportsAreaM2,
                equipmentValueYuan, multimediaRooms, null, null, null, null);
    }
}
