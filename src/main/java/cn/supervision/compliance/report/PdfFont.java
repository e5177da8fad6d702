package cn.supervision.compliance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

/**
 * The CJK font PDFs embed (a subset of its glyphs): the first of the configured font files that exists
 * ({@code compliance.report.pdf.fonts}; a {@code .ttc} collection names its face as {@code file.ttc,0}). The shipped
 * default is WenQuanYi Micro Hei (Debian fonts-wqy-microhei, Apache-2.0 or GPL-3 with the font exception), which .ci/run
 * installs beside the browser tests' chromium.
 */
public final class PdfFont {

    private PdfFont() {
    }

    public static BaseFont load(List<String> candidates) {
        for (String candidate : candidates) {
            String file = candidate.contains(".ttc,") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
            if (Files.isReadable(Path.of(file))) {
                try {
                    return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                } catch (IOException | RuntimeException e) {
                    throw new PdfUnavailable("font " + candidate + " unreadable", e);
                }
            }
        }
        throw new PdfUnavailable("none of the PDF fonts is installed: " + candidates, null);
    }
}
