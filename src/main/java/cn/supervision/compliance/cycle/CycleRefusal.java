package cn.supervision.compliance.cycle;

import org.springframework.http.HttpStatus;

import cn.supervision.compliance.text.Texts;

/**
 * A step of the cycle refused: not found or out of the caller's node (404), not the caller's to take (403), or not
 * possible in the item's present status (409). The message is the catalogue's sentence.
 */
public class CycleRefusal extends RuntimeException {

    private final HttpStatus status;

    private CycleRefusal(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static CycleRefusal notFound(String key, Object... arguments) {
        return new CycleRefusal(HttpStatus.NOT_FOUND, Texts.of(key, arguments));
    }

    static CycleRefusal forbidden(String key, Object... arguments) {
        return new CycleRefusal(HttpStatus.FORBIDDEN, Texts.of(key, arguments));
    }

    static CycleRefusal conflict(String key, Object... arguments) {
        return new CycleRefusal(HttpStatus.CONFLICT, Texts.of(key, arguments));
    }

    public HttpStatus status() {
        return status;
    }
}
