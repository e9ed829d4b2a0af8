package tw.yanshou.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hostile input gets a prompt 4xx problem and changes nothing: bodies over the limit (declared or chunked), bodies
 * that are not UTF-8, numbers and texts that would cost the server minutes, another vendor's contract — checked
 * before the body is read. The bound on the time (5 s) is far above what the answers take and far below what the
 * attacks cost before (10 s to minutes per request); the times are printed.
 */
class HostileInputApiTest extends ApiTestSupport {
    private static final Duration PROMPT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired JdbcClient jdbc;

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("hostile input: %s %s → %d in %d ms%n", r.request().method(), r.request().uri().getPath(),
                r.statusCode(), took.toMillis());
        assertThat(took).as("answered promptly").isLessThan(PROMPT);
        return r;
    }

    private HttpRequest.Builder post(String path, HttpRequest.BodyPublisher body, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", contentType)
                .POST(body);
    }

    private String vendorToken(String vendorId) {
        JsonNode issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"hostile\",\"roles\":[\"VENDOR\"],\"vendorId\":\"" + vendorId + "\"}").retrieve().body(JsonNode.class);
        return issued.get("token").asText();
    }

    @Test
    void aContractFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        long before = rows("contract");
        byte[] big = ("format: 1\ncontract:\n  title: \"" + "x".repeat(3 * 1024 * 1024) + "\"\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = send(post("/api/contracts", HttpRequest.BodyPublishers.ofByteArray(big), "application/yaml"), TOKEN);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("too-large");
        // without a declared length (chunked): stopped as soon as it passes the limit
        HttpResponse<String> chunked = send(post("/api/contracts",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "application/yaml"), TOKEN);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(rows("contract")).isEqualTo(before);
    }

    @Test
    void anEventOverItsSmallLimitIsRefused() throws Exception {
        String id = registered();
        long before = rows("contract_event");
        String event = "{\"date\":\"2019-02-10\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"note\":\"" + "n".repeat(100_000) + "\"}";
        HttpResponse<String> r = send(post("/api/contracts/" + id + "/events", HttpRequest.BodyPublishers.ofString(event),
                "application/json"), TOKEN);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(rows("contract_event")).isEqualTo(before);
    }

    /** Issue 11: any token and a random contract id tied up a CPU for 10 s with this body; now it is a 404 first. */
    @Test
    void anotherVendorsOrAnUnknownContractIsANotFoundBeforeTheBodyIsRead() throws Exception {
        String body = "{\"date\":\"2026-12-01\",\"type\":\"MEDIATION_CONCLUDED\",\"outcome\":\"SETTLED\",\"completionDeadline\":{\"days\":1e10000000}}";
        String vendor = vendorToken("v-hostile-" + UUID.randomUUID());
        HttpResponse<String> unknown = send(post("/api/contracts/" + UUID.randomUUID() + "/events",
                HttpRequest.BodyPublishers.ofString(body), "application/json"), vendor);
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> other = send(post("/api/contracts/" + registered() + "/events",
                HttpRequest.BodyPublishers.ofString(body), "application/json"), vendor);
        assertThat(other.statusCode()).isEqualTo(404);
        // and staff, who may record it, get the refusal of the number itself
        HttpResponse<String> staff = send(post("/api/contracts/" + registered() + "/events",
                HttpRequest.BodyPublishers.ofString(body.replace("2026-12-01", "2019-03-01")), "application/json"), TOKEN);
        assertThat(staff.statusCode()).isIn(409, 422);
        assertThat(staff.body()).contains("completionDeadline");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNotAltered() throws Exception {
        long before = rows("contract");
        byte[] latin1 = TestContracts.small("HOSTILE-LATIN1-" + UUID.randomUUID(), null, null).replace("\"test\"", "\"caf\u00e9\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = send(post("/api/contracts", HttpRequest.BodyPublishers.ofByteArray(latin1), "application/yaml"), TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("UTF-8");
        assertThat(rows("contract")).isEqualTo(before);
    }

    @Test
    void aNulInAVendorsOwnTenderIsRefused() throws Exception {
        String vendorId = "v-nul-" + UUID.randomUUID();
        String number = "HOSTILE-NUL-" + UUID.randomUUID();
        String file = TestContracts.small(number, null, null).replace("v-" + number, vendorId);
        String id = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().body(JsonNode.class).get("id").asText();
        long before = rows("contract_event");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
        HttpResponse<String> r = send(post("/api/contracts/" + id + "/events", HttpRequest.BodyPublishers.ofString(
                "{\"date\":\"" + today + "\",\"type\":\"TENDERED\",\"milestone\":\"M\",\"note\":\"ready\\u0000\"}"), "application/json"),
                vendorToken(vendorId));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("event.note");
        assertThat(rows("contract_event")).isEqualTo(before);
    }

    /** Issue 11: 107-A and "107-a " registered as two contracts; a date of 9999-12-31 was taken. */
    @Test
    void aNumberDifferingOnlyInCaseIsTheSameContractAndDatesStayInRange() throws Exception {
        String number = "HOSTILE-CASE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(send(post("/api/contracts", HttpRequest.BodyPublishers.ofString(TestContracts.small(number, null, null)),
                "application/yaml"), TOKEN).statusCode()).isEqualTo(201);
        long before = rows("contract");
        HttpResponse<String> again = send(post("/api/contracts", HttpRequest.BodyPublishers.ofString(
                TestContracts.small(number, null, null).replace("number: \"" + number + "\"", "number: \"" + number.toLowerCase() + " \"")),
                "application/yaml"), TOKEN);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("contract.number");
        HttpResponse<String> farFuture = send(post("/api/contracts", HttpRequest.BodyPublishers.ofString(
                TestContracts.small(number + "-D", null, null).replace("signedOn: 2019-01-01", "signedOn: 9999-12-31")),
                "application/yaml"), TOKEN);
        assertThat(farFuture.statusCode()).isEqualTo(422);
        assertThat(farFuture.body()).contains("contract.signedOn");
        assertThat(rows("contract")).isEqualTo(before);
    }

    /** Issue 11: what Tomcat refuses itself (a malformed %-escape in the URL) was its HTML page, not a problem body. */
    @Test
    void whatTomcatRefusesItselfIsAProblemBodyToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /api/contracts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("application/problem+json").contains("\"status\":400").doesNotContain("<html");
        }
    }

    /** Issue 11: a token name or vendor id over 100 characters was a 500. */
    @Test
    void aTokenNameOrVendorIdTooLongIsAFieldProblem() throws Exception {
        long before = rows("api_token");
        for (String body : List.of(
                "{\"name\":\"" + "n".repeat(101) + "\",\"roles\":[\"OFFICER\"]}",
                "{\"name\":\"v\",\"roles\":[\"VENDOR\"],\"vendorId\":\"" + "v".repeat(101) + "\"}")) {
            HttpResponse<String> r = send(post("/api/tokens", HttpRequest.BodyPublishers.ofString(body), "application/json"), TOKEN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("at most 100 characters");
        }
        assertThat(rows("api_token")).isEqualTo(before);
    }

    /** Bounded hostile bodies from four clients at once; the health check keeps answering all along. */
    @Test
    void theServerKeepsAnsweringHealthChecksUnderHostileBodies() throws Exception {
        List<String> bodies = List.of(
                "format: 1\ncontract:\n  title: \"" + "y".repeat(1_900_000) + "\"\n",
                "format: 1\nx: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n",
                "{\"format\":1,\"contract\":{\"number\":\"N\",\"signedOn\":\"2019-01-01\",\"items\":[{\"code\":\"A\",\"amount\":1e100000000}]}}",
                "format: 1\ncontract:\n  items:\n    - { code: A, amount: 03614260 }\n");
        long before = rows("contract");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String body = bodies.get(i % bodies.size());
                answers.add(clients.submit(() -> send(post("/api/contracts", HttpRequest.BodyPublishers.ofString(body),
                        "application/yaml"), TOKEN).statusCode()));
            }
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET(), TOKEN);
                assertThat(health.statusCode()).isEqualTo(200);
                Thread.sleep(50);
            }
            for (Future<Integer> a : answers) assertThat(a.get(60, TimeUnit.SECONDS)).isBetween(400, 499);
        } finally {
            clients.shutdownNow();
        }
        assertThat(rows("contract")).isEqualTo(before);
    }

    private String registered() {
        String file = TestContracts.small("HOSTILE-" + UUID.randomUUID(), null, null);
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().body(JsonNode.class).get("id").asText();
    }
}
