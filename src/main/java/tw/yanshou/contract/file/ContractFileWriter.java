package tw.yanshou.contract.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

import tw.yanshou.calculus.BuyerDuty;
import tw.yanshou.calculus.ChecklistItem;
import tw.yanshou.calculus.Claim;
import tw.yanshou.calculus.InspectionRecord;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.MilestoneEvent;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.DateRange;
import tw.yanshou.calculus.DueRule;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.PenaltyTerms;
import tw.yanshou.calculus.Period;
import tw.yanshou.calculus.Terms;

/**
 * Writes a {@link ContractFile} in format {@value ContractFile#FORMAT}, as YAML or JSON, so that
 * {@link ContractFileReader#read} gives the same file back.
 *
 * <p>Keys come in the order of the format's reference example, dates in ISO form, amounts as plain integers;
 * optional fields that are absent, empty or at their default ({@code cureBy} on the day of the failed inspection,
 * a zero bond offset, false flags) are left out. In YAML, free text (numbers, names, notes) is quoted, codes, enum
 * words and dates are not.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContractFileWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .stringQuotingChecker(new FreeTextQuoted())
            .build());

    /** The file as YAML. */
    public String toYaml(ContractFile file) {
        return write(YAML, file, java.util.Map.of());
    }

    /** The file as JSON, indented. */
    public String toJson(ContractFile file) {
        return write(JSON, file, java.util.Map.of());
    }

    /**
     * The file as YAML or JSON with the documents of its events ({@code events[i].documents}, by the index of the
     * event in {@code file.contract().events()}).
     */
    public String write(ContractFile file, boolean json, java.util.Map<Integer, List<DocumentRef>> documents) {
        return write(json ? JSON : YAML, file, documents);
    }

    /** One event as JSON, in the shape it has in a contract file's {@code events} list. */
    public String eventJson(ContractEvent event) {
        try {
            return JSON.writeValueAsString(event(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }

    private static String write(ObjectMapper mapper, ContractFile file, java.util.Map<Integer, List<DocumentRef>> documents) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree(file, documents));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write contract file " + file.number(), e);
        }
    }

    private static ObjectNode tree(ContractFile file, java.util.Map<Integer, List<DocumentRef>> documents) {
        Contract contract = file.contract();
        ObjectNode root = NODES.objectNode();
        root.put("format", file.format());

        ObjectNode c = root.putObject("contract");
        c.put("number", file.number());
        putText(c, "title", file.title());
        putText(c, "buyer", file.buyer());
        if (file.vendor() != null) {
            ObjectNode vendor = c.putObject("vendor");
            putText(vendor, "id", file.vendor().id());
            vendor.put("name", file.vendor().name());
        }
        c.put("currency", file.currency());
        putText(c, "site", contract.terms().site());
        putDate(c, "signedOn", contract.signedOn());
        ArrayNode items = c.putArray("items");
        for (Item item : contract.items()) {
            ObjectNode o = items.addObject();
            o.put("code", item.code());
            putText(o, "name", item.name());
            putNumber(o, "amount", item.amount());
        }

        root.set("terms", terms(contract.terms(), file.linkedContracts()));

        ArrayNode milestones = root.putArray("milestones");
        for (Milestone m : contract.milestones()) milestones.add(milestone(m));

        if (!contract.buyerDuties().isEmpty()) {
            ArrayNode duties = root.putArray("buyerDuties");
            for (BuyerDuty d : contract.buyerDuties()) {
                ObjectNode o = duties.addObject();
                o.put("id", d.id());
                putText(o, "name", d.name());
                o.set("due", due(d.due()));
            }
        }

        if (!contract.events().isEmpty()) {
            ArrayNode events = root.putArray("events");
            for (int i = 0; i < contract.events().size(); i++) {
                ObjectNode e = event(contract.events().get(i));
                List<DocumentRef> refs = documents.getOrDefault(i, List.of());
                if (!refs.isEmpty()) {
                    ArrayNode list = e.putArray("documents");
                    for (DocumentRef r : refs) {
                        ObjectNode d = list.addObject();
                        d.put("sha256", r.sha256());
                        d.put("name", r.name());
                        d.put("size", r.size());
                        d.put("contentType", r.contentType());
                    }
                }
                events.add(e);
            }
        }
        if (!contract.claims().isEmpty()) {
            ArrayNode claims = root.putArray("claims");
            for (Claim claim : contract.claims()) claims.add(claim(claim));
        }
        return root;
    }

    private static ObjectNode terms(Terms terms, List<ContractFile.LinkedContract> linkedContracts) {
        ObjectNode t = NODES.objectNode();
        t.put("calendar", terms.calendar());
        t.put("deadlineDays", terms.deadlineDays().name());
        t.put("lastDayRollover", terms.lastDayRollover());
        PenaltyTerms penalty = terms.penalty();
        ObjectNode p = t.putObject("penalty");
        putNumber(p, "ratePerMille", penalty.ratePerMille());
        p.put("basis", penalty.basis().name());
        p.put("rounding", penalty.rounding().name());
        putNumber(p, "capPercent", penalty.capPercent());
        putNumber(p, "terminationRightAtPercent", penalty.terminationRightAtPercent());
        putNumber(t, "performanceBond", terms.performanceBond());
        if (!linkedContracts.isEmpty()) {
            ArrayNode linked = t.putArray("linkedContracts");
            for (ContractFile.LinkedContract l : linkedContracts) {
                ObjectNode o = linked.addObject();
                o.put("number", l.number());
                o.put("kind", l.kind());
                putNumber(o, "amount", l.amount());
                putNumber(o, "performanceBond", l.performanceBond());
                if (l.terminatesWithThis()) o.put("terminatesWithThis", true);
            }
        }
        return t;
    }

    private static ObjectNode milestone(Milestone m) {
        ObjectNode o = NODES.objectNode();
        o.put("id", m.id());
        putText(o, "name", m.name());
        putCodes(o, "items", m.items());
        o.set("due", due(m.due()));
        if (!m.checklist().isEmpty()) {
            ArrayNode checklist = o.putArray("checklist");
            for (ChecklistItem c : m.checklist()) {
                ObjectNode i = checklist.addObject();
                i.put("id", c.id());
                putText(i, "name", c.name());
                i.put("kind", c.kind().name());
                putNumber(i, "nominal", c.nominal());
                putNumber(i, "tolerance", c.tolerance());
                putNumber(i, "min", c.min());
                putNumber(i, "max", c.max());
                putText(i, "unit", c.unit());
                if (!c.allowed().isEmpty()) {
                    ArrayNode allowed = i.putArray("allowed");
                    c.allowed().forEach(allowed::add);
                }
                putText(i, "spec", c.spec());
                if (!c.parts().isEmpty()) {
                    ArrayNode parts = i.putArray("parts");
                    for (ChecklistItem.Part p : c.parts()) parts.addObject().put("item", p.item()).put("count", p.count());
                }
            }
        }
        return o;
    }

    private static ObjectNode due(DueRule rule) {
        ObjectNode due = NODES.objectNode();
        if (rule instanceof DueRule.Relative r) {
            due.put("days", r.days());
            due.put("from", r.from().toString());
        } else if (rule instanceof DueRule.Fixed f) {
            putDate(due, "date", f.date());
        }
        return due;
    }

    private static void putRecord(ObjectNode o, InspectionRecord record) {
        if (!record.results().isEmpty()) {
            ArrayNode results = o.putArray("results");
            for (InspectionRecord.Result r : record.results()) {
                ObjectNode result = results.addObject();
                result.put("item", r.item());
                putNumber(result, "value", r.value());
                putText(result, "verdict", r.verdict());
            }
        }
        if (!record.inspectors().isEmpty()) {
            ArrayNode inspectors = o.putArray("inspectors");
            record.inspectors().forEach(inspectors::add);
        }
    }

    private static ObjectNode event(ContractEvent event) {
        ObjectNode o = NODES.objectNode();
        putDate(o, "date", event.date());
        o.put("type", event.type());
        if (event instanceof MilestoneEvent m) {
            o.put("milestone", m.milestone());
            putCodes(o, "items", m.items());
            if (event instanceof InspectionFailed f && !f.cureBy().equals(f.date())) putDate(o, "cureBy", f.cureBy());
            if (event instanceof ContractEvent.InspectionResult r) putRecord(o, r.record());
            putText(o, "note", noteOf(event));
        } else if (event instanceof Excused x) {
            putDate(o, "from", x.range().from());
            putDate(o, "to", x.range().to());
            putText(o, "reason", x.reason());
        } else if (event instanceof MediationFiled f) {
            putText(o, "note", f.note());
        } else if (event instanceof MediationConcluded c) {
            o.put("outcome", c.outcome().name());
            if (c.excused() != null) o.set("excused", range(c.excused()));
            if (c.completionDeadline() != null) o.set("completionDeadline", period(c.completionDeadline()));
            if (c.resetDue()) o.put("resetDue", true);
            if (c.capWaived()) o.put("capWaived", true);
            putText(o, "note", c.note());
        } else if (event instanceof Amended a) {
            ArrayNode items = o.putArray("items");
            for (ItemChange change : a.items()) {
                ObjectNode i = items.addObject();
                i.put("code", change.code());
                putText(i, "name", change.name());
                putNumber(i, "amount", change.amount());
                if (change.milestone() != null) i.put("milestone", change.milestone());
            }
            putText(o, "reason", a.reason());
        } else if (event instanceof Extended x) {
            o.put("milestone", x.milestone());
            if (x.days() != null) o.put("days", x.days());
            else putDate(o, "to", x.to());
            putText(o, "reason", x.reason());
        } else if (event instanceof ContractEvent.Delivered d) {
            o.put("duty", d.duty());
            putText(o, "note", d.note());
        } else if (event instanceof ContractEvent.DeliveryAcknowledged a) {
            o.put("duty", a.duty());
            putDate(o, "delivered", a.delivered());
            putText(o, "note", a.note());
        } else if (event instanceof Terminated t) {
            putText(o, "ground", t.ground());
            putText(o, "note", t.note());
        }
        return o;
    }

    private static String noteOf(ContractEvent event) {
        if (event instanceof ContractEvent.Tendered t) return t.note();
        if (event instanceof ContractEvent.Accepted a) return a.note();
        if (event instanceof InspectionFailed f) return f.note();
        return null;
    }

    private static ObjectNode range(DateRange range) {
        ObjectNode o = NODES.objectNode();
        putDate(o, "from", range.from());
        putDate(o, "to", range.to());
        return o;
    }

    private static ObjectNode period(Period period) {
        ObjectNode o = NODES.objectNode();
        if (period.days() != null) o.put("days", period.days());
        else if (period.workingDays() != null) o.put("workingDays", period.workingDays());
        else putDate(o, "date", period.date());
        return o;
    }

    private static ObjectNode claim(Claim claim) {
        ObjectNode o = NODES.objectNode();
        putDate(o, "accrualThrough", claim.accrualThrough());
        if (!claim.reductions().isEmpty()) {
            ArrayNode reductions = o.putArray("reductions");
            for (Claim.Reduction r : claim.reductions()) {
                ObjectNode reduction = reductions.addObject();
                putNumber(reduction, "percent", r.percent());
                putText(reduction, "reason", r.reason());
            }
        }
        if (claim.bondOffset().signum() != 0) putNumber(o, "bondOffset", claim.bondOffset());
        if (claim.interest() != null) {
            ObjectNode interest = o.putObject("interest");
            putNumber(interest, "ratePercent", claim.interest().ratePercent());
            putDate(interest, "from", claim.interest().from());
            putDate(interest, "through", claim.interest().through());
        }
        return o;
    }

    private static void putText(ObjectNode o, String key, String text) {
        if (text != null && !text.isBlank()) o.put(key, text);
    }

    private static void putDate(ObjectNode o, String key, LocalDate date) {
        if (date != null) o.put(key, date.toString());
    }

    private static void putCodes(ObjectNode o, String key, List<String> codes) {
        if (codes.isEmpty()) return;
        ArrayNode list = o.putArray(key);
        codes.forEach(list::add);
    }

    /** Whole numbers as integers ({@code 9390000}, not {@code 9.39E+6}), others as plain decimals. */
    private static void putNumber(ObjectNode o, String key, BigDecimal value) {
        if (value == null) return;
        BigDecimal canonical = Fields.canonical(value);
        if (canonical.scale() == 0) o.put(key, canonical.toBigIntegerExact());
        else o.put(key, canonical);
    }

    /**
     * Quotes free text (case numbers, names, notes) as the reference example does, and leaves codes, enum words,
     * anchors ({@code STAGE1.ACCEPTED}) and ISO dates bare.
     */
    private static final class FreeTextQuoted extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern BARE = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?|\\d{4}-\\d{2}-\\d{2}");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !BARE.matcher(value).matches();
        }
    }
}
