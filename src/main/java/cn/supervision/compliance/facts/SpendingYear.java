package cn.supervision.compliance.facts;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One year of the county's general-budget education spending, in total and per student (G08 sub-item 2). */
public record SpendingYear(
        @NotNull @Min(1990) @Max(2100) Integer year,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal generalBudgetEducationYuan,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal perStudentYuan) {
}
