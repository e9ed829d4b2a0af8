package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.infrastructure.EmbeddedDatabase;

/**
 * The event log and the audit trail are hash chains: a row edited or removed behind the server's back — as the
 * database superuser would, with the append-only trigger switched off — is found by the integrity check, which
 * names the first broken row; the statement carries the head of the log it was computed from.
 */
class LogIntegrityTest extends ApiTestSupport {
    @Autowired EmbeddedDatabase database;

    private String register() {
        String number = "CHAIN-" + UUID.randomUUID();
        String file = TestContracts.small(number, null, """
                  - { date: 2019-02-10, type: TENDERED, milestone: M }
                  - { date: 2019-02-15, type: INSPECTION_FAILED, milestone: M, cureBy: 2019-03-01 }
                  - { date: 2019-02-28, type: TENDERED, milestone: M }
                """);
        JsonNode created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(file).retrieve().body(JsonNode.class);
        return created.get("id").asText();
    }

    private JsonNode integrity(String id) {
        return api().get().uri("/api/contracts/{id}/integrity", id).retrieve().body(JsonNode.class);
    }

    /** As the superuser, with the password an attacker with the data directory would read. */
    private Connection superuser() throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(database.dataDirectory().resolve("yanshou-credentials.properties"))) { p.load(in); }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/yanshou", "postgres",
                p.getProperty("superuser.password"));
    }

    @Test
    void anUntouchedLogIsIntactAndTheStatementCarriesItsHead() {
        String id = register();
        JsonNode check = integrity(id);
        assertThat(check.at("/events/intact").asBoolean()).isTrue();
        assertThat(check.at("/events/rows").asInt()).isEqualTo(3);
        assertThat(check.at("/audit/intact").asBoolean()).isTrue();
        assertThat(check.at("/audit/rows").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode statement = api().get().uri("/api/contracts/{id}/statement?asOf=2019-03-31", id).retrieve().body(JsonNode.class);
        assertThat(statement.at("/eventLog/seq").asInt()).isEqualTo(3);
        assertThat(statement.at("/eventLog/hash").asText()).isEqualTo(check.at("/events/head").asText()).hasSize(64);
        assertThat(statement.get("penalty")).isNotNull();   // the statement's own fields stay where they were
    }

    @Test
    void anEventEditedBehindTheServersBackIsFoundAndNamed() throws Exception {
        String id = register();
        String headBefore = integrity(id).at("/events/head").asText();
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table contract_event disable trigger contract_event_append_only");
            try (PreparedStatement u = c.prepareStatement(
                    "update contract_event set body = jsonb_set(body, '{cureBy}', '\"2019-03-31\"') where contract_id = ? and seq = 2")) {
                u.setObject(1, UUID.fromString(id));
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
            s.execute("alter table contract_event enable trigger contract_event_append_only");
        }
        JsonNode check = integrity(id);
        assertThat(check.at("/events/intact").asBoolean()).isFalse();
        assertThat(check.at("/events/firstBroken").asInt()).isEqualTo(2);
        assertThat(check.at("/events/problem").asText()).contains("content");
        assertThat(check.at("/events/head").asText()).isEqualTo(headBefore);
    }

    @Test
    void anEventRemovedBehindTheServersBackIsFound() throws Exception {
        String id = register();
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table contract_event disable trigger contract_event_append_only");
            try (PreparedStatement d = c.prepareStatement("delete from contract_event where contract_id = ? and seq = 1")) {
                d.setObject(1, UUID.fromString(id));
                d.executeUpdate();
            }
            s.execute("alter table contract_event enable trigger contract_event_append_only");
        }
        JsonNode check = integrity(id);
        assertThat(check.at("/events/intact").asBoolean()).isFalse();
        assertThat(check.at("/events/firstBroken").asInt()).isEqualTo(2);
    }

    @Test
    void anAuditRowEditedBehindTheServersBackIsFound() throws Exception {
        String id = register();
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table audit_log disable trigger audit_log_append_only");
            try (PreparedStatement u = c.prepareStatement("update audit_log set actor = 'someone else' where contract_id = ? and chain_seq = 1")) {
                u.setObject(1, UUID.fromString(id));
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
            s.execute("alter table audit_log enable trigger audit_log_append_only");
        }
        JsonNode check = integrity(id);
        assertThat(check.at("/audit/intact").asBoolean()).isFalse();
        assertThat(check.at("/audit/firstBroken").asInt()).isEqualTo(1);
        assertThat(check.at("/events/intact").asBoolean()).isTrue();
    }

    @Test
    void theServerItselfCannotChangeTheAuditTrail() throws Exception {
        String id = register();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement u = c.prepareStatement("update audit_log set actor = 'x' where contract_id = ?")) {
            u.setObject(1, UUID.fromString(id));
            org.assertj.core.api.Assertions.assertThatThrownBy(u::executeUpdate).hasMessageContaining("append-only");
        }
    }
}
