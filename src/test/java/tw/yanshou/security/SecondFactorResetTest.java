package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.notification.Notification;
import tw.yanshou.notification.Notifications;

/**
 * An administrator resets the second factors of a user who lost them: everything goes (app, recovery codes,
 * passkeys), the user's sessions end, the next sign-in with the password leads to the enrolment first; audited with
 * the reason, the user told. Refused, with nothing removed: without a reason, one's own, an unknown user, a user
 * without a factor, anyone not an administrator.
 */
class SecondFactorResetTest extends ApiTestSupport {
    @Autowired JdbcClient jdbc;
    @Autowired SecondFactors factors;
    @Autowired Notifications notifications;

    private void officer(String name, String password) {
        var r = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", password, "roles", List.of("OFFICER"))).retrieve().toBodilessEntity();
        assertThat(r.getStatusCode().value()).isEqualTo(201);
    }

    private ResponseEntity<JsonNode> reset(String token, String username, Object body) {
        var request = api(token).post().uri("/api/users/{u}/second-factors/reset", username).contentType(MediaType.APPLICATION_JSON);
        if (body != null) request.body(body);
        return request.retrieve().toEntity(JsonNode.class);
    }

    private long rows(String username) {
        return jdbc.sql("select (select count(*) from mfa_totp where username = :u) + (select count(*) from mfa_recovery_code "
                + "where username = :u) + (select count(*) from user_credentials c join user_entities e "
                + "on e.id = c.user_entity_user_id where e.name = :u)").param("u", username).query(Long.class).single();
    }

    @Test
    void anAdministratorResetsALostFactorAndTheUserEnrolsAgain() {
        officer("lost-phone", "lost phone passphrase");
        String key = totp("lost-phone");
        FormSignIn browser = new FormSignIn(port);
        assertThat(browser.signIn("lost-phone", "lost phone passphrase", key).location()).endsWith("/");
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(200);
        assertThat(rows("lost-phone")).isEqualTo(1 + SecondFactors.RECOVERY_CODES);

        ResponseEntity<JsonNode> r = reset(TOKEN, "lost-phone", Map.of("reason", "ticket 4711, identified in person"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody().get("totp").asBoolean()).isTrue();
        assertThat(r.getBody().get("recoveryCodes").asInt()).isEqualTo(SecondFactors.RECOVERY_CODES);
        assertThat(r.getBody().get("passkeys").asInt()).isZero();
        assertThat(r.getBody().get("sessionsEnded").asInt()).isEqualTo(1);

        // nothing of the factors is left, and the open session has ended
        assertThat(rows("lost-phone")).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'lost-phone'").query(Long.class).single()).isZero();
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(302);
        // the password alone leads to the enrolment, nothing else opens
        FormSignIn again = new FormSignIn(port);
        assertThat(again.signIn("lost-phone", "lost phone passphrase").location()).endsWith("/account/mfa");
        assertThat(again.get("/contracts").statusCode()).isNotEqualTo(200);

        // audited with who and why
        Map<String, Object> audit = jdbc.sql("select actor, detail::text as detail from audit_log where action = 'MFA_RESET' "
                + "and detail->>'username' = 'lost-phone'").query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("bootstrap");
        assertThat((String) audit.get("detail")).contains("ticket 4711, identified in person");
        // the user is told who did it and why
        Actor user = new Actor("lost-phone", java.util.Set.of(Actor.OFFICER), null);
        Notification told = notifications.of(user, null, 20).stream()
                .filter(n -> n.kind() == Notification.Kind.MFA_RESET).findFirst().orElseThrow();
        assertThat(notifications.text(told, Locale.TAIWAN)).contains("管理者 bootstrap").contains("ticket 4711, identified in person");
        assertThat(notifications.text(told, Locale.ENGLISH)).startsWith("Administrator bootstrap reset the second factors");
        assertThat(told.link("/contracts/")).isEqualTo("/account/mfa");
    }

    @Test
    void aResetNeedsAReasonAnotherUserWithAFactorAndAnAdministrator() {
        officer("keeps-phone", "keeps phone passphrase");
        totp("keeps-phone");
        long before = rows("keeps-phone");
        long audits = jdbc.sql("select count(*) from audit_log where action = 'MFA_RESET'").query(Long.class).single();

        for (Object body : new Object[] {null, Map.of(), Map.of("reason", "   "), Map.of("reason", "x".repeat(501)),
                "{\"reason\":\"ticket\\u0000 9\"}", "{\"reason\":\"ticket \\ud800 9\"}"}) {
            ResponseEntity<JsonNode> r = reset(TOKEN, "keeps-phone", body);
            assertThat(r.getStatusCode().value()).as("body %s", body).isEqualTo(422);
            assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(r.getBody().toString()).contains("\"reason\"");
        }
        // one's own factors are changed at /account/mfa, with a factor in hand
        ResponseEntity<JsonNode> issued = api().post().uri("/api/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "self-reset", "username", "test-admin", "roles", List.of("ADMIN"))).retrieve().toEntity(JsonNode.class);
        String adminToken = issued.getBody().get("token").asText();
        ResponseEntity<JsonNode> own = reset(adminToken, "test-admin", Map.of("reason", "lost it"));
        assertThat(own.getStatusCode().value()).isEqualTo(409);
        assertThat(own.getBody().toString()).contains("\"username\"");

        assertThat(reset(TOKEN, "nobody-here", Map.of("reason", "ticket 1")).getStatusCode().value()).isEqualTo(404);
        officer("no-factor", "no factor passphrase");
        ResponseEntity<JsonNode> none = reset(TOKEN, "no-factor", Map.of("reason", "ticket 2"));
        assertThat(none.getStatusCode().value()).isEqualTo(409);
        assertThat(none.getBody().toString()).contains("no second factor");

        // not an administrator: a supervisor (a staff role) is refused before anything is read
        assertThat(reset(supervisorToken(), "keeps-phone", Map.of("reason", "ticket 3")).getStatusCode().value()).isEqualTo(403);

        assertThat(rows("keeps-phone")).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MFA_RESET'").query(Long.class).single()).isEqualTo(audits);
    }
}
