package tw.yanshou.api;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the server stored, read straight from its tables: audit rows, and row counts to show that nothing was stored. */
public final class Tables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public Tables(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One row of {@code audit_log}. */
    public record AuditRow(long id, String actor, String action, UUID contractId, JsonNode detail) { }

    /** The id of the latest audit row: {@link #auditSince} gives what was written after it. */
    public long auditMark() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    /** The audit rows written after {@code mark}, oldest first. */
    public List<AuditRow> auditSince(long mark) {
        return jdbc.sql("select id, actor, action, contract_id, detail::text from audit_log where id > ? order by id")
                .param(mark)
                .query((rs, n) -> new AuditRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), json(rs.getString(5))))
                .list();
    }

    /** Rows in a table (a fixed name from the test, never user input). */
    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
