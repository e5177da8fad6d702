package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;

import cn.supervision.compliance.text.Texts;

/** Reads the numbers written in workbook cells: full-width digits and a trailing % are understood. */
public final class Quantities {

    /** No figure or threshold of a workbook is this large: 10^12. */
    public static final BigDecimal LARGEST = BigDecimal.TEN.pow(12);

    private Quantities() {
    }

    /**
     * The number, or {@link IllegalArgumentException} when its magnitude exceeds {@link #LARGEST}: a cell of 1e308
     * would otherwise reach the rules as a figure no conversion can hold.
     */
    public static BigDecimal bounded(BigDecimal value) {
        if (value.abs().compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException(Texts.of("workbook.value.out-of-range", value.round(new MathContext(6)), LARGEST));
        }
        return value;
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
            throw new IllegalArgumentException(Texts.of("workbook.value.not-a-number", cell));
        }
    }

    public static int parseWhole(String number, String cell) {
        BigDecimal value = parse(number, cell);
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(Texts.of("workbook.value.not-whole", cell));
        }
    }
}
