package cn.supervision.compliance.checkrows;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.supervision.compliance.report.CellKind;
import cn.supervision.compliance.report.RecordField;
import cn.supervision.compliance.text.FieldName;
import cn.supervision.compliance.text.Texts;

/**
 * A field of a request record that one cell of a data-entry template fills, found in the record itself (so a field
 * added to a subject appears in its template): its path under the record ({@code health.fitnessGoodRate}), its Java
 * type, the kind of cell, the bounds its constraints set, and for an enum (or a list of one) the enum's type.
 */
record SubjectField(String path, CellKind kind, BigDecimal min, BigDecimal max, Class<?> choices, boolean many) {

    /** A list of records: a sheet of its own, one row per element, one column per field of the element. */
    record ListField(String field, Class<?> element, List<SubjectField> columns) {
    }

    /** The single-value fields of {@code record} in the order it declares them, those of a nested record in its place. */
    static List<SubjectField> scalars(Class<?> record) {
        List<SubjectField> fields = new ArrayList<>();
        collect(record, "", fields, new ArrayList<>());
        return List.copyOf(fields);
    }

    /** The lists of records of {@code record}, in the order it declares them. */
    static List<ListField> lists(Class<?> record) {
        List<ListField> lists = new ArrayList<>();
        collect(record, "", new ArrayList<>(), lists);
        return List.copyOf(lists);
    }

    private static void collect(Class<?> record, String prefix, List<SubjectField> fields, List<ListField> lists) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType())
                        .getActualTypeArguments()[0];
                if (element.isRecord()) {
                    lists.add(new ListField(path, element, scalars(element)));
                } else if (element.isEnum()) {
                    fields.add(new SubjectField(path, CellKind.TEXT, null, null, element, true));
                }
            } else if (type.isRecord()) {
                collect(type, path + ".", fields, lists);
            } else if (type.isEnum()) {
                fields.add(new SubjectField(path, CellKind.TEXT, null, null, type, false));
            } else {
                CellKind kind = kind(type);
                boolean number = kind == CellKind.COUNT || kind == CellKind.DECIMAL;
                fields.add(new SubjectField(path, kind, number ? RecordField.min(component.getAccessor()) : null,
                        number ? RecordField.max(component.getAccessor()) : null, null, false));
            }
        }
    }

    private static CellKind kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return CellKind.YES_NO;
        }
        if (type == Integer.class || type == int.class) {
            return CellKind.COUNT;
        }
        return type == BigDecimal.class ? CellKind.DECIMAL : CellKind.TEXT;
    }

    /** The field's name and unit from the catalogue ({@code field.*}), with that of the record it sits in when nested. */
    FieldName name() {
        FieldName leaf = Texts.field(path);
        int dot = path.lastIndexOf('.');
        return dot < 0 ? leaf
                : new FieldName(Texts.of("template.nested-field", Texts.field(path.substring(0, dot)).name(),
                        leaf.name()), leaf.unit());
    }

    /** The name with its unit, as a heading or a problem names the cell. */
    String label() {
        FieldName name = name();
        return name.unit() == null ? name.name() : name.name() + "（" + name.unit() + "）";
    }

    /** The values a clerk picks for an enum field: each constant's {@code label()} where it has one, else its name. */
    List<String> choiceLabels() {
        return Arrays.stream(choices.getEnumConstants()).map(SubjectField::choiceLabel).toList();
    }

    /** The constant a clerk's text names (by label or name), or null. */
    String choice(String text) {
        for (Object constant : choices.getEnumConstants()) {
            if (choiceLabel(constant).equals(text) || ((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return ((Enum<?>) constant).name();
            }
        }
        return null;
    }

    /** The label of a constant, as the clerk reads it. */
    String labelOf(String constantName) {
        for (Object constant : choices.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(constantName)) {
                return choiceLabel(constant);
            }
        }
        return constantName;
    }

    /**
     * The label of a constant as the clerk reads it, in Chinese whatever the request's language (so that a template
     * reads back in any): the catalogue's {@code choice.<enum>.<constant>}, else the constant's own {@code label()},
     * else its name.
     */
    private static String choiceLabel(Object constant) {
        Enum<?> value = (Enum<?>) constant;
        String key = "choice." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        String text = Texts.messageSource().getMessage(key, null, null, Texts.CHINESE);
        if (text != null) {
            return text;
        }
        try {
            Method label = constant.getClass().getMethod("label");
            return label.invoke(constant).toString();
        } catch (ReflectiveOperationException e) {
            return value.name();
        }
    }
}
