package cn.supervision.compliance.facts;

/**
 * The rectification deadline of an indicator (整改期限), in whole months after the official evaluation that found the
 * shortfall, as a row of the workbook's 整改期限 table sets it, with the clause it rests on ({@code source}: a seed's
 * clause, or the documented default of the workbook where no seed sets a term); {@code rule} names that row.
 */
public record RectificationTerm(String indicator, int months, String source, String rule) {

    public static Draft draft(RectificationTermQuery query, String rule) {
        return new Draft(query.indicator(), rule, 0);
    }

    /** A row being read column by column; the last column inserts the term. */
    public record Draft(String indicator, String rule, int months) {

        public Draft months(String text) {
            return new Draft(indicator, rule, Integer.parseInt(text.strip()));
        }

        public RectificationTerm source(String text) {
            return new RectificationTerm(indicator, months, text.strip(), rule);
        }
    }
}
