package cn.supervision.compliance.cycle;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.util.RawValue;

import cn.supervision.compliance.evaluation.EvaluationRequest;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.report.TemplateEvaluations;

/**
 * 填报 → 审核: a clerk submits a subject's figures (evaluated at once, shown to both sides), a reviewer of a node that
 * contains the subject returns them with remarks or approves them; the approved evaluation becomes the subject's
 * official one for the year, opens its rectification items and closes the earlier items whose checks now pass.
 */
@Service
public class Submissions {

    private static final int LIST_LIMIT = 500;

    private final Evaluations evaluations;
    private final TemplateEvaluations templates;
    private final SubmissionStore store;
    private final ReviewScope scope;
    private final Rectifications rectifications;
    private final Clock clock;
    private final OfficialSummaries summaries;

    Submissions(Evaluations evaluations, TemplateEvaluations templates, SubmissionStore store, ReviewScope scope,
                Rectifications rectifications, Clock clock, OfficialSummaries summaries) {
        this.clock = clock;
        this.summaries = summaries;
        this.evaluations = evaluations;
        this.templates = templates;
        this.store = store;
        this.scope = scope;
        this.rectifications = rectifications;
    }

    /** The figures to evaluate: a JSON request or a filled template. */
    public sealed interface Figures permits Json, Template {

        EvaluationResult evaluate(Evaluations evaluations, TemplateEvaluations templates);
    }

    public record Json(EvaluationRequest request) implements Figures {
        @Override
        public EvaluationResult evaluate(Evaluations evaluations, TemplateEvaluations templates) {
            return evaluations.evaluate(request);
        }
    }

    public record Template(Supplier<InputStream> file, String fileName, String ruleSet, String jurisdiction)
            implements Figures {
        @Override
        public EvaluationResult evaluate(Evaluations evaluations, TemplateEvaluations templates) {
            return templates.evaluate(file.get(), fileName, ruleSet, jurisdiction);
        }
    }

    @Transactional
    public Submission submit(Figures figures, Authentication clerk) {
        EvaluationResult result = figures.evaluate(evaluations, templates);
        String code = EvaluationReading.subjectCode(result);
        if (!scope.reaches(clerk, code)) {
            throw CycleRefusal.forbidden("cycle.out-of-scope", code, scope.nodeOf(clerk));
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.insert(id, result.ruleSet(), new Submission.Subject(code, EvaluationReading.subjectName(result),
                EvaluationReading.year(result)), clerk.getName(), result.id(), now);
        store.step(id, Submission.SUBMITTED, clerk.getName(), now, null, List.of(), result.id());
        return read(id).withEvaluation(json(result.compact()));
    }

    /** The clerk's corrected figures: a new evaluation of the same subject, year and rule set; the status returns to submitted. */
    @Transactional
    public Submission resubmit(String id, Figures figures, Authentication clerk) {
        Submission submission = visible(id, clerk);
        if (!submission.clerk().equals(clerk.getName())) {
            throw CycleRefusal.forbidden("cycle.submission.not-the-clerk", id, submission.clerk());
        }
        if (!Submission.RETURNED.equals(submission.status())) {
            throw CycleRefusal.conflict("cycle.submission.not-returned", id, submission.status());
        }
        EvaluationResult result = figures.evaluate(evaluations, templates);
        if (!result.ruleSet().equals(submission.ruleSet())) {
            throw InvalidInput.of("ruleSet", "cycle.submission.other-subject", submission.ruleSet());
        }
        if (!EvaluationReading.subjectCode(result).equals(submission.subject().code())
                || EvaluationReading.year(result) != submission.subject().year()) {
            throw InvalidInput.of("subject", "cycle.submission.other-subject",
                    submission.subject().code() + " " + submission.subject().year());
        }
        Instant now = clock.instant();
        move(submission, Submission.RETURNED, Submission.SUBMITTED, result.id(), null, now);
        store.step(id, "resubmitted", clerk.getName(), now, null, List.of(), result.id());
        return read(id).withEvaluation(json(result.compact()));
    }

    @Transactional
    public Submission giveBack(String id, ReviewDecision decision, Authentication reviewer) {
        Submission submission = reviewable(id, reviewer);
        List<Integer> unplaced = java.util.stream.IntStream.range(0, decision.comments().size())
                .filter(i -> !decision.comments().get(i).placed()).boxed().toList();
        if (!unplaced.isEmpty()) {
            throw InvalidInput.of("comments[" + unplaced.get(0) + "]", "cycle.comment.unplaced");
        }
        if ((decision.comment() == null || decision.comment().isBlank()) && decision.comments().isEmpty()) {
            throw InvalidInput.of("comment", "cycle.comment.required");
        }
        Instant now = clock.instant();
        move(submission, Submission.SUBMITTED, Submission.RETURNED, submission.evaluationId(), null, now);
        store.step(id, Submission.RETURNED, reviewer.getName(), now, decision.comment(), decision.comments(), null);
        return withEvaluation(read(id));
    }

    @Transactional
    public Submission approve(String id, ReviewDecision decision, Authentication reviewer) {
        Submission submission = reviewable(id, reviewer);
        Instant now = clock.instant();
        move(submission, Submission.SUBMITTED, Submission.APPROVED, submission.evaluationId(),
                submission.evaluationId(), now);
        store.step(id, Submission.APPROVED, reviewer.getName(), now, decision.comment(), List.of(),
                submission.evaluationId());
        store.official(submission.evaluationId(), id, submission.ruleSet(), submission.subject(), reviewer.getName(),
                now);
        EvaluationResult official = evaluations.replay(stored(submission.evaluationId()));
        summaries.save(official.id(), OfficialSummaries.Summary.of(official));
        rectifications.closeResolved(official, reviewer.getName(), now);
        rectifications.openFrom(official, reviewer.getName(), now);
        return read(id).withEvaluation(json(official));
    }

    /** The caller's submissions: a clerk's or integrator's own, a reviewer's, auditor's or admin's within their node. */
    public List<Submission> list(String status, String code, Integer year, Authentication caller) {
        return store.search(status, code, year, LIST_LIMIT).stream().filter(s -> readable(s, caller)).toList();
    }

    public Submission one(String id, Authentication caller) {
        return withEvaluation(visible(id, caller));
    }

    private Submission reviewable(String id, Authentication reviewer) {
        Submission submission = visible(id, reviewer);
        if (!scope.reaches(reviewer, submission.subject().code())) {
            throw CycleRefusal.forbidden("cycle.out-of-scope", submission.subject().code(), scope.nodeOf(reviewer));
        }
        if (!Submission.SUBMITTED.equals(submission.status())) {
            throw CycleRefusal.conflict("cycle.submission.not-submitted", id, submission.status());
        }
        return submission;
    }

    /**
     * A submission the caller may see; one outside the caller's node is 404, except to a reviewer, who is told it is
     * outside the node (403), as API.md asks for actions on another node's subjects.
     */
    private Submission visible(String id, Authentication caller) {
        Submission submission = read(id);
        if (readable(submission, caller)) {
            return submission;
        }
        if (Roles.has(caller, Roles.REVIEWER)) {
            throw CycleRefusal.forbidden("cycle.out-of-scope", submission.subject().code(), scope.nodeOf(caller));
        }
        throw CycleRefusal.notFound("cycle.submission.not-found", id);
    }

    private boolean readable(Submission submission, Authentication caller) {
        if (submission.clerk().equals(caller.getName())) {
            return true;
        }
        return Roles.readsNode(caller) && scope.reaches(caller, submission.subject().code());
    }

    private Submission read(String id) {
        return store.find(id).orElseThrow(() -> CycleRefusal.notFound("cycle.submission.not-found", id));
    }

    /** The submission with its evaluation's stored default answer, as answered: read, not judged again. */
    private Submission withEvaluation(Submission submission) {
        return submission.withEvaluation(raw(evaluations.answerOf(stored(submission.evaluationId()))));
    }

    private RawValue json(Object view) {
        return raw(evaluations.json(view));
    }

    private static RawValue raw(byte[] json) {
        return new RawValue(new String(json, StandardCharsets.UTF_8));
    }

    private StoredEvaluation stored(String evaluationId) {
        return evaluations.find(evaluationId).orElseThrow();
    }

    private void move(Submission submission, String from, String to, String evaluationId, String official,
                      Instant at) {
        if (!store.move(submission.id(), from, to, evaluationId, official, at)) {
            throw CycleRefusal.conflict("cycle.submission.changed", submission.id());
        }
    }
}
