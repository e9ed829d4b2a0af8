package tw.yanshou.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import tw.yanshou.contract.ContractBoard;
import tw.yanshou.contract.ContractStatus;
import tw.yanshou.workflow.OfficerTasks;

@WebMvcTest(controllers = DashboardController.class)
class DashboardControllerTest extends DeskSlice {
    @MockitoBean ContractBoard board;
    @MockitoBean OfficerTasks tasks;
    @MockitoBean tw.yanshou.officecalendar.OfficeCalendars calendars;

    @org.junit.jupiter.api.BeforeEach
    void calendarYears() {
        when(calendars.overview()).thenReturn(new tw.yanshou.officecalendar.OfficeCalendars.Overview("TW",
                new java.util.TreeSet<>(java.util.stream.IntStream.rangeClosed(2018, 2027).boxed().toList()), List.of()));
    }

    /** An open contract, late, 75 % of its cap used, the termination right arisen on 2019-09-12, cap projected. */
    static ContractBoard.Row row() {
        return new ContractBoard.Row(UUID.randomUUID(), "107-ILOCKER-30", "i郵箱30座設備", "vendor-ching-chen", "慶臻實業有限公司",
                ContractStatus.OPEN, LocalDate.of(2019, 10, 1), LocalDate.of(2019, 11, 1), 154, true,
                new BigDecimal("6615840"), new BigDecimal("2076000"), false, new BigDecimal("75.0"),
                LocalDate.of(2019, 9, 12), LocalDate.of(2019, 12, 3), null);
    }

    @Test
    @WithMockUser(username = "lin", roles = "OFFICER")
    void showsTheStoredFiguresFiltersAndSorts() throws Exception {
        when(board.page(any(), any(), any(Boolean.class), anyInt(), anyInt(), any(), any()))
                .thenReturn(new ContractBoard.Page(List.of(row()), 60, 1, 25));
        when(tasks.openCount()).thenReturn(3L);
        mvc.perform(get("/").param("status", "ALL").param("late", "1").param("vendor", "vendor-ching-chen")
                        .param("sort", "penalty").param("dir", "desc").param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6,615,840")))
                .andExpect(content().string(containsString("75 %")))
                .andExpect(content().string(containsString("自 108/09/12 起")))
                .andExpect(content().string(containsString("108/12/03 達上限")))
                .andExpect(content().string(containsString("待辦事項（3）")))
                .andExpect(content().string(containsString("辦公日曆資料年度：2018–2027")))
                .andExpect(content().string(containsString("共 60 件契約，第 2／3 頁")))
                // the sort link keeps the filters and turns the order round
                .andExpect(content().string(containsString("/?status=ALL&amp;late=1&amp;vendor=vendor-ching-chen&amp;sort=penalty&amp;dir=asc")));
        ArgumentCaptor<ContractBoard.Filter> filter = ArgumentCaptor.forClass(ContractBoard.Filter.class);
        verify(board).page(filter.capture(), eq("penalty"), eq(true), eq(1), eq(25), any(), any());
        assertThat(filter.getValue()).isEqualTo(new ContractBoard.Filter(null, true, "vendor-ching-chen", null));
    }

    @Test
    @WithMockUser(username = "lin", roles = "OFFICER")
    void unknownSortsAndPagesFallBackToTheDefaults() throws Exception {
        when(board.page(any(), any(), any(Boolean.class), anyInt(), anyInt(), any(), any()))
                .thenReturn(new ContractBoard.Page(List.of(), 0, 0, 25));
        mvc.perform(get("/").param("sort", "drop table").param("page", "x")).andExpect(status().isOk());
        verify(board).page(eq(new ContractBoard.Filter(ContractStatus.OPEN, false, null, null)), eq("nextDue"), eq(false),
                eq(0), eq(25), any(), any());
    }

    @Test
    @WithMockUser(username = "chen", roles = "VENDOR")
    void vendorsGoToTheirPage() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/portal"));
    }

    @Test
    void anonymousUsersSignInFirst() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("http://localhost/login"));
    }
}
