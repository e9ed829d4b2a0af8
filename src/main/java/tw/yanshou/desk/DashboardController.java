package tw.yanshou.desk;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tw.yanshou.contract.ContractBoard;
import tw.yanshou.contract.ContractStatus;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.officecalendar.OfficeCalendars;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.workflow.OfficerTasks;

/**
 * The dashboard ({@code /}): the contracts with the figures of their latest stored statement — next due date, days
 * late, penalty, how much of the cap it uses, the termination right and the projection — filtered, sorted and
 * paged by one query ({@link ContractBoard}), and the tasks waiting. Vendors go to their own page.
 */
@Controller
class DashboardController {
    static final int PAGE_SIZE = 25;
    static final String ALL = "ALL";

    private final ContractBoard board;
    private final OfficerTasks tasks;
    private final CurrentActor actor;
    private final OfficeClock clock;
    private final OfficeCalendars calendars;

    DashboardController(ContractBoard board, OfficerTasks tasks, CurrentActor actor, OfficeClock clock,
                        OfficeCalendars calendars) {
        this.board = board;
        this.tasks = tasks;
        this.actor = actor;
        this.clock = clock;
        this.calendars = calendars;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String late,
                     @RequestParam(required = false) String vendor, @RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "nextDue") String sort, @RequestParam(defaultValue = "asc") String dir,
                     @RequestParam(defaultValue = "1") String page, Model model) {
        Actor who = actor.get();
        if (!who.isStaff()) return "redirect:/portal";
        ContractStatus wanted = Arrays.stream(ContractStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        String statusShown = wanted == null ? ALL : wanted.name();
        String sortShown = ContractBoard.knownSort(sort) ? sort : "nextDue";
        boolean descending = "desc".equals(dir);
        int pageNo = pageNumber(page);
        boolean lateOnly = late != null && !late.isBlank();
        ContractBoard.Page result = board.page(new ContractBoard.Filter(wanted, lateOnly, vendor, q), sortShown, descending,
                pageNo - 1, PAGE_SIZE, clock.clockDay(), who);
        model.addAttribute("board", result);
        // working days beyond these years are not guessed: statements warn, and officers see here what is loaded
        java.util.Set<Integer> years = calendars.overview().years();
        model.addAttribute("calendarYears", years.isEmpty() ? "" : java.util.Collections.min(years) + "–" + java.util.Collections.max(years));
        model.addAttribute("status", statusShown);
        model.addAttribute("statuses", List.of("OPEN", "ACCEPTED", "TERMINATED", ALL));
        model.addAttribute("late", lateOnly);
        model.addAttribute("vendor", vendor == null ? "" : vendor);
        model.addAttribute("vendors", board.vendors());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", sortShown);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("page", pageNo);
        model.addAttribute("today", clock.clockDay());
        model.addAttribute("links", new Links("/", statusShown, lateOnly, vendor, q, sortShown, descending));
        model.addAttribute("taskCount", tasks.openCount());
        model.addAttribute("tasks", tasks.oldest(5));
        return "dashboard/index";
    }

    /** Links that keep the filters: to sort by a column (again: the other way), to another page. */
    public record Links(String base, String status, boolean late, String vendor, String q, String sort, boolean descending) {
        public String sortBy(String key) {
            boolean desc = key.equals(sort) ? !descending : false;
            return url(key, desc, 1);
        }

        public String page(int n) { return url(sort, descending, n); }

        /** aria-sort of a column header. */
        public String ariaSort(String key) {
            return key.equals(sort) ? (descending ? "descending" : "ascending") : null;
        }

        private String url(String sortKey, boolean desc, int page) {
            var b = org.springframework.web.util.UriComponentsBuilder.fromPath(base);
            if (status != null) b.queryParam("status", status);
            if (late) b.queryParam("late", "1");
            if (vendor != null && !vendor.isBlank()) b.queryParam("vendor", vendor);
            if (q != null && !q.isBlank()) b.queryParam("q", q);
            b.queryParam("sort", sortKey).queryParam("dir", desc ? "desc" : "asc");
            if (page > 1) b.queryParam("page", page);
            return b.encode().build().toUriString();
        }
    }

    static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
