package cn.supervision.compliance.report;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.hssf.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Sheet;

import cn.supervision.compliance.text.Texts;

/**
 * How a sheet of a report prints: A4 landscape, one page wide, its heading rows again on every page, gridlines, and a
 * header (title and sheet, subject and year, rule set and version) and footer (page of pages) from the catalogue.
 */
record PrintLayout(String title, String subject, String ruleSet) {

    /** Excel keeps at most 255 characters per header; a name from the request is cut well before. */
    private static final int LONGEST_NAME = 40;

    static PrintLayout of(String title, String subjectName, String subjectCode, int year, String ruleSet,
                          String version) {
        String name = subjectName == null ? "" : subjectName.length() > LONGEST_NAME
                ? subjectName.substring(0, LONGEST_NAME) + "…" : subjectName;
        String code = subjectCode.length() > LONGEST_NAME ? subjectCode.substring(0, LONGEST_NAME) + "…" : subjectCode;
        String shortVersion = version == null ? "—" : version.substring(0, Math.min(12, version.length()));
        return new PrintLayout(title, literal(Texts.of("report.print.subject", name, code, year)),
                literal(Texts.of("report.print.rule-set", ruleSet, shortVersion)));
    }

    /**
     * Applies the layout; {@code headingRows} rows from the top repeat on every page, and {@code onePage} fits the
     * whole sheet on one page (otherwise it runs on to as many pages as its rows need).
     */
    void apply(Sheet sheet, int headingRows, boolean onePage) {
        TemplateSheets.print(sheet, headingRows, onePage);
        Header header = sheet.getHeader();
        header.setLeft(literal(title) + " · " + HeaderFooter.tab());
        header.setCenter(subject);
        header.setRight(ruleSet);
        Footer footer = sheet.getFooter();
        footer.setCenter(Texts.of("report.print.footer", HeaderFooter.page(), HeaderFooter.numPages()));
    }

    /** Text shown as written: '&' starts a header code (page, date…), '&&' is a literal ampersand. */
    private static String literal(String text) {
        return text.replace("&", "&&");
    }
}
