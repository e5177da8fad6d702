package cn.supervision.compliance.report;

/**
 * Text written into a spreadsheet cell that no spreadsheet program will run as a formula (OWASP "CSV injection"):
 * text starting with = + - @, a tab or a carriage return gets a leading apostrophe.
 */
final class InertText {

    private InertText() {
    }

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
