package tw.yanshou.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import tw.yanshou.calculus.RocDates;
import tw.yanshou.web.BrowserTestSupport;

/**
 * An officer's day at the desk, in Chromium: sign in, upload the court case, see its penalty on the contract page
 * and the dashboard, register a contract with the form, record an event through a form (and fail to with a bad
 * date, and with a stale page), complete the tasks it opens, switch to English — and axe-core finds no serious or
 * critical WCAG 2.1 AA violation on any page. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskBrowserTest extends BrowserTestSupport {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Taipei"));

    private static boolean usersMade;

    @BeforeAll
    static void noop() { }

    private void users() {
        if (usersMade) return;
        assertThat(api().post().uri("/api/users").body(Map.of("username", "officer-lin", "password", "officer-passphrase-1",
                "roles", List.of("OFFICER"))).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        assertThat(api().post().uri("/api/users").body(Map.of("username", "vendor-chen", "password", "vendor-passphrase-1",
                "roles", List.of("VENDOR"), "vendorId", "vendor-ching-chen")).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(201);
        usersMade = true;
    }

    private Page signIn(BrowserContext context, String user, String password, String start) {
        users();
        return signIn(context, user, password, start, totp(user));
    }

    /** axe-core, WCAG 2.1 A and AA rules: nothing serious or critical. */
    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    @Order(1)
    void anOfficersDay() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW")
                .setViewportSize(1366, 900))) {
            Page page = signIn(context, "officer-lin", "officer-passphrase-1", "/contracts/new");
            // staff land where they were going
            assertThat(page).hasURL(Pattern.compile(".*/contracts/new(\\?continue)?$"));
            assertThat(page).hasTitle(Pattern.compile("登錄契約"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-Hant-TW");
            axe(page);

            // a file with problems: every one with its path, nothing stored
            page.locator("#f-file").setInputFiles(new com.microsoft.playwright.options.FilePayload("bad.yaml",
                    "application/yaml", "format: 1\ncontract: { number: \"X-1\", signedOn: 2019-13-01, items: [] }\n"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            page.locator("button[name=upload]").click();
            assertThat(page.locator("#f-file-error")).containsText("contract.signedOn");
            assertThat(page.locator("#f-file-error")).containsText("milestones");
            axe(page);

            // the court case
            page.locator("#f-file").setInputFiles(Path.of("src/test/resources/contracts/ilocker-107.yaml"));
            page.locator("button[name=upload]").click();
            assertThat(page).hasURL(Pattern.compile(".*/contracts/[0-9a-f-]{36}\\?registered$"));
            String courtCase = page.url().replaceAll("\\?.*", "");
            // the judgment: 10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080 and 990,000 × 4‰ × 56 = 221,760 → 6,615,840
            assertThat(page.getByTestId("penalty")).hasText("6,615,840");
            assertThat(page.locator("h1")).containsText("107-ILOCKER-30");
            // 民國 dates: signed 2018-10-18 = 107年10月18日
            assertThat(page.locator("dl.facts")).containsText("107年10月18日");
            assertThat(page.locator("#log tbody tr")).hasCount(10);
            assertThat(page.locator("section#timeline svg[role='img']")).hasCount(1);
            assertThat(page.locator("a[href$='/statement']")).hasCount(1);
            axe(page);
            shot(page, "contract");

            // the dashboard: the court case is terminated, shown with the status filter (and found among the
            // contracts other tests of this server registered)
            page.navigate(url("/?status=ALL&q=107-ILOCKER-30"));
            assertThat(page.locator("table.board")).containsText("107-ILOCKER-30");
            assertThat(page.locator("table.board")).containsText("6,615,840");
            page.navigate(url("/?status=TERMINATED&sort=penalty&dir=desc&q=107-ILOCKER-30"));
            assertThat(page.locator("table.board tbody tr").first()).containsText("6,615,840");
            page.navigate(url("/"));
            assertThat(page.locator("table.board")).not().containsText("107-ILOCKER-30");
            axe(page);

            // a contract from the form: signed 40 days ago, one item of 1,000,000 due 30 days from signing, 1‰ a day
            page.navigate(url("/contracts/new"));
            LocalDate signed = TODAY.minusDays(40);
            page.locator("#f-contract-number").fill("DESK-FORM-1");
            page.locator("#f-contract-title").fill("表單登錄的契約");
            page.locator("#f-contract-vendor-id").fill("vendor-desk");
            page.locator("#f-contract-vendor-name").fill("測試廠商");
            page.locator("#f-contract-signedOn").fill(RocDates.formatSlashed(signed));
            page.locator("#f-terms-lastDayRollover").uncheck();
            page.locator("#f-terms-penalty-ratePerMille").fill("1");
            page.locator("#f-contract-items-0-code").fill("A");
            page.locator("#f-contract-items-0-name").fill("設備");
            page.locator("#f-contract-items-0-amount").fill("1,000,000");
            page.locator("#f-milestones-0-id").fill("M");
            page.locator("#f-milestones-0-items").fill("A, NOPE");
            page.locator("#f-milestones-0-due-days").fill("30");
            page.locator("#f-milestones-0-due-from").fill("SIGNED");
            page.locator("form:has(#f-contract-number) button:not([name])").click();
            // a milestone naming an item that does not exist: the problem next to its field, what was typed kept
            assertThat(page.locator("#f-milestones-0-items-error")).isVisible();
            assertThat(page.locator("#f-milestones-0-items")).hasValue("A, NOPE");
            assertThat(page.locator("#f-contract-number")).hasValue("DESK-FORM-1");
            axe(page);
            page.locator("#f-milestones-0-items").fill("A");
            page.locator("form:has(#f-contract-number) button:not([name])").click();
            assertThat(page).hasURL(Pattern.compile(".*/contracts/[0-9a-f-]{36}\\?registered$"));
            String formContract = page.url().replaceAll("\\?.*", "");
            // due signed + 30 = 10 days ago, not tendered: days late = the 10 days after it through today;
            // 1,000,000 × 1‰ × 10 = 10,000
            assertThat(page.getByTestId("penalty")).hasText("10,000");

            // a bad date in the tender's form: the problem next to the field, the typed text kept, nothing stored
            page.locator("#record-TENDERED summary").click();
            page.locator("#f-TENDERED-date").fill("113/13/01");
            page.locator("#record-TENDERED button[type=submit]").click();
            assertThat(page.locator("#f-TENDERED-date-error")).containsText("113/13/01");
            assertThat(page.locator("#f-TENDERED-date")).hasValue("113/13/01");
            assertThat(page.locator("#log tbody tr")).hasCount(0);
            axe(page);

            // a stale page: another tab records first; this one is told, and stores nothing
            Page other = context.newPage();
            other.navigate(formContract);
            page.navigate(formContract);
            other.locator("#record-MEDIATION_FILED summary").click();
            other.locator("#f-MEDIATION-FILED-date").fill(RocDates.format(TODAY.minusDays(1)));
            other.locator("#record-MEDIATION_FILED button[type=submit]").click();
            assertThat(other.locator("#log tbody tr")).hasCount(1);
            page.locator("#record-TENDERED summary").click();
            page.locator("#f-TENDERED-date").fill(TODAY.toString());
            page.locator("#record-TENDERED button[type=submit]").click();
            assertThat(page.locator("#record-TENDERED .error-summary")).containsText("已有變動");
            assertThat(page.locator("#log tbody tr")).hasCount(1);
            // voiding the mediation again through its form, with a reason
            page.locator("#void-1").fill("誤植");
            page.locator("form.void-form button").click();
            assertThat(page.locator("#log tbody tr.voided")).hasCount(1);
            assertThat(page.locator("#log tbody tr.voided s")).hasCount(1);

            // the tender, typed in 民國 form
            page.locator("#record-TENDERED summary").click();
            page.locator("#f-TENDERED-date").fill(RocDates.format(TODAY));
            page.locator("#record-TENDERED button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*recorded=TENDERED.*"));
            assertThat(page.locator("#log tbody tr")).hasCount(3);
            assertThat(page.locator("#log")).containsText("officer-lin");

            // the task it opened
            page.navigate(url("/tasks"));
            var task = page.locator("li.task:has-text('DESK-FORM-1')");
            assertThat(task).containsText("排定驗收日期");
            axe(page);
            task.locator("input[name=inspectionOn]").fill("明天");
            task.locator("button[type=submit]").click();
            task = page.locator("li.task:has-text('DESK-FORM-1')");
            assertThat(task.locator(".field-errors")).containsText("明天");
            task.locator("input[name=inspectionOn]").fill(RocDates.formatSlashed(TODAY));
            task.locator("button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*completed=ScheduleInspection.*"));
            assertThat(page.locator("li.task:has-text('DESK-FORM-1')")).containsText("登錄驗收結果");

            page.navigate(url("/?q=DESK-FORM-1"));
            assertThat(page.locator("table.board")).containsText("DESK-FORM-1");
            page.navigate(url("/?status=ALL&sort=penalty&dir=desc"));
            shot(page, "dashboard");

            // English
            page.locator(".lang-switch a[lang=en]").click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Dashboard");
            axe(page);
            page.navigate(courtCase);
            assertThat(page.locator("#figures-h")).containsText("As of");
            assertThat(page.getByTestId("penalty")).hasText("6,615,840");
            axe(page);
            page.navigate(url("/contracts?q=ILOCKER"));
            assertThat(page.locator("table")).containsText("107-ILOCKER-30");
            assertThat(page.locator("table")).not().containsText("DESK-FORM-1");
            axe(page);
            page.navigate(url("/tasks"));
            axe(page);
        }
    }

    @Test
    @Order(2)
    void administratorsPagesAndVendorsAreKeptOut() {
        try (BrowserContext admin = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"));
             BrowserContext vendor = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"))) {
            Page page = signIn(admin, "test-admin", "test-admin-passphrase", "/admin/users");
            assertThat(page).hasURL(Pattern.compile(".*/admin/users(\\?continue)?$"));
            axe(page);
            page.locator("#f-new-username").fill("officer-wang");
            page.locator("#f-new-password").fill("short");
            page.locator("#new-role-OFFICER").check();
            page.locator("form:has(#f-new-username) button[type=submit]").click();
            assertThat(page.locator("#f-new-password-error")).isVisible();
            assertThat(page.locator("#f-new-username")).hasValue("officer-wang");
            assertThat(page.locator("#new-role-OFFICER")).isChecked();
            page.locator("#f-new-password").fill("a long passphrase");
            page.locator("form:has(#f-new-username) button[type=submit]").click();
            assertThat(page.locator("table")).containsText("officer-wang");

            // officer-lost lost the phone and the recovery codes: the administrator resets the second factors, with a reason
            assertThat(api().post().uri("/api/users").body(Map.of("username", "officer-lost", "password", "a lost phone passphrase",
                    "roles", List.of("OFFICER"))).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
            totp("officer-lost");
            page.navigate(url("/admin/users"));
            Locator lost = page.locator("tr", new Page.LocatorOptions().setHasText("officer-lost"));
            assertThat(lost.getByTestId("second-factors")).containsText("驗證器 App · 通行金鑰 0 個 · 復原碼剩 10 組");
            lost.locator("summary").click();
            lost.locator("button[type=submit]", new Locator.LocatorOptions().setHasText("重設第二因素")).click();
            lost = page.locator("tr", new Page.LocatorOptions().setHasText("officer-lost"));
            assertThat(page.locator("#f-officer-lost-reset-reason-error")).hasText("請填寫重設的原因（至多 500 字）。");
            assertThat(page.locator("#f-officer-lost-reset-reason")).hasAttribute("aria-invalid", "true");
            axe(page);
            shot(page, "admin-mfa-reset");
            page.locator("#f-officer-lost-reset-reason").fill("服務單 4711，本人到場確認身分");
            lost.locator("button[type=submit]", new Locator.LocatorOptions().setHasText("重設第二因素")).click();
            assertThat(page.locator("[role=status]")).containsText("已重設 officer-lost 的第二因素");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("officer-lost")).getByTestId("second-factors"))
                    .hasText("尚未設定");

            page.navigate(url("/admin/tokens"));
            axe(page);
            page.locator("#f-tok-name").fill("integration");
            page.locator("#tok-role-OFFICER").check();
            page.locator("form:has(#f-tok-name) button[type=submit]").click();
            String token = page.getByTestId("token").textContent();
            assertThat(token).startsWith("ys_");
            assertThat(api(token).get().uri("/api/tasks").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
            page.locator("button[aria-label='撤銷權杖 integration']").click();
            assertThat(api(token).get().uri("/api/tasks").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);

            page.navigate(url("/admin/calendar"));
            axe(page);
            page.locator("#f-cl-date").fill("113/07/25");
            page.locator("#f-cl-county").fill("臺北市");
            page.locator("#f-cl-reason").fill("颱風停止上班");
            page.locator("form:has(#f-cl-date) button[type=submit]").click();
            shot(page, "calendar");
            assertThat(page.locator("table")).containsText("113/07/25");

            Page v = signIn(vendor, "vendor-chen", "vendor-passphrase-1", "/");
            assertThat(v).hasURL(url("/portal"));
            axe(v);
            var forbidden = v.navigate(url("/contracts"));
            assertThat(forbidden.status()).isEqualTo(403);
            axe(v);
            assertThat(v.navigate(url("/admin/users")).status()).isEqualTo(403);

            // the vendor's laptop is lost: the administrator ends the vendor's sessions, the vendor signs in again
            page.navigate(url("/admin/users"));
            Locator chen = page.locator("tr", new Page.LocatorOptions().setHasText("vendor-chen"));
            assertThat(chen.getByTestId("sessions")).containsText("開啟中");
            page.locator("button[aria-label='結束 vendor-chen 的所有工作階段']").click();
            assertThat(page.locator("[role=status]")).containsText("vendor-chen 的所有工作階段已結束");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("vendor-chen")).getByTestId("sessions"))
                    .hasText("開啟中 0 個");
            axe(page);
            v.navigate(url("/portal"));
            assertThat(v).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @Test
    @Order(3)
    void theSignInPageInBothLanguages() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"))) {
            Page page = context.newPage();
            page.navigate(url("/"));
            assertThat(page).hasURL(url("/login"));
            assertThat(page.locator("label[for=username]")).hasText("帳號");
            axe(page);
            page.locator(".lang-switch a[lang=en]").click();
            assertThat(page.locator("label[for=username]")).hasText("User name");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            axe(page);
        }
    }

    /**
     * The court case's widths as a checklist: the warnings box on the contract page; a result task with measured
     * values, judged before it is recorded; what to fix on the contract page afterwards. axe on each page.
     */
    @Test
    @Order(4)
    void anInspectionWithMeasuredValues() {
        String courtNumber = "107-ILOCKER-BROWSER-" + java.util.UUID.randomUUID();
        var court = api().post().uri("/api/contracts").contentType(org.springframework.http.MediaType.parseMediaType("application/yaml"))
                .body(resource("/contracts/ilocker-107-checklist.yaml").replace("\"107-ILOCKER-30\"", "\"" + courtNumber + "\""))
                .retrieve().toEntity(com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(court.getStatusCode().value()).isEqualTo(201);
        String number = "CHECKLIST-BROWSER-" + java.util.UUID.randomUUID();
        String file = """
                format: 1
                contract:
                  number: "%s"
                  signedOn: 2025-01-02
                  items: [ { code: A, name: "cabinets", amount: 1000000 } ]
                terms: { penalty: { ratePerMille: 1 } }
                milestones:
                  - id: M
                    items: [A]
                    due: { days: 30, from: SIGNED }
                    checklist:
                      - { id: W_MAIN, name: "主櫃寬度", kind: MEASURE, nominal: 600, tolerance: 10, unit: mm, spec: "規範 3.2.1" }
                      - { id: LOCK, name: "門鎖", kind: PASS_FAIL }
                events:
                  - { date: 2025-01-10, type: TENDERED, milestone: M }
                """.formatted(number);
        var created = api().post().uri("/api/contracts").contentType(org.springframework.http.MediaType.parseMediaType("application/yaml"))
                .body(file).retrieve().toEntity(com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = created.getBody().get("id").asText();
        String schedule = api().get().uri("/api/tasks?contract={n}", number).retrieve().body(com.fasterxml.jackson.databind.JsonNode.class)
                .get(0).get("id").asText();
        assertThat(api().post().uri("/api/tasks/{t}/complete", schedule).body(Map.of("inspectionOn", "2025-01-15")).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        String result = api().get().uri("/api/tasks?contract={n}", number).retrieve().body(com.fasterxml.jackson.databind.JsonNode.class)
                .get(0).get("id").asText();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW")
                .setViewportSize(1366, 900))) {
            Page page = signIn(context, "officer-lin", "officer-passphrase-1", "/contracts/" + court.getBody().get("id").asText());
            // 10 + 4 × 20 = ±90 mm against ±20 mm
            assertThat(page.locator("#stack-warnings")).containsText("±90 mm");
            assertThat(page.locator("#duties")).containsText("108/09/05");
            axe(page);
            shot(page, "contract-checklist");

            page.navigate(url("/tasks"));
            var card = page.locator("#task-" + result);
            // 612 is outside 600 ± 10 (590 – 610)
            card.locator("[name='results.W_MAIN']").fill("612");
            card.locator("[name='results.LOCK']").selectOption("PASS");
            card.locator("[name=inspectors]").fill("王小明、李大華");
            card.locator("[name=date]").fill("114/01/15");
            card.locator("[name=cureBy]").fill("114/01/25");
            card.locator("button[value=propose]").click();
            card = page.locator("#task-" + result);
            assertThat(card.locator(".inspection-proposal")).containsText("建議：不合格");
            assertThat(card.locator(".inspection-proposal")).containsText("W_MAIN");
            assertThat(card.locator("[name='results.W_MAIN']")).hasValue("612");
            assertThat(card.locator("[name=result]")).hasValue("FAILED");
            axe(page);
            shot(page, "task-inspection");
            card.locator("button[value=record]").click();
            assertThat(page).hasURL(Pattern.compile(".*/tasks\\?completed=RecordInspectionResult$"));

            page.navigate(url("/contracts/" + id));
            assertThat(page.locator("#checklists")).containsText("實測 612 mm，規範 600 ± 10 mm");
            axe(page);
        }
    }
}
