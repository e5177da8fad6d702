package cn.supervision.compliance.checkrows;

import java.util.Arrays;

/**
 * What a check row compares with its requirement, named in the workbook's 比较方式 column:
 * <ul>
 * <li>标准值 — each figure itself (every grade's periods, a rate);</li>
 * <li>对照值 — each figure against the subject's own benchmark times the requirement (pay ≥ 100 % of civil servants');</li>
 * <li>较上年 — the change from last year's figure (rates rise: {@code >0}); binding only where last year's figure was
 *     above the benchmark, when the subject has one (D05: a district above the city baseline does not lower it);</li>
 * <li>逐年 — every year's change in a series of consecutive years (spending does not fall: {@code ≥0});</li>
 * <li>占比 — the share of the figures that are non-zero (counties recognised).</li>
 * </ul>
 */
public enum Basis {
    STANDARD("标准值"), RELATIVE("对照值"), CHANGE("较上年"), SERIES("逐年"), SHARE("占比");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Basis fromLabel(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(b -> b.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a comparison basis; write one of "
                        + Arrays.stream(values()).map(Basis::label).toList()));
    }
}
