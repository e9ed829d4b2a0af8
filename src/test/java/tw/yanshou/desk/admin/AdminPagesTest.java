package tw.yanshou.desk.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import tw.yanshou.calculus.Violation;
import tw.yanshou.desk.Forms;
import tw.yanshou.officecalendar.OfficeCalendars;
import tw.yanshou.security.Accounts;
import tw.yanshou.security.SecurityForSlices;
import tw.yanshou.web.InvalidInputException;

@WebMvcTest(controllers = AdminPages.class)
@TestPropertySource(properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "server.servlet.encoding.force-response=true"})
@Import({SecurityForSlices.class, Forms.class, tw.yanshou.desk.Format.class})
@WithMockUser(username = "admin", roles = "ADMIN")
class AdminPagesTest {
    @Autowired MockMvc mvc;
    @MockitoBean Accounts accounts;
    @MockitoBean OfficeCalendars calendars;
    @MockitoBean tw.yanshou.security.SecondFactors factors;

    @BeforeEach
    void nothingYet() {
        when(calendars.overview()).thenReturn(new OfficeCalendars.Overview("TW", Set.of(2024), List.of()));
    }

    @Test
    void aTokenIsShownOnceOnTheAnswer() throws Exception {
        when(accounts.issueToken(eq("ci"), isNull(), eq(Set.of("OFFICER")), isNull(), isNull(), eq("admin")))
                .thenReturn(new Accounts.IssuedToken(UUID.randomUUID(), "ci", "ys_secret-token", Set.of("OFFICER"), null));
        mvc.perform(post("/admin/tokens").with(csrf()).param("name", "ci").param("roles", "OFFICER"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("ys_secret-token")));
        mvc.perform(get("/admin/tokens")).andExpect(content().string(not(containsString("ys_secret-token"))));
    }

    @Test
    void aUserWithProblemsKeepsWhatWasTypedButNotThePassword() throws Exception {
        doThrow(new InvalidInputException(List.of(new Violation("password", "must be at least 12 characters"))))
                .when(accounts).createUser(eq("wang"), eq("short"), eq(Set.of("OFFICER")), isNull(), eq("admin"));
        mvc.perform(post("/admin/users").with(csrf()).param("username", "wang").param("password", "short").param("roles", "OFFICER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-new-password-error\"")))
                .andExpect(content().string(containsString("value=\"wang\"")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
    }

    @Test
    void disablingAUserGoesThroughAccounts() throws Exception {
        mvc.perform(post("/admin/users/lin").with(csrf()).param("roles", "OFFICER"))
                .andExpect(redirectedUrl("/admin/users?updated"));
        verify(accounts).updateUser("lin", Set.of("OFFICER"), null, false, "admin");
    }

    @Test
    void aClosureDateIsReadAsRocAndABadOneIsShownAtItsField() throws Exception {
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "113/07/25").param("county", "臺北市"))
                .andExpect(redirectedUrl("/admin/calendar?added"));
        verify(calendars).addClosure(LocalDate.of(2024, 7, 25), "臺北市", null, "admin");
        mvc.perform(post("/admin/calendar/closures").with(csrf()).param("date", "113/02/30").param("county", "臺北市"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"f-cl-date-error\"")));
        verify(calendars, never()).addClosure(eq(LocalDate.of(2024, 3, 1)), any(), any(), any());
    }

    /** The reset of another user's second factors: the reason's problem next to its field, in the user's language. */
    @Test
    void aResetWithoutAReasonIsShownAtItsFieldAndADoneOneSaysSo() throws Exception {
        when(accounts.users()).thenReturn(List.of(new Accounts.UserView("lin", Set.of("OFFICER"), null, true, java.time.Instant.EPOCH),
                new Accounts.UserView("admin", Set.of("ADMIN"), null, true, java.time.Instant.EPOCH)));
        when(factors.status(any())).thenReturn(new tw.yanshou.security.SecondFactors.Status(true, 9, List.of()));
        doThrow(new InvalidInputException(List.of(new Violation("reason", "a reason is required"))))
                .when(factors).resetByAdministrator(any(), eq("lin"), eq(""));
        mvc.perform(get("/admin/users")).andExpect(status().isOk())
                .andExpect(content().string(containsString("重設 lin 的第二因素")))
                .andExpect(content().string(containsString("驗證器 App · 通行金鑰 0 個 · 復原碼剩 9 組")))
                // no reset of one's own factors offered
                .andExpect(content().string(not(containsString("重設 admin 的第二因素"))));
        mvc.perform(post("/admin/users/lin/second-factors/reset").with(csrf()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-lin-reset-reason-error\"")))
                .andExpect(content().string(containsString("請填寫重設的原因（至多 500 字）。")))
                .andExpect(content().string(containsString("<details class=\"mfa-reset\" open=\"open\">")));
        mvc.perform(post("/admin/users/lin/second-factors/reset").with(csrf()).param("reason", "ticket 7"))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("resetDone", "lin"));
        verify(factors).resetByAdministrator(any(), eq("lin"), eq("ticket 7"));
        // the address cannot make the page say a reset happened
        mvc.perform(get("/admin/users").param("reset", "someone-else"))
                .andExpect(content().string(not(containsString("someone-else"))));
        // a conflict (nothing left to reset) is said at the top of the page, where the row has no form
        doThrow(new tw.yanshou.web.ConflictException("no second factor to reset", List.of(new Violation("username", "no factor"))))
                .when(factors).resetByAdministrator(any(), eq("lin"), eq("ticket 8"));
        mvc.perform(post("/admin/users/lin/second-factors/reset").with(csrf()).param("reason", "ticket 8"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("無法重設 lin 的第二因素")))
                .andExpect(content().string(containsString("class=\"error-summary\" role=\"alert\"")));
    }

    @Test
    void endingAUsersSessionsGoesThroughAccountsAndOnesOwnIsSaidAtTheTop() throws Exception {
        when(accounts.users()).thenReturn(List.of(new Accounts.UserView("lin", Set.of("OFFICER"), null, true, java.time.Instant.EPOCH),
                new Accounts.UserView("admin", Set.of("ADMIN"), null, true, java.time.Instant.EPOCH)));
        when(factors.status(any())).thenReturn(new tw.yanshou.security.SecondFactors.Status(true, 9, List.of()));
        when(accounts.openSessions()).thenReturn(java.util.Map.of("lin", 2, "admin", 1));
        mvc.perform(get("/admin/users")).andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-label=\"結束 lin 的所有工作階段\"")))
                .andExpect(content().string(containsString("開啟中 2 個")))
                .andExpect(content().string(not(containsString("aria-label=\"結束 admin 的所有工作階段\""))));
        mvc.perform(post("/admin/users/lin/sessions/end").with(csrf()))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("sessionsEnded", "lin"));
        verify(accounts).endSessionsOf(any(), eq("lin"));
        doThrow(new tw.yanshou.web.ConflictException("not your own sessions", List.of(new Violation("username", "own"))))
                .when(accounts).endSessionsOf(any(), eq("admin"));
        mvc.perform(post("/admin/users/admin/sessions/end").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("自己的工作階段請到「我的帳號」結束")));
    }

    @Test
    @WithMockUser(username = "lin", roles = "OFFICER")
    void officersMayNotAdminister() throws Exception {
        for (String page : new String[] {"/admin/users", "/admin/tokens", "/admin/calendar"})
            mvc.perform(get(page)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/tokens").with(csrf()).param("name", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/admin/second-factors/reset").with(csrf()).param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/admin/sessions/end").with(csrf())).andExpect(status().isForbidden());
        verify(accounts, never()).endSessionsOf(any(), any());
        verify(factors, never()).resetByAdministrator(any(), any(), any());
    }
}
