package cn.supervision.compliance.api;

/** A requested resource does not exist (404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
