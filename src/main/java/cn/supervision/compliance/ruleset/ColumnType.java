package cn.supervision.compliance.ruleset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.supervision.compliance.text.Texts;

/**
 * The type of a rule-table column's values, as declared in the approved template, and the token the compiler receives
 * for a value of it. Every token is printed here from a parsed value, never copied from the cell: numbers from their
 * {@code BigDecimal}, codes and names matched against a strict pattern, enumeration values from the template's closed
 * list, and free text ({@code text}) as the number of its entry in the {@link RowCatalogue}.
 * <p>
 * Types: {@code number}, {@code whole-number}, {@code percentage}, {@code requirement} (a comparator and a number, or
 * 是/否), {@code year}, {@code code} (SPECIAL_ED), {@code name} (national), {@code grade-range} (1-5), {@code text}, the
 * name of one of the template's enumerations (学段, 数据项…), {@code list:<enumeration>} (several values of it), or
 * {@code key:<family>} / {@code ref:<family>}: a code that one table defines and others name (指标体系 defines the
 * indicators, 管辖区域 the jurisdictions; a row of any workbook of the rule set may name only a defined one, so a new
 * indicator or jurisdiction is a workbook change). A {@code key:} or {@code ref:} cell may not be left blank in a row;
 * {@code ref?:<family>} may (上级 of the root). The template's {@code codes} say how each family is spelt.
 * Full-width characters are read as their ASCII forms and quotes around a typed value are dropped.
 */
final class ColumnType {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,400}(\\.\\d{1,400})?([eE][+-]?\\d{1,4})?");
    private static final int MAX_DIGITS = 15;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** A GB/T 2260 行政区划代码 or its prefix: province 2 digits, city 4, county 6 (a school's code may run longer). */
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2,12}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern GRADES = Pattern.compile("(\\d{1,2})(?:[-–—~至](\\d{1,2}))?");
    private static final Pattern REQUIREMENT = Pattern.compile("(≥|>=|≤|<=|>|<|=)(.+)");
    private static final Pattern QUOTED = Pattern.compile("^[\"'“”‘’「」『』]+|[\"'“”‘’「」『』]+$");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;\\n]+");
    private static final String LIST = "list:";
    private static final String KEY = "key:";
    private static final String REF = "ref:";
    private static final String OPTIONAL_REF = "ref?:";
    private static final String NOT_A_CODE = "workbook.value.not-a-code";
    private static final String NOT_A_NAME = "workbook.value.not-a-name";
    private static final int MAX_TEXT = 4096;
    private static final int HIGHEST_GRADE = 12;

    private final String name;
    private final List<String> allowed;
    /** The family of codes a key: or ref: column defines or names, and the type its codes are spelt as. */
    private final String family;
    private final String spelling;

    private ColumnType(String name, List<String> allowed, String family, String spelling) {
        this.name = name;
        this.allowed = allowed;
        this.family = family;
        this.spelling = spelling;
    }

    /** {@code enumerations} and {@code codes} of the approved template (null in a test of a plain type). */
    static ColumnType of(String name, Map<String, List<String>> enumerations, Map<String, String> codes) {
        String list = name.startsWith(LIST) ? name.substring(LIST.length()) : name;
        List<String> allowed = enumerations == null ? null : enumerations.get(list);
        if (name.startsWith(LIST) && allowed == null) {
            throw new IllegalStateException("the approved template declares a list of an unknown enumeration " + name);
        }
        String family = Stream.of(KEY, REF, OPTIONAL_REF).filter(name::startsWith).findFirst()
                .map(prefix -> name.substring(prefix.length())).orElse(null);
        String spelling = family == null || codes == null ? null : codes.get(family);
        if (family != null && !"code".equals(spelling) && !"name".equals(spelling)) {
            throw new IllegalStateException("the approved template does not say how the codes of " + name
                    + " are spelt (codes: code or name)");
        }
        return new ColumnType(name, allowed, family, spelling);
    }

    /** The family of codes this column defines ({@code key:<family>}), else null. */
    String defines() {
        return name.startsWith(KEY) ? family : null;
    }

    /** The family of codes this column names ({@code ref:<family>}, {@code ref?:<family>}), else null. */
    String refersTo() {
        return name.startsWith(REF) || name.startsWith(OPTIONAL_REF) ? family : null;
    }

    /** Whether a row may not leave this column blank: a code it defines or names. */
    boolean required() {
        return name.startsWith(KEY) || name.startsWith(REF);
    }

    /**
     * The token the compiler receives for a cell's value; free text goes into the catalogue and its number is the
     * token. {@link IllegalArgumentException} with the reason a person can act on when the value is not of the type.
     */
    String token(String cell, ToIntFunction<String> catalogue) {
        if (name.startsWith(LIST)) {
            return list(cell);
        }
        if (family != null) {
            return spelling.equals("name") ? matching(cell, NAME, NOT_A_NAME) : matching(cell, CODE, NOT_A_CODE);
        }
        if (allowed != null) {
            return member(typed(cell), cell);
        }
        return switch (name) {
            case "text" -> String.valueOf(catalogue.applyAsInt(text(cell)));
            case "number" -> plain(number(cell));
            case "whole-number" -> whole(cell);
            case "percentage" -> percentage(cell);
            case "requirement" -> requirement(cell);
            case "year" -> matching(cell, YEAR, "workbook.value.not-a-year");
            case "division-code" -> matching(cell, DIVISION_CODE, "workbook.value.not-a-division-code");
            case "code" -> matching(cell, CODE, NOT_A_CODE);
            case "name" -> matching(cell, NAME, NOT_A_NAME);
            case "grade-range" -> grades(cell);
            default -> throw new IllegalStateException("the approved template declares an unknown column type " + name);
        };
    }

    private String member(String value, String cell) {
        int index = allowed.indexOf(value);
        if (index < 0) {
            throw invalid("workbook.value.not-one-of", cell, String.join("、", allowed));
        }
        return allowed.get(index);
    }

    private String list(String cell) {
        List<String> members = new ArrayList<>();
        for (String part : SEPARATORS.split(Normalizer.normalize(cell, Normalizer.Form.NFKC))) {
            String value = typed(part);
            if (!value.isEmpty()) {
                members.add(member(value, value));
            }
        }
        return String.join("、", members);
    }

    private static String typed(String cell) {
        String text = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        return QUOTED.matcher(text).replaceAll("").strip();
    }

    private static String text(String cell) {
        if (cell.length() > MAX_TEXT) {
            throw invalid("workbook.value.text-too-long", MAX_TEXT);
        }
        return cell;
    }

    /** At most 15 digits before and after the point: a threshold, a weight or a sum of money, never 1e308. */
    private static BigDecimal number(String cell) {
        return number(typed(cell), cell);
    }

    private static BigDecimal number(String text, String cell) {
        if (!NUMBER.matcher(text).matches()) {
            throw invalid("workbook.value.not-a-number", cell);
        }
        BigDecimal value = new BigDecimal(text).stripTrailingZeros();
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            throw invalid("workbook.value.too-many-digits", value.round(new MathContext(6)), MAX_DIGITS);
        }
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.toPlainString();
    }

    private static String whole(String cell) {
        BigDecimal value = number(cell);
        if (value.scale() > 0) {
            throw invalid("workbook.value.not-whole", cell);
        }
        return value.toBigInteger().toString();
    }

    private static String percentage(String cell) {
        String text = typed(cell);
        boolean percent = text.endsWith("%");
        BigDecimal value = number(percent ? text.substring(0, text.length() - 1) : text, cell);
        BigDecimal fraction = percent ? value.movePointLeft(2) : value;
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw invalid("workbook.value.not-a-percentage", cell);
        }
        return plain(fraction.movePointRight(2).stripTrailingZeros()) + "%";
    }

    /** A comparator and a number (a trailing % kept), or 是 / 否, printed again from what was read. */
    private static String requirement(String cell) {
        String text = typed(cell).replace(" ", "");
        if (text.equals("是") || text.equals("否")) {
            return text;
        }
        Matcher matcher = REQUIREMENT.matcher(text);
        if (!matcher.matches()) {
            throw invalid("workbook.value.not-a-requirement", cell);
        }
        String comparator = switch (matcher.group(1)) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> matcher.group(1);
        };
        String number = matcher.group(2);
        boolean percent = number.endsWith("%");
        BigDecimal value = number(percent ? number.substring(0, number.length() - 1) : number, cell);
        return comparator + plain(value) + (percent ? "%" : "");
    }

    private static String grades(String cell) {
        String text = typed(cell).replace(" ", "");
        Matcher matcher = GRADES.matcher(text);
        if (!matcher.matches()) {
            throw invalid("workbook.value.not-grades", cell);
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
        if (from < 1 || to > HIGHEST_GRADE || from > to) {
            throw invalid("workbook.value.grades-out-of-range", cell, HIGHEST_GRADE);
        }
        return from == to ? String.valueOf(from) : from + "-" + to;
    }

    private static String matching(String cell, Pattern pattern, String reason) {
        String text = typed(cell);
        if (!pattern.matcher(text).matches()) {
            throw invalid(reason, cell);
        }
        return text;
    }

    /** Why a cell is not of the column's type, as the catalogue's {@code code} says it. */
    private static IllegalArgumentException invalid(String code, Object... arguments) {
        return new IllegalArgumentException(Texts.of(code, arguments));
    }
}
