package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.util.XMLHelper;

/**
 * Looks inside a workbook's zip archive before POI builds anything from it, and refuses what a rule workbook never
 * needs and what could exhaust memory: too many parts, parts that inflate too far (zip bombs), links to other
 * workbooks, macros, embedded objects, sheets with too many rows, and oversized shared-strings tables. Rows and shared
 * strings are counted by streaming the XML and stopping at the limit, so nothing large is ever held in memory.
 */
final class WorkbookScreen {

    static final int MAX_PARTS = 500;
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** A part larger than {@link #SMALL_PART} may inflate to at most this many times its compressed size. */
    static final int MAX_INFLATION = 100;
    static final int MAX_ROWS = 10_000;
    static final int MAX_SHARED_STRINGS = 100_000;
    private static final long SMALL_PART = 1024 * 1024;
    private static final String SHEETS = "xl/worksheets/";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    private final String file;
    private final ZipFile zip;

    private WorkbookScreen(String file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /**
     * Passes an ordinary workbook; {@link WorkbookRejected} naming the file (and sheet) for a hostile one; false when
     * the bytes are not a complete zip archive at all.
     */
    static boolean check(String file, byte[] content) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            new WorkbookScreen(file, zip).check();
            return true;
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof WorkbookRejected rejected) {
                throw rejected;
            }
            return false;
        }
    }

    private void check() throws IOException, XMLStreamException {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        zip.getEntries().asIterator().forEachRemaining(entries::add);
        if (entries.isEmpty()) {
            throw new IOException("no entries");
        }
        if (entries.size() > MAX_PARTS) {
            reject("holds " + entries.size() + " parts, more than the " + MAX_PARTS + " a workbook may have");
        }
        long total = 0;
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("xl/externallinks/")) {
                reject("links to other workbooks (external links); break the links (Data > Edit Links) and save it again");
            }
            if (name.endsWith("vbaproject.bin")) {
                reject("contains macros (VBA); save it as an Excel workbook (.xlsx) without macros");
            }
            if (name.startsWith("xl/embeddings/") || name.startsWith("xl/activex/") || name.contains("oleobject")) {
                reject("contains embedded objects (OLE, ActiveX); delete them and save it again");
            }
            long size = entry.getSize();
            if (size < 0 || size > MAX_PART_BYTES) {
                reject("has a part (" + entry.getName() + ") that inflates beyond " + megabytes(MAX_PART_BYTES)
                        + "; it looks like a zip bomb");
            }
            if (size > SMALL_PART && size > entry.getCompressedSize() * MAX_INFLATION) {
                reject("has a part (" + entry.getName() + ") compressed more than " + MAX_INFLATION
                        + " to 1; it looks like a zip bomb");
            }
            total += size;
        }
        if (total > MAX_TOTAL_BYTES) {
            reject("inflates to more than " + megabytes(MAX_TOTAL_BYTES) + "; it looks like a zip bomb");
        }
        Map<String, String> sheetNames = sheetNames();
        for (ZipArchiveEntry entry : entries) {
            if (entry.getName().startsWith(SHEETS) && entry.getName().endsWith(".xml")) {
                String sheet = sheetNames.getOrDefault(entry.getName(), entry.getName());
                if (count(entry, "row", MAX_ROWS) > MAX_ROWS) {
                    throw new WorkbookRejected(List.of(new RuleSetProblem(file, sheet, null,
                            "has more than " + MAX_ROWS + " rows; a rule sheet holds only its tables")));
                }
            } else if (entry.getName().equals(SHARED_STRINGS) && count(entry, "si", MAX_SHARED_STRINGS) > MAX_SHARED_STRINGS) {
                reject("holds more than " + MAX_SHARED_STRINGS + " different texts (shared strings)");
            }
        }
    }

    /** The sheet names by part name, read from the workbook part and its relationships. */
    private Map<String, String> sheetNames() throws IOException, XMLStreamException {
        Map<String, String> targets = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        read("xl/_rels/workbook.xml.rels", "Relationship", r -> targets.put(r.getAttributeValue(null, "Id"),
                r.getAttributeValue(null, "Target")));
        read("xl/workbook.xml", "sheet", r -> {
            String target = targets.get(r.getAttributeValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"));
            if (target != null) {
                names.put(target.startsWith("/") ? target.substring(1) : "xl/" + target, r.getAttributeValue(null, "name"));
            }
        });
        return names;
    }

    private interface ElementVisitor {
        void visit(XMLStreamReader reader);
    }

    private void read(String part, String element, ElementVisitor visitor) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            return;
        }
        try (InputStream in = bounded(entry)) {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(element)) {
                    visitor.visit(reader);
                }
            }
            reader.close();
        }
    }

    /** How many elements of the name the part holds, counted up to one past the limit. */
    private int count(ZipArchiveEntry entry, String element, int limit) throws IOException, XMLStreamException {
        int found = 0;
        try (InputStream in = bounded(entry)) {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (reader.hasNext() && found <= limit) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(element)) {
                    found++;
                }
            }
            reader.close();
        }
        return found;
    }

    /** The inflated part, cut off at its size limit whatever its header claims. */
    private InputStream bounded(ZipArchiveEntry entry) throws IOException {
        return BoundedInputStream.builder().setInputStream(zip.getInputStream(entry)).setMaxCount(MAX_PART_BYTES).get();
    }

    private void reject(String message) {
        throw new WorkbookRejected(file, message);
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }
}
