package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;

/** Passwords where they are set (the API) and used (the sign-in form): the policy, any length, older hashes. */
class PasswordsApiTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    private org.springframework.http.ResponseEntity<JsonNode> createUser(String username, String password) {
        return api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of("OFFICER")))
                .retrieve().toEntity(JsonNode.class);
    }

    @Test
    void refusesTheIssuesExampleAndACommonPasswordNamingTheField() {
        for (String weak : List.of("aaaaaaaaaaaa", "qwertyuiop123")) {
            var r = createUser("weak-" + weak.length(), weak);
            assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
            assertThat(r.getBody().toString()).contains("\"password\"");
            assertThat(jdbc.sql("select count(*) from app_user where username = ?").param("weak-" + weak.length())
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void takesAPasswordLongerThanBcryptsSeventyTwoBytesAndChecksAllOfIt() {
        // 80 characters, 3 bytes each in UTF-8: 240 bytes
        String password = "長".repeat(40) + "密碼".repeat(20);
        assertThat(createUser("long-pass", password).getStatusCode().value()).isEqualTo(201);
        assertThat(new FormSignIn(port).signIn("long-pass", password).location()).as("the password passed: the second factor next").endsWith("/account/mfa");
        // the same first 72 bytes (24 characters), different afterwards: wrong
        String sameStart = "長".repeat(40) + "錯誤".repeat(20);
        assertThat(new FormSignIn(port).signIn("long-pass", sameStart).location()).endsWith("/login?error");
        // a password of 64 KB on the sign-in form: a plain refusal, never a 500
        FormSignIn.Answer huge = new FormSignIn(port).signIn("long-pass", "x".repeat(60_000));
        assertThat(huge.status()).isEqualTo(302);
        assertThat(huge.location()).endsWith("/login?error");
    }

    @Test
    void anOlderBcryptHashStillSignsInAndIsRehashed() {
        jdbc.sql("insert into app_user (username, password_hash, roles) values (?, ?, 'OFFICER')")
                .params("bcrypt-user", "{bcrypt}" + new BCryptPasswordEncoder().encode("an older passphrase")).update();
        assertThat(new FormSignIn(port).signIn("bcrypt-user", "an older passphrase").location()).as("the password passed: the second factor next").endsWith("/account/mfa");
        String hash = jdbc.sql("select password_hash from app_user where username = 'bcrypt-user'").query(String.class).single();
        assertThat(hash).startsWith("{pbkdf2-sha256}");
        assertThat(new FormSignIn(port).signIn("bcrypt-user", "an older passphrase").location()).as("the password passed: the second factor next").endsWith("/account/mfa");
    }
}
