package cn.supervision.compliance.cycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;


/**
 * A subject across the years (its official evaluations, their rule-set versions, verdicts and figures per indicator,
 * and the rectification items each opened and closed), and a node's subjects ranked by one indicator in one year.
 */
@Service
public class CountyHistory {

    private final SubmissionStore submissions;
    private final RectificationStore rectifications;
    private final OfficialSummaries summaries;
    private final ReviewScope scope;
    private final Rectifications cycle;

    CountyHistory(SubmissionStore submissions, RectificationStore rectifications, OfficialSummaries summaries,
                  ReviewScope scope, Rectifications cycle) {
        this.cycle = cycle;
        this.submissions = submissions;
        this.rectifications = rectifications;
        this.summaries = summaries;
        this.scope = scope;
    }

    public record History(String code, String name, String ruleSet, List<Year> years) {
    }

    /** One year: the official evaluation and what it found and did. */
    public record Year(int year, String evaluation, String ruleSetVersion, boolean passed, String decision,
                       Instant approvedAt, String approvedBy, List<EvaluationReading.Figures> indicators,
                       List<String> rectificationsOpened, List<String> rectificationsClosed) {
    }

    public record Ranking(String node, String ruleSet, int year, String indicator, String stage, BigDecimal threshold,
                          boolean lowerIsBetter, List<Place> items) {
    }

    /** One subject's place: its figure for the indicator (a CV or the check's value) and, for sections, 达标率. */
    public record Place(int rank, String code, String name, String evaluation, BigDecimal value, BigDecimal threshold,
                        Boolean passed, BigDecimal attainment, Integer sections, Integer met) {
    }

    /** A subject outside the caller's node is not found (404), like every read of another node's subjects. */
    public History history(String code, String ruleSet, Authentication caller) {
        if (!scope.reaches(caller, code)) {
            throw CycleRefusal.notFound("cycle.history.not-found", code);
        }
        List<Rectification> items = rectifications.search(
                new RectificationStore.Filter(ruleSet, code, null, null, null, null, null), cycle.today(),
                Integer.MAX_VALUE / 2);
        List<SubmissionStore.Official> officials = submissions.officials(ruleSet, code, null);
        if (officials.isEmpty()) {
            throw CycleRefusal.notFound("cycle.history.not-found", code);
        }
        List<OfficialSummaries.Summary> read = officials.stream().map(summaries::of).toList();
        List<Year> years = java.util.stream.IntStream.range(0, officials.size()).mapToObj(y -> {
            SubmissionStore.Official official = officials.get(y);
            OfficialSummaries.Summary summary = read.get(y);
            return new Year(official.year(), official.evaluationId(), summary.ruleSetVersion(), summary.passed(),
                    summary.decision(), official.approvedAt(), official.approvedBy(), summary.indicators(),
                    items.stream().filter(i -> official.evaluationId().equals(i.openedBy())).map(Rectification::id)
                            .toList(),
                    items.stream().filter(i -> official.evaluationId().equals(i.closedBy())).map(Rectification::id)
                            .toList());
        }).toList();
        String name = read.get(read.size() - 1).name();
        return new History(code, name, ruleSet, years);
    }

    /**
     * The node's subjects (within the caller's reach) with an official evaluation of that year, ranked by the
     * indicator: a school-section indicator by its CV in {@code stage} (or the first stage it has), best first.
     */
    public Ranking ranking(String node, String ruleSet, int year, String indicator, String stage,
                           Authentication caller) {
        List<Candidate> candidates = submissions.officials(ruleSet, null, year).stream()
                .filter(o -> scope.contains(node, o.subjectCode()) && scope.reaches(caller, o.subjectCode()))
                .map(o -> {
                    OfficialSummaries.Summary summary = summaries.of(o);
                    return summary.indicators().stream()
                            .filter(f -> f.indicator().equals(indicator))
                            .filter(f -> stage == null || !(f instanceof EvaluationReading.StageFigures s)
                                    || s.stage().equals(stage))
                            .findFirst().map(f -> new Candidate(o, summary.name(), f))
                            .orElse(null);
                }).filter(Objects::nonNull).toList();
        boolean lowerIsBetter = candidates.isEmpty() || candidates.get(0).figures().lowerIsBetter();
        Comparator<BigDecimal> order = lowerIsBetter ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Candidate> ranked = candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> c.figures().rankValue(),
                        Comparator.nullsLast(order)).thenComparing(c -> c.official().subjectCode()))
                .toList();
        List<Place> places = new java.util.ArrayList<>();
        for (Candidate c : ranked) {
            places.add(place(places.size() + 1, c));
        }
        String rankedStage = candidates.stream().map(Candidate::figures)
                .filter(EvaluationReading.StageFigures.class::isInstance)
                .map(f -> ((EvaluationReading.StageFigures) f).stage()).findFirst().orElse(stage);
        BigDecimal threshold = candidates.stream().map(c -> c.figures().threshold()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return new Ranking(node, ruleSet, year, indicator, rankedStage, threshold, lowerIsBetter, places);
    }

    private record Candidate(SubmissionStore.Official official, String name, EvaluationReading.Figures figures) {
    }

    private static Place place(int rank, Candidate c) {
        if (c.figures() instanceof EvaluationReading.StageFigures s) {
            return new Place(rank, c.official().subjectCode(), c.name(), c.official().evaluationId(), s.cv(),
                    s.cvLimit(), s.cvPassed(), s.attainment(), s.sections(), s.met());
        }
        EvaluationReading.CheckFigures check = (EvaluationReading.CheckFigures) c.figures();
        return new Place(rank, c.official().subjectCode(), c.name(), c.official().evaluationId(), check.value(),
                check.threshold(), check.verdict() == null ? null : "PASSED".equals(check.verdict()), null, null,
                null);
    }

}
