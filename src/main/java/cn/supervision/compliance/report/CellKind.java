package cn.supervision.compliance.report;

import java.math.BigDecimal;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;

import cn.supervision.compliance.facts.SchoolType;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.text.Texts;

/**
 * What a data cell of the template holds, and the check the spreadsheet program makes while it is typed: a drop-down
 * list for school types, stages and 是/否, whole or decimal numbers within the bounds of the request field.
 */
public enum CellKind {
    TEXT, SCHOOL_TYPE, STAGE, COUNT, DECIMAL, YES_NO;

    /** The check of a cell of this kind, or null for free text; {@code min}/{@code max} may be null (unbounded). */
    public DataValidationConstraint constraint(DataValidationHelper helper, BigDecimal min, BigDecimal max) {
        return switch (this) {
            case TEXT -> null;
            case SCHOOL_TYPE, STAGE, YES_NO -> helper.createExplicitListConstraint(choices());
            case COUNT -> max == null
                    ? helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, bound(min), null)
                    : helper.createIntegerConstraint(OperatorType.BETWEEN, bound(min), max.toPlainString());
            case DECIMAL -> max == null
                    ? helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, bound(min), null)
                    : helper.createDecimalConstraint(OperatorType.BETWEEN, bound(min), max.toPlainString());
        };
    }

    /** The input hint shown beside a cell of this kind. */
    public String hint(BigDecimal min, BigDecimal max) {
        return switch (this) {
            case TEXT -> null;
            case SCHOOL_TYPE -> Texts.of("template.hint.school-type");
            case STAGE -> Texts.of("template.hint.stage");
            case YES_NO -> Texts.of("template.hint.yes-no");
            case COUNT -> max == null ? Texts.of("template.hint.count", bound(min))
                    : Texts.of("template.hint.count-between", bound(min), max.toPlainString());
            case DECIMAL -> max == null ? Texts.of("template.hint.decimal", bound(min))
                    : Texts.of("template.hint.decimal-between", bound(min), max.toPlainString());
        };
    }

    /** The values of a drop-down list, as the clerk picks them. */
    public String[] choices() {
        return switch (this) {
            case SCHOOL_TYPE -> Arrays.stream(SchoolType.values()).map(SchoolType::label).toArray(String[]::new);
            case STAGE -> Arrays.stream(Stage.values()).map(Stage::label).toArray(String[]::new);
            case YES_NO -> new String[] {Texts.of("template.yes"), Texts.of("template.no")};
            default -> new String[0];
        };
    }

    private static String bound(BigDecimal min) {
        return (min == null ? BigDecimal.ZERO : min).toPlainString();
    }
}
