package cn.supervision.compliance.report;

import java.util.List;

/**
 * A document to file as PDF, as blocks in reading order: the caller decides what it says, {@link PdfWriter} how it
 * prints (A4, a CJK font embedded, page numbers and the identifiers in every footer).
 */
public record PdfDocument(String title, boolean landscape, String footer, List<Block> blocks) {

    /** What a page holds, in order. */
    public sealed interface Block permits Heading, Paragraph, Table, Signature {
    }

    public record Heading(String text) implements Block {
    }

    /** A paragraph; {@code emphasised} prints it bold and larger (a verdict). */
    public record Paragraph(String text, boolean emphasised) implements Block {

        public Paragraph(String text) {
            this(text, false);
        }
    }

    /**
     * A table whose heading row repeats on every page; {@code widths} are relative; each row is sized to its text and
     * never split across pages.
     */
    public record Table(List<String> headings, float[] widths, List<List<String>> rows) implements Block {
    }

    /** The closing block: the assessing office, the date and the lines to sign. */
    public record Signature(String office, String date, List<String> lines) implements Block {
    }
}
