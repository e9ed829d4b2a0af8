package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;

/**
 * An administrator ends another user's open sessions (ASVS 7.4.5): every device of the user signs in again; audited.
 * Not one's own (409), not an unknown user (404), not by anyone but an administrator (403) — and then nothing ends.
 */
class AdminEndsSessionsTest extends ApiTestSupport {
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    private long sessions(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(username).query(Long.class).single();
    }

    @Test
    void everySessionOfTheUserEndsAndTheAdministratorsOwnAreNotEndedHere() {
        var created = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "two-laptops", "password", "two laptops passphrase", "roles", List.of("OFFICER")))
                .retrieve().toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String key = totp("two-laptops");
        FormSignIn office = new FormSignIn(port);
        FormSignIn home = new FormSignIn(port);
        assertThat(office.signIn("two-laptops", "two laptops passphrase", key).location()).endsWith("/");
        assertThat(home.signIn("two-laptops", "two laptops passphrase", key).location()).endsWith("/");
        assertThat(sessions("two-laptops")).isEqualTo(2);
        assertThat(accounts.openSessions()).containsEntry("two-laptops", 2);

        // refused, and nothing ends: a supervisor; the administrator's own; a user who does not exist
        assertThat(api(supervisorToken()).delete().uri("/api/users/two-laptops/sessions").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> own = api().delete().uri("/api/users/bootstrap/sessions").retrieve().toEntity(JsonNode.class);
        assertThat(own.getStatusCode().value()).isEqualTo(409);
        assertThat(own.getBody().toString()).contains("\"username\"");
        assertThat(api().delete().uri("/api/users/nobody-at-all/sessions").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(sessions("two-laptops")).isEqualTo(2);

        ResponseEntity<JsonNode> ended = api().delete().uri("/api/users/two-laptops/sessions").retrieve().toEntity(JsonNode.class);
        assertThat(ended.getStatusCode().value()).isEqualTo(200);
        assertThat(ended.getBody().get("sessionsEnded").asInt()).isEqualTo(2);
        assertThat(sessions("two-laptops")).isZero();
        assertThat(office.get("/contracts").statusCode()).isEqualTo(302);
        assertThat(home.get("/contracts").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'SESSIONS_ENDED' and actor = 'bootstrap' "
                + "and detail->>'username' = 'two-laptops' and (detail->>'sessions')::int = 2").query(Long.class).single()).isEqualTo(1);
    }
}
