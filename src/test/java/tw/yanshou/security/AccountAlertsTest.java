package tw.yanshou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

import tw.yanshou.api.ApiTestSupport;

/**
 * Alerts (issue 10 §4): a sign-in from a new device or network tells the user in the app (their notifications, nobody
 * else's) and by e-mail (a real SMTP server, GreenMail), once per device; administrators see a burst of failed
 * sign-ins on {@code /admin/sign-ins} once it reaches five within fifteen minutes.
 */
class AccountAlertsTest extends ApiTestSupport {
    static final int SMTP_PORT = freePort();
    static final String CHROME_LINUX_120 = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    static final String CHROME_LINUX_121 = CHROME_LINUX_120.replace("Chrome/120", "Chrome/121");
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP_PORT);
        r.add("yanshou.notification.mail.interval", () -> "200ms");
        r.add("yanshou.notification.mail.users.alert-officer", () -> "lin@agency.test");
        r.add("yanshou.notification.mail.vendors.v-alert", () -> "pm@vendor-alert.test");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() { smtp.stop(); }

    @Autowired JdbcClient jdbc;

    private void user(String name, String password, String role, String vendorId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", password, "roles", List.of(role)));
        if (vendorId != null) body.put("vendorId", vendorId);
        assertThat(api().post().uri("/api/users").body(body).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    /** The one way this class signs in (the coordinator switches it to the MFA flow): a browser, from an address. */
    private FormSignIn signIn(String user, String password, String agent, String address) {
        FormSignIn browser = new FormSignIn(port).userAgent(agent).from(address);
        FormSignIn.Answer a = browser.signIn(user, password, totp(user));
        assertThat(a.location()).as("sign-in of %s", user).doesNotContain("error").doesNotContain("locked");
        return browser;
    }

    /** The password step alone (where a new device is told), the second factor left: the session is not used. */
    private void passwordStep(String user, String password, String agent, String address) {
        totp(user);
        FormSignIn.Answer a = new FormSignIn(port).userAgent(agent).from(address).signIn(user, password);
        assertThat(a.location()).as("password step of %s", user).endsWith("/login/mfa");
    }

    private long alerts(String username) {
        return jdbc.sql("select count(*) from notification where audience = 'USER' and username = ? and kind = 'NEW_DEVICE'")
                .param(username).query(Long.class).single();
    }

    private List<MimeMessage> newDeviceMailTo(String address, String subject) {
        return mailTo(address).stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aNewDeviceOrNetworkIsToldOnceInTheAppAndByMail() throws Exception {
        user("alert-officer", "officer-passphrase-alert", "OFFICER", null);
        user("other-officer", "officer-passphrase-other", "OFFICER", null);

        // the first sign-in of the account: a device never seen before
        passwordStep("alert-officer", "officer-passphrase-alert", CHROME_LINUX_120, "203.0.113.7");
        assertThat(alerts("alert-officer")).isEqualTo(1);
        // the same browser family and system, updated, from another address of the same /24: the same device
        passwordStep("alert-officer", "officer-passphrase-alert", CHROME_LINUX_121, "203.0.113.99");
        passwordStep("alert-officer", "officer-passphrase-alert", CHROME_LINUX_120, "203.0.113.7");
        assertThat(alerts("alert-officer")).isEqualTo(1);
        // a wrong password from elsewhere is no sign-in
        assertThat(new FormSignIn(port).userAgent(FIREFOX_LINUX).from("198.51.100.4")
                .signIn("alert-officer", "not the password at all").location()).endsWith("/login?error");
        assertThat(alerts("alert-officer")).isEqualTo(1);
        // another network: an alert
        FormSignIn elsewhere = signIn("alert-officer", "officer-passphrase-alert", CHROME_LINUX_120, "198.51.100.4");
        assertThat(alerts("alert-officer")).isEqualTo(2);
        // another browser on a known network: an alert
        passwordStep("alert-officer", "officer-passphrase-alert", FIREFOX_LINUX, "203.0.113.7");
        assertThat(alerts("alert-officer")).isEqualTo(3);
        // …and from then on it is known
        passwordStep("alert-officer", "officer-passphrase-alert", FIREFOX_LINUX, "203.0.113.8");
        assertThat(alerts("alert-officer")).isEqualTo(3);

        // in the app: among the user's notifications, in zh-TW with the 民國 date, linking to the account page
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        String roc = (today.getYear() - 1911) + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
        String page = elsewhere.language("zh-TW").get("/notifications").body();
        assertThat(page).contains("您的帳號 alert-officer 於 " + roc, "Chrome / Linux，位址 198.51.100.4（網段 198.51.100.0/24）",
                "Firefox / Linux，位址 203.0.113.7", "href=\"/account\"");
        String english = elsewhere.language("en").get("/notifications").body();
        assertThat(english).contains("Your account alert-officer signed in from a new device or network on " + today);
        // nobody else's
        FormSignIn other = signIn("other-officer", "officer-passphrase-other", CHROME_LINUX_120, "203.0.113.7");
        assertThat(other.get("/notifications").body()).doesNotContain("alert-officer");

        // by e-mail, one for each alert, to the user's own address
        // (besides the notice of the authenticator app enrolled, which goes there too)
        String subject = "驗收系統：您的帳號從新的裝置登入 / Yanshou: your account signed in from a new device";
        waitFor(() -> newDeviceMailTo("lin@agency.test", subject).size() == 3);
        List<String> bodies = newDeviceMailTo("lin@agency.test", subject).stream().map(GreenMailUtil::getBody).toList();
        assertThat(String.join("\n", bodies)).contains("198.51.100.4").contains("Firefox / Linux");
        // the other officer has no address of their own: the alert stays in the app
        assertThat(alerts("other-officer")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox m join notification n on n.id = m.notification_id "
                + "where n.username = 'other-officer'").query(Long.class).single()).isZero();
    }

    @Test
    void aVendorsUserIsToldAtTheVendorsAddress() {
        user("alert-vendor", "vendor-passphrase-alert", "VENDOR", "v-alert");
        FormSignIn vendor = signIn("alert-vendor", "vendor-passphrase-alert", FIREFOX_LINUX, "192.0.2.80");
        assertThat(alerts("alert-vendor")).isEqualTo(1);
        assertThat(vendor.language("zh-TW").get("/portal").body()).contains("您的帳號 alert-vendor");
        waitFor(() -> newDeviceMailTo("pm@vendor-alert.test",
                "驗收系統：您的帳號從新的裝置登入 / Yanshou: your account signed in from a new device").size() == 1);
    }

    @Test
    void administratorsSeeABurstOfFailuresAtTheFifth() {
        FormSignIn admin = signIn("test-admin", "test-admin-passphrase", CHROME_LINUX_120, "127.0.0.1").language("zh-TW");
        FormSignIn guesser = new FormSignIn(port).userAgent("curl/8.5.0").from("192.0.2.50");
        for (int i = 1; i <= 4; i++) guesser.signIn("burst-target", "guess number " + i + " of many");
        String before = admin.get("/admin/sign-ins").body();
        assertThat(section(before, "bursts-account")).doesNotContain("burst-target");
        assertThat(section(before, "bursts-address")).doesNotContain("192.0.2.50");
        // the failures themselves are listed already
        assertThat(before).contains("burst-target");

        guesser.signIn("burst-target", "guess number 5 of many");
        String after = admin.get("/admin/sign-ins").body();
        String accounts = section(after, "bursts-account");
        assertThat(accounts).contains(">burst-target<").contains(">5<");
        // times in the office's zone, 民國 dates
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        assertThat(accounts).contains(String.format(">%d/%02d/%02d ", today.getYear() - 1911, today.getMonthValue(),
                today.getDayOfMonth()));
        assertThat(section(after, "bursts-address")).contains(">192.0.2.50<").contains(">5<");
        // English beside it
        assertThat(admin.language("en").get("/admin/sign-ins").body()).contains("By user name", "By client address");
        // administrators only
        user("burst-officer", "officer-passphrase-burst", "OFFICER", null);
        assertThat(signIn("burst-officer", "officer-passphrase-burst", CHROME_LINUX_120, "127.0.0.1")
                .get("/admin/sign-ins").statusCode()).isEqualTo(403);
    }

    /** The outbox sends every 200 ms here: up to 20 s for the mail to arrive. */
    private static void waitFor(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the mail").isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
