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

    InspectionRecords(ContractService contracts, ContractRepository repository, ContractFileReader reader) {
        this.contracts = contracts;
        this.repository = repository;
        this.reader = reader;
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

    /** A delivery of a duty: its day, note, whether it came after the due date, its log entry and who recorded it. */
    public record Delivery(LocalDate date, String note, boolean late, LogHead entry, String recordedBy, Instant recordedAt) { }

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
                        stored.recordedBy(), stored.recordedAt()));
            }
            deliveries.sort(Comparator.comparing(Delivery::date));
            duties.add(new Duty(d.id(), d.name(), rule(d.due()), due, deliveries));
        }
        return duties;
    }

    private static String rule(DueRule due) {
        return due instanceof DueRule.Fixed f ? f.date().toString()
                : ((DueRule.Relative) due).days() + " " + ((DueRule.Relative) due).from();
    }
}
