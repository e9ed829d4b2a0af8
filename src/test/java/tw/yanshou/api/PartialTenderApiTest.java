package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two partial tenders of one milestone (items A and B tendered on different days) through the engine: once the first
 * tender has taken the milestone's branch to its inspection, the second finds no tender awaited — and is still
 * recorded, whether it comes in a file or on its own.
 *
 * <p>By hand: signed Thursday 2025-01-02; M is due 5 calendar days from the day after (01-03 … 01-07, a Tuesday and
 * a working day: due 2025-01-07). A (600,000) is tendered 01-10, B (400,000) on Sunday 01-12, both accepted 01-20.
 * Late days run from 01-08 through the day of each item's standing tender: A 01-08 … 01-10 (3 days), B 01-08 …
 * 01-12 (5 days). Lines at 1‰: 01-08 … 01-10 both items, 1,000,000 × 1‰ × 3 = 3,000; 01-11 … 01-12 B alone,
 * 400,000 × 1‰ × 2 = 800; penalty 3,800. M is complete on 01-12, the day its last item's standing tender was made.
 */
class PartialTenderApiTest extends ApiTestSupport {

    private static String file(String number, String events) {
        return """
                format: 1
                contract:
                  number: "%s"
                  vendor: { id: "v-partial", name: "Vendor" }
                  signedOn: 2025-01-02
                  items:
                    - { code: A, name: "item A", amount: 600000 }
                    - { code: B, name: "item B", amount: 400000 }
                terms:
                  penalty: { ratePerMille: 1, basis: LATE_ITEMS }
                milestones:
                  - { id: M, name: "milestone M", items: [A, B], due: { days: 5, from: SIGNED } }
                events:
                %s
                """.formatted(number, events);
    }

    private static final String[] EVENTS = {
            "{ date: 2025-01-10, type: TENDERED, milestone: M, items: [A] }",
            "{ date: 2025-01-12, type: TENDERED, milestone: M, items: [B] }",
            "{ date: 2025-01-20, type: ACCEPTED, milestone: M }"};

    @Test
    void aFileWithTwoPartialTendersImportsAndItsStatementIsRight() {
        String number = "PARTIAL-FILE-" + UUID.randomUUID();
        ResponseEntity<JsonNode> created = register(file(number, "  - " + String.join("\n  - ", EVENTS)));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertStatement(created.getBody().get("id").asText());
    }

    @Test
    void twoPartialTendersRecordedOneByOneAreBothKept() {
        String number = "PARTIAL-EVENTS-" + UUID.randomUUID();
        ResponseEntity<JsonNode> created = register(file(number, "  []"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        for (String event : EVENTS) {
            ResponseEntity<String> recorded = api().post().uri("/api/contracts/{id}/events", id)
                    .contentType(MediaType.parseMediaType("application/yaml")).body(event).retrieve().toEntity(String.class);
            assertThat(recorded.getStatusCode().value()).as("%s: %s", event, recorded.getBody()).isEqualTo(201);
        }
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log")).hasSize(3);
        assertStatement(id);
    }

    private ResponseEntity<JsonNode> register(String file) {
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().toEntity(JsonNode.class);
    }

    private void assertStatement(String id) {
        JsonNode s = api().get().uri("/api/contracts/{id}/statement?asOf=2025-01-31", id).retrieve().body(JsonNode.class);
        assertThat(s.at("/milestones/0/dueOn").asText()).isEqualTo("2025-01-07");
        assertThat(s.at("/milestones/0/status").asText()).isEqualTo("ACCEPTED");
        assertThat(s.at("/milestones/0/completedOn").asText()).isEqualTo("2025-01-12");
        assertThat(s.at("/lines/0/days").asInt()).isEqualTo(3);
        assertThat(s.at("/lines/0/basisAmount").asLong()).isEqualTo(1_000_000);
        assertThat(s.at("/lines/1/days").asInt()).isEqualTo(2);
        assertThat(s.at("/lines/1/basisAmount").asLong()).isEqualTo(400_000);
        assertThat(s.get("formulas")).extracting(JsonNode::asText)
                .containsExactly("1,000,000 × 1‰ × 3 = 3,000", "400,000 × 1‰ × 2 = 800");
        assertThat(s.get("penalty").asLong()).isEqualTo(3_800);
        JsonNode contract = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        assertThat(contract.toString()).contains("ACCEPTED");
    }
}
