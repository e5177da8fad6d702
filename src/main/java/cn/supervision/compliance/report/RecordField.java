package cn.supervision.compliance.report;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import cn.supervision.compliance.text.Texts;

/**
 * A figure of a request record that one cell of the template fills, found in the record itself (so a field added to
 * the request appears in the template): its path under the record ({@code livingSubsidiesYuan.primaryBoarder}), the
 * kind of cell, and the bounds its constraints set. Lists and maps are left to sheets of their own.
 */
public record RecordField(String path, CellKind kind, BigDecimal min, BigDecimal max) {

    /** The figures of {@code record} in the order it declares them, those of a nested record in its place. */
    public static List<RecordField> of(Class<?> record) {
        List<RecordField> fields = new ArrayList<>();
        collect(record, "", fields);
        return List.copyOf(fields);
    }

    private static void collect(Class<?> record, String prefix, List<RecordField> fields) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            AnnotatedElement accessor = component.getAccessor();
            if (type.isRecord()) {
                collect(type, path + ".", fields);
            } else if (type == Boolean.class) {
                fields.add(new RecordField(path, CellKind.YES_NO, null, null));
            } else if (type == Integer.class) {
                fields.add(new RecordField(path, CellKind.COUNT, min(accessor), max(accessor)));
            } else if (type == BigDecimal.class) {
                fields.add(new RecordField(path, CellKind.DECIMAL, min(accessor), max(accessor)));
            }
        }
    }

    /** The Chinese name and unit of the field ({@code field.*}), with that of the record it sits in when nested. */
    public String label() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Texts.fieldName(path)
                : Texts.of("template.nested-field", Texts.fieldName(path.substring(0, dot)), Texts.fieldName(path));
    }

    /** The least value the constraints of a field allow (0 when they set none, 1 for {@code @Positive}). */
    public static BigDecimal min(AnnotatedElement element) {
        Min min = element.getAnnotation(Min.class);
        DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
        return min != null ? BigDecimal.valueOf(min.value())
                : decimalMin != null ? new BigDecimal(decimalMin.value())
                : element.isAnnotationPresent(Positive.class) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    /** The greatest value the constraints of a field allow, or null when they set none. */
    public static BigDecimal max(AnnotatedElement element) {
        Max max = element.getAnnotation(Max.class);
        DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
        return max != null ? BigDecimal.valueOf(max.value())
                : decimalMax != null ? new BigDecimal(decimalMax.value()) : null;
    }
}
