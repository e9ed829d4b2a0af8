package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Retries do not duplicate: an Idempotency-Key gets the first answer again; the same event twice is a 409. */
class IdempotencyApiTest extends ApiTestSupport {
    @Autowired JdbcClient jdbc;

    private ResponseEntity<JsonNode> register(String file, String key) {
        var request = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"));
        if (key != null) request = request.header("Idempotency-Key", key);
        return request.body(file).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> event(String id, String event, String key) {
        var request = api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON);
        if (key != null) request = request.header("Idempotency-Key", key);
        return request.body(event).retrieve().toEntity(JsonNode.class);
    }

    private long events(String id) {
        return jdbc.sql("select count(*) from contract_event where contract_id = ?").param(UUID.fromString(id)).query(Long.class).single();
    }

    @Test
    void aRegistrationSentTwiceWithItsKeyCreatesOneContract() {
        String number = "IDEM-" + UUID.randomUUID();
        String file = TestContracts.small(number, null, null);
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = register(file, key);
        ResponseEntity<JsonNode> again = register(file, key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(jdbc.sql("select count(*) from contract where number = ?").param(number).query(Long.class).single()).isEqualTo(1);
        // the same key with another request
        ResponseEntity<JsonNode> other = register(TestContracts.small(number + "-B", null, null), key);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getBody().get("detail").asText()).contains("another request");
    }

    /** Issue 11: the same EXCUSED event was accepted 106 times. */
    @Test
    void theSameEventTwiceIsAConflictAndWithAKeyTheFirstAnswer() {
        String id = register(TestContracts.small("IDEM-EV-" + UUID.randomUUID(), null, null), null).getBody().get("id").asText();
        String excused = "{\"date\":\"2019-02-20\",\"type\":\"EXCUSED\",\"from\":\"2019-02-01\",\"to\":\"2019-02-05\",\"reason\":\"typhoon\"}";
        assertThat(event(id, excused, null).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> twice = event(id, excused, null);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody().get("detail").asText()).contains("already recorded").contains("Idempotency-Key");
        assertThat(events(id)).isEqualTo(1);

        String tender = "{\"date\":\"2019-02-21\",\"type\":\"TENDERED\",\"milestone\":\"M\"}";
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = event(id, tender, key);
        ResponseEntity<JsonNode> retried = event(id, tender, key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void aKeyThatIsNoKeyIsRefused() {
        ResponseEntity<JsonNode> r = register(TestContracts.small("IDEM-BAD-" + UUID.randomUUID(), null, null), "has spaces in it");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("detail").asText()).contains("Idempotency-Key");
    }

    @Test
    void aFailedRequestKeepsNothingSoItMayBeSentAgain() {
        String key = UUID.randomUUID().toString();
        String number = "IDEM-FIX-" + UUID.randomUUID();
        ResponseEntity<JsonNode> wrong = register(TestContracts.small(number, null, null).replace("amount: 1000000", "amount: -1"), key);
        assertThat(wrong.getStatusCode().value()).isEqualTo(422);
        // corrected, with the same key: a new request is answered (the failure was not kept)
        ResponseEntity<JsonNode> fixed = register(TestContracts.small(number, null, null), UUID.randomUUID().toString());
        assertThat(fixed.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from idempotency_key where key = ?").param(key).query(Long.class).single()).isZero();
    }
}
