package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.audit.ChainCheck;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;
import tw.yanshou.contract.file.DocumentRef;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.security.Actor;
import tw.yanshou.web.ConflictException;
import tw.yanshou.web.NotFoundException;

/**
 * Registers contracts and records their events. Every change is checked by the calculus first (nothing of a bad
 * file or event is stored), written to the append-only log, announced ({@link ContractRegistered},
 * {@link EventRecorded}, {@link EventVoided}: the workflow moves the contract's process on them) and audited, all in
 * one transaction; events of one contract are serialised by a row lock.
 */
@Service
public class ContractService {
    private final ContractRepository contracts;
    private final ContractLoader loader;
    private final ContractFileReader reader;
    private final ContractFileWriter writer;
    private final ContractValidator validator;
    private final StatementService statements;
    private final AuditLog audit;
    private final OfficeClock clock;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final ObjectProvider<EventDocuments> documents;

    ContractService(ContractRepository contracts, ContractLoader loader, ContractFileReader reader, ContractFileWriter writer,
                    ContractValidator validator, StatementService statements, AuditLog audit, OfficeClock clock,
                    ApplicationEventPublisher events, ObjectMapper json, ObjectProvider<EventDocuments> documents) {
        this.documents = documents;
        this.contracts = contracts;
        this.loader = loader;
        this.reader = reader;
        this.writer = writer;
        this.validator = validator;
        this.statements = statements;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.json = json;
    }

    /**
     * The event types that take effect only once a supervisor who is not the proposer approves them (four eyes): a
     * termination. Recorded by a person, such an event is a proposal ({@link #submitEvent}, {@link DecisionProposed});
     * the engine's own (a linked contract's cascaded termination) and a registered file's history are not.
     */
    public static final java.util.Set<String> NEEDS_APPROVAL = java.util.Set.of(StoredEvent.TERMINATED);

    /** Whether {@code event}, recorded by {@code actor}, waits for a supervisor's approval. */
    public static boolean needsApproval(ContractEvent event, Actor actor) {
        return NEEDS_APPROVAL.contains(event.type()) && !Actor.ENGINE.equals(actor);
    }

    /** Refuses a caller who may not register contracts (before their file is read). */
    public void requireMayRegister(Actor actor) { requireOfficer(actor, "register contracts"); }

    /** Registers a contract file (YAML or JSON) and replays its events through the engine. */
    @Transactional
    public ContractSummary register(String text, Actor actor) {
        return registerWithWarnings(text, actor).contract();
    }

    /**
     * A registered contract, with what of the file was not taken: each document an event names by hash that is not
     * stored on this server ({@code events[i].documents[j]}: the reference is left out, the contract registered).
     */
    public record Registered(ContractSummary contract, List<Violation> warnings) { }

    /**
     * Registers a contract file as {@link #register} does. The documents its events name by hash
     * ({@code events[i].documents}) are attached to the registered events when a document with that SHA-256 and
     * size is stored on this server; the others are left out and answered as warnings.
     */
    @Transactional
    public Registered registerWithWarnings(String text, Actor actor) {
        requireOfficer(actor, "register contracts");
        ContractFileReader.Read read = reader.readWithDocuments(text);
        ContractFile file = read.file();
        StorageLimits.check(file);
        List<Violation> future = new ArrayList<>();
        for (int i = 0; i < file.contract().events().size(); i++) {
            ContractEvent e = file.contract().events().get(i);
            if (e.date().isAfter(clock.clockDay())) future.add(new Violation("events[" + i + "].date", notYet(e.date())));
        }
        if (!future.isEmpty()) throw new InvalidContractException(future);
        contracts.findByNumber(file.number()).ifPresent(existing -> {
            throw new ConflictException("contract " + file.number() + " is already registered",
                    List.of(new Violation("contract.number", "contract " + file.number() + " is already registered as " + existing.id())));
        });
        UUID id = UUID.randomUUID();
        Contract contract = file.contract();
        ContractFile definition = new ContractFile(file.format(), file.number(), file.title(), file.buyer(), file.vendor(),
                file.currency(), file.linkedContracts(), new Contract(contract.number(), contract.signedOn(), contract.items(),
                contract.terms(), contract.milestones(), List.of(), contract.claims(), contract.buyerDuties()));
        contracts.insert(id, file, writer.toJson(definition), actor.name());
        List<Integer> order = validator.effectiveOrder(contract);
        int seq = 1;
        Map<Integer, UUID> eventIds = new java.util.HashMap<>();
        for (int index : order) {
            ContractEvent event = contract.events().get(index);
            UUID eventId = UUID.randomUUID();
            eventIds.put(index, eventId);
            contracts.append(new StoredEvent(eventId, id, seq++, event.date(), event.type(), writer.eventJson(event),
                    null, null, null, actor.name(), null));
        }
        List<Violation> warnings = new ArrayList<>();
        List<String> linked = new ArrayList<>();
        EventDocuments store = documents.getIfAvailable();
        for (var entry : new java.util.TreeMap<>(read.documents()).entrySet()) {
            List<DocumentRef> refs = entry.getValue();
            int position = 0;
            for (int j = 0; j < refs.size(); j++) {
                DocumentRef ref = refs.get(j);
                if (store != null && store.link(id, eventIds.get(entry.getKey()), position, ref, actor)) {
                    position++;
                    linked.add(ref.sha256());
                } else {
                    warnings.add(new Violation("events[" + entry.getKey() + "].documents[" + j + "]", "no document with "
                            + "SHA-256 " + ref.sha256() + " and " + ref.size() + " bytes (" + ref.name() + ") is stored on "
                            + "this server: the reference is left out; the event is registered without it"));
                }
            }
        }
        loader.changed(id);
        events.publishEvent(new ContractRegistered(id, contract, order));
        statements.recompute(id, clock.clockDay(), "REGISTERED");
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("number", file.number(), "events", order.size()));
        if (!linked.isEmpty()) detail.put("documents", linked);
        if (!warnings.isEmpty()) detail.put("documentsLeftOut", warnings.stream().map(Violation::path).toList());
        audit.record(actor.name(), "CONTRACT_REGISTERED", id, detail);
        // a termination in the file's history is a fact recorded elsewhere or before, taken as it is (no approval:
        // docs/process.md, four eyes), and audited on its own so that it is seen
        for (ContractEvent e : contract.events())
            if (NEEDS_APPROVAL.contains(e.type()))
                audit.record(actor.name(), "HISTORIC_" + e.type() + "_IMPORTED", id, Map.of("date", e.date().toString()));
        return new Registered(contracts.find(id).orElseThrow(), warnings);
    }

    /** Records one event written as in a contract file. */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, String text, Actor actor) {
        return recordEvent(contractId, reader.readEvent(text), actor);
    }

    /**
     * Records one event written as in a contract file, from a form rendered when the contract's log ended at entry
     * {@code expectedLastSeq}: refused with {@link ContractChangedException} if the log has moved on since.
     */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, String text, Actor actor, int expectedLastSeq) {
        ContractEvent event = reader.readEvent(text);
        requireUnchanged(contractId, actor, expectedLastSeq);
        return recordEvent(contractId, event, actor);
    }

    /**
     * Records one event written as in a contract file with the files sent with it ({@code attachments}, null for
     * none), all in one transaction: a refused file leaves nothing of the event. With {@code expectedLastSeq} (not
     * null) refused with {@link ContractChangedException} if the log has moved on since the form was rendered.
     */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, String text, Actor actor, Integer expectedLastSeq,
                                   EventAttachments attachments) {
        ContractEvent event = reader.readEvent(text);
        if (expectedLastSeq != null) requireUnchanged(contractId, actor, expectedLastSeq);
        return recordEvent(contractId, event, actor, null, attachments);
    }

    /**
     * Submits one event written as in a contract file (with {@code expectedLastSeq} not null: from a form rendered
     * when the log ended at that entry, see above): an event that needs a supervisor's approval
     * ({@link #needsApproval}) is checked as if it were recorded now and proposed ({@link DecisionProposed}: the
     * approval process starts), nothing of it in the log; any other event is recorded.
     */
    @Transactional
    public Submission submitEvent(UUID contractId, String text, Actor actor, Integer expectedLastSeq) {
        ContractEvent event = reader.readEvent(text);
        if (expectedLastSeq != null) requireUnchanged(contractId, actor, expectedLastSeq);
        return submitEvent(contractId, event, actor);
    }

    /** Submits one event: proposed if it needs a supervisor's approval, else recorded (see above). */
    @Transactional
    public Submission submitEvent(UUID contractId, ContractEvent event, Actor actor) {
        if (!needsApproval(event, actor)) return new Submission(recordEvent(contractId, event, actor), null);
        Checked checked = check(contractId, event, actor);
        String reason = event instanceof ContractEvent.Terminated t ? t.note() : null;
        DecisionProposed proposal = new DecisionProposed(UUID.randomUUID(), contractId, checked.summary().number(),
                event.type(), event.date(), checked.body(), actor.name(), actor.roles(), reason);
        events.publishEvent(proposal);
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("proposal", proposal.proposalId().toString(),
                "type", event.type(), "date", event.date().toString()));
        if (reason != null) detail.put("reason", reason);
        audit.record(actor.name(), "DECISION_PROPOSED", contractId, detail);
        return new Submission(null, proposal);
    }

    /**
     * Records an event a supervisor approved (the approval process's step after the approval): in the proposer's
     * name, through the same checks as any event (the contract may have moved on since it was proposed: then 409 and
     * nothing is recorded), audited with who approved it.
     */
    @Transactional
    public StoredEvent recordApproved(UUID proposalId, UUID contractId, String event, Actor proposer, String approvedBy) {
        return recordEvent(contractId, reader.readEvent(event), proposer, null, null, new Approval(proposalId, approvedBy));
    }

    /** A supervisor's approval of a proposed event. */
    private record Approval(UUID proposalId, String approvedBy) { }

    /** Voids an event from a form rendered when the log ended at entry {@code expectedLastSeq} (see above). */
    @Transactional
    public StoredEvent voidEvent(UUID contractId, UUID eventId, String reason, Actor actor, int expectedLastSeq) {
        requireOfficer(actor, "void events");
        requireUnchanged(contractId, actor, expectedLastSeq);
        return voidEvent(contractId, eventId, reason, actor);
    }

    /** The seq of the last entry of the contract's log (0 for none): what a form carries to detect a stale page. */
    public int lastSeq(UUID contractId, Actor actor) {
        summary(contractId, actor);
        return contracts.nextSeq(contractId) - 1;
    }

    private void requireUnchanged(UUID contractId, Actor actor, int expectedLastSeq) {
        contracts.lock(contractId).filter(c -> actor.maySeeContractOf(c.vendorId()))
                .orElseThrow(() -> new ContractNotFoundException(contractId));
        int last = contracts.nextSeq(contractId) - 1;
        if (last != expectedLastSeq) throw new ContractChangedException(expectedLastSeq, last);
    }

    /**
     * Records one event: 422 if it is malformed or names what does not exist, 409 if it makes no sense in the
     * contract's state. An event dated before the latest one already recorded makes the process replay the history.
     */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, ContractEvent event, Actor actor) {
        return recordEvent(contractId, event, actor, null, null, null);
    }

    private StoredEvent recordEvent(UUID contractId, ContractEvent event, Actor actor, UUID cascadedFrom,
                                    EventAttachments attachments) {
        return recordEvent(contractId, event, actor, cascadedFrom, attachments, null);
    }

    /** What {@link #check} found: the contract, its log and the contract before the event, the event as stored. */
    private record Checked(ContractSummary summary, List<StoredEvent> log, Contract current, String body) { }

    /**
     * Every check of an event before it is recorded (or proposed): the caller may see the contract and record this
     * type ({@link Actor#mayRecord}), the day, the calculus, a duplicate. Locks the contract's row.
     */
    private Checked check(UUID contractId, ContractEvent event, Actor actor) {
        ContractSummary summary = contracts.lock(contractId).filter(c -> actor.maySeeContractOf(c.vendorId()))
                .orElseThrow(() -> new ContractNotFoundException(contractId));
        if (!actor.mayRecord(event.type()))
            throw new AccessDeniedException(actor.isStaff()
                    ? "your role (" + String.join(", ", actor.roles()) + ") may not record " + event.type() + " events"
                    : "a vendor records tenders (notices, reports) and acknowledges deliveries only; " + event.type()
                    + " is recorded by the procurement office");
        LocalDate today = clock.clockDay();
        if (event.date().isAfter(today))
            throw new InvalidContractException(List.of(new Violation("event.date", notYet(event.date()))));
        if (!actor.isStaff() && !event.date().equals(today))
            throw new InvalidContractException(List.of(new Violation("event.date",
                    "a vendor's " + (event instanceof ContractEvent.Tendered ? "tender" : "acknowledgement")
                            + " takes effect the day it is submitted, today (" + today + "), not " + event.date())));
        List<StoredEvent> log = contracts.events(contractId);
        Contract current = loader.load(contractId, log).contract();
        List<Violation> violations = validator.validateEvent(current, event);
        // the event does not fit the history (as a whole, or it makes a recorded event senseless): a conflict;
        // a field of the event is wrong: invalid
        List<Violation> conflicts = violations.stream().filter(v -> v.kind() == Violation.Kind.CONFLICT).toList();
        if (!conflicts.isEmpty()) throw new ConflictException(conflicts.get(0).message(), violations);
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        String body = writer.eventJson(event);
        duplicateOf(log, body).ifPresent(earlier -> {
            throw new ConflictException("this event is already recorded (entry " + earlier.seq() + ", by "
                    + earlier.recordedBy() + "); to retry a request safely, send it with an Idempotency-Key",
                    List.of(Violation.conflict("event", "the same " + event.type() + " of " + event.date()
                            + " is already recorded as entry " + earlier.seq())));
        });
        return new Checked(summary, log, current, body);
    }

    private StoredEvent recordEvent(UUID contractId, ContractEvent event, Actor actor, UUID cascadedFrom,
                                    EventAttachments attachments, Approval approval) {
        if (approval == null && cascadedFrom == null && needsApproval(event, actor))
            throw new ApprovalRequiredException(event.type(), attachments != null
                    ? "propose it without files (POST /api/contracts/" + contractId + "/events) and attach them once it is approved"
                    : "propose it (POST /api/contracts/" + contractId + "/events); a supervisor approves it on /approvals");
        Checked checked = check(contractId, event, actor);
        ContractSummary summary = checked.summary();
        Contract current = checked.current();
        String body = checked.body();
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), contractId, contracts.nextSeq(contractId), event.date(),
                event.type(), body, null, null, null, actor.name(), cascadedFrom);
        contracts.append(stored);
        List<String> documents = attachments == null ? List.of() : attachments.attach(contractId, stored.id(), actor);
        loader.changed(contractId);
        LocalDate latest = current.events().stream().map(ContractEvent::date).max(LocalDate::compareTo).orElse(null);
        boolean backDated = latest != null && event.date().isBefore(latest);
        events.publishEvent(new EventRecorded(contractId, stored.id(), event, current.withEvent(event), backDated));
        if (!backDated && summary.status() == ContractStatus.ACCEPTED && event instanceof ContractEvent.Terminated t)
            terminateAccepted(contractId, t.date());
        statements.recompute(contractId, clock.clockDay(), "EVENT");
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("event", stored.id().toString(),
                "type", event.type(), "date", event.date().toString()));
        if (!documents.isEmpty()) detail.put("documents", documents);
        if (approval != null) {
            detail.put("proposal", approval.proposalId().toString());
            detail.put("approvedBy", approval.approvedBy());
        }
        audit.record(actor.name(), "EVENT_RECORDED", contractId, detail);
        return stored;
    }

    /**
     * Voids an earlier event (a correction): the log keeps both, the contract's history no longer counts the voided
     * one, and the process is rebuilt from the events still in force. Refused if what remains makes no sense.
     */
    @Transactional
    public StoredEvent voidEvent(UUID contractId, UUID eventId, String reason, Actor actor) {
        requireOfficer(actor, "void events");
        contracts.lock(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        if (reason == null || reason.isBlank())
            throw new InvalidContractException(List.of(new Violation("reason", "say why the event is voided")));
        List<StoredEvent> log = contracts.events(contractId);
        StoredEvent target = ContractLoader.effective(log).stream().filter(e -> e.id().equals(eventId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no event " + eventId + " in force in contract " + contractId));
        List<StoredEvent> remaining = new ArrayList<>(log);
        StoredEvent correction = new StoredEvent(UUID.randomUUID(), contractId, contracts.nextSeq(contractId),
                target.effectiveDate(), StoredEvent.VOID, "{\"voids\":\"" + eventId + "\"}", eventId, reason, null,
                actor.name(), null);
        remaining.add(correction);
        Contract contract = loader.load(contractId, remaining).contract();
        List<Violation> left = validator.validate(contract);
        if (!left.isEmpty())
            throw new ConflictException("voiding this event would leave a history that makes no sense: "
                    + new InvalidContractException(left).getMessage(), left);
        contracts.append(correction);
        loader.changed(contractId);
        if (StoredEvent.TERMINATED.equals(target.type()))
            voidCascadedTerminations(contractId, reason, actor);
        events.publishEvent(new EventVoided(contractId, eventId, contract));
        statements.recompute(contractId, clock.clockDay(), "EVENT_VOIDED");
        audit.record(actor.name(), "EVENT_VOIDED", contractId, Map.of("event", eventId.toString(), "reason", reason));
        return correction;
    }

    /** A voided termination voids the terminations it cascaded to linked contracts registered here. */
    private void voidCascadedTerminations(UUID contractId, String reason, Actor actor) {
        String number = contracts.find(contractId).orElseThrow().number();
        for (String linkedNumber : contracts.linkedEndingWith(contractId)) {
            ContractSummary linked = contracts.findByNumber(linkedNumber).orElse(null);
            if (linked == null) continue;
            ContractLoader.effective(contracts.events(linked.id())).stream()
                    .filter(e -> StoredEvent.TERMINATED.equals(e.type()) && contractId.equals(e.cascadedFrom()))
                    .findFirst()
                    .ifPresent(e -> voidEvent(linked.id(), e.id(),
                            "the termination of contract " + number + " it followed was voided: " + reason, actor));
        }
    }

    private static String cascadeNote(String number) { return "terminated with contract " + number; }

    /**
     * Terminates the linked contracts that end with this one ({@code terminatesWithThis}) as of {@code on}; a
     * linked contract registered here gets a {@code TERMINATED} event of its own. One that cannot take it (signed
     * after that day, already ended) is left as it is, and the refusal is audited.
     */
    /**
     * A termination of a contract whose process has ended with its acceptance: it still ends the contract and the
     * linked contracts that end with it (recorded live, or met while its history is replayed).
     */
    public void terminateAccepted(UUID contractId, LocalDate on) {
        contracts.setStatus(contractId, ContractStatus.TERMINATED, on);
        cascadeTermination(contractId, on);
    }

    public void cascadeTermination(UUID contractId, LocalDate on) {
        String number = contracts.find(contractId).orElseThrow(() -> new ContractNotFoundException(contractId)).number();
        for (ContractRepository.LinkedToTerminate linked : contracts.linkedToTerminate(contractId)) {
            contracts.markLinkedTerminated(contractId, linked.position(), on);
            audit.record(Actor.ENGINE.name(), "LINKED_CONTRACT_TERMINATED", contractId,
                    Map.of("linkedNumber", linked.number(), "on", on.toString()));
            ContractSummary other = contracts.findByNumber(linked.number()).orElse(null);
            if (other == null) continue;
            if (other.status() == ContractStatus.TERMINATED) {
                // ended already: by this very cascade (a rebuild runs it again), or on its own, which is audited
                boolean byThis = ContractLoader.effective(contracts.events(other.id())).stream()
                        .anyMatch(e -> StoredEvent.TERMINATED.equals(e.type()) && contractId.equals(e.cascadedFrom()));
                if (!byThis) audit.record(Actor.ENGINE.name(), "LINKED_TERMINATION_REFUSED", other.id(),
                        Map.of("by", number, "on", on.toString(), "why", List.of("contract " + other.number()
                                + " has already ended: it was terminated on " + other.terminatedOn())));
                continue;
            }
            ContractEvent termination = new ContractEvent.Terminated(on, "LINKED_CONTRACT_TERMINATED",
                    cascadeNote(number));
            List<Violation> refused = validator.validateEvent(loader.load(other.id()).contract(), termination);
            if (refused.isEmpty()) recordEvent(other.id(), termination, Actor.ENGINE, contractId, null);
            else audit.record(Actor.ENGINE.name(), "LINKED_TERMINATION_REFUSED", other.id(),
                    Map.of("by", number, "on", on.toString(), "why", refused.stream().map(Violation::toString).toList()));
        }
    }

    /** An event in force with the very same content (a request sent twice): recording it again would count it twice. */
    private Optional<StoredEvent> duplicateOf(List<StoredEvent> log, String body) {
        try {
            JsonNode wanted = json.readTree(body);
            for (StoredEvent e : ContractLoader.effective(log))
                if (json.readTree(e.body()).equals(wanted)) return Optional.of(e);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event body does not read as JSON", e);
        }
    }

    private static String notYet(LocalDate date) {
        return date + " is in the future: an event is recorded once it has happened";
    }

    private static void requireStaff(Actor actor, String what) {
        if (!actor.isStaff()) throw new AccessDeniedException("only procurement staff may " + what);
    }

    private static void requireOfficer(Actor actor, String what) {
        if (!actor.isOfficer()) throw new AccessDeniedException("only officers may " + what);
    }

    public ContractSummary summary(UUID id, Actor actor) {
        return contracts.find(id).filter(c -> actor.maySeeContractOf(c.vendorId())).orElseThrow(() -> new ContractNotFoundException(id));
    }

    public List<ContractSummary> list(Actor actor, int limit, int offset) {
        String vendor = actor.isStaff() ? null : actor.vendorId();
        if (vendor == null && !actor.isStaff()) return List.of();
        return contracts.list(vendor, limit, offset);
    }

    public ContractFile contract(UUID id, Actor actor) {
        summary(id, actor);
        return loader.load(id);
    }

    public List<StoredEvent> log(UUID id, Actor actor) {
        summary(id, actor);
        return contracts.events(id);
    }

    public Statement statement(UUID id, LocalDate asOf, Actor actor) {
        summary(id, actor);
        return statements.statement(id, asOf == null ? clock.clockDay() : asOf);
    }

    /** The two chains of a contract, verified: its event log and its audit trail (staff only). */
    public record Integrity(ChainCheck events, ChainCheck audit) {
        public boolean intact() { return events.intact() && audit.intact(); }
    }

    public Integrity integrity(UUID id, Actor actor) {
        requireStaff(actor, "verify the logs");
        summary(id, actor);
        return new Integrity(contracts.verifyEvents(id), audit.verify(id));
    }

    /** The head of the contract's event log, to print with a statement; null before the first event. */
    public LogHead eventLogHead(UUID id, Actor actor) {
        summary(id, actor);
        return contracts.eventLogHead(id).orElse(null);
    }

    /**
     * The contract file with the events in force, each with the documents attached to it by hash
     * ({@code events[i].documents: [{ sha256, name, size, contentType }]}): the export and the documents reproduce
     * the evidence.
     */
    public String export(UUID id, boolean json, Actor actor) {
        ContractFile file = contract(id, actor);
        EventDocuments store = documents.getIfAvailable();
        Map<Integer, List<DocumentRef>> refs = new java.util.HashMap<>();
        if (store != null) {
            Map<UUID, List<DocumentRef>> byEvent = store.byEvent(id);
            List<StoredEvent> inForce = ContractLoader.effective(contracts.events(id));
            for (int i = 0; i < inForce.size() && i < file.contract().events().size(); i++) {
                List<DocumentRef> of = byEvent.get(inForce.get(i).id());
                if (of != null && !of.isEmpty()) refs.put(i, of);
            }
        }
        return writer.write(file, json, refs);
    }
}
