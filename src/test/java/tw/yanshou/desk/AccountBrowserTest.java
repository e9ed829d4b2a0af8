package tw.yanshou.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import tw.yanshou.web.BrowserTestSupport;

/** /account in a browser: two sessions, the history with a failure, ending the other session; axe-core in both languages. */
class AccountBrowserTest extends BrowserTestSupport {

    private Page signIn(BrowserContext context, String password) {
        if (password.equals("account passphrase hsu"))
            return signIn(context, "account-hsu", password, "/account", totp("account-hsu"));
        Page page = context.newPage();
        page.navigate(url("/account"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.locator("#username").fill("account-hsu");
        page.locator("#password").fill(password);
        page.locator("main button[type=submit]").first().click();
        return page;
    }

    @Test
    void aUserSeesTheirSessionsAndHistoryAndEndsTheOtherSession() {
        org.assertj.core.api.Assertions.assertThat(api().post().uri("/api/users").body(Map.of("username", "account-hsu",
                "password", "account passphrase hsu", "roles", List.of("OFFICER"))).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(201);
        try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"));
             BrowserContext other = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page wrong = signIn(other, "not the passphrase");
            assertThat(wrong).hasURL(Pattern.compile(".*/login\\?error$"));
            Page second = signIn(other, "account passphrase hsu");
            assertThat(second).hasURL(Pattern.compile(".*/account(\\?continue)?$"));
            assertThat(second.locator("h1")).hasText("Your account");
            DeskBrowserTest.axe(second);

            Page page = signIn(desk, "account passphrase hsu");
            assertThat(page).hasURL(Pattern.compile(".*/account(\\?continue)?$"));
            assertThat(page.locator("h1")).hasText("我的帳號");
            assertThat(page.locator("#history-h + p + .table-wrap")).containsText("失敗");
            assertThat(page.locator("#sessions-h ~ .table-wrap tbody tr")).hasCount(2);
            DeskBrowserTest.axe(page);
            page.locator("#sessions-h ~ .table-wrap button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("工作階段已結束。");
            assertThat(page.locator("#sessions-h ~ .table-wrap tbody tr")).hasCount(1);

            second.navigate(url("/contracts"));
            assertThat(second).hasURL(Pattern.compile(".*/login$"));
        }
    }
}
