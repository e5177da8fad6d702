package cn.supervision.compliance.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.text.Texts;

/**
 * Rectification items (整改): opened from each remedy of an official evaluation with its deadline from the workbook,
 * moved on by the subject's clerks (in progress, submitted with an explanation and evidence), closed or reopened by a
 * reviewer of its node, and closed by a later official evaluation in which the check passes.
 */
@Service
public class Rectifications {

    /** Dates of the cycle (deadlines, overdue) are the supervision offices' calendar days. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int LIST_LIMIT = 5000;
    private static final int MAX_EXPLANATION = 4000;

    private final RectificationStore store;
    private final RectificationTerms terms;
    private final ReviewScope scope;
    private final EvidenceScreen screen;
    private final Clock clock;

    Rectifications(RectificationStore store, RectificationTerms terms, ReviewScope scope, EvidenceScreen screen,
                   Clock clock) {
        this.store = store;
        this.terms = terms;
        this.scope = scope;
        this.screen = screen;
        this.clock = clock;
    }

    /** The supervision offices' calendar day: an item is overdue from the day after its deadline. */
    LocalDate today() {
        return clock.instant().atZone(BEIJING).toLocalDate();
    }

    /** One item per remedy of the official evaluation, unless the same shortfall is already followed by an open item. */
    void openFrom(EvaluationResult official, String actor, Instant at) {
        List<EvaluationReading.Shortfall> shortfalls = EvaluationReading.shortfalls(official);
        if (shortfalls.isEmpty()) {
            return;
        }
        String code = EvaluationReading.subjectCode(official);
        Set<String> followed = new HashSet<>();
        store.unclosed(official.ruleSet(), code, today()).forEach(r -> followed.add(key(r.indicator(), r.subject(),
                r.stage())));
        Map<String, Integer> months = terms.months(official.ruleSet(),
                shortfalls.stream().map(EvaluationReading.Shortfall::indicator).toList());
        LocalDate evaluated = at.atZone(BEIJING).toLocalDate();
        Rectification.County county = new Rectification.County(code, EvaluationReading.subjectName(official),
                EvaluationReading.year(official));
        for (EvaluationReading.Shortfall shortfall : shortfalls) {
            if (!followed.add(key(shortfall.indicator(), shortfall.subject(), shortfall.stage()))) {
                continue;
            }
            Integer term = months.get(shortfall.indicator());
            String id = UUID.randomUUID().toString();
            store.insert(id, official.ruleSet(), county, shortfall, term == null ? null : evaluated.plusMonths(term),
                    official.id(), at);
            store.step(id, Rectification.OPEN, actor, at, null, official.id());
        }
    }

    /** Closes every unclosed item of the subject, from this year or before, whose check passes in the official evaluation. */
    void closeResolved(EvaluationResult official, String actor, Instant at) {
        for (Rectification item : store.unclosed(official.ruleSet(), EvaluationReading.subjectCode(official), today())) {
            if (item.county().year() > EvaluationReading.year(official)) {
                continue;
            }
            boolean passes = EvaluationReading.passes(official, item.indicator(), item.subject(), item.stage())
                    .orElse(false);
            if (passes && store.move(item.id(), List.of(item.status()), Rectification.CLOSED, official.id(), at)) {
                store.step(item.id(), Rectification.CLOSED, actor, at,
                        Texts.of("cycle.rectification.auto-closed", official.id()), official.id());
            }
        }
    }

    @Transactional
    public Rectification progress(String id, String status, String explanation, List<MultipartFile> files,
                                  Authentication clerk) {
        Rectification item = visible(id, clerk);
        if (explanation != null && explanation.length() > MAX_EXPLANATION) {
            throw InvalidInput.of("explanation", "cycle.explanation.too-long", MAX_EXPLANATION);
        }
        List<String> from;
        if (Rectification.IN_PROGRESS.equals(status)) {
            from = List.of(Rectification.OPEN, Rectification.REOPENED);
        } else if (Rectification.SUBMITTED.equals(status)) {
            if (explanation == null || explanation.isBlank()) {
                throw InvalidInput.of("explanation", "cycle.explanation.required");
            }
            from = List.of(Rectification.OPEN, Rectification.IN_PROGRESS, Rectification.REOPENED);
        } else {
            throw InvalidInput.of("status", "cycle.rectification.progress-status", status,
                    List.of(Rectification.IN_PROGRESS, Rectification.SUBMITTED));
        }
        List<EvidenceScreen.Screened> evidence = screen.screen(files);
        Instant now = clock.instant();
        if (!store.move(id, from, status, null, now)) {
            throw CycleRefusal.conflict("cycle.rectification.wrong-status", id, item.status(), status);
        }
        long step = store.step(id, status, clerk.getName(), now, explanation, null);
        evidence.forEach(e -> store.evidence(id, step, e.fileName(), e.mediaType(), e.content()));
        return one(id, clerk);
    }

    @Transactional
    public Rectification close(String id, String comment, Authentication reviewer) {
        return review(id, comment, reviewer, List.of(Rectification.SUBMITTED), Rectification.CLOSED);
    }

    @Transactional
    public Rectification reopen(String id, String comment, Authentication reviewer) {
        return review(id, comment, reviewer, List.of(Rectification.SUBMITTED, Rectification.CLOSED),
                Rectification.REOPENED);
    }

    private Rectification review(String id, String comment, Authentication reviewer, List<String> from, String to) {
        Rectification item = visible(id, reviewer);
        if (comment != null && comment.length() > MAX_EXPLANATION) {
            throw InvalidInput.of("comment", "cycle.explanation.too-long", MAX_EXPLANATION);
        }
        Instant now = clock.instant();
        if (!store.move(id, from, to, null, now)) {
            throw CycleRefusal.conflict("cycle.rectification.wrong-status", id, item.status(), to);
        }
        store.step(id, to, reviewer.getName(), now, comment, null);
        return one(id, reviewer);
    }

    /** The items the caller reaches, by the filters given and, when {@code node} is given, within that node. */
    public List<Rectification> list(RectificationStore.Filter filter, String node, Authentication caller) {
        if (filter.status() != null && !Rectification.STATUSES.contains(filter.status())) {
            throw InvalidInput.of("status", "cycle.rectification.unknown-status", filter.status(),
                    Rectification.STATUSES);
        }
        return store.search(filter, today(), LIST_LIMIT).stream()
                .filter(r -> scope.reaches(caller, r.county().code()))
                .filter(r -> node == null || scope.contains(node, r.county().code()))
                .toList();
    }

    public Rectification one(String id, Authentication caller) {
        return visible(id, caller).detailed(store.steps(id), store.evidence(id));
    }

    public RectificationStore.EvidenceFile evidenceFile(String id, long fileId, Authentication caller) {
        visible(id, caller);
        return store.evidenceFile(id, fileId)
                .orElseThrow(() -> CycleRefusal.notFound("cycle.evidence.not-found", fileId));
    }

    /** An item the caller reaches; outside the caller's node it does not exist for them (404). */
    private Rectification visible(String id, Authentication caller) {
        return store.find(id, today()).filter(r -> scope.reaches(caller, r.county().code()))
                .orElseThrow(() -> CycleRefusal.notFound("cycle.rectification.not-found", id));
    }

    private static String key(String indicator, String subject, String stage) {
        return indicator + "|" + Objects.toString(subject, "") + "|" + Objects.toString(stage, "");
    }
}
