package tw.yanshou.audit;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every state change, who made it and what it was; written in the same transaction as the change. */
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
}
