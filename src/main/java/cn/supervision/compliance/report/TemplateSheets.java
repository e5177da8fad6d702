package cn.supervision.compliance.report;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;

/** What every printed sheet and every checked cell of a workbook share, for the reports and the data-entry templates. */
public final class TemplateSheets {

    /** Excel shows at most 32 characters of an input box's title. */
    private static final int TITLE_LIMIT = 32;

    private TemplateSheets() {
    }

    /**
     * A4 landscape, one page wide, gridlines, centred, and {@code headingRows} rows from the top again on every page;
     * {@code onePage} fits the whole sheet on one page (otherwise it runs on to as many pages as its rows need).
     */
    public static void print(Sheet sheet, int headingRows, boolean onePage) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) (onePage ? 1 : 0));
        sheet.setPrintGridlines(true);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(0, headingRows - 1, -1, -1));
    }

    /** The check a spreadsheet program makes while {@code cells} are typed, with {@code hint} as input and error box. */
    public static void check(Sheet sheet, DataValidationConstraint constraint, CellRangeAddressList cells, String title,
                             String hint) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String boxTitle = title.length() > TITLE_LIMIT ? title.substring(0, TITLE_LIMIT) : title;
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.setShowErrorBox(true);
        validation.createErrorBox(boxTitle, hint);
        validation.setShowPromptBox(true);
        validation.createPromptBox(boxTitle, hint);
        sheet.addValidationData(validation);
    }
}
