package cn.supervision.compliance.report;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;

import cn.supervision.compliance.text.Texts;

/**
 * Prints a {@link PdfDocument} on A4 with the CJK font embedded: a centred title, body text at 10.5 pt and table text
 * at 9 pt (never smaller), table rows as tall as their text and never split across pages, the heading row repeated,
 * and on every page a footer with the document's identifiers and "第 n 页 共 m 页".
 */
public final class PdfWriter {

    private static final float BODY = 10.5f;
    private static final float TABLE = 9f;
    private static final float TITLE = 16f;
    private static final float MARGIN = 48f;

    private final BaseFont font;

    public PdfWriter(List<String> fonts) {
        this.font = PdfFont.load(fonts);
    }

    public byte[] write(PdfDocument content) {
        Rectangle page = content.landscape() ? PageSize.A4.rotate() : PageSize.A4;
        Document document = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN + 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(content.footer()));
            document.addTitle(content.title());
            document.addCreator("compliance-checker");
            document.open();
            Paragraph title = new Paragraph(content.title(), new Font(font, TITLE, Font.BOLD));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(14f);
            document.add(title);
            for (PdfDocument.Block block : content.blocks()) {
                add(document, block);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF not written", e);
        }
        return out.toByteArray();
    }

    private void add(Document document, PdfDocument.Block block) throws DocumentException {
        if (block instanceof PdfDocument.Heading heading) {
            Paragraph p = new Paragraph(heading.text(), new Font(font, 12f, Font.BOLD));
            p.setSpacingBefore(10f);
            p.setSpacingAfter(6f);
            document.add(p);
        } else if (block instanceof PdfDocument.Paragraph paragraph) {
            Paragraph p = new Paragraph(paragraph.text(), new Font(font, paragraph.emphasised() ? 13f : BODY,
                    paragraph.emphasised() ? Font.BOLD : Font.NORMAL));
            p.setLeading(0, 1.5f);
            p.setSpacingAfter(4f);
            document.add(p);
        } else if (block instanceof PdfDocument.Table table) {
            document.add(table(table));
        } else if (block instanceof PdfDocument.Signature signature) {
            Paragraph p = new Paragraph();
            p.setSpacingBefore(24f);
            p.setAlignment(Element.ALIGN_RIGHT);
            p.setLeading(0, 2f);
            Font body = new Font(font, BODY);
            p.add(new Chunk(signature.office() + "\n", body));
            for (String line : signature.lines()) {
                p.add(new Chunk(line + "\n", body));
            }
            p.add(new Chunk(signature.date(), body));
            document.add(p);
        }
    }

    private PdfPTable table(PdfDocument.Table table) throws DocumentException {
        PdfPTable pdf = new PdfPTable(table.widths());
        pdf.setWidthPercentage(100f);
        pdf.setHeaderRows(1);
        pdf.setSplitLate(true);
        pdf.setSplitRows(false);
        pdf.setSpacingBefore(4f);
        Font heading = new Font(font, TABLE, Font.BOLD);
        Font cell = new Font(font, TABLE);
        for (String label : table.headings()) {
            PdfPCell c = new PdfPCell(new Phrase(label, heading));
            c.setGrayFill(0.9f);
            c.setPadding(4f);
            pdf.addCell(c);
        }
        for (List<String> row : table.rows()) {
            for (String value : row) {
                PdfPCell c = new PdfPCell(new Phrase(value == null ? "" : value, cell));
                c.setPadding(4f);
                c.setLeading(0, 1.3f);
                pdf.addCell(c);
            }
        }
        return pdf;
    }

    /** The identifiers and the page number on every page; the total is filled in when the document closes. */
    private final class Footer extends PdfPageEventHelper {

        private final String identifiers;
        private PdfTemplate total;

        Footer(String identifiers) {
            this.identifiers = identifiers;
        }

        @Override
        public void onOpenDocument(com.lowagie.text.pdf.PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(com.lowagie.text.pdf.PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Font small = new Font(font, 8f);
            float y = document.bottom() - 24;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(identifiers, small), document.left(), y, 0);
            String page = Texts.of("pdf.page", writer.getPageNumber());
            float right = document.right() - 40;
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(page, small), right, y, 0);
            canvas.addTemplate(total, right, y);
        }

        @Override
        public void onCloseDocument(com.lowagie.text.pdf.PdfWriter writer, Document document) {
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                    new Phrase(Texts.of("pdf.pages", writer.getPageNumber() - 1), new Font(font, 8f)), 2, 0, 0);
        }
    }
}
