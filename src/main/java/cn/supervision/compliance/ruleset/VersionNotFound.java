package cn.supervision.compliance.ruleset;

/** A rule-set version, or a workbook of it, does not exist. */
public class VersionNotFound extends RuntimeException {

    public VersionNotFound(String message) {
        super(message);
    }
}
