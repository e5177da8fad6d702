package cn.supervision.compliance.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 * needs and what could exhaust memory: too many parts, parts that inflate too far (zip bombs), part names that point
 * outside the archive (zip slip: {@code ..}, absolute paths, backslashes, drive letters, control characters), links to
 * other workbooks, macros (VBA projects and Excel 4.0 macro sheets, found by their content type or relationship
 * whatever the part is named), embedded objects, sheets with too many rows, oversized shared-strings tables, numbers
 * that are not finite, and formulas in any cell of any sheet (cells are data, never code). Everything is read by
 * streaming the XML and stopping at the limit, so nothing large is ever held in memory.
 *
 * <p>A filled data-entry template goes through the same screen ({@link #checkDataEntry}) with two differences: a clerk
 * may compute a figure with a formula (its cached value is read, the formula never runs here), and a county of 5000
 * schools takes more rows than a rule sheet.
 */
public final class WorkbookScreen {

    static final int MAX_PARTS = 500;
    static final long MAX_PART_BYTES = 32L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** A part larger than {@link #SMALL_PART} may inflate to at most this many times its compressed size. */
    static final int MAX_INFLATION = 100;
    static final int MAX_ROWS = 10_000;
    /** Rows of a data-entry sheet: 5000 schools of up to three sections (stages) each, and the headings. */
    static final int MAX_DATA_ENTRY_ROWS = 25_000;
    static final int MAX_SHARED_STRINGS = 100_000;
    private static final long SMALL_PART = 1024 * 1024;
    private static final int SHOWN = 80;
    private static final String SHEETS = "xl/worksheets/";
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String MACROS = "workbook.screen.macros";
    private static final String MACRO_SHEET = "workbook.screen.macro-sheet";
    private static final String EXTERNAL_LINKS = "workbook.screen.external-links";
    private static final String EMBEDDED = "workbook.screen.embedded";
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private final String file;
    private final ZipFile zip;
    private final int maxRows;
    private final boolean formulasRefused;

    private WorkbookScreen(String file, ZipFile zip, int maxRows, boolean formulasRefused) {
        this.file = file;
        this.zip = zip;
        this.maxRows = maxRows;
        this.formulasRefused = formulasRefused;
    }

    /**
     * Passes an ordinary rule workbook; {@link WorkbookRejected} naming the file (and sheet and cell) for a hostile
     * one; false when the bytes are not a complete zip archive at all.
     */
    static boolean check(String file, byte[] content) {
        return check(file, content, MAX_ROWS, true);
    }

    /**
     * The same screen for a filled data-entry template: {@link WorkbookRejected} naming the file (and sheet and cell)
     * for a hostile one, false when the bytes are not a complete zip archive. Formulas are not refused here.
     */
    public static boolean checkDataEntry(String file, byte[] content) {
        return check(file, content, MAX_DATA_ENTRY_ROWS, false);
    }

    private static boolean check(String file, byte[] content, int maxRows, boolean formulasRefused) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            new WorkbookScreen(file, zip, maxRows, formulasRefused).check();
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
            reject("workbook.screen.parts", entries.size(), MAX_PARTS);
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (ZipArchiveEntry entry : entries) {
            requireSafeName(entry.getRawName() != null ? new String(entry.getRawName(), StandardCharsets.UTF_8) : entry.getName());
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (!names.add(name)) {
                reject("workbook.screen.duplicate-part", shown(entry.getName()));
            }
            if (name.startsWith("xl/externallinks/")) {
                reject(EXTERNAL_LINKS);
            }
            if (name.endsWith("vbaproject.bin")) {
                reject(MACROS);
            }
            if (name.startsWith("xl/embeddings/") || name.startsWith("xl/activex/") || name.contains("oleobject")) {
                reject(EMBEDDED);
            }
            long size = entry.getSize();
            if (size < 0 || size > MAX_PART_BYTES) {
                reject("workbook.screen.part-too-large", shown(entry.getName()), megabytes(MAX_PART_BYTES));
            }
            if (size > SMALL_PART && size > entry.getCompressedSize() * MAX_INFLATION) {
                reject("workbook.screen.part-inflation", shown(entry.getName()), MAX_INFLATION);
            }
            total += size;
        }
        if (total > MAX_TOTAL_BYTES) {
            reject("workbook.screen.total-too-large", megabytes(MAX_TOTAL_BYTES));
        }
        Set<String> worksheets = new HashSet<>();
        contentTypes(worksheets);
        for (ZipArchiveEntry entry : entries) {
            if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".rels")) {
                relationships(entry);
            }
        }
        Map<String, String> sheetNames = sheetNames();
        worksheets.addAll(sheetNames.keySet());
        for (ZipArchiveEntry entry : entries) {
            if (worksheets.contains(entry.getName()) || entry.getName().startsWith(SHEETS) && entry.getName().endsWith(".xml")) {
                worksheet(entry, sheetNames.getOrDefault(entry.getName(), entry.getName()));
            } else if (entry.getName().equals(SHARED_STRINGS) && count(entry, "si", MAX_SHARED_STRINGS) > MAX_SHARED_STRINGS) {
                reject("workbook.screen.shared-strings", MAX_SHARED_STRINGS);
            }
        }
    }

    /**
     * A part name Excel writes: a relative path of forward slashes, no {@code ..}, no drive, no control character. The
     * name is checked as stored in the archive: the zip reader turns the backslashes of some entries into slashes.
     */
    private void requireSafeName(String name) {
        boolean control = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        boolean climbs = Arrays.asList(name.split("/", -1)).contains("..");
        if (control || climbs || name.startsWith("/") || name.indexOf('\\') >= 0 || DRIVE_LETTER.matcher(name).matches()) {
            reject("workbook.screen.unsafe-name", shown(name));
        }
    }

    /** Refuses macro and embedded-object content types, whatever the parts are named; collects the worksheet parts. */
    private void contentTypes(Set<String> worksheets) throws IOException, XMLStreamException {
        read(CONTENT_TYPES, Set.of("Default", "Override"), r -> {
            String type = String.valueOf(r.getAttributeValue(null, "ContentType")).toLowerCase(Locale.ROOT);
            refuseKind(type);
            String part = r.getAttributeValue(null, "PartName");
            if (part != null && type.endsWith(".worksheet+xml")) {
                worksheets.add(part.startsWith("/") ? part.substring(1) : part);
            }
        });
    }

    /** Refuses relationships to macros, other workbooks and embedded objects, whatever their targets are named. */
    private void relationships(ZipArchiveEntry rels) throws IOException, XMLStreamException {
        read(rels.getName(), Set.of("Relationship"), r -> {
            String type = String.valueOf(r.getAttributeValue(null, "Type")).toLowerCase(Locale.ROOT);
            refuseKind(type);
            String last = type.substring(type.lastIndexOf('/') + 1);
            if (last.equals("externallink") || last.equals("externallinkpath")) {
                reject(EXTERNAL_LINKS);
            }
            if (last.equals("oleobject") || last.equals("control") || last.equals("activexcontrolbinary") || last.equals("package")) {
                reject(EMBEDDED);
            }
        });
    }

    /** A content type or relationship type (lower case) that no rule workbook has. */
    private void refuseKind(String type) {
        if (type.contains("vbaproject") || type.contains("vbadata") || type.contains("macroenabled")) {
            reject(MACROS);
        }
        if (type.contains("macrosheet")) {
            reject(MACRO_SHEET);
        }
        if (type.contains("externallink")) {
            reject(EXTERNAL_LINKS);
        }
        if (type.contains("oleobject") || type.contains("activex")) {
            reject(EMBEDDED);
        }
    }

    /**
     * The sheet names by part name, read from the workbook part the package's relationships name (xl/workbook.xml in
     * every file Excel writes) and the workbook part's relationships.
     */
    private Map<String, String> sheetNames() throws IOException, XMLStreamException {
        String[] main = {"xl/workbook.xml"};
        read("_rels/.rels", Set.of("Relationship"), r -> {
            if (String.valueOf(r.getAttributeValue(null, "Type")).endsWith("/officeDocument")) {
                main[0] = resolved("", r.getAttributeValue(null, "Target"));
            }
        });
        String folder = main[0].substring(0, main[0].lastIndexOf('/') + 1);
        Map<String, String> targets = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        read(folder + "_rels/" + main[0].substring(folder.length()) + ".rels", Set.of("Relationship"),
                r -> targets.put(r.getAttributeValue(null, "Id"), resolved(folder, r.getAttributeValue(null, "Target"))));
        read(main[0], Set.of("sheet"), r -> {
            String target = targets.get(r.getAttributeValue(RELATIONSHIPS, "id"));
            if (target != null) {
                names.put(target, r.getAttributeValue(null, "name"));
            }
        });
        return names;
    }

    /** A relationship target as a part name: absolute from the package root, or relative to the source's folder. */
    private static String resolved(String folder, String target) {
        if (target == null) {
            return "";
        }
        Deque<String> path = new ArrayDeque<>();
        for (String segment : ((target.startsWith("/") ? "" : folder) + target).split("/")) {
            if (segment.equals("..")) {
                path.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                path.addLast(segment);
            }
        }
        return String.join("/", path);
    }

    /**
     * One pass over a worksheet: its rows counted up to the limit, every formula refused (rule workbooks), every number
     * cell's stored value required to be a finite number; each refusal names the sheet and the cell.
     */
    private void worksheet(ZipArchiveEntry entry, String sheet) throws IOException, XMLStreamException {
        int rows = 0;
        boolean inCell = false;
        String cell = null;
        boolean number = false;
        try (InputStream in = bounded(entry)) {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("c")) {
                    inCell = false;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "row" -> {
                            if (++rows > maxRows) {
                                reject(sheet, null, formulasRefused ? "workbook.screen.rule-rows"
                                        : "workbook.screen.data-entry-rows", maxRows);
                            }
                        }
                        case "c" -> {
                            inCell = true;
                            cell = reader.getAttributeValue(null, "r");
                            String type = reader.getAttributeValue(null, "t");
                            number = type == null || type.equals("n");
                        }
                        case "f" -> {
                            if (inCell && formulasRefused) {
                                String formula = text(reader);
                                if (formula.isBlank()) {
                                    reject(sheet, cell, "workbook.screen.shared-formula");
                                }
                                reject(sheet, cell, "workbook.screen.formula", shown(formula));
                            }
                        }
                        case "v" -> {
                            if (inCell && number) {
                                requireFinite(sheet, cell, text(reader).strip());
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            reader.close();
        }
    }

    /** The stored value of a number cell, as POI will read it, must be a finite number (no NaN, no infinity). */
    private void requireFinite(String sheet, String cell, String value) {
        if (value.isEmpty()) {
            return;
        }
        boolean finite;
        try {
            finite = Double.isFinite(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            finite = false;
        }
        if (!finite) {
            reject(sheet, cell, "workbook.screen.not-finite", shown(value));
        }
    }

    /** The text of the current element, of which at most the first {@link #SHOWN} + 1 characters are kept. */
    private static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && text.length() <= SHOWN) {
                text.append(reader.getText(), 0, Math.min(reader.getTextLength(), SHOWN + 1 - text.length()));
            }
        }
        return text.toString();
    }

    private interface ElementVisitor {
        void visit(XMLStreamReader reader);
    }

    private void read(String part, Set<String> elements, ElementVisitor visitor) throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            return;
        }
        try (InputStream in = bounded(entry)) {
            XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && elements.contains(reader.getLocalName())) {
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

    private void reject(String code, Object... arguments) {
        throw WorkbookRejected.of(file, code, arguments);
    }

    private void reject(String sheet, String cell, String code, Object... arguments) {
        throw new WorkbookRejected(List.of(RuleSetProblem.of(file, sheet, cell, code, arguments)));
    }

    /** A name or text as shown in a message: control characters written as \\uXXXX, long ones cut. */
    private static String shown(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > SHOWN ? out + "…" : out.toString();
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
