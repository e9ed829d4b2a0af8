package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tw.yanshou.YanshouApplication;
import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.infrastructure.EmbeddedDatabase;

/**
 * Sessions in PostgreSQL: a new id at sign-in, the cookie's attributes, a second node on the same database honours a
 * session the first made, the user's own list of sessions and history at /account (ending one), the absolute timeout.
 */
class SessionsTest extends ApiTestSupport {
    /** The tests' MFA key (application-test.yaml): the second node opens the same authenticator-app keys. */
    static final String MFA_KEY = "dGVzdC1vbmx5LW1mYS1rZXktMzItYnl0ZXMtbG9uZyE=";
    @Autowired JdbcClient jdbc;
    @Autowired EmbeddedDatabase db;
    @Autowired SignInThrottle throttle;
    @Autowired Accounts accounts;
    @Autowired SecondFactors factors;
    private final Map<String, String> keys = new java.util.HashMap<>();

    @AfterEach
    void realTime() { throttle.useClock(Clock.systemUTC()); }

    private void user(String name, String password) {
        var r = api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", name, "password", password, "roles", List.of("OFFICER"))).retrieve().toBodilessEntity();
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        keys.put(name, TestMfa.enrol(factors, name));
    }

    private static String cookie(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("YANSHOU_SESSION=")).findFirst().orElse(null);
    }

    @Test
    void aNewSessionIdAtSignInAndACookieThatScriptsCannotRead() throws Exception {
        user("session-a", "session passphrase a");
        FormSignIn browser = new FormSignIn(port);
        String before = cookie(browser.get("/login"));
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(browser.signIn("session-a", "session passphrase a", keys.get("session-a")).location()).endsWith("/");
        String session = jdbc.sql("select session_id from spring_session where principal_name = 'session-a'").query(String.class).single();
        assertThat(before).doesNotContain(session);
        // behind a trusted proxy that speaks TLS to the browser, the cookie is Secure
        FormSignIn tls = new FormSignIn(port).from("203.0.113.5");
        var r = tls.getWith("/login", "X-Forwarded-Proto", "https");
        assertThat(cookie(r)).contains("Secure");
    }

    @Test
    void aSecondNodeOnTheSameDatabaseServesTheSession() {
        user("session-b", "session passphrase b");
        FormSignIn browser = new FormSignIn(port);
        assertThat(browser.signIn("session-b", "session passphrase b", keys.get("session-b")).location()).endsWith("/");
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(200);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(YanshouApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--camunda.bpm.process-engine-name=second-node",
                "--yanshou.security.mfa.key=" + MFA_KEY,
                "--camunda.bpm.job-execution.enabled=false", "--spring.jmx.enabled=false", "--spring.main.banner-mode=off")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            FormSignIn onSecond = browser.at(secondPort);
            HttpResponse<String> page = onSecond.get("/contracts");
            assertThat(page.statusCode()).as("the session of the first node on the second").isEqualTo(200);
            assertThat(page.body()).contains("session-b");
            // signed out on the second node: gone on the first too
            onSecond.post("/contracts", "/logout", Map.of());
        }
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(302);
    }

    @Test
    void theAccountPageListsSessionsAndHistoryAndEndsAnotherSession() {
        user("session-c", "session passphrase c");
        FormSignIn laptop = new FormSignIn(port).userAgent("Laptop browser").from("203.0.113.30");
        FormSignIn phone = new FormSignIn(port).userAgent("Phone browser").from("203.0.113.31");
        assertThat(phone.signIn("session-c", "wrong passphrase").location()).endsWith("/login?error");
        assertThat(laptop.signIn("session-c", "session passphrase c", keys.get("session-c")).location()).endsWith("/");
        assertThat(phone.signIn("session-c", "session passphrase c", keys.get("session-c")).location()).endsWith("/");
        String page = laptop.get("/account").body();
        assertThat(page).contains("Laptop browser", "Phone browser", "203.0.113.30", "203.0.113.31", "This one", "Failed");
        // another user's sessions are not there
        assertThat(page).doesNotContain("session-a");
        Matcher end = Pattern.compile("action=\"(/account/sessions/[0-9a-f]+/end)\"").matcher(page);
        assertThat(end.find()).isTrue();
        String action = end.group(1);
        assertThat(end.find()).as("one other session only").isFalse();
        assertThat(laptop.post("/account", action, Map.of()).location()).endsWith("/account?ended");
        assertThat(phone.get("/contracts").statusCode()).as("the phone's session is ended").isEqualTo(302);
        assertThat(laptop.get("/contracts").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
        user("session-d", "session passphrase d");
        FormSignIn browser = new FormSignIn(port);
        assertThat(browser.signIn("session-d", "session passphrase d", keys.get("session-d")).location()).endsWith("/");
        MutableClock clock = new MutableClock(Instant.now());
        throttle.useClock(clock);
        clock.advance(Duration.ofHours(12).minusMinutes(1));
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> r = browser.get("/contracts");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndAPasswordChangeEndsTheOthers() {
        user("session-f", "session passphrase f");
        FormSignIn one = new FormSignIn(port), two = new FormSignIn(port);
        assertThat(one.signIn("session-f", "session passphrase f", keys.get("session-f")).location()).endsWith("/");
        assertThat(two.signIn("session-f", "session passphrase f", keys.get("session-f")).location()).endsWith("/");
        // a new password from the first browser: the second is signed out, the first stays
        FormSignIn.Answer changed = one.post("/account", "/account/password",
                Map.of("currentPassword", "session passphrase f", "newPassword", "another passphrase for f"));
        assertThat(changed.location()).endsWith("/account?passwordChanged");
        assertThat(two.get("/contracts").statusCode()).isEqualTo(302);
        assertThat(one.get("/contracts").statusCode()).isEqualTo(200);
        // a common one is refused next to the field, in the user's language
        FormSignIn.Answer weak = one.post("/account", "/account/password",
                Map.of("currentPassword", "another passphrase for f", "newPassword", "password123456"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("This is one of the most common passwords");
        accounts.updateUser("session-f", java.util.Set.of("OFFICER"), null, false, "test");
        assertThat(one.get("/contracts").statusCode()).as("disabled: signed out").isEqualTo(302);
    }

    @Test
    void theIdleTimeoutIsThirtyMinutes() {
        user("session-e", "session passphrase e");
        assertThat(new FormSignIn(port).signIn("session-e", "session passphrase e", keys.get("session-e")).location()).endsWith("/");
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'session-e'")
                .query(Integer.class).single()).isEqualTo(30 * 60);
    }
}
