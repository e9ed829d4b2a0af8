package tw.yanshou.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractBoard;
import tw.yanshou.contract.ContractChangedException;
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;
import tw.yanshou.document.DocumentRefusedException;
import tw.yanshou.document.Documents;
import tw.yanshou.document.Upload;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.report.TimelineChart;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.workflow.DecisionApprovals;
import tw.yanshou.workflow.OfficerTasks;

/**
 * Contracts: the searchable list, registering one (a file upload or the form, both through
 * {@link ContractService#register}), the contract's page with its event log, and recording or voiding events from
 * it (through {@link ContractService#recordEvent} / {@link ContractService#voidEvent}, refused if the contract
 * changed since the page was rendered).
 */
@Controller
class ContractPages {
    private final ContractService contracts;
    private final ContractBoard board;
    private final OfficerTasks tasks;
    private final ContractFileReader reader;
    private final ContractFileWriter writer;
    private final CurrentActor actor;
    private final OfficeClock clock;
    private final Retrying retrying;
    private final Forms forms;
    private final ObjectMapper json;
    private final TimelineChart timeline;
    private final InspectionRecords inspections;
    private final Documents documents;
    private final DecisionApprovals approvals;

    ContractPages(ContractService contracts, ContractBoard board, OfficerTasks tasks, ContractFileReader reader,
                  ContractFileWriter writer, CurrentActor actor, OfficeClock clock, Retrying retrying, Forms forms,
                  ObjectMapper json, TimelineChart timeline, InspectionRecords inspections, Documents documents,
                  DecisionApprovals approvals) {
        this.approvals = approvals;
        this.inspections = inspections;
        this.documents = documents;
        this.contracts = contracts;
        this.board = board;
        this.tasks = tasks;
        this.reader = reader;
        this.writer = writer;
        this.actor = actor;
        this.clock = clock;
        this.retrying = retrying;
        this.forms = forms;
        this.json = json;
        this.timeline = timeline;
    }

    @GetMapping("/contracts")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model) {
        int pageNo = DashboardController.pageNumber(page);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("board", board.page(new ContractBoard.Filter(null, false, null, q), "number", false, pageNo - 1,
                DashboardController.PAGE_SIZE, clock.clockDay(), actor.get()));
        model.addAttribute("page", pageNo);
        return "contracts/list";
    }

    // ---- registering ------------------------------------------------------------------------------------------

    @GetMapping("/contracts/new")
    String newContract(Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("terms.deadlineDays", "CALENDAR");
        form.put("terms.lastDayRollover", "on");
        form.put("terms.penalty.basis", "LATE_ITEMS");
        form.put("terms.penalty.capPercent", "20");
        form.put("terms.penalty.terminationRightAtPercent", "20");
        return registration(model, ContractForm.of(form), form, forms.errors(), forms.errors(), null);
    }

    @PostMapping(path = "/contracts/new", params = "upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        FormErrors errors = forms.errors();
        if (file == null || file.isEmpty()) {
            errors.add("file", "error.fileMissing");
        } else {
            String text = new String(file.getBytes(), StandardCharsets.UTF_8);
            try {
                ContractSummary c = retrying.call(() -> contracts.register(text, actor.get()));
                return "redirect:/contracts/" + c.id() + "?registered";
            } catch (InvalidContractException e) {
                errors.addGeneral("error.fileViolations", e.violations().size());
                for (Violation v : e.violations()) errors.add("file", "error.at", v.path(), v.message());
            } catch (ConflictException e) {
                for (Violation v : e.violations()) errors.add("file", "error.at", v.path(), v.message());
                if (e.violations().isEmpty()) errors.add("file", "error.rule", e.getMessage());
            } catch (DuplicateKeyException e) {
                errors.add("file", "error.duplicate");
            }
        }
        Map<String, String> form = Map.of();
        return registration(model, ContractForm.of(form), form, errors, forms.errors(), null);
    }

    @PostMapping(path = "/contracts/new", params = "!upload")
    String fill(@RequestParam Map<String, String> form, Model model) {
        ContractForm shape = ContractForm.of(form);
        FormErrors errors = forms.errors();
        if (form.containsKey("more")) return registration(model, shape.more(), form, forms.errors(), errors, null);
        String file = shape.json(form, errors, json);
        if (file == null) return registration(model, shape, form, forms.errors(), errors, null);
        try {
            if (form.containsKey("preview")) {
                ContractFile read = reader.read(file);
                return registration(model, shape, form, forms.errors(), errors, writer.toYaml(read));
            }
            // the file the form gives, in the format officers keep and exchange
            String yaml = writer.toYaml(reader.read(file));
            ContractSummary c = retrying.call(() -> contracts.register(yaml, actor.get()));
            return "redirect:/contracts/" + c.id() + "?registered";
        } catch (InvalidContractException e) {
            errors.addAll(e.violations(), shape::field, shape.fields());
        } catch (ConflictException e) {
            errors.addAll(e.violations(), shape::field, shape.fields());
            if (e.violations().isEmpty()) errors.addGeneral("error.rule", e.getMessage());
        } catch (DuplicateKeyException e) {
            errors.add("contract.number", "error.duplicate");
        }
        return registration(model, shape, form, forms.errors(), errors, null);
    }

    private String registration(Model model, ContractForm shape, Map<String, String> form, FormErrors uploadErrors,
                                FormErrors formErrors, String preview) {
        model.addAttribute("shape", shape);
        model.addAttribute("form", form);
        model.addAttribute("uploadErrors", uploadErrors);
        model.addAttribute("errors", formErrors);
        model.addAttribute("preview", preview);
        return "contracts/new";
    }

    // ---- the contract's page ----------------------------------------------------------------------------------

    /** An entry of the log as the page shows it. */
    public record LogEntry(StoredEvent event, boolean voided, Map<String, Object> fields) { }

    @GetMapping("/contracts/{id}")
    String show(@PathVariable UUID id, Model model) {
        return page(id, model, null, Map.of(), forms.errors(), forms.errors(), null);
    }

    @GetMapping({"/contracts/{id}/events", "/contracts/{id}/events/{eventId}/void"})
    String afterPost(@PathVariable UUID id) { return "redirect:/contracts/" + id; }

    @PostMapping("/contracts/{id}/events")
    String record(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        String type = form.getOrDefault("type", "");
        FormErrors errors = forms.errors();
        Integer seq = seq(form, errors);
        String event = EventForm.json(type, form, errors, json);
        if (event != null && seq != null) {
            try {
                List<Upload> uploads = new java.util.ArrayList<>();
                if (files != null) for (MultipartFile f : files) if (f != null && !f.isEmpty()) uploads.add(Upload.of("files", f));
                if (uploads.isEmpty()) {
                    // a termination is a proposal until a supervisor approves it (four eyes)
                    if (retrying.call(() -> contracts.submitEvent(id, event, actor.get(), seq)).pending())
                        return "redirect:/contracts/" + id + "?proposed=" + type + "#approvals";
                } else {
                    var attachments = documents.attachments(uploads);
                    retrying.call(() -> contracts.recordEvent(id, event, actor.get(), seq, attachments));
                }
                return "redirect:/contracts/" + id + "?recorded=" + type + "#log";
            } catch (DocumentRefusedException e) {
                errors.add("files", e.reason(), e.args());
            } catch (ContractChangedException e) {
                errors.addGeneral("error.stale");
            } catch (InvalidContractException e) {
                errors.addAll(e.violations(), p -> EventForm.field(type, p), Set.copyOf(EventForm.FIELDS.getOrDefault(type, List.of())));
            } catch (InvalidInputException e) {
                errors.addAll(e.violations(), p -> EventForm.field(type, p), Set.copyOf(EventForm.FIELDS.getOrDefault(type, List.of())));
            } catch (ConflictException e) {
                errors.addGeneral("error.conflict", e.getMessage());
            }
        }
        return page(id, model, type, form, errors, forms.errors(), null);
    }

    @PostMapping("/contracts/{id}/events/{eventId}/void")
    String voidEvent(@PathVariable UUID id, @PathVariable UUID eventId, @RequestParam Map<String, String> form, Model model) {
        FormErrors errors = forms.errors();
        Integer seq = seq(form, errors);
        String reason = Forms.text(form, "reason");
        if (reason == null) errors.add("reason", "error.voidReason");
        if (!errors.any()) {
            try {
                retrying.call(() -> contracts.voidEvent(id, eventId, reason, actor.get(), seq));
                return "redirect:/contracts/" + id + "?voided#log";
            } catch (ContractChangedException e) {
                errors.addGeneral("error.stale");
            } catch (InvalidContractException e) {
                errors.addAll(e.violations(), p -> p.equals("reason") ? "reason" : null, Set.of("reason"));
            } catch (ConflictException e) {
                errors.addGeneral("error.conflict", e.getMessage());
            }
        }
        return page(id, model, null, Map.of(), forms.errors(), errors, eventId);
    }

    private static Integer seq(Map<String, String> form, FormErrors errors) {
        try {
            return Integer.valueOf(form.getOrDefault("seq", ""));
        } catch (NumberFormatException e) {
            errors.addGeneral("error.stale");
            return null;
        }
    }

    private String page(UUID id, Model model, String openType, Map<String, String> eventForm, FormErrors eventErrors,
                        FormErrors voidErrors, UUID voidTarget) {
        Actor who = actor.get();
        ContractSummary summary = contracts.summary(id, who);
        ContractFile file = contracts.contract(id, who);
        List<StoredEvent> log = contracts.log(id, who);
        Set<StoredEvent> inForce = Set.copyOf(ContractLoader.effective(log));
        LocalDate today = clock.clockDay();
        model.addAttribute("contract", summary);
        model.addAttribute("file", file);
        Statement statement = contracts.statement(id, today, who);
        model.addAttribute("statement", statement);
        model.addAttribute("timelineSvg", timeline.svg(file, statement, LocaleContextHolder.getLocale()));
        model.addAttribute("today", today);
        model.addAttribute("log", log.stream().map(e -> new LogEntry(e, !e.isVoid() && !inForce.contains(e), e.fields(json))).toList());
        model.addAttribute("seq", log.stream().mapToInt(StoredEvent::seq).max().orElse(0));
        model.addAttribute("tasks", tasks.open(summary.number()));
        model.addAttribute("eventTypes", EventForm.FIELDS.keySet().stream().filter(who::mayRecord).toList());
        model.addAttribute("needsApproval", ContractService.NEEDS_APPROVAL);
        model.addAttribute("mayVoid", who.isOfficer());
        model.addAttribute("approvals", approvals.pending(id));
        model.addAttribute("openType", openType);
        model.addAttribute("eventForm", eventForm);
        model.addAttribute("eventErrors", eventErrors);
        model.addAttribute("voidErrors", voidErrors);
        model.addAttribute("voidTarget", voidTarget);
        model.addAttribute("none", forms.errors());
        model.addAttribute("nothing", Map.of());
        Map<String, String> milestones = new java.util.LinkedHashMap<>();
        for (var m : file.contract().milestones()) milestones.put(m.id(), m.name() == null ? m.id() : m.id() + " — " + m.name());
        model.addAttribute("milestoneOptions", milestones);
        model.addAttribute("outcomeOptions", Map.of("SETTLED", forms.message("event.outcome.SETTLED"),
                "FAILED", forms.message("event.outcome.FAILED")));
        model.addAttribute("linkedStatus", linkedStatus(file));
        model.addAttribute("stackWarnings", inspections.warnings(id, who));
        model.addAttribute("checklists", inspections.checklists(id, who));
        List<InspectionRecords.Duty> duties = inspections.duties(id, who);
        model.addAttribute("duties", duties);
        Map<String, String> dutyOptions = new java.util.LinkedHashMap<>();
        for (var d : duties) dutyOptions.put(d.id(), d.name() == null ? d.id() : d.id() + " — " + d.name());
        model.addAttribute("dutyOptions", dutyOptions);
        model.addAttribute("documents", documents.list(id, who));
        model.addAttribute("documentsByEvent", documents.byEvent(id, who));
        model.addAttribute("documentLimitMb", documents.limit() >> 20);
        return "contracts/show";
    }

    /** Whether each linked contract is registered here: number → its id. */
    private Map<String, UUID> linkedStatus(ContractFile file) {
        Map<String, UUID> ids = new HashMap<>();
        for (ContractFile.LinkedContract l : file.linkedContracts()) {
            board.page(new ContractBoard.Filter(null, false, null, l.number()), "number", false, 0, 5, clock.clockDay(), actor.get())
                    .rows().stream().filter(r -> r.number().equals(l.number())).findFirst().ifPresent(r -> ids.put(l.number(), r.id()));
        }
        return ids;
    }
}
