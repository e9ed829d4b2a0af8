package tw.yanshou.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** The pages people use today: the home page in both languages, signing in, and Cockpit for an administrator. */
class SignInBrowserTest extends BrowserTestSupport {

    @Test
    void showsTheHomePageInChineseByDefaultAndInEnglishOnRequest() {
        try (BrowserContext zh = browser.newContext(new Browser.NewContextOptions().setLocale("zh-TW"));
             BrowserContext en = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = zh.newPage();
            page.navigate(url("/"));
            assertThat(page.locator("h1")).containsText("驗收");
            assertThat(page.getByText("JSON API（OpenAPI 文件）")).isVisible();
            Page english = en.newPage();
            english.navigate(url("/"));
            assertThat(english.locator("h1")).containsText("acceptance of procurement contracts");
        }
    }

    @Test
    void signsAnAdministratorInAndOpensCockpit() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/camunda/app/cockpit/default/"));
            assertThat(page).hasURL(url("/login"));
            page.locator("input[name=username]").fill("test-admin");
            page.locator("input[name=password]").fill("wrong password, long enough");
            page.locator("button[type=submit]").click();
            assertThat(page).hasURL(url("/login?error"));
            page = signIn(context, "test-admin", "test-admin-passphrase", "/camunda/app/cockpit/default/", totp("test-admin"));
            page.navigate(url("/camunda/app/cockpit/default/"));
            assertThat(page).hasURL(url("/camunda/app/cockpit/default/"));
            assertThat(page).hasTitle(java.util.regex.Pattern.compile("Cockpit"));
            // the webapps know the administrator signed in by Spring (single sign-on): no second sign-in
            String user = page.request().get(url("/camunda/api/admin/auth/user/default")).text();
            org.assertj.core.api.Assertions.assertThat(user).contains("\"userId\":\"test-admin\"", "cockpit");
        }
    }
}
