package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the database columns can hold (StorageLimits): a file beyond a limit gets a 422 problem naming the field, and
 * nothing of it is stored — no contract, no event, no audit row.
 */
class StorageLimitsApiTest extends ApiTestSupport {
    @Autowired
    JdbcClient jdbc;

    private static final String EXCUSED = "  - { date: 2019-01-10, type: EXCUSED, from: 2019-01-10, to: 2019-01-11, reason: \"typhoon\" }";

    /** A valid file (one event, one linked contract), with one piece replaced; fails if the piece is not there. */
    private static String file(String number, String target, String replacement) {
        String valid = TestContracts.small(number, number + "-M", EXCUSED);
        assertThat(valid).contains(target);
        return valid.replace(target, replacement);
    }

    static Stream<Arguments> beyondALimit() {
        String n101 = "N".repeat(101);
        return Stream.of(
                // contract.number: varchar(100) (the vendor id and linked number keep the short one)
                Arguments.of(file("L-NUMBER", "number: \"L-NUMBER\"", "number: \"" + n101 + "\""), "contract.number", "at most 100 characters"),
                Arguments.of(file("L-VENDOR", "id: \"v-L-VENDOR\"", "id: \"" + "v".repeat(101) + "\""), "contract.vendor.id", "at most 100 characters"),
                Arguments.of(file("L-CODE", "code: A,", "code: " + "A".repeat(51) + ",").replace("items: [A]", "items: [" + "A".repeat(51) + "]"),
                        "contract.items[0].code", "at most 50 characters"),
                // numeric(15): 999,999,999,999,999 is the largest amount
                Arguments.of(file("L-AMOUNT", "amount: 1000000 }", "amount: 1000000000000000 }"), "contract.items[0].amount",
                        "at most 15 digits"),
                Arguments.of(file("L-MILESTONE", "{ id: M,", "{ id: " + "M".repeat(101) + ","), "milestones[0].id", "at most 100 characters"),
                Arguments.of(file("L-LINKED", "number: \"L-LINKED-M\"", "number: \"" + n101 + "\""), "terms.linkedContracts[0].number",
                        "at most 100 characters"),
                Arguments.of(file("L-KIND", "kind: MAINTENANCE", "kind: " + "K".repeat(51)), "terms.linkedContracts[0].kind",
                        "at most 50 characters"),
                Arguments.of(file("L-LINKED-AMOUNT", "amount: 100000,", "amount: 1000000000000000,"), "terms.linkedContracts[0].amount",
                        "at most 15 digits"),
                Arguments.of(file("L-BOND", "amount: 100000,", "amount: 100000, performanceBond: 1000000000000000,"),
                        "terms.linkedContracts[0].performanceBond", "at most 15 digits"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("beyondALimit")
    void refusesAValueBeyondWhatTheDatabaseHoldsAndStoresNothing(String yaml, String path, String message) {
        List<String> tables = List.of("contract", "contract_event", "contract_item", "milestone", "linked_contract", "audit_log");
        List<Long> before = tables.stream().map(this::count).toList();

        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        List<String> messages = new ArrayList<>();
        r.getBody().get("violations").forEach(v -> messages.add(v.get("path").asText() + ": " + v.get("message").asText()));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(path + ": ").contains(message));
        assertThat(tables.stream().map(this::count).toList()).as("rows of %s", tables).isEqualTo(before);
    }
}
