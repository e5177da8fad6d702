package cn.supervision.compliance.checkrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.Requirement;
import cn.supervision.compliance.facts.Observation;
import cn.supervision.compliance.text.Texts;

/**
 * The verdict of one check row on one subject. {@code value} and {@code threshold} are what was compared (for a
 * comparison with the subject's benchmark or last year, the threshold is that benchmark or last year's figure moved by
 * the requirement); {@code failing} names the grades, years, counties or associations that miss the requirement.
 */
public record Outcome(Standard standard, Verdict verdict, BigFraction value, BigFraction threshold,
                      List<String> failing, String note, String rule) {

    public String code() {
        return standard.code();
    }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    /**
     * Judges a row on the subject's figures it reads. Order of precedence: a row reading a figure the subject does
     * not carry is not assessed; a row that does not reach the subject (grades, school type) is not applicable; one whose first year is later than the evaluation
     * year is not yet in force; a missing figure makes it not assessed, never passed.
     */
    public static Outcome judge(Standard standard, CheckScope scope, Reach reach, List<Observation> observations,
                                String rule) {
        List<Observation> covered = observations.stream()
                .filter(o -> o.field().equals(standard.field()) && standard.covers(o))
                .sorted(Comparator.comparing((Observation o) -> o.grade() == null ? 0 : o.grade())
                        .thenComparing(o -> o.year() == null ? 0 : o.year()))
                .toList();
        if (observations.stream().noneMatch(o -> o.field().equals(standard.field()))) {
            // a 数据项 the subject does not carry (a typo in the row, or a figure of another kind of subject)
            return new Outcome(standard, Verdict.NOT_ASSESSED, null, null, List.of(),
                    Texts.of("result.note.no-such-figure", standard.field()), rule);
        }
        if (!reach.reaches(standard) || covered.isEmpty()) {
            BigFraction threshold = standard.basis() == Basis.RELATIVE || standard.basis() == Basis.CHANGE ? null
                    : standard.requirement().thresholdFraction();
            return new Outcome(standard, Verdict.NOT_APPLICABLE, null, threshold, List.of(), null, rule);
        }
        Comparison comparison = compare(standard, covered);
        Verdict verdict;
        String note = comparison.note();
        if (standard.inForceFrom() != null && standard.inForceFrom() > scope.year()) {
            verdict = Verdict.NOT_YET_IN_FORCE;
            note = Texts.of("result.note.in-force-from", standard.inForceFrom());
        } else if (!comparison.missing().isEmpty()) {
            verdict = Verdict.NOT_ASSESSED;
            note = Texts.of("result.note.missing", String.join(Texts.of("result.enumeration"), comparison.missing()));
        } else if (comparison.notBinding()) {
            verdict = Verdict.NOT_APPLICABLE;
        } else {
            verdict = comparison.failing().isEmpty() ? Verdict.PASSED : Verdict.FAILED;
        }
        List<String> failing = verdict == Verdict.FAILED ? comparison.failing() : List.of();
        return new Outcome(standard, verdict, comparison.value(), comparison.threshold(), failing, note, rule);
    }

    private record Comparison(BigFraction value, BigFraction threshold, List<String> failing, List<String> missing,
                              boolean notBinding, String note) {
    }

    private static Comparison compare(Standard standard, List<Observation> observations) {
        Requirement requirement = standard.requirement();
        BigFraction offset = requirement.thresholdFraction();
        List<String> failing = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        switch (standard.basis()) {
            case STANDARD -> {
                if (standard.years() != null && observations.size() < standard.years()) {
                    missing.add(Texts.of("result.note.too-few-figures", standard.years(), observations.size()));
                }
                BigFraction worst = null;
                for (Observation o : observations) {
                    if (o.value() == null) {
                        missing.add(figure(o));
                        continue;
                    }
                    if (!requirement.isMetBy(o.value())) {
                        failing.add(label(o));
                    }
                    worst = worst == null || requirement.comparator().floor() == (o.value().compareTo(worst) < 0)
                            ? o.value() : worst;
                }
                return new Comparison(worst, offset, failing, missing, false, null);
            }
            case RELATIVE, CHANGE -> {
                Observation o = observations.get(0);
                boolean change = standard.basis() == Basis.CHANGE;
                BigFraction base = change ? o.prior() : o.reference();
                if (o.value() == null) {
                    missing.add(figure(o));
                }
                if (base == null) {
                    missing.add(Texts.of(change ? "result.note.last-year" : "result.note.benchmark", figure(o)));
                }
                if (!missing.isEmpty()) {
                    return new Comparison(o.value(), null, failing, missing, false, null);
                }
                BigFraction threshold = change ? base.add(offset) : base.multiply(offset);
                if (!requirement.comparator().holds(o.value().compareTo(threshold))) {
                    failing.add(label(o));
                }
                boolean notBinding = change && o.reference() != null && base.compareTo(o.reference()) <= 0;
                return new Comparison(o.value(), threshold, failing, missing, notBinding,
                        notBinding ? Texts.of("result.note.last-year-not-above-benchmark") : null);
            }
            case SERIES -> {
                List<Observation> series = standard.years() == null || observations.size() <= standard.years()
                        ? observations : observations.subList(observations.size() - standard.years(), observations.size());
                series.stream().filter(o -> o.value() == null).forEach(o -> missing.add(figure(o)));
                if (standard.years() != null && series.size() < standard.years()) {
                    missing.add(Texts.of("result.note.too-few-years", standard.years(), series.size()));
                }
                if (!missing.isEmpty()) {
                    return new Comparison(null, offset, failing, missing, false, null);
                }
                for (int i = 1; i < series.size(); i++) {
                    BigFraction change = series.get(i).value().subtract(series.get(i - 1).value());
                    if (!requirement.isMetBy(change)) {
                        failing.add(label(series.get(i)));
                    }
                }
                return new Comparison(null, offset, failing, missing, false,
                        Texts.of("result.note.year-on-year", series.get(0).year(),
                                series.get(series.size() - 1).year()));
            }
            case SHARE -> {
                long nonZero = 0;
                for (Observation o : observations) {
                    if (o.value() == null) {
                        missing.add(figure(o));
                    } else if (o.value().equals(BigFraction.ZERO)) {
                        failing.add(label(o));
                    } else {
                        nonZero++;
                    }
                }
                BigFraction share = new BigFraction(nonZero, (long) observations.size());
                boolean met = requirement.isMetBy(share);
                return new Comparison(share, offset, met ? List.of() : failing, missing, false, null);
            }
            default -> throw new IllegalStateException("unknown basis " + standard.basis());
        }
    }

    /**
     * A figure the subject did not supply, as a person names it: the request field's Chinese name, with the year, the
     * grade or the association it is for ("一般公共预算教育经费（2023年）"); in English the field path.
     */
    private static String figure(Observation o) {
        String name = Texts.field(o.path()).name();
        if (o.year() != null) {
            return Texts.of("result.note.figure-in-year", name, o.year());
        }
        if (o.grade() != null) {
            return Texts.of("result.note.figure-of-grade", name, o.grade());
        }
        return o.label() == null ? name : Texts.of("result.note.figure-of", name, o.label());
    }

    /** What fails, as a person names it: its label (a year, an association), else the figure's Chinese name. */
    private static String label(Observation o) {
        return o.label() != null ? o.label() : Texts.field(o.path()).name();
    }
}
