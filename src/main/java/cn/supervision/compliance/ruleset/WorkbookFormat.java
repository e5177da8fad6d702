package cn.supervision.compliance.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens the bytes of an uploaded or saved workbook, accepting only an ordinary (transitional) .xlsx workbook without
 * macros, and naming in plain words what else it is: .xls, .xlsm, password-protected, Strict Open XML or damaged.
 * {@link WorkbookScreen} refuses hostile archives before POI reads them; POI's own zip-bomb guards, set here for every
 * workbook the service reads, bound memory while it does.
 */
public final class WorkbookFormat {

    private static final String MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

    static {
        ZipSecureFile.setMaxEntrySize(WorkbookScreen.MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(1d / WorkbookScreen.MAX_INFLATION);
    }

    private WorkbookFormat() {
    }

    /** The workbook, to be closed by the caller; or {@link WorkbookRejected} with one problem for the file. */
    public static XSSFWorkbook open(String file, byte[] content) {
        requireXlsxName(file);
        FileMagic magic = magic(file, content);
        if (magic == FileMagic.OLE2) {
            throw WorkbookRejected.of(file, encrypted(content) ? "workbook.format.encrypted" : "workbook.format.xls-named-xlsx");
        }
        if (magic != FileMagic.OOXML || !WorkbookScreen.check(file, content)) {
            throw damaged(file);
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            if (pkg.isStrictOoxmlFormat()) {
                throw WorkbookRejected.of(file, "workbook.format.strict");
            }
            if (!pkg.getPartsByContentType(MACRO_WORKBOOK).isEmpty()) {
                throw WorkbookRejected.of(file, "workbook.format.macro-workbook");
            }
            return new XSSFWorkbook(pkg);
        } catch (WorkbookRejected e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            if (pkg != null) {
                pkg.revert();
            }
            throw damaged(file);
        }
    }

    /** Rejects .xls, .xlsm and any other name that is not an .xlsx workbook's. */
    public static void requireXlsxName(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw WorkbookRejected.of(file, "workbook.format.xls");
        }
        if (name.endsWith(".xlsm")) {
            throw WorkbookRejected.of(file, "workbook.format.xlsm");
        }
        if (!name.endsWith(".xlsx")) {
            throw WorkbookRejected.of(file, "workbook.format.not-xlsx");
        }
    }

    private static FileMagic magic(String file, byte[] content) {
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
            return FileMagic.valueOf(in);
        } catch (IOException | RuntimeException e) {
            throw damaged(file);
        }
    }

    private static boolean encrypted(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static WorkbookRejected damaged(String file) {
        return WorkbookRejected.of(file, "workbook.format.damaged");
    }
}
