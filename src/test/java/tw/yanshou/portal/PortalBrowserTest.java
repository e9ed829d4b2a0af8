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
 * refused next to the field, nothing stored) and acknowledges the buyer's delivery; the officer sees the report with
 * its SHA-256 and records a failed review with measured values through the result task's inspection form; the vendor
 * sees the failed items and the cure date and tenders again; the e-mail reached the vendor's mailbox. axe-core finds
 * no serious or critical WCAG 2.1 AA violation.
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

    /**
     * The court case's cabinet widths (採購規範第19/22頁) as the factory inspection's checklist, signed five days ago;
     * the buyer delivered the manual the day after.
     */
    private String registerCabinets(String number, String vendorId) {
        String file = """
                format: 1
                contract:
                  number: "%s"
                  title: "i郵箱櫃體"
                  buyer: "中華郵政股份有限公司"
                  vendor: { id: "%s", name: "慶臻實業有限公司" }
                  signedOn: %s
                  items: [ { code: HW, name: "櫃體", amount: 9390000 } ]
                terms: { penalty: { ratePerMille: 4 } }
                milestones:
                  - id: FACTORY
                    name: "廠驗"
                    items: [HW]
                    due: { days: 60, from: SIGNED }
                    checklist:
                      - { id: W_MAIN, name: "主櫃寬度", kind: MEASURE, nominal: 600, tolerance: 10, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_B, name: "B列從櫃寬度", kind: MEASURE, nominal: 490, tolerance: 20, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_C, name: "C列從櫃寬度", kind: MEASURE, nominal: 490, tolerance: 20, unit: mm, spec: "採購規範第22頁" }
                      - { id: W_ALL, name: "整體寬度", kind: MEASURE, nominal: 2560, tolerance: 20, unit: mm, spec: "採購規範第19頁",
                          parts: [ { item: W_MAIN }, { item: W_B, count: 2 }, { item: W_C, count: 2 } ] }
                buyerDuties:
                  - { id: MANUAL, name: "i郵箱安裝及使用手冊", due: { days: 30, from: SIGNED } }
                events:
                  - { date: %s, type: DELIVERED, duty: MANUAL, note: "手冊第1版" }
                """.formatted(number, vendorId, TODAY.minusDays(5), TODAY.minusDays(4));
        return api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml")).body(file)
                .retrieve().body(JsonNode.class).get("id").asText();
    }

    private String task(String number, String key) {
        for (JsonNode t : api().get().uri("/api/tasks?contract={n}", number).retrieve().body(JsonNode.class))
            if (t.get("key").asText().equals(key)) return t.get("id").asText();
        throw new AssertionError("no task " + key + " of " + number);
    }

    /**
     * Both halves in one day: the vendor signs in and sees only its contract (another vendor's is absent, its URL a
     * 404), has an executable named .pdf refused, submits a test report PDF and acknowledges the buyer's manual; the
     * officer sees the report with its SHA-256 and the acknowledgement on the contract page, schedules the inspection
     * and records the failed review through the result task's inspection form, item by item of the checklist
     * (judged before it is recorded); the vendor sees the failed items with what was measured, the cure date, the
     * record's PDF, and tenders again with a second report; the e-mail reached GreenMail. axe on every page.
     */
    @Test
    void aVendorSubmitsATestReportTheOfficerFailsTheReviewWithMeasuredValuesAndTheVendorTendersAgain() throws Exception {
        String number = "P-BR-1";
        String id = registerCabinets(number, "v-P-BR-1");
        String otherId = register("P-BR-2");   // another vendor's
        user("vendor-br", "vendor-passphrase-1", "VENDOR", "v-P-BR-1");
        user("officer-br", "officer-passphrase-1", "OFFICER", null);
        byte[] report = TestFiles.pdf("System test report P-BR-1");
        String sha = TestFiles.sha256(report);
        LocalDate cureBy = TODAY.plusDays(14);

        try (BrowserContext vendorContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900));
             BrowserContext officerContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW").setViewportSize(1366, 900))) {
            // the vendor lands on its portal and sees its own contract only; the other's URL is a 404
            Page v = signIn(vendorContext, "vendor-br", "vendor-passphrase-1", "/");
            assertThat(v).hasURL(Pattern.compile(".*/portal$"));
            assertThat(v.getByTestId("portal-contract")).hasCount(1);
            assertThat(v.getByTestId("portal-contract")).containsText(number);
            assertThat(v.locator("main")).not().containsText("P-BR-2");
            axe(v);
            shot(v, "portal");
            com.microsoft.playwright.Response other = v.navigate(url("/portal/contracts/" + otherId));
            org.assertj.core.api.Assertions.assertThat(other.status()).isEqualTo(404);
            assertThat(v.locator("main")).not().containsText("P-BR-2");
            axe(v);

            v.navigate(url("/portal"));
            v.locator("a", new Page.LocatorOptions().setHasText(number)).click();
            assertThat(v.locator("h1")).containsText(number);
            // due 60 days after the signing
            assertThat(v.getByTestId("milestone")).containsText(RocDates.format(TODAY.minusDays(5).plusDays(60)));
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

            // the vendor acknowledges the manual the buyer delivered
            v.getByTestId("acknowledge").click();
            assertThat(v).hasURL(Pattern.compile(".*\\?acknowledged#deliveries$"));
            assertThat(v.getByTestId("acknowledged")).containsText(RocDates.format(TODAY));
            assertThat(v.getByTestId("acknowledge")).hasCount(0);
            axe(v);

            // the officer sees the report with its SHA-256 and the acknowledgement
            Page o = signIn(officerContext, "officer-br", "officer-passphrase-1", "/contracts/" + id);
            assertThat(o.locator("#documents")).containsText(sha);
            assertThat(o.locator("#documents")).containsText("系統測試報告書.pdf");
            assertThat(o.getByTestId("acknowledgement")).containsText("vendor-br");
            axe(o);
            shot(o, "desk-documents");

            // schedules the inspection, and records the failed review item by item through the inspection form
            o.navigate(url("/tasks"));
            var schedule = o.locator("#task-" + task(number, "ScheduleInspection"));
            schedule.locator("input[name=inspectionOn]").fill(RocDates.formatSlashed(TODAY));
            schedule.locator("button[type=submit]").click();
            assertThat(o).hasURL(Pattern.compile(".*completed=ScheduleInspection.*"));
            var card = o.locator("#task-" + task(number, "RecordInspectionResult"));
            assertThat(card).containsText("W_MAIN");
            // W_MAIN 612 outside 600 ± 10 (590 – 610); W_B 495 within 470 – 510; W_C 515 outside 470 – 510;
            // W_ALL 2585 outside 2560 ± 20 (2540 – 2580)
            card.locator("[name='results.W_MAIN']").fill("612");
            card.locator("[name='results.W_B']").fill("495");
            card.locator("[name='results.W_C']").fill("515");
            card.locator("[name='results.W_ALL']").fill("2585");
            card.locator("[name=inspectors]").fill("王小明、李大華");
            card.locator("[name=date]").fill(RocDates.formatSlashed(TODAY));
            card.locator("[name=cureBy]").fill(RocDates.formatSlashed(cureBy));
            card.locator("button[value=propose]").click();
            card = o.locator("#task-" + task(number, "RecordInspectionResult"));
            assertThat(card.locator(".inspection-proposal")).containsText("建議：不合格");
            assertThat(card.locator(".inspection-proposal")).containsText("W_C");
            assertThat(card.locator("[name=result]")).hasValue("FAILED");
            axe(o);
            card.locator("button[value=record]").click();
            assertThat(o).hasURL(Pattern.compile(".*/tasks\\?completed=RecordInspectionResult$"));

            // the record, on the contract page, as its PDF
            o.navigate(url("/contracts/" + id));
            assertThat(o.locator("#checklists")).containsText("實測 612 mm，規範 600 ± 10 mm");
            String deskPdf = o.getByTestId("record-pdf").first().getAttribute("href");
            var fromDesk = officerContext.request().get(url(deskPdf));
            org.assertj.core.api.Assertions.assertThat(fromDesk.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(fromDesk.headers().get("content-type")).isEqualTo("application/pdf");
            axe(o);

            // the vendor sees the failed items with what was measured, the cure date, its notification and the record
            v.navigate(url("/portal/contracts/" + id));
            assertThat(v.getByTestId("cure-by")).containsText(RocDates.format(cureBy));
            assertThat(v.locator("#results")).containsText("驗收不合格");
            assertThat(v.getByTestId("failed-item")).hasCount(3);
            assertThat(v.getByTestId("failed-item").nth(0)).containsText("W_MAIN 主櫃寬度：實測 612 mm，規範 600 ± 10 mm");
            assertThat(v.getByTestId("failed-item").nth(1)).containsText("W_C C列從櫃寬度：實測 515 mm，規範 490 ± 20 mm");
            assertThat(v.getByTestId("failed-item").nth(2)).containsText("W_ALL 整體寬度：實測 2585 mm，規範 2560 ± 20 mm");
            assertThat(v.locator("#results")).containsText("王小明、李大華");
            assertThat(v.locator("#notifications")).containsText("W_MAIN, W_C, W_ALL");
            assertThat(v.locator("#notifications")).containsText("請於 " + RocDates.format(cureBy) + " 前改善並重新送驗");
            var fromPortal = vendorContext.request().get(url(v.getByTestId("record-pdf").getAttribute("href")));
            org.assertj.core.api.Assertions.assertThat(fromPortal.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(fromPortal.headers().get("content-type")).isEqualTo("application/pdf");
            axe(v);
            shot(v, "portal-contract");

            // and tenders again
            v.locator("#f-tender-note").fill("第二次送驗，已修正 W_MAIN、W_C");
            v.locator("#tender-files").setInputFiles(new FilePayload("系統測試報告書-2.pdf", "application/pdf",
                    TestFiles.pdf("System test report P-BR-1, second")));
            v.locator("#tender button[type=submit]").click();
            assertThat(v).hasURL(Pattern.compile(".*\\?submitted#log$"));
            // delivered, tendered, acknowledged, failed, tendered again
            assertThat(v.getByTestId("log-entry")).hasCount(5);
            assertThat(documents(id)).isEqualTo(2);
            axe(v);

            // in English
            v.navigate(url("/portal/contracts/" + id + "?lang=en"));
            assertThat(v.locator("html")).hasAttribute("lang", "en");
            assertThat(v.getByTestId("cure-by")).containsText("cure by " + cureBy);
            assertThat(v.getByTestId("failed-item").nth(0)).containsText("W_MAIN 主櫃寬度: measured 612 mm, required 600 ± 10 mm");
            axe(v);
        }

        // the e-mail of the failed inspection reached the vendor's mailbox naming the failed items (beside the notice of the user's first sign-in)
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (java.util.Arrays.stream(smtp.getReceivedMessages()).noneMatch(m -> to(m).equals("pm@vendor-br.test")
                && subject(m).contains("P-BR-1"))) {
            assertThat(System.nanoTime()).as("the vendor's e-mail within 20 s").isLessThan(until);
            Thread.sleep(100);
        }
        jakarta.mail.internet.MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals("pm@vendor-br.test") && subject(m).contains("P-BR-1")).findFirst().orElseThrow();
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).isNotEmpty();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
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
