package tw.yanshou.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractService;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.Dates;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * The statement of a contract as a page ({@code /contracts/{id}/statement?asOf=}) and as a PDF
 * ({@code /contracts/{id}/statement.pdf?asOf=}), both from the template {@code statement/statement}. Who may see
 * what is {@link ContractService}'s rule: staff every contract, a vendor its own, anyone else 404. A day that is no
 * date (ISO or 民國) is answered 400 with the page, the message next to the field and what was typed kept.
 */
@Controller
class StatementPage {
    private final ContractService contracts;
    private final TimelineChart chart;
    private final StatementPdf pdf;
    private final CurrentActor actor;
    private final OfficeClock clock;
    private final MessageSource messages;
    private final tw.yanshou.contract.InspectionRecords inspections;

    StatementPage(ContractService contracts, TimelineChart chart, StatementPdf pdf, CurrentActor actor, OfficeClock clock,
                  MessageSource messages, tw.yanshou.contract.InspectionRecords inspections) {
        this.inspections = inspections;
        this.contracts = contracts;
        this.chart = chart;
        this.pdf = pdf;
        this.actor = actor;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/contracts/{id}/statement")
    String page(@PathVariable String id, @RequestParam(required = false) String asOf, Model model, Locale locale) {
        model.addAllAttributes(statement(id, asOf, locale));
        return "statement/page";
    }

    @GetMapping("/contracts/{id}/statement.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(required = false) String asOf, Locale locale) {
        Map<String, Object> model = statement(id, asOf, locale);
        ContractSummary summary = (ContractSummary) model.get("summary");
        Statement s = (Statement) model.get("s");
        String name = messages.getMessage("statement.pdf.file", null, locale) + "-"
                + summary.number().replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-" + s.asOf() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(model, locale));
    }

    /** Everything the template shows; throws {@link BadAsOf} for a day that is no date or cannot be computed. */
    private Map<String, Object> statement(String idText, String asOfText, Locale locale) {
        UUID id = id(idText);
        ContractSummary summary = contracts.summary(id, actor.get());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("summary", summary);
        model.put("asOfText", asOfText == null ? "" : asOfText);
        model.put("fmt", new StatementFormat(locale));
        LocalDate asOf;
        try {
            asOf = asOfText == null || asOfText.isBlank() ? clock.clockDay() : Dates.parse("asOf", asOfText);
        } catch (InvalidInputException e) {
            throw new BadAsOf(model, messages.getMessage("statement.asOf.invalid", new Object[] {asOfText.strip()}, locale));
        }
        Statement s;
        try {
            s = contracts.statement(id, asOf, actor.get());
        } catch (InvalidContractException e) {
            throw new BadAsOf(model, messages.getMessage("statement.asOf.notComputable",
                    new Object[] {new StatementFormat(locale).date(asOf), e.getMessage()}, locale));
        }
        ContractFile file = contracts.contract(id, actor.get());
        Map<String, String> itemNames = new LinkedHashMap<>();
        for (Item item : file.contract().items()) itemNames.put(item.code(), item.name());
        model.put("file", file);
        model.put("s", s);
        model.put("itemNames", itemNames);
        model.put("chart", chart.svg(file, s, locale));
        model.put("asOfIso", s.asOf().toString());
        // the evidence of the buyer's cooperation duties: due dates, deliveries, each delivery's log entry and chain hash
        model.put("duties", inspections.duties(id, actor.get()));
        model.put("eventLog", contracts.eventLogHead(id, actor.get()));
        return model;
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no contract " + text);
        }
    }

    /** A day that is no date, or one the statement cannot be computed for: 400, the message next to the field. */
    static final class BadAsOf extends RuntimeException {
        final transient Map<String, Object> model;

        BadAsOf(Map<String, Object> model, String message) {
            super(message);
            this.model = model;
        }
    }

    @ExceptionHandler(BadAsOf.class)
    ModelAndView badAsOf(BadAsOf e, HttpServletResponse response) {
        ModelAndView view = new ModelAndView("statement/page", e.model, HttpStatus.BAD_REQUEST);
        view.addObject("asOfError", e.getMessage());
        return view;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("statement/error", Map.of("messageKey", "statement.error.notFound"), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden() {
        return new ModelAndView("statement/error", Map.of("messageKey", "statement.error.forbidden"), HttpStatus.FORBIDDEN);
    }
}
