package cn.supervision.compliance.api;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.facts.JsonPaths;
import cn.supervision.compliance.report.TemplateRejected;
import cn.supervision.compliance.report.ReportsBusy;
import cn.supervision.compliance.evaluation.ReplaysBusy;
import cn.supervision.compliance.ruleset.RuleSetNotFound;
import cn.supervision.compliance.ruleset.RuleSetProblem;
import cn.supervision.compliance.ruleset.VersionNotFound;
import cn.supervision.compliance.ruleset.WorkbookRejected;
import cn.supervision.compliance.text.Problems;
import cn.supervision.compliance.text.Texts;
import cn.supervision.compliance.cycle.CycleRefusal;
import cn.supervision.compliance.report.PdfUnavailable;

/**
 * The one place where failures become HTTP: RFC 9457 problem bodies that name the field at fault and never carry a
 * stack trace, SQL or a Java class name.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI INVALID_INPUT = URI.create("urn:compliance:problem:invalid-input");
    private static final URI WORKBOOK_REJECTED = URI.create("urn:compliance:problem:workbook-rejected");

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.problems());
    }

    /** A filled data-entry template with bad cells: 400 naming each sheet and cell (A1) and the request field. */
    @ExceptionHandler(TemplateRejected.class)
    ProblemDetail templateRejected(TemplateRejected e) {
        List<Map<String, String>> errors = e.problems().stream().map(p -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("sheet", p.sheet());
            error.put("cell", p.cell());
            error.put("field", p.field() != null ? p.field() : p.where());
            error.put("message", p.message());
            return error;
        }).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail());
        problem.setType(INVALID_INPUT);
        problem.setTitle(Texts.of("problem.template.title"));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({NotFound.class, VersionNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.titled(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    // --- lane cycle (issue 24): a step of the supervision cycle refused (404 outside the node, 403, 409) ---
    @ExceptionHandler(CycleRefusal.class)
    ProblemDetail cycleRefused(CycleRefusal e) {
        return Problems.titled(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage()));
    }

    /** No CJK font installed for PDF reports: the service's fault (503), named for the operator in the log. */
    @ExceptionHandler(PdfUnavailable.class)
    ProblemDetail pdfUnavailable(PdfUnavailable e) {
        log.error("PDF unavailable: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "pdf.unavailable");
    }

    @ExceptionHandler(RuleSetNotFound.class)
    ProblemDetail ruleSetNotFound(RuleSetNotFound e) {
        return e.field() == null ? notFound(e)
                : invalid(List.of(InputProblem.of(e.field(), "input.rule-set.unknown", e.name(), e.known())));
    }

    /**
     * A full disk, a read-only or unreachable database: writes fail clearly, nothing half-written, reads go on. A
     * connection lost mid-transaction surfaces as a transaction exception (the rollback itself fails): the same case.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ProblemDetail storageUnavailable(RuntimeException e) {
        log.error("storage failure", e);
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.storage.detail");
        problem.setTitle(Texts.of("problem.storage.title"));
        return problem;
    }

    /** Every evaluation place is taken ({@link Admission}): 503 at once, with when to try again. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(Overloaded e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.overloaded.detail",
                e.retryAfterSeconds());
        problem.setTitle(Texts.of("problem.overloaded.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    // engine lane (issue 21, part 5): every place for a report build or a template read taken, refused like an
    // overloaded evaluation
    @ExceptionHandler(ReportsBusy.class)
    ResponseEntity<ProblemDetail> reportsBusy(ReportsBusy e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.detail(), e.retryAfterSeconds());
        problem.setTitle(Texts.of("problem.overloaded.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    // lead (issue 21, part 5): every place for replaying stored evaluations taken (full view, trace, report, impact)
    @ExceptionHandler(ReplaysBusy.class)
    ResponseEntity<ProblemDetail> replaysBusy(ReplaysBusy e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.replays-busy.detail",
                e.retryAfterSeconds());
        problem.setTitle(Texts.of("problem.overloaded.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    /** Workbooks not accepted as a version: 422 with every problem as {file, sheet, cell, message}. */
    @ExceptionHandler(WorkbookRejected.class)
    ProblemDetail workbookRejected(WorkbookRejected e) {
        List<RuleSetProblem> problems = e.problems();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setType(WORKBOOK_REJECTED);
        problem.setTitle(Texts.of("problem.workbook-rejected.title"));
        problem.setDetail(problems.get(0) + more(problems.size()));
        problem.setProperty("problems", problems);
        return problem;
    }

    @ExceptionHandler(BodyTooLarge.class)
    ProblemDetail bodyTooLarge(BodyTooLarge e) {
        return e.problem();
    }

    /** A body declared multipart that is not (no boundary, truncated, not parts at all): the client's error. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        BodyTooLarge tooLarge = cause(e, BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge.problem();
        }
        return invalid(List.of(InputProblem.of("body", "input.body.multipart")));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        BodyTooLarge tooLarge = cause(e, BodyTooLarge.class);
        return tooLarge != null ? ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem())
                : super.handleMaxUploadSizeExceededException(e, headers, status, request);
    }

    /**
     * The body of an error that Tomcat reports itself, outside Spring MVC (a path it refuses, such as one with
     * {@code %2F} or {@code %00}, or a status sent with {@code sendError}): see {@link ProblemErrorValve}.
     */
    static ProblemDetail containerError(int status) {
        String detail;
        if (status == HttpStatus.BAD_REQUEST.value()) {
            detail = "problem.container.bad-request";
        } else if (status == HttpStatus.NOT_FOUND.value()) {
            detail = "problem.container.not-found";
        } else if (status >= 500) {
            detail = "problem.container.failed";
        } else {
            detail = "problem.container.refused";
        }
        return Problems.of(HttpStatusCode.valueOf(status), detail);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal.detail");
        problem.setTitle(Texts.of("problem.internal.title"));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<InputProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> InputProblem.constraint(f.getField(), f.getCode(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(InputProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        StreamReadException malformed = malformed(e);
        InputProblem problem;
        if (malformed != null && malformed.getOriginalMessage().startsWith("Duplicate field")
                && malformed.getProcessor() != null) {
            // STRICT_DUPLICATE_DETECTION (application.yml): a key given twice never silently replaces a figure
            String field = fieldOf(malformed.getProcessor().getParsingContext());
            problem = InputProblem.of(field.isEmpty() ? "body" : field, "input.body.duplicate-key");
        } else if (malformed != null) {
            problem = InputProblem.of("body", "input.body.malformed", malformed.getLocation().getLineNr(),
                    malformed.getLocation().getColumnNr());
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            String path = JsonPaths.of(mapping.getPath());
            problem = JsonPaths.problem(path.isEmpty() ? "body" : path.substring(1), mapping);
        } else {
            problem = InputProblem.of("body", "input.body.unreadable");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(problem)));
    }

    /** The field path of a parser position, as {@link JsonPaths} writes it ({@code subject.schools[0].name}). */
    private static String fieldOf(JsonStreamContext context) {
        String field = "";
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                field = "[" + at.getCurrentIndex() + "]" + field;
            } else if (at.getCurrentName() != null) {
                field = "." + at.getCurrentName() + field;
            }
        }
        return field.startsWith(".") ? field.substring(1) : field;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static StreamReadException malformed(Throwable e) {
        StreamReadException read = cause(e, StreamReadException.class);
        return read != null && read.getLocation() != null ? read : null;
    }

    private static ProblemDetail invalid(List<InputProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle(Texts.of("problem.invalid-input.title"));
        problem.setDetail(problems.get(0).message() + more(problems.size()));
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "code", p.code(), "message", p.message())).toList());
        return problem;
    }

    private static String more(int problems) {
        return problems > 1 ? Texts.of("input.more", problems - 1) : "";
    }

    /** Spring MVC's own problems (a wrong method, a missing parameter…) get the catalogue's title of their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        return super.createResponseEntity(body instanceof ProblemDetail problem ? Problems.titled(problem) : body,
                headers, status, request);
    }
}
