package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON API: bad input gets a problem body and changes nothing; access is by token and role. */
class ContractApiTest extends ApiTestSupport {
    @org.springframework.beans.factory.annotation.Autowired tw.yanshou.security.SecondFactors secondFactors;

    static String small(String number, String events) {
        return TestContracts.small(number, number + "-M", events);
    }

    ResponseEntity<JsonNode> register(String yaml) {
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(yaml)
                .retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> event(String id, String json) {
        return api().post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(JsonNode.class);
    }

    String registered(String number, String events) {
        ResponseEntity<JsonNode> r = register(small(number, events));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asText();
    }

    private List<String> numbers() {
        List<String> numbers = new ArrayList<>();
        api().get().uri("/api/contracts?limit=1000").retrieve().body(JsonNode.class).forEach(c -> numbers.add(c.get("number").asText()));
        return numbers;
    }

    private static List<String> paths(JsonNode problem) {
        List<String> paths = new ArrayList<>();
        problem.get("violations").forEach(v -> paths.add(v.get("path").asText()));
        return paths;
    }

    @Test
    void refusesABrokenFileWithEveryViolationAndStoresNothing() {
        String broken = small("T-BROKEN", """
                  - { date: 2019-02-30, type: TENDERED, milestone: M }
                  - { date: 2019-02-05, type: ACCEPTED, milestone: NOPE }
                """).replace("amount: 1000000", "amount: -5");
        ResponseEntity<JsonNode> r = register(broken);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(paths(r.getBody())).contains("contract.items[0].amount", "events[0].date", "events[1].milestone");
        assertThat(r.getBody().get("status").asInt()).isEqualTo(422);
        assertThat(numbers()).doesNotContain("T-BROKEN");
    }

    @Test
    void refusesAnUnreadableFileWith400() {
        ResponseEntity<JsonNode> r = register("format: 1\ncontract: { number: \"X\n");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(paths(r.getBody())).containsExactly("$");
    }

    @Test
    void refusesASecondContractWithTheSameNumber() {
        registered("T-TWICE", null);
        ResponseEntity<JsonNode> r = register(small("T-TWICE", null));
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(paths(r.getBody())).containsExactly("contract.number");
    }

    @Test
    void answersEventsThatMakeNoSenseWith409AndMalformedOnesWith422() {
        String id = registered("T-EVENTS", null);
        ResponseEntity<JsonNode> acceptance = event(id, "{\"date\":\"2019-02-01\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}");
        assertThat(acceptance.getStatusCode().value()).isEqualTo(409);
        assertThat(acceptance.getBody().get("detail").asText()).contains("needs a tender first");
        ResponseEntity<JsonNode> unknown = event(id, "{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"NOPE\"}");
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(paths(unknown.getBody())).containsExactly("event.milestone");
        ResponseEntity<JsonNode> future = event(id, "{\"date\":\"2099-01-01\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        assertThat(future.getStatusCode().value()).isEqualTo(422);
        assertThat(paths(future.getBody())).containsExactly("event.date");
        ResponseEntity<JsonNode> malformed = event(id, "{\"date\":\"108/02/30\",\"type\":\"TENDERED\"}");
        assertThat(malformed.getStatusCode().value()).isEqualTo(422);
        assertThat(paths(malformed.getBody())).contains("event.date", "event.milestone");
        // a termination is proposed (202) and takes effect once a supervisor approves it
        approved(event(id, "{\"date\":\"2019-03-01\",\"type\":\"TERMINATED\",\"ground\":\"VENDOR_DEFAULT\"}"));
        ResponseEntity<JsonNode> late = event(id, "{\"date\":\"2019-03-05\",\"type\":\"TENDERED\",\"milestone\":\"M\"}");
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody().get("detail").asText()).contains("terminated on 2019-03-01");
        JsonNode contract = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        assertThat(contract.get("log")).hasSize(1);
        assertThat(contract.get("contract").get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void refusesABackDatedEventThatWouldMakeARecordedOneSenseless() {
        String id = registered("T-BACKDATED", "  - { date: 2019-02-10, type: TENDERED, milestone: M }");
        ResponseEntity<JsonNode> r = event(id, "{\"date\":\"2019-02-01\",\"type\":\"TERMINATED\",\"ground\":\"VENDOR_DEFAULT\"}");
        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(paths(r.getBody())).containsExactly("events[0]");
        assertThat(r.getBody().get("detail").asText()).contains("terminated on 2019-02-01");
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log")).hasSize(1);
    }

    @Test
    void exportsAFileThatImportsToTheSameStatement() {
        String id = registered("T-EXPORT", """
                  - { date: 2019-02-10, type: TENDERED, milestone: M }
                  - { date: 2019-02-12, type: INSPECTION_FAILED, milestone: M, cureBy: 2019-02-20 }
                """);
        String exported = api().get().uri("/api/contracts/{id}/export", id).retrieve().body(String.class);
        ResponseEntity<JsonNode> again = register(exported.replace("T-EXPORT", "T-EXPORT-2"));
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        JsonNode a = api().get().uri("/api/contracts/{id}/statement?asOf=2019-06-30", id).retrieve().body(JsonNode.class);
        JsonNode b = api().get().uri("/api/contracts/{id}/statement?asOf=2019-06-30", again.getBody().get("id").asText())
                .retrieve().body(JsonNode.class);
        assertThat(withoutLogHead(b)).isEqualTo(withoutLogHead(a));
        // 02-01..02-10 late (10 days), the failed late tender was not cured: late through 06-30 = 150 days
        assertThat(a.get("lateDays").asLong()).isEqualTo(150);
    }

    @Test
    void voidsAnEventAndKeepsBothInTheLog() {
        String id = registered("T-VOID", """
                  - { date: 2019-02-10, type: TENDERED, milestone: M }
                  - { date: 2019-03-01, type: TERMINATED, ground: VENDOR_DEFAULT }
                """);
        JsonNode log = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log");
        String termination = log.get(1).get("id").asText();
        ResponseEntity<JsonNode> noReason = api().post().uri("/api/contracts/{id}/events/{e}/void", id, termination)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(JsonNode.class);
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> voided = api().post().uri("/api/contracts/{id}/events/{e}/void", id, termination)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"recorded for the wrong contract\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(voided.getStatusCode().value()).isEqualTo(201);
        JsonNode after = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class);
        assertThat(after.get("log")).hasSize(3);
        assertThat(after.get("log").get(1).get("voided").asBoolean()).isTrue();
        assertThat(after.get("contract").get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("file").get("events")).hasSize(1);
        // voiding the tender would leave nothing to void it from; voiding it again is refused
        ResponseEntity<JsonNode> twice = api().post().uri("/api/contracts/{id}/events/{e}/void", id, termination)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\"again\"}").retrieve().toEntity(JsonNode.class);
        assertThat(twice.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void voidingATerminationVoidsTheTerminationItCascaded() {
        String linked = registered("T-CASCADE-VOID-M", null);
        String id = registered("T-CASCADE-VOID", "  - { date: 2019-03-01, type: TERMINATED, ground: VENDOR_DEFAULT }");
        JsonNode linkedLog = api().get().uri("/api/contracts/{id}", linked).retrieve().body(JsonNode.class);
        assertThat(linkedLog.get("contract").get("status").asText()).isEqualTo("TERMINATED");
        String termination = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log").get(0).get("id").asText();
        assertThat(api().post().uri("/api/contracts/{id}/events/{e}/void", id, termination).contentType(MediaType.APPLICATION_JSON)
                .body("{\"reason\":\"terminated by mistake\"}").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        JsonNode after = api().get().uri("/api/contracts/{id}", linked).retrieve().body(JsonNode.class);
        assertThat(after.get("contract").get("status").asText()).isEqualTo("OPEN");
        assertThat(after.get("log")).hasSize(2);
        assertThat(after.get("log").get(1).get("reason").asText()).contains("T-CASCADE-VOID", "terminated by mistake");
    }

    @Test
    void keepsTwoEventsRecordedAtTheSameMoment() throws Exception {
        String id = registered("T-RACE", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> first = () -> event(id, "{\"date\":\"2019-02-01\",\"type\":\"EXCUSED\",\"from\":\"2019-02-01\",\"to\":\"2019-02-03\",\"reason\":\"typhoon\"}").getStatusCode().value();
            Callable<Integer> second = () -> event(id, "{\"date\":\"2019-02-01\",\"type\":\"EXCUSED\",\"from\":\"2019-02-10\",\"to\":\"2019-02-11\",\"reason\":\"suspension\"}").getStatusCode().value();
            List<Future<Integer>> results = pool.invokeAll(List.of(first, second));
            for (Future<Integer> r : results) assertThat(r.get()).isEqualTo(201);
        } finally {
            pool.shutdown();
        }
        assertThat(api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log")).hasSize(2);
    }

    @Test
    void needsATokenAndShowsVendorsOnlyTheirOwnContracts() {
        String id = registered("T-VENDOR-A", null);
        registered("T-VENDOR-B", null);
        ResponseEntity<JsonNode> anonymous = api(null).get().uri("/api/contracts").retrieve().toEntity(JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(api("not-a-token").get().uri("/api/contracts").retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
        JsonNode issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"vendor A\",\"roles\":[\"VENDOR\"],\"vendorId\":\"v-T-VENDOR-A\"}")
                .retrieve().body(JsonNode.class);
        String vendor = issued.get("token").asText();
        JsonNode seen = api(vendor).get().uri("/api/contracts").retrieve().body(JsonNode.class);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("number").asText()).isEqualTo("T-VENDOR-A");
        assertThat(api(vendor).get().uri("/api/contracts/{id}/statement", id).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        String other = seenIdOf("T-VENDOR-B");
        assertThat(api(vendor).get().uri("/api/contracts/{id}", other).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api(vendor).get().uri("/api/tasks").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(api(vendor).post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON).body("{}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(403);
        // a vendor submits notices and reports (tenders) for its own contracts, dated the day it submits them
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        ResponseEntity<JsonNode> backDated = api(vendor).post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class);
        assertThat(backDated.getStatusCode().value()).isEqualTo(422);
        assertThat(paths(backDated.getBody())).containsExactly("event.date");
        assertThat(api(vendor).post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"" + today + "\",\"type\":\"TENDERED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> acceptance = api(vendor).post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-02-02\",\"type\":\"ACCEPTED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class);
        assertThat(acceptance.getStatusCode().value()).isEqualTo(403);
        assertThat(acceptance.getBody().get("status").asInt()).isEqualTo(403);
        assertThat(api(vendor).post().uri("/api/contracts/{id}/events", other).contentType(MediaType.APPLICATION_JSON)
                .body("{\"date\":\"2019-02-01\",\"type\":\"TENDERED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(api(vendor).post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(small("T-VENDOR-C", null)).retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(403);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void refusesTheTokensOfADisabledUserAndRevokedTokens() {
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"officer.lin\",\"password\":\"a long officer passphrase\",\"roles\":[\"OFFICER\"]}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        JsonNode issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"lin's token\",\"username\":\"officer.lin\",\"roles\":[\"OFFICER\"]}").retrieve().body(JsonNode.class);
        String token = issued.get("token").asText();
        assertThat(api(token).get().uri("/api/contracts").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        jdbc.sql("update app_user set enabled = false where username = 'officer.lin'").update();
        assertThat(api(token).get().uri("/api/contracts").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(401);
        jdbc.sql("update app_user set enabled = true where username = 'officer.lin'").update();
        assertThat(api().delete().uri("/api/tokens/{id}", issued.get("id").asText()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(204);
        assertThat(api(token).get().uri("/api/contracts").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<JsonNode> weak = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"officer.wu\",\"password\":\"short\",\"roles\":[\"OFFICER\"]}").retrieve().toEntity(JsonNode.class);
        assertThat(weak.getStatusCode().value()).isEqualTo(422);
        assertThat(paths(weak.getBody())).containsExactly("password");
    }

    @Test
    void servesTheHomePageInChineseAndEnglish() {
        assertThat(api(null).get().uri("/").retrieve().body(String.class)).contains("驗收", "/swagger-ui.html");
        assertThat(api(null).get().uri("/").header("Accept-Language", "en").retrieve().body(String.class))
                .contains("acceptance of procurement contracts");
    }

    @Test
    void keepsHealthOpenAndTheEngineForAdministrators() {
        assertThat(api(null).get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(api(null).get().uri("/engine-rest/engine").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(api().get().uri("/engine-rest/engine").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        JsonNode officer = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"officer\",\"roles\":[\"OFFICER\"]}").retrieve().body(JsonNode.class);
        assertThat(api(officer.get("token").asText()).get().uri("/engine-rest/engine").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    /** A browser (cookies, no redirects followed) signed in to the pages as {@code username}. */
    private java.net.http.HttpClient signedIn(String username, String password) throws Exception {
        String totp = tw.yanshou.security.TestMfa.enrol(secondFactors, username);
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        var signIn = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8) + "&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        // the second factor (staff and vendors alike), an authenticator app enrolled before
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/mfa"));
        tw.yanshou.security.FormSignIn.secondStep(browser, base, totp);
        return browser;
    }

    @Test
    void signsAnAdministratorInToCockpitAndKeepsOthersOut() throws Exception {
        String base = "http://localhost:" + port;
        var cockpit = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/cockpit/default/")).build();
        var anonymous = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
                .send(cockpit, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        var admin = signedIn("test-admin", "test-admin-passphrase");
        assertThat(admin.send(cockpit, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // the webapps know the signed-in administrator (single sign-on) with every app authorised
        String user = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/api/admin/auth/user/default"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(user).contains("\"userId\":\"test-admin\"", "cockpit");

        // signed in, but not an administrator: an officer and a vendor get neither Cockpit, Tasklist nor the engine's API
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"cockpit.officer\",\"password\":\"a long officer passphrase\",\"roles\":[\"OFFICER\"]}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"cockpit.vendor\",\"password\":\"a long vendor passphrase\",\"roles\":[\"VENDOR\"],\"vendorId\":\"v-X\"}")
                .retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(201);
        for (String[] who : List.of(new String[] {"cockpit.officer", "a long officer passphrase"},
                new String[] {"cockpit.vendor", "a long vendor passphrase"})) {
            var browser = signedIn(who[0], who[1]);
            for (String page : List.of("/camunda/app/cockpit/default/", "/camunda/app/tasklist/default/",
                    "/camunda/api/engine/engine/default/task", "/engine-rest/task")) {
                var r = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + page)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s as %s", page, who[0]).isIn(401, 403);
            }
        }
    }

    @Test
    void keepsAnotherVendorOutOfEveryUrlOfAContract() {
        String id = registered("T-OTHER-A", "  - { date: 2019-01-20, type: TENDERED, milestone: M }");
        String event = api().get().uri("/api/contracts/{id}", id).retrieve().body(JsonNode.class).get("log").get(0).get("id").asText();
        JsonNode issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"vendor B\",\"roles\":[\"VENDOR\"],\"vendorId\":\"v-T-OTHER-B\"}").retrieve().body(JsonNode.class);
        var other = api(issued.get("token").asText());
        List<String> tables = List.of("contract", "contract_event", "statement", "audit_log");
        List<Long> before = tables.stream().map(t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()).toList();

        List<ResponseEntity<JsonNode>> answers = List.of(
                other.get().uri("/api/contracts/{id}", id).retrieve().toEntity(JsonNode.class),
                other.get().uri("/api/contracts/{id}/statement?asOf=2019-03-01", id).retrieve().toEntity(JsonNode.class),
                other.get().uri("/api/contracts/{id}/export?format=yaml", id).retrieve().toEntity(JsonNode.class),
                other.get().uri("/api/contracts/{id}/export?format=json", id).retrieve().toEntity(JsonNode.class),
                other.post().uri("/api/contracts/{id}/events", id).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"date\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei"))
                                + "\",\"type\":\"TENDERED\",\"milestone\":\"M\"}").retrieve().toEntity(JsonNode.class),
                other.post().uri("/api/contracts/{id}/events/{e}/void", id, event).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"reason\":\"not mine\"}").retrieve().toEntity(JsonNode.class));
        for (ResponseEntity<JsonNode> r : answers) {
            // a vendor may not even learn that the contract exists (a void is staff-only: 403 says nothing about it)
            assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isIn(404, 403);
            assertThat(r.getBody().toString()).doesNotContain("T-OTHER-A");
        }
        assertThat(answers.subList(0, 5)).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(404));
        assertThat(other.get().uri("/api/contracts").retrieve().body(JsonNode.class)).isEmpty();
        assertThat(tables.stream().map(t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()).toList())
                .as("rows of %s", tables).isEqualTo(before);
    }

    private String seenIdOf(String number) {
        for (JsonNode c : api().get().uri("/api/contracts?limit=1000").retrieve().body(JsonNode.class))
            if (c.get("number").asText().equals(number)) return c.get("id").asText();
        throw new AssertionError("no contract " + number);
    }

}
