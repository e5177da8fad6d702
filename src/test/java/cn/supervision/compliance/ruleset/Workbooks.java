package cn.supervision.compliance.ruleset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The shipped resource-allocation workbook, and copies of it edited with POI as a policy editor would in Excel. */
public final class Workbooks {

    public static final String RESOURCE_ALLOCATION = "resource-allocation.xlsx";

    private Workbooks() {
    }

    public static byte[] shipped() {
        try {
            return Files.readAllBytes(ShippedRuleSets.DECISION_TABLES.resolve("balanced-development").resolve(RESOURCE_ALLOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R6 primary raised to ≥2300, with the two test rows whose expectations that changes updated by the editor. */
    public static byte[] r6Raised() {
        byte[] workbook = withCell(shipped(), "资源配置标准", "E20", "≥2300");
        workbook = withCell(workbook, "测试用例", "P5", "R6");
        return withCell(workbook, "测试用例", "P6", "R6");
    }

    /** A copy with one cell (A1 notation) of one sheet set to a text or a number. */
    public static byte[] withCell(byte[] workbook, String sheet, String cell, Object value) {
        return edited(workbook, book -> {
            CellReference reference = new CellReference(cell);
            Sheet target = book.getSheet(sheet);
            Row row = target.getRow(reference.getRow()) != null ? target.getRow(reference.getRow()) : target.createRow(reference.getRow());
            Cell found = row.getCell(reference.getCol()) != null ? row.getCell(reference.getCol()) : row.createCell(reference.getCol());
            if (value instanceof Number number) {
                found.setCellValue(number.doubleValue());
            } else {
                found.setCellValue(value.toString());
            }
        });
    }

    public static byte[] edited(byte[] workbook, Consumer<XSSFWorkbook> edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with its parts (by name, in order) changed in memory, zipped again. */
    public static byte[] withParts(byte[] workbook, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
            change.accept(parts);
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                    out.putNextEntry(new ZipEntry(part.getKey()));
                    out.write(part.getValue());
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
