package tw.yanshou.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import tw.yanshou.api.TestContracts;
import tw.yanshou.calculus.RocDates;
import tw.yanshou.web.BrowserTestSupport;

/**
 * A vendor's day in the portal, in Chromium, with the officer at the desk and a real SMTP server (GreenMail): the
 * vendor signs in and sees only its contract, submits a test report PDF (and has an executable named .pdf
 * refused next to the field, nothing stored); the officer sees the report with its SHA-256 and records a failed
 * inspection with a cure date through the desk's form; the vendor sees the result and the cure date and tenders
 * again; the e-mail reached the vendor's mailbox. axe-core finds no serious or critical WCAG 2.1 AA violation.
 */
class PortalBrowserTest extends BrowserTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Taipei"));
    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP_PORT);
        r.add("yanshou.notification.mail.interval", () -> "200ms");
        r.add("yanshou.notification.mail.vendors[v-P-BR-1]", () -> "pm@vendor-br.test");
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() { smtp.stop(); }

    @Autowired JdbcClient jdbc;

    private String register(String number) {
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(TestContracts.small(number, null, null)).retrieve().body(JsonNode.class).get("id").asText();
    }

    private void user(String name, String password, String role, String vendorId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", name, "password", password, "roles", List.of(role)));
        if (vendorId != null) body.put("vendorId", vendorId);
        assertThat(api().post().uri("/api/users").body(body).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private Page signIn(BrowserContext context, String user, String password, String start) {
        return signIn(context, user, password, start, totp(user));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private long documents(String id) {
        return jdbc.sql("select count(*) from document where contract_id = ?::uuid").param(id).query(Long.class).single();
    }

    @Test
    void aVendorSubmitsATestReportTheOfficerFailsTheInspectionAndTheVendorTendersAgain() throws Exception {
        String id = register("P-BR-1");
        register("P-BR-2");   // another vendor's
        user("vendor-br", "vendor-passphrase-1", "VENDOR", "v-P-BR-1");
        user("officer-br", "officer-passphrase-1", "OFFICER", null);
        byte[] report = TestFiles.pdf("System test report P-BR-1");
        String sha = TestFiles.sha256(report);

        try (BrowserContext vendorContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900));
             BrowserContext officerContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900))) {
            // the vendor lands on its portal and sees its own contract only
            Page v = signIn(vendorContext, "vendor-br", "vendor-passphrase-1", "/");
            assertThat(v).hasURL(Pattern.compile(".*/portal$"));
            assertThat(v.getByTestId("portal-contract")).hasCount(1);
            assertThat(v.getByTestId("portal-contract")).containsText("P-BR-1");
            assertThat(v.locator("main")).not().containsText("P-BR-2");
            axe(v);
            shot(v, "portal");

            v.locator("a", new Page.LocatorOptions().setHasText("P-BR-1")).click();
            assertThat(v.locator("h1")).containsText("P-BR-1");
            // due 2019-01-31 = 108年1月31日
            assertThat(v.getByTestId("milestone")).containsText("108年1月31日");
            axe(v);

            // an executable named report.pdf is refused next to the file field; nothing is stored
            v.locator("#tender-files").setInputFiles(new FilePayload("report.pdf", "application/pdf", TestFiles.elf()));
            v.locator("#f-tender-note").fill("第一次送驗");
            v.locator("#tender button[type=submit]").click();
            assertThat(v.locator("#tender-files-error")).containsText("report.pdf");
            assertThat(v.locator("#f-tender-note")).hasValue("第一次送驗");
            assertThat(documents(id)).isZero();
            axe(v);

            v.locator("#tender-files").setInputFiles(new FilePayload("系統測試報告書.pdf", "application/pdf", report));
            v.locator("#tender button[type=submit]").click();
            assertThat(v).hasURL(Pattern.compile(".*/portal/contracts/" + id + "\\?submitted#log$"));
            assertThat(v.locator("#documents")).containsText(sha);
            axe(v);

            // the officer sees the report with its SHA-256 and records the failed inspection with a cure date
            Page o = signIn(officerContext, "officer-br", "officer-passphrase-1", "/contracts/" + id);
            assertThat(o.locator("#documents")).containsText(sha);
            assertThat(o.locator("#documents")).containsText("系統測試報告書.pdf");
            LocalDate cureBy = TODAY.plusDays(14);
            o.locator("#record-INSPECTION_FAILED summary").click();
            o.locator("#f-INSPECTION-FAILED-date").fill(RocDates.formatSlashed(TODAY));
            o.locator("#f-INSPECTION-FAILED-milestone").selectOption("M");
            o.locator("#f-INSPECTION-FAILED-items").fill("A");
            o.locator("#f-INSPECTION-FAILED-cureBy").fill(RocDates.formatSlashed(cureBy));
            o.locator("#record-INSPECTION_FAILED button[type=submit]").click();
            assertThat(o).hasURL(Pattern.compile(".*\\?recorded=INSPECTION_FAILED#log$"));
            axe(o);
            shot(o, "desk-documents");

            // the vendor sees the result and the cure date, and its notification
            v.navigate(url("/portal/contracts/" + id));
            assertThat(v.getByTestId("cure-by")).containsText(RocDates.format(cureBy));
            assertThat(v.locator("#results")).containsText("驗收不合格");
            assertThat(v.locator("#notifications")).containsText("請於 " + RocDates.format(cureBy) + " 前改善並重新送驗");
            axe(v);
            shot(v, "portal-contract");

            // and tenders again
            v.locator("#f-tender-note").fill("第二次送驗，已修正 A");
            v.locator("#tender-files").setInputFiles(new FilePayload("系統測試報告書-2.pdf", "application/pdf",
                    TestFiles.pdf("System test report P-BR-1, second")));
            v.locator("#tender button[type=submit]").click();
            assertThat(v).hasURL(Pattern.compile(".*\\?submitted#log$"));
            assertThat(v.getByTestId("log-entry")).hasCount(3);
            assertThat(documents(id)).isEqualTo(2);

            // in English
            v.navigate(url("/portal/contracts/" + id + "?lang=en"));
            assertThat(v.locator("html")).hasAttribute("lang", "en");
            assertThat(v.getByTestId("cure-by")).containsText("cure by " + cureBy);
            axe(v);
        }

        // the e-mail of the failed inspection reached the vendor's mailbox
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (java.util.Arrays.stream(smtp.getReceivedMessages()).noneMatch(m -> to(m).equals("pm@vendor-br.test"))) {
            assertThat(System.nanoTime()).as("the vendor's e-mail within 20 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static String to(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
