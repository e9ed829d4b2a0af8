package tw.yanshou.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every state change, who made it and what it was; written in the same transaction as the change. Append-only and
 * a hash chain per contract (and one for what concerns no contract), made by the database as rows are inserted:
 * {@link #verify} finds a row changed or removed behind the server's back.
 */
@Component
public class AuditLog {
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, UUID contractId, Map<String, ?> detail) {
        try {
            jdbc.sql("insert into audit_log (actor, action, contract_id, detail) values (?, ?, ?, cast(? as jsonb))")
                    .params(actor, action, contractId, json.writeValueAsString(detail)).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail could not be written", e);
        }
    }

    /** Verifies the audit chain of a contract (or, with null, the chain of what concerns no contract). */
    public ChainCheck verify(UUID contractId) {
        String where = contractId == null ? "contract_id is null" : "contract_id = ?";
        var query = jdbc.sql("select chain_seq, prev_hash, hash, yanshou_chain_hash(prev_hash, yanshou_audit_canonical(a)) "
                + "from audit_log a where " + where + " order by chain_seq");
        if (contractId != null) query = query.param(contractId);
        List<ChainCheck.Row> rows = query.query((rs, n) -> new ChainCheck.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4))).list();
        return ChainCheck.of(contractId == null ? "audit" : "audit:" + contractId, rows);
    }
}
