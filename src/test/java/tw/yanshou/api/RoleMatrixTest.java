package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The role matrix of docs/security.md, row by row: each role against each endpoint group of the API (bearer tokens)
 * and of the pages (a signed-in user). Where the matrix allows a role, the answer is anything but 403 (the requests
 * are made so that an allowed one is refused for its content, 4xx, or is harmless: nothing changes); where it does
 * not, 403. ADMIN is the bootstrap token; the others are tokens and users with that one role.
 */
@AutoConfigureMockMvc
class RoleMatrixTest extends ApiTestSupport {
    static final List<String> ROLES = List.of("ADMIN", "OFFICER", "INSPECTOR", "SUPERVISOR", "VENDOR");
    static final Set<String> ALL = Set.copyOf(ROLES);
    static final Set<String> STAFF = Set.of("ADMIN", "OFFICER", "INSPECTOR", "SUPERVISOR");
    static final Set<String> OFFICERS = Set.of("ADMIN", "OFFICER");
    static final Set<String> RESULTS = Set.of("ADMIN", "OFFICER", "INSPECTOR");
    static final String NOBODY = UUID.randomUUID().toString();

    /** One endpoint group: a request ({c}: a contract the vendor owns; {x}: an id that exists nowhere) and who may send it. */
    record Row(String method, String path, String body, Set<String> allowed) {
        @Override public String toString() { return method + " " + path; }
    }

    static Stream<Row> apiRows() {
        return Stream.of(
                new Row("GET", "/api/contracts", null, ALL),
                new Row("GET", "/api/contracts/{c}", null, ALL),
                new Row("GET", "/api/contracts/{c}/statement", null, ALL),
                new Row("GET", "/api/contracts/{c}/documents", null, ALL),
                new Row("GET", "/api/contracts/{c}/integrity", null, STAFF),
                // registering: officers (an empty file, refused with 422)
                new Row("POST", "/api/contracts", "{}", OFFICERS),
                // an inspection result: officers and inspectors (409: nothing was tendered)
                new Row("POST", "/api/contracts/{c}/events", "{\"date\":\"2019-02-01\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}", RESULTS),
                // a tender: officers and the vendor (422: no such milestone / not today)
                new Row("POST", "/api/contracts/{c}/events", "{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"NOPE\"}",
                        Set.of("ADMIN", "OFFICER", "VENDOR")),
                // a termination: officers only, as a proposal (422: a day in the future)
                new Row("POST", "/api/contracts/{c}/events", "{\"date\":\"2099-01-01\",\"type\":\"TERMINATED\",\"ground\":\"OTHER\"}", OFFICERS),
                new Row("POST", "/api/contracts/{c}/events/{x}/void", "{\"reason\":\"matrix\"}", OFFICERS),
                new Row("POST", "/api/contracts/{c}/inspections/proposal", "{}", RESULTS),
                new Row("GET", "/api/tasks", null, STAFF),
                new Row("POST", "/api/tasks/{x}/complete", "{}", RESULTS),
                new Row("POST", "/api/tasks/{x}/proposal", "{}", RESULTS),
                new Row("GET", "/api/approvals", null, STAFF),
                new Row("GET", "/api/approvals/{x}", null, STAFF),
                new Row("POST", "/api/approvals/{x}/decision", "{\"decision\":\"APPROVE\"}", Set.of("SUPERVISOR")),
                new Row("GET", "/api/calendars/tw", null, STAFF),
                new Row("POST", "/api/calendars/tw/closures", "{}", Set.of("ADMIN")),
                new Row("POST", "/api/tokens", "{}", Set.of("ADMIN")),
                new Row("POST", "/api/users", "{}", Set.of("ADMIN")),
                new Row("GET", "/engine-rest/engine", null, Set.of("ADMIN")));
    }

    static Stream<Row> pageRows() {
        return Stream.of(
                new Row("GET", "/", null, ALL),
                new Row("GET", "/account", null, ALL),
                new Row("GET", "/contracts", null, STAFF),
                new Row("GET", "/contracts/{x}", null, STAFF),
                new Row("GET", "/contracts/{x}/statement", null, STAFF),
                new Row("GET", "/contracts/new", null, OFFICERS),
                new Row("POST", "/contracts/new", "", OFFICERS),
                new Row("POST", "/contracts/{x}/events", "", RESULTS),
                new Row("POST", "/contracts/{x}/events/{x}/void", "", OFFICERS),
                new Row("GET", "/tasks", null, STAFF),
                new Row("POST", "/tasks/{x}/complete", "", RESULTS),
                new Row("GET", "/approvals", null, STAFF),
                new Row("POST", "/approvals/{x}", "", Set.of("SUPERVISOR")),
                new Row("GET", "/admin/users", null, Set.of("ADMIN")),
                new Row("GET", "/admin/tokens", null, Set.of("ADMIN")),
                new Row("GET", "/admin/calendar", null, Set.of("ADMIN")),
                new Row("GET", "/portal", null, Set.of("VENDOR")),
                new Row("GET", "/camunda/app/cockpit/default/", null, Set.of("ADMIN")));
    }

    @Autowired
    MockMvc mvc;

    private static String contractId;
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeEach
    void tokensAndAContract() {
        if (contractId != null) return;
        String number = "T-MATRIX-" + NOBODY.substring(0, 6);
        ResponseEntity<JsonNode> r = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small(number, null, null)).retrieve().toEntity(JsonNode.class);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        contractId = r.getBody().get("id").asText();
        TOKENS.put("ADMIN", TOKEN);
        for (String role : ROLES.subList(1, ROLES.size())) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "matrix-" + role + "-" + NOBODY.substring(0, 6),
                    "roles", List.of(role)));
            if (role.equals("VENDOR")) body.put("vendorId", "v-" + number);
            ResponseEntity<JsonNode> t = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().toEntity(JsonNode.class);
            assertThat(t.getStatusCode().value()).as("%s", t.getBody()).isEqualTo(201);
            TOKENS.put(role, t.getBody().get("token").asText());
        }
    }

    private static String path(Row row) {
        return row.path().replace("{c}", contractId).replace("{x}", NOBODY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRows")
    void theApiAnswersEachRoleAsTheMatrixSays(Row row) {
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            var spec = api(TOKENS.get(role)).method(HttpMethod.valueOf(row.method())).uri(path(row));
            if (row.body() != null) spec = spec.contentType(MediaType.APPLICATION_JSON).body(row.body());
            int status = spec.retrieve().toBodilessEntity().getStatusCode().value();
            check(row, role, status, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageRows")
    void thePagesAnswerEachRoleAsTheMatrixSays(Row row) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String role : ROLES) {
            var request = row.method().equals("GET") ? get(path(row)) : post(path(row)).with(csrf());
            int status = mvc.perform(request.with(user("matrix-" + role.toLowerCase()).roles(role))).andReturn()
                    .getResponse().getStatus();
            check(row, role, status, wrong);
        }
        assertThat(wrong).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void usersAndTokensTakeTheNewRolesSeveralAtOnceAndNameAnUnknownOne() {
        String name = "matrix-both-" + NOBODY.substring(0, 6);
        ResponseEntity<JsonNode> both = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", "a long matrix passphrase", "roles", List.of("INSPECTOR", "SUPERVISOR")))
                .retrieve().toEntity(JsonNode.class);
        assertThat(both.getStatusCode().value()).as("%s", both.getBody()).isEqualTo(201);
        assertThat(both.getBody().get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("INSPECTOR", "SUPERVISOR");
        for (String uri : List.of("/api/users", "/api/tokens")) {
            ResponseEntity<JsonNode> unknown = api().post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", name + "-x", "name", name + "-x", "password", "a long matrix passphrase",
                            "roles", List.of("OFFICER", "CHIEF")))
                    .retrieve().toEntity(JsonNode.class);
            assertThat(unknown.getStatusCode().value()).as(uri).isEqualTo(422);
            assertThat(unknown.getBody().get("violations").get(0).get("path").asText()).isEqualTo("roles");
            assertThat(unknown.getBody().get("violations").get(0).get("message").asText())
                    .contains("\"CHIEF\" is not a role", "INSPECTOR", "SUPERVISOR");
        }
    }

    private static void check(Row row, String role, int status, List<String> wrong) {
        boolean allowed = row.allowed().contains(role);
        if (allowed && (status == 403 || status == 401 || status >= 500))
            wrong.add(role + " may, but got " + status);
        if (!allowed && status != 403) wrong.add(role + " may not, but got " + status);
    }
}
