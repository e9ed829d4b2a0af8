package tw.yanshou.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tw.yanshou.calculus.BuyerDuty;
import tw.yanshou.calculus.ChecklistItem;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.DueRule;
import tw.yanshou.calculus.InspectionRecord;
import tw.yanshou.calculus.Inspections;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.ToleranceStack;
import tw.yanshou.calculus.Violation;
import tw.yanshou.contract.file.ContractFileReader;
import tw.yanshou.infrastructure.OfficeClock;
import tw.yanshou.security.Actor;
import tw.yanshou.web.InvalidInputException;
import tw.yanshou.web.NotFoundException;

/**
 * The evidence around a contract's inspections and the buyer's cooperation: the checklists' tolerance warnings, the
 * proposal for an inspection record (judged by {@link Inspections}, the one rule the API, the task form and the
 * validator share), what failed at the last inspection, and the buyer's duties with their deliveries and the chain
 * hash of each delivery's log entry. Pages and the API call this service.
 */
@Service
public class InspectionRecords {
    private final ContractService contracts;
    private final ContractRepository repository;
    private final ContractFileReader reader;
    private final OfficeClock clock;

    InspectionRecords(ContractService contracts, ContractRepository repository, ContractFileReader reader, OfficeClock clock) {
        this.contracts = contracts;
        this.repository = repository;
        this.reader = reader;
        this.clock = clock;
    }

    /** The tolerance-stacking warnings of the contract's checklists (empty when every assembly's parts fit). */
    @Transactional(readOnly = true)
    public List<ToleranceStack.Warning> warnings(UUID contractId, Actor actor) {
        return ToleranceStack.check(contracts.contract(contractId, actor).contract());
    }

    /**
     * What failed at a milestone's latest failed inspection in force: its day, cure date, the failed items of its
     * record (empty if it was recorded without results), its inspectors and its log entry.
     */
    public record LastFailure(LocalDate date, LocalDate cureBy, List<Inspections.Judged> failed, List<String> inspectors,
                              String note, LogHead entry) {
        /** The failed result of {@code item}, or null if it did not fail. */
        public Inspections.Judged failedItem(String item) {
            return failed.stream().filter(j -> j.item().equals(item)).findFirst().orElse(null);
        }
    }

    /** A proposal: the record judged, the result proposed, and what failed last time (null if nothing failed yet). */
    public record Proposal(String milestone, Inspections.Proposal proposal, List<Inspections.Judged> items,
                           List<String> failedItems, List<String> notInspected, List<String> inspectors,
                           LastFailure lastFailure) {
        /** The judged result of {@code item}, or null if it was not inspected. */
        public Inspections.Judged judged(String item) {
            return items.stream().filter(j -> j.item().equals(item)).findFirst().orElse(null);
        }
    }

    /** A milestone's checklist, with what failed last time, for the task form and the contract page. */
    public record ChecklistView(String milestone, String milestoneName, List<ChecklistItem> items, LastFailure lastFailure) { }

    /** Judges a record written as {@code { milestone, results, inspectors }} (JSON or YAML). */
    @Transactional(readOnly = true)
    public Proposal propose(UUID contractId, String text, Actor actor) {
        ContractFileReader.RecordRequest request = reader.readRecord(text);
        return propose(contractId, request.milestone(), request.record(), actor);
    }

    /**
     * Judges a record against the milestone's checklist. Results that cannot be judged (an unknown item, a verdict for
     * a measure) are refused (422, {@code results[k].item}, …).
     */
    @Transactional(readOnly = true)
    public Proposal propose(UUID contractId, String milestone, InspectionRecord record, Actor actor) {
        Contract contract = contracts.contract(contractId, actor).contract();
        Milestone m = contract.milestone(milestone).orElseThrow(() -> new InvalidInputException(
                List.of(new Violation("milestone", "no milestone " + milestone))));
        Inspections.Judgement j = Inspections.judge(m.checklist(), record.results());
        if (!j.problems().isEmpty())
            throw new InvalidInputException(j.problems().stream()
                    .map(p -> new Violation("results[" + p.index() + "]." + p.field(), p.message())).toList());
        return new Proposal(milestone, j.proposal(), j.items(), j.failedItems(), j.notInspected(), record.inspectors(),
                lastFailure(contractId, contract, m).orElse(null));
    }

    /** Every milestone with a checklist, with what failed at its last failed inspection. */
    @Transactional(readOnly = true)
    public List<ChecklistView> checklists(UUID contractId, Actor actor) {
        Contract contract = contracts.contract(contractId, actor).contract();
        List<ChecklistView> views = new ArrayList<>();
        for (Milestone m : contract.milestones())
            if (!m.checklist().isEmpty() || lastFailure(contractId, contract, m).isPresent())
                views.add(new ChecklistView(m.id(), m.name(), m.checklist(), lastFailure(contractId, contract, m).orElse(null)));
        return views;
    }

    /** One milestone's checklist with what failed last time; empty items if it has no checklist. */
    @Transactional(readOnly = true)
    public ChecklistView checklist(UUID contractId, String milestone, Actor actor) {
        Contract contract = contracts.contract(contractId, actor).contract();
        Milestone m = contract.milestone(milestone).orElseThrow(() -> new NotFoundException("no milestone " + milestone));
        return new ChecklistView(m.id(), m.name(), m.checklist(), lastFailure(contractId, contract, m).orElse(null));
    }

    @Transactional(readOnly = true)
    public Optional<LastFailure> lastFailure(UUID contractId, String milestone, Actor actor) {
        Contract contract = contracts.contract(contractId, actor).contract();
        Milestone m = contract.milestone(milestone).orElseThrow(() -> new NotFoundException("no milestone " + milestone));
        return lastFailure(contractId, contract, m);
    }

    private Optional<LastFailure> lastFailure(UUID contractId, Contract contract, Milestone m) {
        ContractEvent.InspectionFailed last = null;
        int index = -1;
        for (int i = 0; i < contract.events().size(); i++)
            if (contract.events().get(i) instanceof ContractEvent.InspectionFailed f && f.milestone().equals(m.id())
                    && (last == null || !f.date().isBefore(last.date()))) {
                last = f;
                index = i;
            }
        if (last == null) return Optional.empty();
        List<Inspections.Judged> failed = Inspections.judge(m.checklist(), last.record().results()).failed();
        return Optional.of(new LastFailure(last.date(), last.cureBy(), failed, last.record().inspectors(), last.note(),
                entryOf(contractId, index)));
    }

    /** The log entry of the contract's {@code index}-th event in force. */
    private LogHead entryOf(UUID contractId, int index) {
        List<StoredEvent> inForce = ContractLoader.effective(repository.events(contractId));
        if (index < 0 || index >= inForce.size()) return null;
        return repository.eventHashes(contractId).get(inForce.get(index).id());
    }

    /**
     * A delivery of a duty: its day, note, whether it came after the due date, its log entry and who recorded it, the
     * log entry's id ({@code eventId}, what the vendor acknowledges) and the vendor's acknowledgement (null until
     * given).
     */
    public record Delivery(LocalDate date, String note, boolean late, LogHead entry, String recordedBy, Instant recordedAt,
                           UUID eventId, Acknowledgement acknowledgement) {
        public boolean acknowledged() { return acknowledgement != null; }
    }

    /** The vendor's acknowledgement of a delivery: its day, log entry, who gave it and when it was recorded. */
    public record Acknowledgement(LocalDate date, LogHead entry, String by, Instant at, UUID eventId) { }

    /** A duty with its due date (null while its anchor has not happened) and its deliveries. */
    public record Duty(String id, String name, String dueRule, LocalDate due, List<Delivery> deliveries) {
        public boolean delivered() { return !deliveries.isEmpty(); }

        /** Delivered after the due date, or not delivered though the due date has passed by {@code today}. */
        public boolean lateOn(LocalDate today) {
            if (due == null) return false;
            if (deliveries.isEmpty()) return today.isAfter(due);
            return deliveries.get(0).late();
        }
    }

    /** The buyer's duties of the contract, each with its deliveries in date order. */
    @Transactional(readOnly = true)
    public List<Duty> duties(UUID contractId, Actor actor) {
        Contract contract = contracts.contract(contractId, actor).contract();
        if (contract.buyerDuties().isEmpty()) return List.of();
        List<StoredEvent> inForce = ContractLoader.effective(repository.events(contractId));
        Map<UUID, LogHead> hashes = repository.eventHashes(contractId);
        List<Duty> duties = new ArrayList<>();
        for (BuyerDuty d : contract.buyerDuties()) {
            LocalDate due = d.dueOn(contract).orElse(null);
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < contract.events().size() && i < inForce.size(); i++) {
                if (!(contract.events().get(i) instanceof ContractEvent.Delivered x) || !x.duty().equals(d.id())) continue;
                StoredEvent stored = inForce.get(i);
                deliveries.add(new Delivery(x.date(), x.note(), due != null && x.date().isAfter(due), hashes.get(stored.id()),
                        stored.recordedBy(), stored.recordedAt(), stored.id(),
                        acknowledgement(contract, inForce, hashes, d.id(), x.date())));
            }
            deliveries.sort(Comparator.comparing(Delivery::date));
            duties.add(new Duty(d.id(), d.name(), rule(d.due()), due, deliveries));
        }
        return duties;
    }

    private static Acknowledgement acknowledgement(Contract contract, List<StoredEvent> inForce, Map<UUID, LogHead> hashes,
                                                   String duty, LocalDate delivered) {
        for (int i = 0; i < contract.events().size() && i < inForce.size(); i++)
            if (contract.events().get(i) instanceof ContractEvent.DeliveryAcknowledged a && a.duty().equals(duty)
                    && a.delivered().equals(delivered)) {
                StoredEvent stored = inForce.get(i);
                return new Acknowledgement(a.date(), hashes.get(stored.id()), stored.recordedBy(), stored.recordedAt(),
                        stored.id());
            }
        return null;
    }

    /**
     * The vendor acknowledges receipt of a delivery (the {@code DELIVERED} entry {@code deliveryEventId} in force):
     * a {@code DELIVERY_ACKNOWLEDGED} event dated today, in the log's hash chain, audited and announced like every
     * event. 404 for a contract the actor may not see or an entry that is no delivery in force of it; 409 when it is
     * acknowledged already; 403 for staff (the vendor acknowledges).
     */
    @Transactional
    public StoredEvent acknowledge(UUID contractId, UUID deliveryEventId, Actor actor) {
        contracts.summary(contractId, actor);
        StoredEvent delivery = ContractLoader.effective(repository.events(contractId)).stream()
                .filter(e -> e.id().equals(deliveryEventId) && "DELIVERED".equals(e.type())).findFirst()
                .orElseThrow(() -> new NotFoundException("no delivery " + deliveryEventId + " in force in contract " + contractId));
        ContractEvent.Delivered delivered = (ContractEvent.Delivered) reader.readEvent(delivery.body());
        return contracts.recordEvent(contractId, new ContractEvent.DeliveryAcknowledged(clock.clockDay(), delivered.duty(),
                delivered.date(), null), actor);
    }

    // ---- the inspection record of one result ----------------------------------------------------------------

    /** One checklist item of a record: what the specification asks and what was found, judged. */
    public record RecordLine(String item, String name, String spec, ChecklistItem.Kind kind, java.math.BigDecimal nominal,
                             java.math.BigDecimal tolerance, java.math.BigDecimal min, java.math.BigDecimal max, String unit,
                             String requirement, String found, Boolean passed) {
        public boolean inspected() { return passed != null; }
    }

    /**
     * The inspection record of one result (驗收紀錄) as it is printed: the contract, milestone, day, inspectors, each
     * checklist item with its requirement, what was found and the server's judgement ({@code proposal}), the result
     * the officer recorded ({@code result}: {@code ACCEPTED} or {@code INSPECTION_FAILED}), the failed items, the
     * cure deadline (null when there is none), the SHA-256 of the record as stored ({@code sha256}: of the log entry's
     * body, the event's JSON as PostgreSQL keeps it) and the log entry ({@code entry}: position and chain hash).
     */
    public record Record(ContractSummary contract, UUID eventId, String milestone, String milestoneName, LocalDate date,
                         String result, List<String> inspectors, List<RecordLine> lines, Inspections.Proposal proposal,
                         List<String> failedItems, List<String> notInspected, LocalDate cureBy, String note,
                         List<String> items, String sha256, LogHead entry, String recordedBy, Instant recordedAt,
                         boolean voided) {
        public boolean failed() { return "INSPECTION_FAILED".equals(result); }
    }

    /**
     * The record of the result entry {@code eventId} ({@code INSPECTION_FAILED} or {@code ACCEPTED}, in force or
     * voided); 404 for a contract the actor may not see or an entry that is no result of it.
     */
    @Transactional(readOnly = true)
    public Record record(UUID contractId, UUID eventId, Actor actor) {
        ContractSummary summary = contracts.summary(contractId, actor);
        List<StoredEvent> log = repository.events(contractId);
        StoredEvent stored = log.stream().filter(e -> e.id().equals(eventId)
                        && ("INSPECTION_FAILED".equals(e.type()) || "ACCEPTED".equals(e.type()))).findFirst()
                .orElseThrow(() -> new NotFoundException("no inspection result " + eventId + " in contract " + contractId));
        boolean voided = !ContractLoader.effective(log).contains(stored);
        ContractEvent.InspectionResult event = (ContractEvent.InspectionResult) reader.readEvent(stored.body());
        Contract contract = contracts.contract(contractId, actor).contract();
        Milestone m = contract.milestone(event.milestone()).orElse(null);
        List<ChecklistItem> checklist = m == null ? List.of() : m.checklist();
        Inspections.Judgement j = Inspections.judge(checklist, event.record().results());
        List<RecordLine> lines = new ArrayList<>();
        for (ChecklistItem c : checklist) {
            Inspections.Judged judged = j.items().stream().filter(x -> x.item().equals(c.id())).findFirst().orElse(null);
            lines.add(new RecordLine(c.id(), c.name(), c.spec(), c.kind(), c.nominal(), c.tolerance(), c.min(), c.max(),
                    c.unit(), c.requirement(), judged == null ? null : judged.found(), judged == null ? null : judged.passed()));
        }
        LocalDate cureBy = event instanceof ContractEvent.InspectionFailed f && f.cureBy().isAfter(f.date()) ? f.cureBy() : null;
        String note = event instanceof ContractEvent.InspectionFailed f ? f.note() : ((ContractEvent.Accepted) event).note();
        return new Record(summary, stored.id(), event.milestone(), m == null ? null : m.name(), event.date(), stored.type(),
                event.record().inspectors(), lines, j.proposal(), j.failedItems(), j.notInspected(), cureBy, note,
                event.items(), sha256(stored.body()), repository.eventHashes(contractId).get(stored.id()),
                stored.recordedBy(), stored.recordedAt(), voided);
    }

    /** The SHA-256 (lower-case hex) of a text's UTF-8 bytes. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rule(DueRule due) {
        return due instanceof DueRule.Fixed f ? f.date().toString()
                : ((DueRule.Relative) due).days() + " " + ((DueRule.Relative) due).from();
    }
}
