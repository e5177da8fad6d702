package cn.supervision.compliance.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.text.Texts;

/**
 * Bounds the memory of reading uploaded templates. POI holds every cell of a workbook it opens (some hundred bytes
 * each), so a 4 MB file of 1.5 million styled empty cells took about half a gigabyte, and three at once exhausted the
 * heap. Before POI opens a template, its worksheets' cells are counted in one streaming pass (no cell is kept), and a
 * workbook of more than {@code compliance.template.max-cells} is refused naming the limit (a filled template of 5,000
 * schools has about 150,000); and at most {@code max-concurrent} templates are open at once, the others wait
 * {@code max-wait}, then are refused as busy.
 */
@Component
class TemplateReads {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final long maxCells;
    private final Semaphore reads;
    private final long maxWaitMillis;

    TemplateReads(@Value("${compliance.template.max-cells:400000}") long maxCells,
                  @Value("${compliance.template.max-concurrent:2}") int maxConcurrent,
                  @Value("${compliance.template.max-wait:10s}") java.time.Duration maxWait) {
        this.maxCells = maxCells;
        this.reads = new Semaphore(maxConcurrent, true);
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** Refuses a workbook of too many cells, then holds a reading place until {@link #done}. */
    void begin(byte[] content) {
        long cells = cells(content);
        if (cells > maxCells) {
            throw new TemplateRejected(List.of(new CellProblem(null, null, "file",
                    Texts.of("template.too-many-cells", String.valueOf(maxCells)))));
        }
        try {
            if (!reads.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new ReportsBusy("problem.templates-busy.detail", Math.max(1, maxWaitMillis / 1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportsBusy("problem.templates-busy.detail", 1);
        }
    }

    void done() {
        reads.release();
    }

    /** The cells (c elements) of every worksheet, counted while streaming, stopping just past the limit. */
    long cells(byte[] content) {
        long cells = 0;
        // commons-compress: POI writes entries with data descriptors, which java.util.zip cannot stream
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true,
                true)) {
            for (ZipArchiveEntry entry; (entry = zip.getNextEntry()) != null && cells <= maxCells; ) {
                if (!entry.getName().startsWith("xl/worksheets/") || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                XMLStreamReader sheet = XML.createXMLStreamReader(zip);
                while (sheet.hasNext() && cells <= maxCells) {
                    if (sheet.next() == XMLStreamConstants.START_ELEMENT && "c".equals(sheet.getLocalName())) {
                        cells++;
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            return 0; // not a readable archive: POI's own reading refuses it as not a workbook
        }
        return cells;
    }
}
