package tw.yanshou.desk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
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

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractBoard;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.workflow.OfficerTasks;

@WebMvcTest(controllers = TaskPages.class)
@WithMockUser(username = "lin", roles = "OFFICER")
class TaskPagesTest extends DeskSlice {
    @MockitoBean OfficerTasks tasks;
    @MockitoBean ContractBoard board;

    static final UUID C1 = UUID.randomUUID();
    static final UUID C2 = UUID.randomUUID();
    static final OfficerTasks.OfficerTask SCHEDULE = new OfficerTasks.OfficerTask("t1", "ScheduleInspection", "Schedule",
            C1, "C-1", "M", new Date(1_000));
    static final OfficerTasks.OfficerTask DECIDE = new OfficerTasks.OfficerTask("t2", "DecideTermination", "Decide",
            C2, "C-2", null, new Date(2_000));

    @BeforeEach
    void open() {
        when(tasks.open(null)).thenReturn(List.of(SCHEDULE, DECIDE));
        when(tasks.find("t1")).thenReturn(Optional.of(SCHEDULE));
        when(board.rows(any(), any())).thenReturn(List.of());
    }

    @Test
    void theTerminationDecisionComesFirstEachWithItsForm() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().isOk())
                .andExpect(content().string(stringContainsInOrder("決定是否解約", "C-2", "name=\"decision\"",
                        "排定驗收日期", "C-1", "name=\"inspectionOn\"")));
    }

    @Test
    void completingGoesThroughOfficerTasksWithTheDateAsIso() throws Exception {
        mvc.perform(post("/tasks/t1/complete").with(csrf()).param("inspectionOn", "113年6月25日"))
                .andExpect(redirectedUrl("/tasks?completed=ScheduleInspection"));
        verify(tasks).complete(eq("t1"), eq(Map.of("inspectionOn", "2024-06-25")), any());
    }

    @Test
    void problemsAreShownAtTheirFieldAndNothingIsCompleted() throws Exception {
        mvc.perform(post("/tasks/t1/complete").with(csrf()).param("inspectionOn", "下週"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"f-t1-inspectionOn-error\"")))
                .andExpect(content().string(containsString("value=\"下週\"")));
        verify(tasks, never()).complete(any(), anyMap(), any());
        doThrow(new InvalidInputException(List.of(new Violation("inspectionOn", "is required"))))
                .when(tasks).complete(eq("t1"), anyMap(), any());
        mvc.perform(post("/tasks/t1/complete").with(csrf()))
                .andExpect(content().string(containsString("不符規則：is required")));
    }

    @Test
    void aTaskCompletedMeanwhileSaysSo() throws Exception {
        when(tasks.find("gone")).thenReturn(Optional.empty());
        mvc.perform(post("/tasks/gone/complete").with(csrf()).param("note", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("此待辦已由他人完成")));
    }

    @Test
    @WithMockUser(username = "chen", roles = "VENDOR")
    void vendorsHaveNoTasksHere() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/t1/complete").with(csrf())).andExpect(status().isForbidden());
    }
}
