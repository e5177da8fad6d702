package cn.supervision.compliance.ruleset;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.supervision.compliance.system.Refused;

/**
 * Issue 22, point 4: a proposed version is the active version it was stored on plus its own rows. Once another version
 * has been activated since, approving it would silently undo that version's rows, so its approval is refused with 409
 * (the editor uploads the workbook again, which carries it over onto the version now active). A rollback to a version
 * that was active before is not an approval and is not checked.
 */
@Component
public class StaleBase {

    /** 409 when {@code target}, never active, was stored on another version than {@code active}. */
    public void check(RuleSetVersion target, RuleSetVersion active) {
        if (target.base() != null && target.activations().isEmpty() && target.base() != active.sequence()) {
            throw new Refused(HttpStatus.CONFLICT, Map.of("field", "version", "base", target.base(),
                    "active", active.sequence()), "governance.stale-base", target.sequence(), target.base(),
                    active.sequence());
        }
    }
}
