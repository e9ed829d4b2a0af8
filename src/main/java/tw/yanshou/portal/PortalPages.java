package tw.yanshou.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.ContractChangedException;
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.document.DocumentRefusedException;
import tw.yanshou.document.DocumentView;
import tw.yanshou.document.Documents;
import tw.yanshou.document.Upload;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.notification.Notification;
import tw.yanshou.notification.Notifications;
import tw.yanshou.security.Actor;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.InvalidInputException;

/** The vendor's pages. */
@Controller
class PortalPages {
    static final int NOTE_MAX = 2000;
    private final ContractService contracts;
    private final Documents documents;
    private final Notifications notifications;
    private final CurrentActor actor;
    private final OfficeClock clock;
    private final Retrying retrying;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final InspectionRecords inspections;

    PortalPages(ContractService contracts, Documents documents, Notifications notifications, CurrentActor actor,
                OfficeClock clock, Retrying retrying, ObjectMapper json, MessageSource messages,
                InspectionRecords inspections) {
        this.inspections = inspections;
        this.contracts = contracts;
        this.documents = documents;
        this.notifications = notifications;
        this.actor = actor;
        this.clock = clock;
        this.retrying = retrying;
        this.json = json;
        this.messages = messages;
    }

    /** A contract in the vendor's list, with where it stands today. */
    public record Row(ContractSummary contract, Statement statement) { }

    /** A notification with its text in the reader's language. */
    public record Note(Notification notification, String text) { }

    /** An entry of the log as the vendor sees it: when, what, the fields of the event, whose side, its documents. */
    public record Entry(StoredEvent event, boolean voided, Map<String, Object> fields, boolean byBuyer,
                        List<DocumentView> documents) { }

    /** A result with its inspection record (the failed items with what was found against what is required). */
    public record Result(Entry entry, InspectionRecords.Record record) { }

    @GetMapping("/portal")
    String home(Model model) {
        Actor who = actor.get();
        LocalDate today = clock.clockDay();
        List<Row> rows = new ArrayList<>();
        for (ContractSummary c : contracts.list(who, 200, 0)) rows.add(new Row(c, contracts.statement(c.id(), today, who)));
        model.addAttribute("rows", rows);
        model.addAttribute("notes", notes(who, null));
        model.addAttribute("today", today);
        notifications.seen(who);
        return "portal/index";
    }

    @GetMapping("/portal/contracts/{id}")
    String contract(@PathVariable UUID id, Model model) {
        return page(id, model, Map.of(), new Errors());
    }

    @GetMapping({"/portal/contracts/{id}/tender", "/portal/contracts/{id}/deliveries/{eventId}/acknowledge"})
    String afterTender(@PathVariable UUID id) {
        contracts.summary(id, actor.get());   // another vendor's contract is a 404 here too
        return "redirect:/portal/contracts/" + id;
    }

    /**
     * The vendor acknowledges receipt of a delivery (協力義務): through {@link InspectionRecords#acknowledge}, the rule
     * the API uses. Another vendor's contract or delivery is a 404; one acknowledged already (or a stale page) is
     * answered on the page, nothing stored.
     */
    @PostMapping("/portal/contracts/{id}/deliveries/{eventId}/acknowledge")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID eventId, Model model) {
        Actor who = actor.get();
        contracts.summary(id, who);
        Errors errors = new Errors();
        try {
            retrying.call(() -> inspections.acknowledge(id, eventId, who));
            return "redirect:/portal/contracts/" + id + "?acknowledged#deliveries";
        } catch (ConflictException e) {
            errors.general(e.getMessage());
        } catch (InvalidContractException e) {
            for (Violation v : e.violations()) errors.general(v.message());
        }
        model.addAttribute("ackErrors", errors);
        return page(id, model, Map.of(), new Errors());
    }

    @PostMapping("/portal/contracts/{id}/tender")
    String tender(@PathVariable UUID id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        Actor who = actor.get();
        contracts.summary(id, who);
        Errors errors = new Errors();
        String milestone = form.getOrDefault("milestone", "").strip();
        String kind = form.getOrDefault("kind", "");
        String note = form.getOrDefault("note", "").strip();
        if (milestone.isEmpty()) errors.add("milestone", message("portal.error.milestone"));
        if (!Set.of("NOTICE", "REPORT").contains(kind)) errors.add("kind", message("portal.error.kind"));
        if (note.length() > NOTE_MAX) errors.add("note", message("portal.error.noteLength", NOTE_MAX));
        List<Upload> uploads = new ArrayList<>();
        if (files != null) for (MultipartFile f : files) if (f != null && !f.isEmpty()) uploads.add(Upload.of("files", f));
        if ("REPORT".equals(kind) && uploads.isEmpty()) errors.add("files", message("portal.error.reportFile"));
        Integer seq = null;
        try {
            seq = Integer.valueOf(form.getOrDefault("seq", ""));
        } catch (NumberFormatException e) {
            errors.general(message("portal.error.stale"));
        }
        if (errors.any()) return page(id, model, form, errors);
        ObjectNode event = json.createObjectNode();
        event.put("type", "TENDERED");
        event.put("date", clock.clockDay().toString());
        event.put("milestone", milestone);
        String label = message("portal.kind." + kind);
        event.put("note", note.isEmpty() ? label : label + ": " + note);
        int expected = seq;
        try {
            var attachments = documents.attachments(uploads);
            retrying.call(() -> contracts.recordEvent(id, event.toString(), who, expected, attachments));
            return "redirect:/portal/contracts/" + id + "?submitted#log";
        } catch (DocumentRefusedException e) {
            errors.add("files", messages.getMessage(e.reason(), e.args(), LocaleContextHolder.getLocale()));
        } catch (ContractChangedException e) {
            errors.general(message("portal.error.stale"));
        } catch (InvalidContractException e) {
            for (Violation v : e.violations()) errors.add(field(v.path()), v.message());
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) errors.add(field(v.path()), v.message());
        } catch (ConflictException e) {
            errors.general(e.getMessage());
        }
        return page(id, model, form, errors);
    }

    private static String field(String path) {
        if (path.contains("milestone")) return "milestone";
        if (path.contains("note")) return "note";
        return null;
    }

    private String page(UUID id, Model model, Map<String, String> form, Errors errors) {
        Actor who = actor.get();
        ContractSummary summary = contracts.summary(id, who);
        ContractFile file = contracts.contract(id, who);
        LocalDate today = clock.clockDay();
        Statement statement = contracts.statement(id, today, who);
        List<StoredEvent> log = contracts.log(id, who);
        Set<StoredEvent> inForce = Set.copyOf(ContractLoader.effective(log));
        Map<UUID, List<DocumentView>> docs = documents.byEvent(id, who);
        List<Entry> entries = new ArrayList<>();
        for (StoredEvent e : log) {
            boolean byBuyer = !"TENDERED".equals(e.type()) && !"DELIVERY_ACKNOWLEDGED".equals(e.type());
            entries.add(new Entry(e, !e.isVoid() && !inForce.contains(e), e.fields(json), byBuyer, docs.getOrDefault(e.id(), List.of())));
        }
        List<Result> results = entries.stream().filter(x -> !x.voided() && ("INSPECTION_FAILED".equals(x.event().type())
                || "ACCEPTED".equals(x.event().type()))).map(x -> new Result(x, inspections.record(id, x.event().id(), who)))
                .toList();
        List<DocumentView> deliveries = new ArrayList<>();
        List<DocumentView> ours = new ArrayList<>();
        for (Entry x : entries) (x.byBuyer() ? deliveries : ours).addAll(x.documents());
        model.addAttribute("contract", summary);
        model.addAttribute("file", file);
        model.addAttribute("statement", statement);
        model.addAttribute("today", today);
        model.addAttribute("log", entries);
        model.addAttribute("results", results);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("ours", ours);
        model.addAttribute("seq", log.stream().mapToInt(StoredEvent::seq).max().orElse(0));
        model.addAttribute("notes", notes(who, id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("limitMb", documents.limit() >> 20);
        model.addAttribute("duties", inspections.duties(id, who));
        if (!model.containsAttribute("ackErrors")) model.addAttribute("ackErrors", new Errors());
        Map<String, String> milestones = new LinkedHashMap<>();
        for (var m : file.contract().milestones()) milestones.put(m.id(), m.name() == null ? m.id() : m.id() + " — " + m.name());
        model.addAttribute("milestoneOptions", milestones);
        return "portal/contract";
    }

    private List<Note> notes(Actor who, UUID contractId) {
        return notifications.of(who, contractId, 50).stream()
                .map(n -> new Note(n, notifications.text(n, LocaleContextHolder.getLocale()))).toList();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Messages by field (null: about the form as a whole), in the reader's language. */
    public static final class Errors {
        private final Map<String, List<String>> byField = new LinkedHashMap<>();
        private final List<String> general = new ArrayList<>();

        void add(String field, String message) {
            if (field == null) general.add(message);
            else byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        }

        void general(String message) { general.add(message); }

        public boolean any() { return !byField.isEmpty() || !general.isEmpty(); }

        public boolean has(String field) { return byField.containsKey(field); }

        public List<String> of(String field) { return byField.getOrDefault(field, List.of()); }

        public List<String> general() { return general; }

        public Map<String, List<String>> fields() { return byField; }
    }
}
