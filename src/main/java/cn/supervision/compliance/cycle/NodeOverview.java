package cn.supervision.compliance.cycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;


/**
 * A supervision office's view of its node for one year: its subjects by verdict, 达标率 per indicator and stage, the
 * overdue rectification items, and each subject's official evaluation.
 */
@Service
public class NodeOverview {

    private final SubmissionStore submissions;
    private final Rectifications rectifications;
    private final OfficialSummaries summaries;
    private final ReviewScope scope;

    NodeOverview(SubmissionStore submissions, Rectifications rectifications, OfficialSummaries summaries,
                 ReviewScope scope) {
        this.submissions = submissions;
        this.rectifications = rectifications;
        this.summaries = summaries;
        this.scope = scope;
    }

    public record Overview(String node, String ruleSet, int year, int subjects, int passed, int failed,
                           List<Attainment> attainment, List<Rectification> overdue, List<Latest> officials) {
    }

    /** Across the node's subjects: how many sections (or subjects, for a check) met the indicator. */
    public record Attainment(String indicator, String name, String stage, int assessed, int met, BigDecimal rate) {
    }

    public record Latest(String code, String name, int year, String evaluation, boolean passed, String decision) {
    }

    public Overview of(String node, String ruleSet, int year, Authentication caller) {
        List<Latest> officials = new java.util.ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (SubmissionStore.Official official : submissions.officials(ruleSet, null, year)) {
            if (!scope.contains(node, official.subjectCode()) || !scope.reaches(caller, official.subjectCode())) {
                continue;
            }
            OfficialSummaries.Summary summary = summaries.of(official);
            officials.add(new Latest(official.subjectCode(), summary.name(), official.year(),
                    official.evaluationId(), summary.passed(), summary.decision()));
            for (EvaluationReading.Figures figures : summary.indicators()) {
                String key = figures.indicator() + "|" + stageOf(figures);
                names.putIfAbsent(key, figures.name());
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                if (figures instanceof EvaluationReading.StageFigures s) {
                    count[0] += s.sections();
                    count[1] += s.met();
                } else if (figures instanceof EvaluationReading.CheckFigures c) {
                    count[0]++;
                    count[1] += "PASSED".equals(c.verdict()) ? 1 : 0;
                }
            }
        }
        List<Attainment> attainment = counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|", -1);
            int[] c = e.getValue();
            return new Attainment(key[0], names.get(e.getKey()), key[1].isEmpty() ? null : key[1], c[0], c[1],
                    c[0] == 0 ? null : BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP));
        }).toList();
        List<Rectification> overdue = rectifications.list(
                new RectificationStore.Filter(ruleSet, null, null, null, null, true, null), node, caller);
        int passed = (int) officials.stream().filter(Latest::passed).count();
        return new Overview(node, ruleSet, year, officials.size(), passed, officials.size() - passed, attainment,
                overdue, officials);
    }

    private static String stageOf(EvaluationReading.Figures figures) {
        return figures instanceof EvaluationReading.StageFigures s ? s.stage() : "";
    }
}
