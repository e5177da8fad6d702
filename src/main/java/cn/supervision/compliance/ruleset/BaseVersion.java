package cn.supervision.compliance.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * The version a downloaded workbook came from, carried in the workbook itself as a custom document property
 * ({@code docProps/custom.xml}, 文件 → 属性 → 自定义 in Excel and WPS, File → Properties → Custom Properties in
 * LibreOffice), which all three keep when they save (issue 22, point 4). Its value names the rule set and the
 * sequence number, {@code balanced-development#12}; a value naming another rule set, or none, is no base.
 */
public final class BaseVersion {

    /** The property's name, the same in every language a spreadsheet program shows. */
    public static final String PROPERTY = "RuleSetVersion";
    /** One fixed instant dates every part of a served workbook, so two downloads of one version are the same bytes. */
    private static final long PACKAGE_TIME = 946_684_800_000L;
    private static final Pattern VALUE = Pattern.compile("([a-z0-9-]{1,64})#(\\d{1,9})");

    private BaseVersion() {
    }

    /**
     * The workbook as a policy editor downloads it: the property set to {@code ruleSet#sequence} (any earlier value
     * replaced) and, when its approved template is known, the template's code rows hidden ({@link CodeRows}).
     */
    public static byte[] served(String file, byte[] content, String ruleSet, int sequence,
                                Optional<ApprovedTemplate> template) {
        try (XSSFWorkbook workbook = WorkbookFormat.open(file, content);
             ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1024)) {
            POIXMLProperties.CustomProperties custom = workbook.getProperties().getCustomProperties();
            String value = ruleSet + "#" + sequence;
            CTProperty existing = custom.getProperty(PROPERTY);
            if (existing != null) {
                existing.setLpwstr(value);
            } else {
                custom.addProperty(PROPERTY, value);
            }
            template.ifPresent(t -> CodeRows.hide(workbook, t));
            workbook.write(out);
            return sameEveryTime(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook " + file, e);
        }
    }

    /**
     * The package with every part dated the same fixed instant (POI dates them at the time of writing), so that two
     * downloads of one version are the same bytes.
     */
    private static byte[] sameEveryTime(byte[] workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(workbook.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry dated = new ZipEntry(entry.getName());
                dated.setTime(PACKAGE_TIME);
                out.putNextEntry(dated);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The sequence number of the version of {@code ruleSet} the workbook was downloaded from, if it says. */
    static Optional<Integer> of(XSSFWorkbook workbook, String ruleSet) {
        CTProperty property = workbook.getProperties().getCustomProperties().getProperty(PROPERTY);
        if (property == null || !property.isSetLpwstr()) {
            return Optional.empty();
        }
        Matcher value = VALUE.matcher(property.getLpwstr().strip());
        return value.matches() && value.group(1).equals(ruleSet) ? Optional.of(Integer.parseInt(value.group(2)))
                : Optional.empty();
    }
}
