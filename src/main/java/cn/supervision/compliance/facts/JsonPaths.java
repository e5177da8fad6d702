package cn.supervision.compliance.facts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.supervision.compliance.text.Texts;

/** Turns Jackson's reference chain into the field path integrators see, such as {@code .schools[3].sections[0].stage}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                field.append('.').append(reference.getFieldName());
            }
        }
        return field.toString();
    }

    /**
     * What is wrong at {@code field}, without Java class names. Values are read strictly (application.yml,
     * {@code StrictJson}): a number in quotes, a fraction for a count, or a number where text is expected is refused,
     * never converted.
     */
    public static InputProblem problem(String field, JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return InputProblem.of(field, "input.json.unknown-field", u.getPropertyName());
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            Object value = f.getValue();
            if (target != null && target.isEnum()) {
                return InputProblem.of(field, "input.json.not-one-of", value, List.of(target.getEnumConstants()));
            }
            if (isNumber(target) && value instanceof String) {
                return InputProblem.of(field, "input.json.number-in-quotes", value);
            }
            if (isNumber(target) && value instanceof Number) {
                return InputProblem.of(field, "input.json.not-whole", value);
            }
            if (target == String.class && !(value instanceof String)) {
                return InputProblem.of(field, "input.json.text-expected", value);
            }
            return InputProblem.of(field, "input.json.not-valid", value, Texts.of(typeName(target)));
        }
        if (e instanceof MismatchedInputException m) {
            return isNumber(m.getTargetType()) ? InputProblem.of(field, "input.json.number-expected")
                    : InputProblem.of(field, "input.json.type-expected", Texts.of(typeName(m.getTargetType())));
        }
        return InputProblem.of(field, "input.json.not-readable");
    }

    private static boolean isNumber(Class<?> type) {
        return type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "input.json.type.value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "input.json.type.boolean";
        }
        if (isNumber(type)) {
            return "input.json.type.number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "input.json.type.list";
        }
        if (type == String.class) {
            return "input.json.type.text";
        }
        return "input.json.type.object";
    }
}
