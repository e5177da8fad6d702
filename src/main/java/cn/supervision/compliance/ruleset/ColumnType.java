package cn.supervision.compliance.ruleset;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.supervision.compliance.evaluation.Quantities;
import cn.supervision.compliance.evaluation.Requirement;

/**
 * The type of a rule-table column's values, as declared in the approved template: {@code number}, {@code whole-number},
 * {@code percentage}, {@code requirement} (a comparator and a number), {@code year}, {@code code} (SPECIAL_ED), {@code name} (national),
 * {@code text}, or the name of one of the template's enumerations (学段, 学校类型…). A value is checked and written in
 * its canonical form; text is escaped so that no character of it can end the string literal the rule code puts it in.
 * Full-width characters are read as their ASCII forms and quotes around a typed value are dropped.
 */
final class ColumnType {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern QUOTED = Pattern.compile("^[\"'“”‘’「」『』]+|[\"'“”‘’「」『』]+$");
    private static final int MAX_TEXT = 4096;
    private static final String QUOTE = "\\042";

    private final String name;
    private final List<String> allowed;

    private ColumnType(String name, List<String> allowed) {
        this.name = name;
        this.allowed = allowed;
    }

    static ColumnType of(String name, Map<String, List<String>> enumerations) {
        return new ColumnType(name, enumerations == null ? null : enumerations.get(name));
    }

    /** The value to compile, or {@link IllegalArgumentException} with the reason a person can act on. */
    String canonical(String cell) {
        if (allowed != null) {
            String value = typed(cell);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("'" + cell + "' is not one of " + String.join("、", allowed));
            }
            return value;
        }
        return switch (name) {
            case "text" -> escapedText(cell);
            case "number" -> number(cell).toPlainString();
            case "whole-number" -> whole(cell);
            case "percentage" -> percentage(cell);
            case "requirement" -> requirement(cell);
            case "year" -> matching(cell, YEAR, "is not a year such as 2026");
            case "code" -> matching(cell, CODE, "is not a code (capital letters, digits and _)");
            case "name" -> matching(cell, NAME, "is not a name (small letters, digits, - and _)");
            default -> throw new IllegalStateException("the approved template declares an unknown column type " + name);
        };
    }

    private static String typed(String cell) {
        String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        return QUOTED.matcher(text).replaceAll("").strip();
    }

    private static BigDecimal number(String cell) {
        String text = typed(cell);
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + cell + "' is not a number");
        }
        return Quantities.bounded(new BigDecimal(text).stripTrailingZeros());
    }

    private static String requirement(String cell) {
        Requirement requirement = Requirement.parse(typed(cell));
        Quantities.bounded(requirement.threshold());
        return requirement.toString();
    }

    private static String whole(String cell) {
        BigDecimal value = number(cell);
        if (value.scale() > 0) {
            throw new IllegalArgumentException("'" + cell + "' is not a whole number");
        }
        return value.toBigInteger().toString();
    }

    private static String percentage(String cell) {
        String text = typed(cell);
        boolean percent = text.endsWith("%");
        BigDecimal value = number(percent ? text.substring(0, text.length() - 1) : text);
        BigDecimal fraction = percent ? value.movePointLeft(2) : value;
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("'" + cell + "' is not a percentage between 0% and 100%");
        }
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String matching(String cell, Pattern pattern, String reason) {
        String text = typed(cell);
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + cell + "' " + reason);
        }
        return text;
    }

    /**
     * Backslashes and line breaks escaped for the Java string literal the code row puts the text in, and quotes written
     * as the octal escape {@code \042}: Drools escapes some quotes itself but not all (not a leading one), so none is
     * handed to it. Other control characters are dropped.
     */
    static String escapedText(String cell) {
        if (cell.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the text is longer than " + MAX_TEXT + " characters");
        }
        StringBuilder out = new StringBuilder(cell.length() + 8);
        String text = cell.strip().replace("\r\n", "\n");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append(QUOTE);
                case '\n', '\r' -> out.append("\\n");
                case '\t' -> out.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
