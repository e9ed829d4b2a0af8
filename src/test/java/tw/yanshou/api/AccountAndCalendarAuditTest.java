package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.api.Tables.AuditRow;

/**
 * Accounts and the office calendar: each change writes the one audit row docs/operations.md describes (who, what,
 * the key details; no contract), and a refused request writes none.
 */
class AccountAndCalendarAuditTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "bootstrap";

    @Autowired
    JdbcClient jdbc;

    private Tables tables;

    @BeforeEach
    void tables() { tables = new Tables(jdbc); }

    /** {@code change} makes the change and says the detail it expects; exactly that one row is written. */
    private void assertOneRow(String action, Supplier<String> change) {
        long mark = tables.auditMark();
        String detail = change.get();
        List<AuditRow> rows = tables.auditSince(mark);
        assertThat(rows).as("audit rows of %s", action).hasSize(1);
        AuditRow row = rows.get(0);
        assertThat(row.actor()).isEqualTo(ADMIN);
        assertThat(row.action()).isEqualTo(action);
        assertThat(row.contractId()).isNull();
        try {
            assertThat(row.detail()).isEqualTo(JSON.readTree(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(detail, e);
        }
    }

    private void assertNoRow(Runnable refused) {
        long mark = tables.auditMark();
        refused.run();
        assertThat(tables.auditSince(mark)).isEmpty();
    }

    private ResponseEntity<JsonNode> post(String uri, String json) {
        return api().post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JsonNode.class);
    }

    private static int status(ResponseEntity<?> r) { return r.getStatusCode().value(); }

    @Test
    void auditsIssuedAndRevokedTokensAndCreatedUsers() {
        String[] token = new String[1];
        assertOneRow("TOKEN_ISSUED", () -> {
            ResponseEntity<JsonNode> r = post("/api/tokens", "{\"name\":\"audit officer\",\"roles\":[\"OFFICER\"]}");
            assertThat(status(r)).as("%s", r.getBody()).isEqualTo(201);
            token[0] = r.getBody().get("id").asText();
            return "{\"token\":\"" + token[0] + "\",\"name\":\"audit officer\",\"roles\":[\"OFFICER\"]}";
        });
        assertOneRow("TOKEN_REVOKED", () -> {
            assertThat(status(api().delete().uri("/api/tokens/{id}", token[0]).retrieve().toBodilessEntity())).isEqualTo(204);
            return "{\"token\":\"" + token[0] + "\"}";
        });
        assertOneRow("USER_CREATED", () -> {
            ResponseEntity<JsonNode> r = post("/api/users",
                    "{\"username\":\"audit.vendor\",\"password\":\"a long vendor passphrase\",\"roles\":[\"VENDOR\"],\"vendorId\":\"v-AUDIT\"}");
            assertThat(status(r)).as("%s", r.getBody()).isEqualTo(201);
            return "{\"username\":\"audit.vendor\",\"roles\":[\"VENDOR\"]}";
        });
        // refused: revoked twice, a weak password, a vendor without its vendor id
        assertNoRow(() -> assertThat(status(api().delete().uri("/api/tokens/{id}", token[0]).retrieve().toBodilessEntity())).isEqualTo(404));
        assertNoRow(() -> assertThat(status(post("/api/users", "{\"username\":\"audit.weak\",\"password\":\"short\",\"roles\":[\"OFFICER\"]}")))
                .isEqualTo(422));
        assertNoRow(() -> assertThat(status(post("/api/tokens", "{\"name\":\"no vendor\",\"roles\":[\"VENDOR\"]}"))).isEqualTo(422));
    }

    @Test
    void auditsCalendarImportsAndClosures() {
        assertOneRow("CALENDAR_IMPORTED", () -> {
            ResponseEntity<JsonNode> r = api().post().uri("/api/calendars/TW/years").contentType(MediaType.parseMediaType("text/csv"))
                    .body(CalendarApiTest.year2027("UTF-8")).retrieve().toEntity(JsonNode.class);
            assertThat(status(r)).as("%s", r.getBody()).isEqualTo(200);
            return "{\"calendar\":\"TW\",\"years\":[2027]}";
        });
        String[] closure = new String[1];
        assertOneRow("CLOSURE_ADDED", () -> {
            ResponseEntity<JsonNode> r = post("/api/calendars/TW/closures",
                    "{\"date\":\"108/09/30\",\"county\":\"台東縣\",\"reason\":\"米塔颱風停止上班\"}");
            assertThat(status(r)).as("%s", r.getBody()).isEqualTo(201);
            closure[0] = r.getBody().get("id").asText();
            // the county as stored: 台 written 臺
            return "{\"date\":\"2019-09-30\",\"county\":\"臺東縣\",\"reason\":\"米塔颱風停止上班\"}";
        });
        assertNoRow(() -> assertThat(status(post("/api/calendars/TW/closures", "{\"date\":\"2019-09-30\",\"county\":\"臺東縣\"}")))
                .isEqualTo(409));
        assertOneRow("CLOSURE_REMOVED", () -> {
            assertThat(status(api().delete().uri("/api/calendars/TW/closures/{id}", closure[0]).retrieve().toBodilessEntity()))
                    .isEqualTo(204);
            return "{\"closure\":\"" + closure[0] + "\"}";
        });
        assertNoRow(() -> assertThat(status(api().post().uri("/api/calendars/TW/years").contentType(MediaType.parseMediaType("text/csv"))
                .body("西元日期,星期,是否放假,備註\n".getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class))).isEqualTo(422));
    }
}
