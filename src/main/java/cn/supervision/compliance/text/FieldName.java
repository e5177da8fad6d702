package cn.supervision.compliance.text;

/**
 * A request field as a person reads it: its Chinese name and its unit apart ({@code equipmentValueYuan} → 教学仪器设备值,
 * 元), so a sentence can write a figure as "教学仪器设备值 810000 元". In English, or for a field the catalogue does not
 * name, the name is the field path and there is no unit.
 */
public record FieldName(String name, String unit) {

    /** {@code value} with the unit after it: "810000 元" (just "810000" without a unit). */
    public String amount(String value) {
        return unit == null ? value : value + " " + unit;
    }

    /** The field and {@code value} in its unit: "教学仪器设备值 810000 元". */
    public String figure(String value) {
        return name + " " + amount(value);
    }

    /** The catalogue writes a name as 名称（单位）: its last full-width bracket at the end is the unit. */
    static FieldName parse(String text) {
        int open = text.lastIndexOf('（');
        if (open <= 0 || !text.endsWith("）")) {
            return new FieldName(text, null);
        }
        return new FieldName(text.substring(0, open), text.substring(open + 1, text.length() - 1));
    }
}
