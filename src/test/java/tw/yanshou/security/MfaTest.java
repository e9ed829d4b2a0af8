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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tw.yanshou.api.ApiTestSupport;

/**
 * The second factor over HTTP, as a browser without JavaScript goes through it: a staff user without one reaches
 * nothing but the enrolment; enrolment through the pages (the key encrypted at rest, never shown again, ten recovery
 * codes shown once); a code taken once; a recovery code spent; wrong codes counted with wrong passwords (waits, lock);
 * a new session id after the second step; vendors must enrol by default; every change notified and audited.
 */
class MfaTest extends ApiTestSupport {
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("data-testid=\"recovery-code\">([a-z2-9]{5}-[a-z2-9]{5})<");

    @Autowired JdbcClient jdbc;
    @Autowired SignInThrottle throttle;
    @Autowired SecondFactors factors;

    @AfterEach
    void realTime() { throttle.useClock(Clock.systemUTC()); }

    private void user(String name, String password, String role, String vendorId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", password, "roles", List.of(role)));
        if (vendorId != null) body.put("vendorId", vendorId);
        assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private static String path(String location) { return location == null ? null : location.replaceFirst("^http://[^/]+", ""); }

    /** Enrols through the pages: start, read the key off the page, confirm with its code; the recovery codes shown. */
    private static Enrolled enrol(FormSignIn browser) {
        assertThat(path(browser.post("/account/mfa", "/account/mfa/totp", Map.of()).location())).isEqualTo("/account/mfa#totp");
        String page = browser.get("/account/mfa").body();
        Matcher key = SECRET.matcher(page);
        assertThat(key.find()).as("the key as text on %s", page).isTrue();
        String secret = key.group(1);
        assertThat(page).contains("otpauth://totp/Yanshou:").contains("secret=" + secret + "&amp;issuer=Yanshou");
        assertThat(browser.get("/account/mfa/totp/qr.png").headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        FormSignIn.Answer confirmed = browser.post("/account/mfa", "/account/mfa/totp/confirm", Map.of("code", Totp.next(secret)));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> codes = RECOVERY.matcher(confirmed.body()).results().map(m -> m.group(1)).toList();
        return new Enrolled(secret, codes, confirmed.body());
    }

    record Enrolled(String secret, List<String> recoveryCodes, String page) { }

    @Test
    void staffWithoutAFactorReachNothingButTheEnrolmentThenEnrolThroughThePages() {
        user("mfa-new", "mfa passphrase new", "OFFICER", null);
        FormSignIn browser = new FormSignIn(port);
        assertThat(path(browser.signIn("mfa-new", "mfa passphrase new").location())).isEqualTo("/account/mfa");
        // nothing else opens: pages redirect to the enrolment, the Camunda webapps too, forms and calls are 403
        for (String page : List.of("/", "/contracts", "/tasks", "/account", "/notifications", "/camunda/app/cockpit/default/",
                "/login/mfa")) {
            HttpResponse<String> r = browser.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(path(r.headers().firstValue("Location").orElseThrow())).as(page).isEqualTo("/account/mfa");
        }
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(403);
        // the API takes bearer tokens only: a session, full or not, is no way in
        assertThat(browser.get("/api/contracts").statusCode()).isEqualTo(401);
        // a passkey made with the password alone would sign in by itself later: not open
        assertThat(browser.post("/account/mfa", "/webauthn/register/options", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/account/mfa", "/account/mfa/recovery-codes", Map.of()).status()).isEqualTo(403);

        // a wrong code: the message next to the field, in the user's language, nothing stored
        FormSignIn.Answer started = browser.post("/account/mfa", "/account/mfa/totp", Map.of());
        assertThat(started.status()).isEqualTo(302);
        FormSignIn.Answer wrong = browser.post("/account/mfa", "/account/mfa/totp/confirm", Map.of("code", "12345x"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("This is not the code the authenticator app shows now").contains("value=\"12345x\"");
        assertThat(factors.status("mfa-new").totp()).isFalse();

        String before = browser.sessionCookie();
        Enrolled e = enrol(browser);
        assertThat(e.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        // the code that confirmed the app was this sign-in's second factor: a new session, where staff go
        assertThat(browser.sessionCookie()).isNotEqualTo(before);
        assertThat(e.page()).contains("href=\"/\" id=\"continue\"");
        assertThat(browser.get("/contracts").statusCode()).isEqualTo(200);
        // the key is encrypted at rest and never shown again
        String stored = jdbc.sql("select secret from mfa_totp where username = 'mfa-new'").query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(e.secret());
        assertThat(browser.get("/account/mfa").body()).doesNotContain(e.secret()).contains("10 unused recovery codes left");
        assertThat(browser.get("/account/mfa/totp/qr.png").statusCode()).isEqualTo(404);
        // recovery codes are stored hashed
        assertThat(jdbc.sql("select code_hash from mfa_recovery_code where username = 'mfa-new'").query(String.class).list())
                .hasSize(10).noneMatch(h -> e.recoveryCodes().stream().anyMatch(c -> h.contains(c.replace("-", ""))));
        // notified in the app, audited
        assertThat(jdbc.sql("select kind from notification where audience = 'USER' and username = 'mfa-new' and kind like 'MFA%'").query(String.class).list())
                .containsExactly("MFA_TOTP_ENROLLED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MFA_TOTP_ENROLLED' and actor = 'mfa-new'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(browser.get("/notifications").body()).contains("An authenticator app (second factor) was turned on");

        // from now on: password, then a code
        FormSignIn next = new FormSignIn(port);
        assertThat(path(next.signIn("mfa-new", "mfa passphrase new").location())).isEqualTo("/login/mfa");
        assertThat(next.get("/contracts").statusCode()).isEqualTo(302);
        String partial = next.sessionCookie();
        assertThat(path(next.code(Totp.next(e.secret())).location())).isEqualTo("/");
        assertThat(next.sessionCookie()).as("a new session id after the second factor").isNotEqualTo(partial);
        assertThat(next.get("/contracts").statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeIsTakenOnceAndARecoveryCodeIsSpent() {
        user("mfa-replay", "mfa passphrase replay", "OFFICER", null);
        String secret = TestMfa.enrol(factors, "mfa-replay");
        FormSignIn one = new FormSignIn(port), two = new FormSignIn(port);
        String code = Totp.next(secret);
        assertThat(path(one.signIn("mfa-replay", "mfa passphrase replay").location())).isEqualTo("/login/mfa");
        assertThat(path(one.code(code).location())).isEqualTo("/");
        // the same code again (someone looking over the shoulder): refused
        assertThat(path(two.signIn("mfa-replay", "mfa passphrase replay").location())).isEqualTo("/login/mfa");
        assertThat(path(two.code(code).location())).isEqualTo("/login/mfa?error");
        assertThat(two.get("/contracts").statusCode()).isEqualTo(302);

        // a recovery code instead: in, then spent
        List<String> codes = factors.regenerateRecoveryCodes(new tw.yanshou.security.Actor("mfa-replay", java.util.Set.of("OFFICER"), null));
        assertThat(path(two.code(codes.get(3)).location())).isEqualTo("/");
        assertThat(two.get("/contracts").statusCode()).isEqualTo(200);
        FormSignIn three = new FormSignIn(port);
        assertThat(path(three.signIn("mfa-replay", "mfa passphrase replay").location())).isEqualTo("/login/mfa");
        assertThat(path(three.code(codes.get(3)).location())).isEqualTo("/login/mfa?error");
        // typed without the dash and in capitals, another one works
        assertThat(path(three.code(codes.get(4).replace("-", "").toUpperCase()).location())).isEqualTo("/");
        assertThat(factors.status("mfa-replay").recoveryCodesLeft()).isEqualTo(8);
        assertThat(jdbc.sql("select kind from notification where audience = 'USER' and username = 'mfa-replay' and kind like 'MFA%' order by created_at")
                .query(String.class).list())
                .containsExactly("MFA_TOTP_ENROLLED", "MFA_RECOVERY_CODES_REGENERATED", "MFA_RECOVERY_CODE_USED", "MFA_RECOVERY_CODE_USED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'MFA_RECOVERY_CODE_USED' and actor = 'mfa-replay'")
                .query(Long.class).single()).isEqualTo(2);
        // the only factor of an officer cannot be removed (it would leave a password alone)
        assertThat(path(three.post("/account/mfa", "/account/mfa/totp/remove", Map.of()).location())).isEqualTo("/account/mfa?lastFactor");
        assertThat(factors.status("mfa-replay").totp()).isTrue();
        // the history: each second step with its result
        assertThat(jdbc.sql("select result from sign_in_attempt where username = 'mfa-replay' and step = 'MFA' order by id")
                .query(String.class).list()).containsExactly("SUCCESS", "FAILED", "SUCCESS", "FAILED", "SUCCESS");
    }

    @Test
    void wrongCodesWaitAndLockAsWrongPasswordsDo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
        throttle.useClock(clock);
        user("mfa-guess", "mfa passphrase guess", "OFFICER", null);
        String secret = TestMfa.enrol(factors, "mfa-guess");
        FormSignIn attacker = new FormSignIn(port).from("203.0.113.60");
        assertThat(path(attacker.signIn("mfa-guess", "mfa passphrase guess").location())).isEqualTo("/login/mfa");
        // three free failures and a fourth at once (the account's limits: 3 free, then 1 s doubling, locked at 10)
        for (int i = 0; i < 4; i++) assertThat(path(attacker.code("00000" + i).location())).isEqualTo("/login/mfa?error");
        // the next code, even the right one, must wait 1 s
        assertThat(path(attacker.code(Totp.code(secret, Instant.now())).location())).isEqualTo("/login/mfa?locked");
        // signing in again with the password does not forget the failures of the code
        assertThat(path(new FormSignIn(port).from("203.0.113.61").signIn("mfa-guess", "mfa passphrase guess").location()))
                .isEqualTo("/login?locked");
        // waits of 1, 2, 4, 8, 16, 32 s after failures 4 … 9; the 10th locks the account for 15 minutes
        for (long wait : new long[] {1, 2, 4, 8, 16, 32}) {
            clock.advance(Duration.ofSeconds(wait));
            assertThat(path(attacker.code("999999").location())).as("after %d s", wait).isEqualTo("/login/mfa?error");
        }
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(path(attacker.code(Totp.code(secret, Instant.now())).location())).isEqualTo("/login/mfa?locked");
        clock.advance(Duration.ofSeconds(1));
        assertThat(path(attacker.code(Totp.next(secret)).location())).isEqualTo("/");
        assertThat(jdbc.sql("select result, count(*) from sign_in_attempt where username = 'mfa-guess' and step = 'MFA' "
                + "group by result order by result").query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("FAILED=10", "SUCCESS=1", "THROTTLED=2");
    }

    @Test
    void vendorsMustEnrolByDefault() {
        user("mfa-vendor", "mfa passphrase vendor", "VENDOR", "vendor-mfa");
        FormSignIn vendor = new FormSignIn(port);
        assertThat(path(vendor.signIn("mfa-vendor", "mfa passphrase vendor").location())).isEqualTo("/account/mfa");
        assertThat(path(vendor.get("/portal").headers().firstValue("Location").orElseThrow())).isEqualTo("/account/mfa");
        Enrolled e = enrol(vendor);
        assertThat(e.page()).contains("href=\"/portal\" id=\"continue\"");
        assertThat(vendor.get("/portal").statusCode()).isEqualTo(200);
    }
}
