package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.statistics.Fractions;

/**
 * A requirement as policy staff write it in a workbook cell: a comparator and a number, for example {@code ≥4.5},
 * {@code ≤0.4}, {@code <0.15} or {@code ≥85%}; {@code 是} and {@code 否} require a yes/no fact to be yes or no.
 * Full-width characters are read as their ASCII forms.
 */
public record Requirement(Comparator comparator, BigDecimal threshold, String written) {

    /** Requirements as read, by their cell text: a row fires once per section, its cell is read once (issue 21). */
    private static final Map<String, Requirement> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_MAXIMUM = 4096;

    public static Requirement parse(String text) {
        Requirement parsed = text == null ? null : PARSED.get(text);
        if (parsed == null) {
            parsed = read(text);
            if (text != null && PARSED.size() < PARSED_MAXIMUM) {
                PARSED.put(text, parsed);
            }
        }
        return parsed;
    }

    private static Requirement read(String text) {
        String cell = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replace(" ", "").strip();
        if (cell.equals("是") || cell.equals("否")) {
            return new Requirement(Comparator.EQ, cell.equals("是") ? BigDecimal.ONE : BigDecimal.ZERO, cell);
        }
        Comparator comparator;
        String number;
        if (cell.startsWith("≥") || cell.startsWith(">=")) {
            comparator = Comparator.GE;
            number = cell.substring(cell.startsWith("≥") ? 1 : 2);
        } else if (cell.startsWith("≤") || cell.startsWith("<=")) {
            comparator = Comparator.LE;
            number = cell.substring(cell.startsWith("≤") ? 1 : 2);
        } else if (cell.startsWith(">")) {
            comparator = Comparator.GT;
            number = cell.substring(1);
        } else if (cell.startsWith("<")) {
            comparator = Comparator.LT;
            number = cell.substring(1);
        } else if (cell.startsWith("=")) {
            comparator = Comparator.EQ;
            number = cell.substring(1);
        } else {
            throw new IllegalArgumentException("'" + text + "' is not a requirement: write a comparator and a number, such as ≥4.5 or ≤0.4");
        }
        return new Requirement(comparator, Quantities.parse(number, text), cell);
    }

    public BigFraction thresholdFraction() {
        return Fractions.of(threshold);
    }

    public boolean isMetBy(BigFraction value) {
        return comparator.holds(value.compareTo(thresholdFraction()));
    }

    /**
     * How far the value goes towards the requirement: value / threshold for a floor, threshold / value for a ceiling.
     * The 85 % tolerance of the school rule compares this with its floor.
     */
    public BigFraction attainment(BigFraction value) {
        BigFraction threshold = thresholdFraction();
        if (comparator.floor()) {
            return threshold.equals(BigFraction.ZERO) ? BigFraction.ONE : value.divide(threshold);
        }
        return value.equals(BigFraction.ZERO) ? BigFraction.ONE : threshold.divide(value);
    }

    /** The requirement as written in the workbook, such as {@code ≥85%} or {@code 是}. */
    @Override
    public String toString() {
        return written;
    }
}
