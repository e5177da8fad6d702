package cn.supervision.compliance.facts;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
     * A plain reason without Java class names. Values are read strictly (application.yml, {@code StrictJson}): a number
     * in quotes, a fraction for a count, or a number where text is expected is refused, never converted.
     */
    public static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            Object value = f.getValue();
            if (target != null && target.isEnum()) {
                return "'" + value + "' is not one of " + List.of(target.getEnumConstants());
            }
            if (isNumber(target) && value instanceof String) {
                return "'" + value + "' is text: expected a number, without quotes";
            }
            if (isNumber(target) && value instanceof Number) {
                return value + " is not a whole number";
            }
            if (target == String.class && !(value instanceof String)) {
                return "expected text in quotes, not " + value;
            }
            return "'" + f.getValue() + "' is not a valid " + simpleType(target);
        }
        if (e instanceof MismatchedInputException m) {
            return isNumber(m.getTargetType()) ? "expected a number, without quotes" : "expected " + simpleType(m.getTargetType());
        }
        return "not readable";
    }

    private static boolean isNumber(Class<?> type) {
        return type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (isNumber(type)) {
            return "number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        return "object";
    }
}
