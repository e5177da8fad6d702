package cn.supervision.compliance.library;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A school's library as the request gives it: its pupils, its books and the books added this year. */
public record LibrarySubject(
        @NotBlank @Size(max = 64) String schoolId,
        @Size(max = 200) String schoolName,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @Positive @Max(100_000) Integer students,
        @NotNull @Min(0) @Max(10_000_000) Integer books,
        @NotNull @Min(0) @Max(10_000_000) Integer newBooks) {
}
