package cn.supervision.compliance.cycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.report.PdfDocument;
import cn.supervision.compliance.report.PdfWriter;
import cn.supervision.compliance.text.Texts;

/**
 * The documents supervision offices file, as PDF: an evaluation's report (formal title, the verdict and its reasons
 * first, one line per indicator, the shortfalls, the schools left out, the signature block), the rectification
 * ledger and a node's overview. Times are Beijing time; every text comes from the catalogue (pdf.*).
 */
@Component
class CyclePdfs {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy 年 M 月 d 日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final List<String> fonts;
    private final Clock clock;
    private PdfWriter writer;

    CyclePdfs(CycleProperties properties, Clock clock) {
        this.fonts = properties.pdfFonts();
        this.clock = clock;
    }

    /** The writer, made on first use (loading the font), so that a machine without it still starts. */
    private synchronized PdfWriter writer() {
        if (writer == null) {
            writer = new PdfWriter(fonts);
        }
        return writer;
    }

    byte[] evaluation(StoredEvaluation stored, EvaluationResult result, Optional<SubmissionStore.Official> official) {
        String name = Optional.ofNullable(EvaluationReading.subjectName(result)).orElse(result.subject().code());
        String kind = java.util.Objects.toString(EvaluationReading.scope(result), "checks");
        String title = Texts.orElse("pdf.title." + result.ruleSet() + "." + kind, "pdf.title.generic");
        title = Texts.of("pdf.title.format", name, EvaluationReading.year(result), title);
        List<PdfDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PdfDocument.Paragraph(Texts.of("pdf.evaluation.subject", name, result.subject().code(),
                EvaluationReading.year(result), result.ruleSet(), shortVersion(result.ruleSetVersion()),
                beijing(result.evaluatedAt()).format(TIME))));
        blocks.add(new PdfDocument.Paragraph(Texts.of("pdf.evaluation.verdict",
                Texts.of(result.passed() ? "pdf.passed" : "pdf.failed")), true));
        official.ifPresent(o -> blocks.add(new PdfDocument.Paragraph(Texts.of("pdf.evaluation.official",
                o.approvedBy(), beijing(o.approvedAt()).format(TIME)))));
        List<String> reasons = EvaluationReading.reasons(result);
        for (int i = 0; i < reasons.size(); i++) {
            blocks.add(new PdfDocument.Paragraph((i + 1) + ". " + reasons.get(i)));
        }
        blocks.add(new PdfDocument.Heading(Texts.of("pdf.heading.indicators")));
        List<EvaluationReading.Figures> figures = EvaluationReading.figures(result);
        List<List<String>> stageRows = new ArrayList<>();
        List<List<String>> checkRows = new ArrayList<>();
        for (EvaluationReading.Figures f : figures) {
            if (f instanceof EvaluationReading.StageFigures s) {
                stageRows.add(List.of(s.indicator(), text(s.name()), LedgerWorkbook.stage(s.stage()),
                        String.valueOf(s.sections()), String.valueOf(s.met()), percent(s.attainment()),
                        number(s.cv()), number(s.cvLimit()),
                        s.cvPassed() == null ? "—" : Texts.of(s.cvPassed() ? "pdf.passed" : "pdf.failed")));
            } else if (f instanceof EvaluationReading.CheckFigures c) {
                checkRows.add(List.of(c.indicator(), text(c.name()), text(c.subject()), number(c.value()),
                        text(c.comparator()) + number(c.threshold()), verdict(c.verdict())));
            }
        }
        if (!stageRows.isEmpty()) {
            blocks.add(new PdfDocument.Table(columns("indicator", "name", "stage", "sections", "met", "rate", "cv",
                    "cv-limit", "cv-verdict"), new float[] {5, 16, 5, 6, 5, 6, 7, 6, 6}, stageRows));
        }
        if (!checkRows.isEmpty()) {
            blocks.add(new PdfDocument.Table(columns("indicator", "name", "subject", "value", "requirement",
                    "verdict"), new float[] {6, 24, 10, 8, 10, 7}, checkRows));
        }
        List<EvaluationReading.Shortfall> shortfalls = EvaluationReading.shortfalls(result);
        if (!shortfalls.isEmpty()) {
            blocks.add(new PdfDocument.Heading(Texts.of("pdf.heading.shortfalls")));
            blocks.add(new PdfDocument.Table(columns("indicator", "subject", "stage", "shortfall", "departments",
                    "office", "measures"), new float[] {5, 7, 5, 8, 12, 7, 36},
                    shortfalls.stream().map(s -> List.of(s.indicator(), text(s.subject()),
                            LedgerWorkbook.stage(s.stage()), number(s.shortfall()) + " " + text(s.unit()),
                            String.join("、", s.departments()), text(s.office()), text(s.measures()))).toList()));
        }
        List<EvaluationReading.Excluded> excluded = EvaluationReading.excluded(result, stored.request());
        if (!excluded.isEmpty()) {
            blocks.add(new PdfDocument.Heading(Texts.of("pdf.heading.excluded")));
            blocks.add(new PdfDocument.Table(columns("school-id", "school-name", "reason"), new float[] {8, 24, 20},
                    excluded.stream().map(e -> List.of(e.schoolId(), text(e.name()),
                            Texts.orElse("pdf.exclusion." + e.reason(), "pdf.exclusion.other"))).toList()));
        }
        blocks.add(signature(official.map(SubmissionStore.Official::approvedBy).orElse(null)));
        return writer().write(new PdfDocument(title, false,
                Texts.of("pdf.footer.evaluation", result.id(), shortVersion(result.ruleSetVersion())), blocks));
    }

    byte[] ledger(List<Rectification> items) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Rectification r : items) {
            rows.add(List.of(String.valueOf(++n), text(r.county().name()) + "（" + r.county().code() + "）",
                    String.valueOf(r.county().year()), r.indicator(), text(r.subject()) + " "
                            + LedgerWorkbook.stage(r.stage()), number(r.shortfall()) + " " + text(r.unit()),
                    String.join("、", r.departments()), text(r.office()),
                    r.deadline() == null ? Texts.of("ledger.no-deadline") : r.deadline().toString(),
                    Texts.of("cycle.status." + r.status()) + (r.overdue() ? "（" + Texts.of("ledger.overdue") + "）" : ""),
                    text(r.measures())));
        }
        List<PdfDocument.Block> blocks = List.of(
                new PdfDocument.Paragraph(Texts.of("pdf.ledger.count", items.size(), beijing(clock.instant()).format(TIME))),
                new PdfDocument.Table(List.of(Texts.of("ledger.column.number"), Texts.of("ledger.column.name"),
                        Texts.of("ledger.column.year"), Texts.of("ledger.column.indicator"),
                        Texts.of("ledger.column.subject"), Texts.of("ledger.column.shortfall"),
                        Texts.of("ledger.column.departments"), Texts.of("ledger.column.office"),
                        Texts.of("ledger.column.deadline"), Texts.of("ledger.column.status"),
                        Texts.of("ledger.column.measures")),
                        new float[] {3, 11, 4, 4, 9, 7, 11, 6, 7, 7, 30}, rows),
                signature(null));
        return writer().write(new PdfDocument(Texts.of("pdf.ledger.title"), true, Texts.of("pdf.footer.ledger"),
                blocks));
    }

    byte[] overview(NodeOverview.Overview overview) {
        List<PdfDocument.Block> blocks = new ArrayList<>();
        blocks.add(new PdfDocument.Paragraph(Texts.of("pdf.overview.counts", overview.subjects(), overview.passed(),
                overview.failed(), overview.overdue().size()), true));
        blocks.add(new PdfDocument.Heading(Texts.of("pdf.heading.officials")));
        blocks.add(new PdfDocument.Table(columns("code", "subject-name", "year", "verdict", "evaluation"),
                new float[] {8, 14, 5, 6, 24}, overview.officials().stream().map(o -> List.of(o.code(), text(o.name()),
                        String.valueOf(o.year()), Texts.of(o.passed() ? "pdf.passed" : "pdf.failed"), o.evaluation()))
                        .toList()));
        blocks.add(new PdfDocument.Heading(Texts.of("pdf.heading.attainment")));
        blocks.add(new PdfDocument.Table(columns("indicator", "name", "stage", "sections", "met", "rate"),
                new float[] {5, 18, 5, 6, 6, 6}, overview.attainment().stream().map(a -> List.of(a.indicator(),
                        text(a.name()), LedgerWorkbook.stage(a.stage()), String.valueOf(a.assessed()),
                        String.valueOf(a.met()), percent(a.rate()))).toList()));
        blocks.add(signature(null));
        return writer().write(new PdfDocument(Texts.of("pdf.overview.title", overview.node(), overview.year()), false,
                Texts.of("pdf.footer.overview", overview.node(), overview.ruleSet()), blocks));
    }

    private PdfDocument.Signature signature(String reviewer) {
        return new PdfDocument.Signature(Texts.of("pdf.signature.office"),
                Texts.of("pdf.signature.date", beijing(clock.instant()).format(DATE)),
                List.of(Texts.of("pdf.signature.reviewer", reviewer == null ? "__________" : reviewer),
                        Texts.of("pdf.signature.head")));
    }

    private static List<String> columns(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> Texts.of("pdf.column." + k)).toList();
    }

    private static ZonedDateTime beijing(Instant at) {
        return at.atZone(Rectifications.BEIJING);
    }

    private static String shortVersion(String version) {
        return version == null ? "—" : version.substring(0, Math.min(12, version.length()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share == null ? "—" : share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String verdict(String verdict) {
        return verdict == null ? "—" : EvaluationResult.Verdict.valueOf(verdict).label();
    }
}
