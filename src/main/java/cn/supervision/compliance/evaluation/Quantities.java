package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.text.Normalizer;

/** Reads the numbers written in workbook cells: full-width digits and a trailing % are understood. */
public final class Quantities {

    private Quantities() {
    }

    public static BigDecimal parse(String number, String cell) {
        String text = Normalizer.normalize(number == null ? "" : number, Normalizer.Form.NFKC).replace(" ", "").strip();
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return percent ? value.movePointLeft(2) : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a number");
        }
    }

    public static int parseWhole(String number, String cell) {
        BigDecimal value = parse(number, cell);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a whole number");
        }
    }
}
