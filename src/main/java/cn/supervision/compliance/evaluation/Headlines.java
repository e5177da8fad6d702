package cn.supervision.compliance.evaluation;

import java.util.List;

import cn.supervision.compliance.text.Texts;

/** The "why" of a headline: the first reasons of a decision, and how many more there are. */
public final class Headlines {

    /** How many reasons a headline quotes before it says how many more there are. */
    private static final int QUOTED = 2;

    private Headlines() {
    }

    /** 檀江乡中心小学（S4）小学 达标 2/7 项…；另有 3 项原因; nothing when there is no reason. */
    public static String why(List<String> reasons) {
        if (reasons.isEmpty()) {
            return "";
        }
        String quoted = String.join(Texts.of("result.headline.reason-separator"),
                reasons.subList(0, Math.min(QUOTED, reasons.size())));
        return reasons.size() <= QUOTED ? Texts.of("result.headline.why", quoted)
                : Texts.of("result.headline.why-more", quoted, reasons.size() - QUOTED);
    }
}
