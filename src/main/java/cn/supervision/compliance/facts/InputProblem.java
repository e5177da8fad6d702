package cn.supervision.compliance.facts;

import cn.supervision.compliance.text.Texts;

import jakarta.validation.ConstraintViolation;

/**
 * One thing wrong with submitted facts: the field as a JSON path (for example
 * {@code subject.schools[3].sections[0].students}), the catalogue code of what is wrong (for integrators) and the
 * sentence a person reads, the field's Chinese name first ("学生数（人）：必须大于或等于1").
 */
public record InputProblem(String field, String code, String message) {

    /** The problem {@code code} of the message catalogue, about {@code field}. */
    public static InputProblem of(String field, String code, Object... arguments) {
        return new InputProblem(field, code, about(field, Texts.of(code, arguments)));
    }

    /**
     * A Bean Validation violation at {@code field}: its constraint names the code ({@code constraint.DecimalMin}), its
     * message is already in the answer's language ({@code ValidationMessages_zh.properties}).
     */
    public static InputProblem violation(String field, ConstraintViolation<?> violation) {
        return constraint(field, violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                violation.getMessage());
    }

    /** A constraint (Bean Validation's name, {@code Positive}) refused at {@code field}, its message already written. */
    public static InputProblem constraint(String field, String constraint, String message) {
        return new InputProblem(field, "constraint." + constraint, about(field, message));
    }

    private static String about(String field, String message) {
        return Texts.of("input.about-field", Texts.fieldName(field), message);
    }
}
