package cn.supervision.compliance.report;

/** No PDF can be made here: the CJK font it embeds is not installed (503: the service's fault, not the request's). */
public class PdfUnavailable extends RuntimeException {

    public PdfUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
