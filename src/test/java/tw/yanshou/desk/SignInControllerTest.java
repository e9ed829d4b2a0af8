package tw.yanshou.desk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.mockito.Mockito.doReturn;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.test.context.support.WithMockUser;

import tw.yanshou.security.Actor;
import tw.yanshou.security.TestUsersBridge;

@WebMvcTest(controllers = SignInController.class)
class SignInControllerTest extends DeskSlice {

    @Test
    void theSignInPageIsOursInChineseByDefaultAndInEnglishOnRequest() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("lang=\"zh-Hant-TW\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("name=\"username\"")))
                .andExpect(content().string(Matchers.containsString("帳號")));
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.8")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("lang=\"en\"")))
                .andExpect(content().string(Matchers.containsString("User name")));
        // the switch wins over the browser and is kept
        mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "zh-TW"))
                .andExpect(content().string(Matchers.containsString("User name")));
    }

    @Test
    void anonymousUsersAreSentToTheSignInPage() throws Exception {
        for (String page : new String[] {"/", "/contracts", "/contracts/new", "/tasks", "/admin/users", "/vendor"})
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void staffLandOnTheDashboardAndVendorsOnTheirPage() throws Exception {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        doReturn(TestUsersBridge.user("lin", encoder.encode("officer-passphrase"), new Actor("lin", Set.of(Actor.OFFICER), null)))
                .when(accounts).loadUserByUsername("lin");
        doReturn(TestUsersBridge.user("chen", encoder.encode("vendor-passphrase"), new Actor("chen", Set.of(Actor.VENDOR), "v-1")))
                .when(accounts).loadUserByUsername("chen");
        mvc.perform(post("/login").with(csrf()).param("username", "lin").param("password", "officer-passphrase"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "chen").param("password", "vendor-passphrase"))
                .andExpect(redirectedUrl("/portal"));
        mvc.perform(post("/login").with(csrf()).param("username", "lin").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        // no CSRF token, no sign-in
        mvc.perform(post("/login").param("username", "lin").param("password", "officer-passphrase"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "chen", roles = "VENDOR")
    void vendorsSeeTheirPageAndNoStaffPage() throws Exception {
        mvc.perform(get("/vendor")).andExpect(redirectedUrl("/portal"));
        for (String page : new String[] {"/contracts", "/contracts/new", "/tasks", "/admin/users", "/admin/tokens"})
            mvc.perform(get(page)).andExpect(status().isForbidden());
    }
}
