package tw.yanshou.contract.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tw.yanshou.calculus.Statement;
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.ContractService;
import tw.yanshou.calculus.ToleranceStack;
import tw.yanshou.contract.ContractStatus;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.contract.ContractSummary;
import tw.yanshou.contract.LogHead;
import tw.yanshou.contract.StoredEvent;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.security.Actor;
import tw.yanshou.contract.DecisionProposed;
import tw.yanshou.contract.Submission;
import tw.yanshou.security.CurrentActor;
import tw.yanshou.web.Dates;
import tw.yanshou.web.RequestBodies;

/** Contracts, their events and statements as JSON; contract files in and out as YAML or JSON. */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts")
class ContractApi {
    static final String YAML = "application/yaml";

    private final ContractService contracts;
    private final CurrentActor actor;
    private final ObjectMapper json;
    private final Retrying retrying;
    private final InspectionRecords inspections;

    ContractApi(ContractService contracts, CurrentActor actor, ObjectMapper json, Retrying retrying,
                InspectionRecords inspections) {
        this.contracts = contracts;
        this.inspections = inspections;
        this.actor = actor;
        this.json = json;
        this.retrying = retrying;
    }

    /** The registration's answer, with the checklists' tolerance warnings (the file is registered all the same). */
    record Created(UUID id, String number, ContractStatus status, List<ToleranceStack.Warning> warnings) { }

    record EventView(UUID id, int seq, LocalDate date, String type, JsonNode event, UUID voids, String reason,
                     java.time.Instant recordedAt, String recordedBy, boolean voided, UUID cascadedFrom) { }

    record ContractView(ContractSummary contract, JsonNode file, List<EventView> log, List<ToleranceStack.Warning> warnings,
                        List<InspectionRecords.ChecklistView> inspections, List<InspectionRecords.Duty> buyerDuties) { }

    record VoidRequest(String reason) { }

    @Operation(summary = "Register a contract file (YAML or JSON); its events are replayed through the engine")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the contract file, YAML or JSON, UTF-8", required = true)
    ResponseEntity<Created> register(HttpServletRequest request) {
        Actor who = actor.get();
        contracts.requireMayRegister(who);   // before a byte of the body is read
        String file = RequestBodies.utf8(request);
        ContractService.Registered registered = retrying.call(() -> contracts.registerWithWarnings(file, who));
        ContractSummary c = registered.contract();
        List<ToleranceStack.Warning> warnings = new java.util.ArrayList<>(inspections.warnings(c.id(), who));
        for (var v : registered.warnings()) warnings.add(new ToleranceStack.Warning(v.path(), v.message()));
        return ResponseEntity.created(URI.create("/api/contracts/" + c.id()))
                .body(new Created(c.id(), c.number(), c.status(), warnings));
    }

    @Operation(summary = "Contracts the caller may see (vendors: their own)")
    @GetMapping
    List<ContractSummary> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return contracts.list(actor.get(), Math.max(1, Math.min(limit, 1000)), Math.max(0, offset));
    }

    @Operation(summary = "A contract: where it stands, its contract file and its event log")
    @GetMapping("/{id}")
    ContractView get(@PathVariable UUID id) throws JsonProcessingException {
        ContractSummary summary = contracts.summary(id, actor.get());
        JsonNode file = json.readTree(contracts.export(id, true, actor.get()));
        List<StoredEvent> log = contracts.log(id, actor.get());
        java.util.Set<StoredEvent> inForce = java.util.Set.copyOf(ContractLoader.effective(log));
        List<EventView> events = new java.util.ArrayList<>();
        for (StoredEvent e : log)
            events.add(new EventView(e.id(), e.seq(), e.effectiveDate(), e.type(), json.readTree(e.body()), e.voids(),
                    e.reason(), e.recordedAt(), e.recordedBy(), !e.isVoid() && !inForce.contains(e), e.cascadedFrom()));
        return new ContractView(summary, file, events, inspections.warnings(id, actor.get()),
                inspections.checklists(id, actor.get()), inspections.duties(id, actor.get()));
    }

    @Operation(summary = "Judge an inspection record before it is recorded: each result against its checklist item, the "
            + "result proposed (ACCEPTED or FAILED with the failed items), and what failed at the last inspection")
    @PostMapping(path = "/{id}/inspections/proposal",
            consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "{ milestone, results: [{ item, value | verdict }], inspectors: [names] }, JSON or YAML", required = true)
    InspectionRecords.Proposal propose(@PathVariable UUID id, HttpServletRequest request) {
        Actor who = actor.get();
        contracts.summary(id, who);
        return inspections.propose(id, RequestBodies.utf8(request), who);
    }

    @Operation(summary = "The inspection record of a result entry (INSPECTION_FAILED or ACCEPTED, in force or voided): each "
            + "checklist item with its requirement, what was found and the server's judgement, the result the officer "
            + "recorded, the failed items, the cure deadline, the record's SHA-256 and its log entry (seq, chain hash); "
            + "the same as PDF at .pdf")
    @GetMapping("/{id}/inspections/{eventId}")
    InspectionRecords.Record inspection(@PathVariable UUID id, @PathVariable UUID eventId) {
        return inspections.record(id, eventId, actor.get());
    }

    @Operation(summary = "The vendor acknowledges receipt of a delivery of the buyer (a DELIVERED entry): a "
            + "DELIVERY_ACKNOWLEDGED event dated today, in the hash chain; once per delivery (409 again), vendors only")
    @PostMapping("/{id}/deliveries/{eventId}/acknowledgement")
    ResponseEntity<Map<String, Object>> acknowledge(@PathVariable UUID id, @PathVariable UUID eventId) {
        Actor who = actor.get();
        StoredEvent e = retrying.call(() -> inspections.acknowledge(id, eventId, who));
        return ResponseEntity.created(URI.create("/api/contracts/" + id + "/events/" + e.id()))
                .body(Map.of("id", e.id(), "seq", e.seq(), "type", e.type(), "date", e.effectiveDate().toString()));
    }

    @Operation(summary = "Record one event, in the shape it has in a contract file (201); a termination is proposed "
            + "instead (202 Accepted, Location of its approval): it takes effect once a supervisor who is another person "
            + "approves it (POST /api/approvals/{id}/decision)")
    @PostMapping(path = "/{id}/events",
            consumes = {MediaType.APPLICATION_JSON_VALUE, YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "one event, YAML or JSON, UTF-8", required = true)
    ResponseEntity<Map<String, Object>> record(@PathVariable UUID id, HttpServletRequest request) {
        Actor who = actor.get();
        contracts.summary(id, who);   // a contract the caller may not see is a 404 before the body is read
        String event = RequestBodies.utf8(request);
        Submission submitted = retrying.call(() -> contracts.submitEvent(id, event, who, null));
        if (submitted.pending()) {
            // four eyes: a termination takes effect once a supervisor (another person) approves it
            DecisionProposed p = submitted.proposal();
            return ResponseEntity.accepted().location(URI.create("/api/approvals/" + p.proposalId()))
                    .body(Map.of("approval", p.proposalId(), "status", "PENDING", "type", p.type(),
                            "date", p.date().toString(), "proposedBy", p.proposedBy()));
        }
        StoredEvent e = submitted.recorded();
        return ResponseEntity.created(URI.create("/api/contracts/" + id + "/events/" + e.id()))
                .body(Map.of("id", e.id(), "seq", e.seq(), "type", e.type(), "date", e.effectiveDate().toString()));
    }

    @Operation(summary = "Void an earlier event (a correction); the process is rebuilt from the events in force")
    @PostMapping(path = "/{id}/events/{eventId}/void")
    ResponseEntity<Map<String, Object>> voidEvent(@PathVariable UUID id, @PathVariable UUID eventId,
                                                  @RequestBody(required = false) VoidRequest request) {
        String reason = request == null ? null : request.reason();
        StoredEvent e = retrying.call(() -> contracts.voidEvent(id, eventId, reason, actor.get()));
        return ResponseEntity.status(201).body(Map.of("id", e.id(), "voids", eventId, "seq", e.seq()));
    }

    /** A statement and the head of the event log it was computed from ({@code eventLog}: seq and chain hash). */
    record StatementView(@JsonUnwrapped Statement statement, LogHead eventLog) { }

    @Operation(summary = "The statement as of a day (default: today): lines, penalty, cap, termination right, claims, "
            + "formulas, and the head of the event log it was computed from")
    @GetMapping("/{id}/statement")
    StatementView statement(@PathVariable UUID id, @RequestParam(required = false) String asOf) {
        LocalDate day = asOf == null ? null : Dates.parse("asOf", asOf);
        Actor who = actor.get();
        return new StatementView(contracts.statement(id, day, who), contracts.eventLogHead(id, who));
    }

    @Operation(summary = "Verify the contract's event log and audit trail (hash chains): the first row changed or removed "
            + "behind the server's back, if any")
    @GetMapping("/{id}/integrity")
    ContractService.Integrity integrity(@PathVariable UUID id) {
        return contracts.integrity(id, actor.get());
    }

    @Operation(summary = "The contract file (format 1) with the events in force: export → import gives the same statement")
    @GetMapping(path = "/{id}/export", produces = {YAML, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> export(@PathVariable UUID id, @RequestParam(defaultValue = "yaml") String format) {
        if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("yaml"))
            throw new tw.yanshou.calculus.InvalidContractException(List.of(
                    new tw.yanshou.calculus.Violation("format", "must be yaml or json, was \"" + format + "\"")));
        boolean asJson = "json".equalsIgnoreCase(format);
        return ResponseEntity.ok()
                .contentType(asJson ? MediaType.APPLICATION_JSON : MediaType.parseMediaType(YAML + ";charset=UTF-8"))
                .body(contracts.export(id, asJson, actor.get()));
    }
}
