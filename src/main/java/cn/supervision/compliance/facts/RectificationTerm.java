package cn.supervision.compliance.facts;

/**
 * The rectification deadline of an indicator (整改期限), in whole months after the official evaluation that found the
 * shortfall, as a row of the workbook's 整改期限 table sets it; {@code rule} names that row.
 */
public record RectificationTerm(String indicator, int months, String rule) {

    public static RectificationTerm of(RectificationTermQuery query, String months, String rule) {
        return new RectificationTerm(query.indicator(), Integer.parseInt(months.strip()), rule);
    }
}
