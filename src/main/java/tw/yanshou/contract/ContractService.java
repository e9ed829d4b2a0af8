package tw.yanshou.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tw.yanshou.audit.AuditLog;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.contract.file.ContractFileWriter;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.infrastructure.Retrying;
import tw.yanshou.workflow.ContractWorkflow;

/**
 * Registers contracts and records their events. Every change is checked by the calculus first (nothing of a bad
 * file or event is stored), written to the append-only log, carried to the contract's process, and audited, all in
 * one transaction; events of one contract are serialised by a row lock.
 */
@Service
public class ContractService {
    private final ContractRepository contracts;
    private final ContractLoader loader;
    private final ContractFileReader reader;
    private final ContractFileWriter writer;
    private final ContractValidator validator;
    private final ContractWorkflow workflow;
    private final StatementService statements;
    private final AuditLog audit;
    private final OfficeClock clock;
    private final TransactionTemplate transactions;
    private final Retrying retrying;

    ContractService(ContractRepository contracts, ContractLoader loader, ContractFileReader reader, ContractFileWriter writer,
                    ContractValidator validator, ContractWorkflow workflow, StatementService statements,
                    AuditLog audit, OfficeClock clock, PlatformTransactionManager transactionManager, Retrying retrying) {
        this.contracts = contracts;
        this.loader = loader;
        this.reader = reader;
        this.writer = writer;
        this.validator = validator;
        this.workflow = workflow;
        this.statements = statements;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.retrying = retrying;
    }

    /** Registers a contract file (YAML or JSON) and replays its events through the engine. */
    @Transactional
    public ContractSummary register(String text, Actor actor) {
        requireStaff(actor, "register contracts");
        ContractFile file = reader.read(text);
        StorageLimits.check(file);
        List<Violation> future = new ArrayList<>();
        for (int i = 0; i < file.contract().events().size(); i++) {
            ContractEvent e = file.contract().events().get(i);
            if (e.date().isAfter(clock.clockDay())) future.add(new Violation("events[" + i + "].date", notYet(e.date())));
        }
        if (!future.isEmpty()) throw new InvalidContractException(future);
        contracts.findByNumber(file.number()).ifPresent(existing -> {
            throw new ContractConflictException("contract " + file.number() + " is already registered",
                    List.of(new Violation("contract.number", "contract " + file.number() + " is already registered as " + existing.id())));
        });
        UUID id = UUID.randomUUID();
        Contract contract = file.contract();
        ContractFile definition = new ContractFile(file.format(), file.number(), file.title(), file.buyer(), file.vendor(),
                file.currency(), file.linkedContracts(), new Contract(contract.number(), contract.signedOn(), contract.items(),
                contract.terms(), contract.milestones(), List.of(), contract.claims()));
        contracts.insert(id, file, writer.toJson(definition), actor.name());
        List<Integer> order = validator.effectiveOrder(contract);
        int seq = 1;
        for (int index : order) {
            ContractEvent event = contract.events().get(index);
            contracts.append(new StoredEvent(UUID.randomUUID(), id, seq++, event.date(), event.type(), writer.eventJson(event),
                    null, null, null, actor.name()));
        }
        loader.changed(id);
        workflow.rebuild(id, contract, order);
        statements.recompute(id, clock.clockDay(), "REGISTERED");
        audit.record(actor.name(), "CONTRACT_REGISTERED", id, Map.of("number", file.number(), "events", order.size()));
        return contracts.find(id).orElseThrow();
    }

    /** Records one event written as in a contract file. */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, String text, Actor actor) {
        return recordEvent(contractId, reader.readEvent(text), actor);
    }

    /**
     * Records one event: 422 if it is malformed or names what does not exist, 409 if it makes no sense in the
     * contract's state. An event dated before the latest one already recorded makes the process replay the history.
     */
    @Transactional
    public StoredEvent recordEvent(UUID contractId, ContractEvent event, Actor actor) {
        ContractSummary summary = contracts.lock(contractId).filter(actor::maySee)
                .orElseThrow(() -> new ContractNotFoundException(contractId));
        if (!isStaff(actor) && !(event instanceof ContractEvent.Tendered))
            throw new AccessDeniedException("a vendor records tenders (notices, reports) only; " + event.type()
                    + " is recorded by the procurement office");
        LocalDate today = clock.clockDay();
        if (event.date().isAfter(today))
            throw new InvalidContractException(List.of(new Violation("event.date", notYet(event.date()))));
        if (!isStaff(actor) && !event.date().equals(today))
            throw new InvalidContractException(List.of(new Violation("event.date",
                    "a vendor's tender takes effect the day it is submitted, today (" + today + "), not " + event.date())));
        List<StoredEvent> log = contracts.events(contractId);
        Contract current = loader.load(contractId, log).contract();
        List<Violation> violations = validator.validateEvent(current, event);
        // the event does not fit the history (as a whole, or it makes a recorded event senseless): a conflict;
        // a field of the event is wrong: invalid
        List<Violation> conflicts = violations.stream()
                .filter(v -> v.path().equals("event") || v.path().startsWith("events[")).toList();
        if (!conflicts.isEmpty()) throw new ContractConflictException(conflicts.get(0).message(), violations);
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), contractId, contracts.nextSeq(contractId), event.date(),
                event.type(), writer.eventJson(event), null, null, null, actor.name());
        contracts.append(stored);
        loader.changed(contractId);
        LocalDate latest = current.events().stream().map(ContractEvent::date).max(LocalDate::compareTo).orElse(null);
        Contract updated = current.withEvent(event);
        if (latest != null && event.date().isBefore(latest)) {
            workflow.rebuild(contractId, updated, validator.effectiveOrder(updated));
        } else if (!workflow.apply(contractId, summary.processInstanceId(), event)
                && event instanceof ContractEvent.Terminated t) {
            // an accepted contract's process has ended; a termination still ends the contract and its linked ones
            contracts.setStatus(contractId, "TERMINATED", t.date());
            cascadeTermination(contractId, t.date());
        }
        statements.recompute(contractId, clock.clockDay(), "EVENT");
        audit.record(actor.name(), "EVENT_RECORDED", contractId, Map.of("event", stored.id().toString(),
                "type", event.type(), "date", event.date().toString()));
        return stored;
    }

    /**
     * Voids an earlier event (a correction): the log keeps both, the contract's history no longer counts the voided
     * one, and the process is rebuilt from the events still in force. Refused if what remains makes no sense.
     */
    @Transactional
    public StoredEvent voidEvent(UUID contractId, UUID eventId, String reason, Actor actor) {
        requireStaff(actor, "void events");
        contracts.lock(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        if (reason == null || reason.isBlank())
            throw new InvalidContractException(List.of(new Violation("reason", "say why the event is voided")));
        List<StoredEvent> log = contracts.events(contractId);
        StoredEvent target = ContractLoader.effective(log).stream().filter(e -> e.id().equals(eventId)).findFirst()
                .orElseThrow(() -> new ContractNotFoundException("no event " + eventId + " in force in contract " + contractId));
        List<StoredEvent> remaining = new ArrayList<>(log);
        StoredEvent correction = new StoredEvent(UUID.randomUUID(), contractId, contracts.nextSeq(contractId),
                target.effectiveDate(), StoredEvent.VOID, "{\"voids\":\"" + eventId + "\"}", eventId, reason, null, actor.name());
        remaining.add(correction);
        Contract contract;
        try {
            contract = loader.load(contractId, remaining).contract();
        } catch (InvalidContractException e) {
            throw new ContractConflictException("voiding this event would leave a history that makes no sense: "
                    + e.getMessage(), e.violations());
        }
        contracts.append(correction);
        loader.changed(contractId);
        if ("TERMINATED".equals(target.type()))
            voidCascadedTerminations(contractId, reason, actor);
        workflow.rebuild(contractId, contract, validator.effectiveOrder(contract));
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
                    .filter(e -> "TERMINATED".equals(e.type()) && e.body().contains("\"LINKED_CONTRACT_TERMINATED\"")
                            && e.body().contains("\"" + cascadeNote(number) + "\""))
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
    public void cascadeTermination(UUID contractId, LocalDate on) {
        String number = contracts.find(contractId).orElseThrow(() -> new ContractNotFoundException(contractId)).number();
        for (ContractRepository.LinkedToTerminate linked : contracts.linkedToTerminate(contractId)) {
            contracts.markLinkedTerminated(contractId, linked.position(), on);
            audit.record(Actor.ENGINE.name(), "LINKED_CONTRACT_TERMINATED", contractId,
                    Map.of("linkedNumber", linked.number(), "on", on.toString()));
            ContractSummary other = contracts.findByNumber(linked.number()).orElse(null);
            if (other == null || "TERMINATED".equals(other.status())) continue;
            ContractEvent termination = new ContractEvent.Terminated(on, "LINKED_CONTRACT_TERMINATED",
                    cascadeNote(number));
            List<Violation> refused = validator.validateEvent(loader.load(other.id()).contract(), termination);
            if (refused.isEmpty()) recordEvent(other.id(), termination, Actor.ENGINE);
            else audit.record(Actor.ENGINE.name(), "LINKED_TERMINATION_REFUSED", other.id(),
                    Map.of("by", number, "on", on.toString(), "why", refused.stream().map(Violation::toString).toList()));
        }
    }

    /**
     * After the office calendar changed (imported years, closures): every open contract's waiting milestones take
     * their due dates from the new calendar, and their timers move. One short transaction per contract, retried if
     * it loses a race with the job executor.
     */
    public int recheckDueDates() {
        int n = 0;
        for (ContractSummary c : contracts.open()) {
            retrying.run(() -> transactions.executeWithoutResult(status -> contracts.lock(c.id())
                    .ifPresent(locked -> workflow.recheckDueDates(locked.id(), locked.processInstanceId()))));
            n++;
        }
        return n;
    }

    private static String notYet(LocalDate date) {
        return date + " is in the future: an event is recorded once it has happened";
    }

    private static boolean isStaff(Actor actor) { return actor.is(Actor.ADMIN) || actor.is(Actor.OFFICER); }

    private static void requireStaff(Actor actor, String what) {
        if (!isStaff(actor)) throw new AccessDeniedException("only procurement staff may " + what);
    }

    public ContractSummary summary(UUID id, Actor actor) {
        return contracts.find(id).filter(actor::maySee).orElseThrow(() -> new ContractNotFoundException(id));
    }

    public List<ContractSummary> list(Actor actor, int limit, int offset) {
        String vendor = isStaff(actor) ? null : actor.vendorId();
        if (vendor == null && !isStaff(actor)) return List.of();
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

    public String export(UUID id, boolean json, Actor actor) {
        ContractFile file = contract(id, actor);
        return json ? writer.toJson(file) : writer.toYaml(file);
    }
}
