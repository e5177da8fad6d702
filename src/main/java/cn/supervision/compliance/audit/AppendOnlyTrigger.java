package cn.supervision.compliance.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's guard of the audit trail (db/vendor/h2/R__append_only_guard.sql): any UPDATE or DELETE of a stored evaluation
 * fails. PostgreSQL has the same guard in PL/pgSQL.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit trail is append-only: " + table + " rows are never changed or deleted");
    }
}
