package tw.yanshou.contract.file;

import static tw.yanshou.contract.file.Fields.Presence.OPTIONAL;
import static tw.yanshou.contract.file.Fields.Presence.REQUIRED;
import static tw.yanshou.contract.file.Fields.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import tw.yanshou.calculus.Anchor;
import tw.yanshou.calculus.BuyerDuty;
import tw.yanshou.calculus.ChecklistItem;
import tw.yanshou.calculus.InspectionRecord;
import tw.yanshou.calculus.Claim;
import tw.yanshou.calculus.Contract;
import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.Extended;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.MediationConcluded;
import tw.yanshou.calculus.ContractEvent.MediationFiled;
import tw.yanshou.calculus.ContractEvent.Outcome;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.ContractEvent.Terminated;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.DateRange;
import tw.yanshou.calculus.DeadlineDays;
import tw.yanshou.calculus.DueRule;
import tw.yanshou.calculus.InvalidContractException;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.PenaltyBasis;
import tw.yanshou.calculus.PenaltyTerms;
import tw.yanshou.calculus.Period;
import tw.yanshou.calculus.Rounding;
import tw.yanshou.calculus.Terms;
import tw.yanshou.calculus.Violation;

/**
 * Reads a contract file of format {@value ContractFile#FORMAT}, YAML or JSON, into a {@link ContractFile}.
 *
 * <p>Text whose first non-blank character is <code>{</code> is read as JSON, anything else as YAML. The tree is
 * mapped field by field so that one reading reports every problem of the file, each with the path of its field
 * ({@code contract.items[1].amount}, {@code events[3].cureBy}) and a message the user can act on: wrong and missing
 * values, unknown fields, impossible dates, and then what the {@link ContractValidator} finds in the contract
 * (references to milestones and items that do not exist, due rules that count from each other, events that make
 * no sense in the contract's state). Dates are read in ISO form or in any ROC form of
 * {@link tw.yanshou.calculus.RocDates#parse}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ContractFileReader {

    private static final List<String> TOP =
            List.of("format", "contract", "terms", "milestones", "buyerDuties", "events", "claims");
    private static final List<String> CONTRACT =
            List.of("number", "title", "buyer", "vendor", "currency", "site", "signedOn", "items");
    private static final List<String> VENDOR = List.of("id", "name");
    private static final List<String> ITEM = List.of("code", "name", "amount");
    private static final List<String> TERMS =
            List.of("calendar", "deadlineDays", "lastDayRollover", "penalty", "performanceBond", "linkedContracts");
    private static final List<String> PENALTY =
            List.of("ratePerMille", "basis", "rounding", "capPercent", "terminationRightAtPercent");
    private static final List<String> LINKED =
            List.of("number", "kind", "amount", "performanceBond", "terminatesWithThis");
    private static final List<String> MILESTONE = List.of("id", "name", "items", "due", "checklist");
    private static final List<String> CHECK_ITEM =
            List.of("id", "name", "kind", "nominal", "tolerance", "min", "max", "unit", "allowed", "spec", "parts");
    private static final List<String> PART = List.of("item", "count");
    private static final List<String> DUTY = List.of("id", "name", "due");
    private static final List<String> RESULT = List.of("item", "value", "verdict");
    private static final List<String> DUE = List.of("days", "from", "date");
    private static final List<String> RANGE = List.of("from", "to");
    private static final List<String> PERIOD = List.of("days", "workingDays", "date");
    private static final List<String> CHANGE = List.of("code", "name", "amount", "milestone");
    private static final List<String> CLAIM = List.of("accrualThrough", "reductions", "bondOffset", "interest");
    private static final List<String> REDUCTION = List.of("percent", "reason");
    private static final List<String> INTEREST = List.of("ratePercent", "from", "through");

    /** The fields of each event type besides {@code date} and {@code type}, in the order they are written. */
    static final Map<String, List<String>> EVENT_FIELDS = eventFields();

    private static final Pattern JSON_START = Pattern.compile("\\s*\\{\\s*[\"}]");
    private static final Pattern EVENT_PATH = Pattern.compile("events\\[(\\d+)](.*)");

    /** The longest text read at all, in characters (a contract file of hundreds of items is far below it). */
    static final int MAX_CHARS = 2_000_000;
    /** The longest line of YAML (a flow-style list of hundreds of items is far below it). */
    static final int MAX_LINE = 100_000;
    /** How deep mappings and lists may nest (a contract file needs 6 levels). */
    static final int MAX_DEPTH = 20;
    /** The longest JSON string (the longest text field is 2,000 characters). */
    static final int MAX_STRING = 100_000;
    /** The longest number, in characters (an amount has at most 15 digits). */
    static final int MAX_NUMBER = 100;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxDocumentLength(MAX_CHARS).maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER).maxNameLength(1_000).build();
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = strict(new ObjectMapper());

    private final ContractValidator validator;

    /**
     * @param validator checks the contract once its structure is read: references, cycles, event states
     */
    public ContractFileReader(ContractValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Reads one contract file.
     *
     * @param text the file, YAML or JSON
     * @return the file, its contract ready for the calculus
     * @throws InvalidContractException with every violation found, if the file cannot be read or the contract it
     *     describes cannot be computed
     */
    public ContractFile read(String text) {
        return readWithDocuments(text).file();
    }

    /**
     * A file read with the documents its events name ({@code events[i].documents}), by the index of the event in the
     * file (which is its index in {@code file.contract().events()}: a file that reads has every event).
     */
    public record Read(ContractFile file, Map<Integer, List<DocumentRef>> documents) { }

    /** Reads a contract file as {@link #read} does, with the documents its events name. */
    public Read readWithDocuments(String text) {
        Objects.requireNonNull(text, "text");
        Reading reading = new Reading();
        reading.read(parse(text));
        List<Violation> violations = new ArrayList<>(reading.fields.violations());
        violations.addAll(reading.semanticViolations(validator.validate(reading.contract)));
        if (!violations.isEmpty()) throw new InvalidContractException(violations);
        return new Read(reading.file(), Map.copyOf(reading.documents));
    }

    /**
     * Reads a contract the server itself wrote: its stored definition (a contract file in JSON without events) and
     * the JSON of its events in force. Validation happened once, when the file or each event came in; this reads the
     * structure only, and does not replay the history.
     *
     * @throws IllegalStateException if what is stored no longer reads (a defect, never the user's input)
     */
    public ContractFile readStored(String definitionJson, List<String> eventJsons) {
        try {
            ObjectNode file = (ObjectNode) JSON.readTree(definitionJson);
            ArrayNode events = file.putArray("events");
            for (String event : eventJsons) events.add(JSON.readTree(event));
            Reading reading = new Reading();
            reading.read(file);
            if (!reading.fields.violations().isEmpty())
                throw new IllegalStateException("a stored contract does not read: " + reading.fields.violations());
            return reading.file();
        } catch (JsonProcessingException | InvalidContractException | ClassCastException e) {
            throw new IllegalStateException("a stored contract does not read", e);
        }
    }

    /**
     * Reads one event, written as in a contract file's {@code events} list (YAML or JSON). It checks the event's
     * own fields; whether it makes sense in the contract's history is the validator's question.
     *
     * @throws InvalidContractException with every violation, paths starting with {@code event}
     */
    public ContractEvent readEvent(String text) {
        Objects.requireNonNull(text, "text");
        JsonNode root = parse(text);
        Reading reading = new Reading();
        ObjectNode o = reading.fields.object(root, "event");
        LocalDate date = reading.fields.date(o, "event", "date", REQUIRED);
        String type = o == null ? null : reading.eventType(o, "event");
        if (o != null) reading.eventFieldsKnown(o, "event", type);
        if (o != null && o.has("documents"))
            reading.fields.add("event.documents", "documents come with an event as files (multipart/form-data, parts "
                    + "files), not in the event; only a contract file names them by hash");
        ContractEvent event = type == null ? null : reading.event(o, "event", date, type);
        if (!reading.fields.violations().isEmpty()) throw new InvalidContractException(reading.fields.violations());
        if (event == null) throw invalid("event", "is not a complete event");
        return event;
    }

    /** An inspection record to be judged before it is recorded: the milestone and the results, read as an event's. */
    public record RecordRequest(String milestone, InspectionRecord record) { }

    /**
     * Reads {@code { milestone, results: [{ item, value | verdict }], inspectors }} (YAML or JSON) with the rules of an
     * event's fields; paths start at the top ({@code results[0].value}).
     *
     * @throws InvalidContractException with every violation
     */
    public RecordRequest readRecord(String text) {
        Objects.requireNonNull(text, "text");
        JsonNode root = parse(text);
        Reading reading = new Reading();
        ObjectNode o = reading.fields.object(root, "", List.of("milestone", "results", "inspectors"));
        String milestone = reading.fields.text(o, "", "milestone", REQUIRED, Fields.Text.ID);
        InspectionRecord record = reading.inspectionRecord(o, "");
        if (!reading.fields.violations().isEmpty()) throw new InvalidContractException(reading.fields.violations());
        return new RecordRequest(milestone, record);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static JsonNode parse(String text) {
        if (text.length() > MAX_CHARS)
            throw unreadable("the text is longer than the limit of " + MAX_CHARS + " characters");
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) throw unreadable("the file is empty; a contract file starts with \"format: 1\"");
        // JSON starts with a brace and a quoted key; a brace and a bare key is a YAML flow mapping ({ date: … })
        boolean json = JSON_START.matcher(content).lookingAt();
        if (!json) longLines(content);
        JsonNode root;
        try (JsonParser parser = (json ? JSON_FACTORY : YAML_FACTORY).createParser(content)) {
            root = WrittenTree.read(parser);
            if (root != null && parser.nextToken() != null)
                throw unreadable((json ? "not valid JSON: " : "not valid YAML: ") + where(parser.currentLocation())
                        + (json ? "text after the closing brace" : "a second document; a contract file is one document"));
        } catch (StreamConstraintsException e) {
            throw unreadable("the text exceeds a limit of the reader: " + limit(problem(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            String message = problem(e.getOriginalMessage());
            if (message.contains("exceeds the limit") || message.contains("Nesting Depth exceeded"))
                throw unreadable("the text exceeds a limit of the reader: " + limit(message));
            throw unreadable((json ? "not valid JSON: " : "not valid YAML: ") + where(e.getLocation()) + message);
        } catch (java.io.IOException e) {
            throw unreadable("the text cannot be read: " + e.getMessage());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw unreadable("the text exceeds a limit of the reader: " + limit(String.valueOf(e.getMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull())
            throw unreadable("the file is empty; a contract file starts with \"format: 1\"");
        if (!root.isObject())
            throw unreadable("must be a mapping of fields starting with \"format: 1\", was " + Fields.describe(root));
        return root;
    }

    /**
     * YAML scalars on one very long line take the parser superlinear time (a 1 MB line about half a second, 8 MB
     * 46 s), many lines do not: YAML lines are bounded, checked in one pass before parsing.
     */
    private static void longLines(String content) {
        int start = 0;
        for (int i = 0; i <= content.length(); i++) {
            if (i == content.length() || content.charAt(i) == '\n') {
                if (i - start > MAX_LINE)
                    throw unreadable("line " + (content.substring(0, start).lines().count() + 1) + " is longer than the limit of "
                            + MAX_LINE + " characters; write long YAML over several lines");
                start = i + 1;
            }
        }
    }

    /** SnakeYAML's limit messages in the reader's words. */
    private static String limit(String message) {
        if (message.contains("Nesting Depth") || message.contains("nesting depth"))
            return "mappings and lists nest deeper than " + MAX_DEPTH + " levels";
        if (message.contains("code points") || message.contains("Document length"))
            return "the text is longer than " + MAX_CHARS + " characters";
        if (message.contains("String value length")) return "a text is longer than " + MAX_STRING + " characters";
        if (message.contains("Number value length")) return "a number is longer than " + MAX_NUMBER + " digits";
        if (message.contains("Name length")) return "a key is longer than 1000 characters";
        return message;
    }

    /** The parser's message without the positions and source excerpts it repeats (SnakeYAML writes several lines). */
    private static String problem(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return "";
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static InvalidContractException invalid(String path, String message) {
        return new InvalidContractException(List.of(new Violation(path, message)));
    }

    private static InvalidContractException unreadable(String message) {
        return new InvalidContractException(List.of(Violation.unreadable("$", message)));
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }

    private static Map<String, List<String>> eventFields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("TENDERED", List.of("milestone", "items", "note"));
        fields.put("INSPECTION_FAILED", List.of("milestone", "items", "cureBy", "results", "inspectors", "note"));
        fields.put("ACCEPTED", List.of("milestone", "items", "results", "inspectors", "note"));
        fields.put("EXCUSED", List.of("from", "to", "reason", "note"));
        fields.put("MEDIATION_FILED", List.of("note"));
        fields.put("MEDIATION_CONCLUDED",
                List.of("outcome", "excused", "completionDeadline", "resetDue", "capWaived", "note"));
        fields.put("AMENDED", List.of("items", "reason", "note"));
        fields.put("EXTENDED", List.of("milestone", "days", "to", "reason", "note"));
        fields.put("TERMINATED", List.of("ground", "note"));
        fields.put("DELIVERED", List.of("duty", "note"));
        fields.put("DELIVERY_ACKNOWLEDGED", List.of("duty", "delivered", "note"));
        return Collections.unmodifiableMap(fields);
    }

    private static <T> T orElse(T value, T fallback) { return value != null ? value : fallback; }

    /**
     * The state of one reading. Where a value is missing or wrong, the contract gets a stand-in (an amount of 0, a
     * due rule from the signing, the path as a code) so that the validator can still check the rest of the file;
     * events with a problem are left out of the contract, and the validator's findings are mapped back to the
     * file's paths.
     */
    private static final class Reading {
        final Fields fields = new Fields();
        /** For each event of the contract, its index in the file. */
        final List<Integer> eventIndex = new ArrayList<>();
        /** The events of the file left out of the contract, because something in them is wrong. */
        final List<LeftOut> leftOut = new ArrayList<>();
        /** The documents each event of the file names, by the event's index in the file. */
        final Map<Integer, List<DocumentRef>> documents = new java.util.HashMap<>();

        String number;
        String title;
        String buyer;
        ContractFile.Vendor vendor;
        String currency;
        final List<ContractFile.LinkedContract> linked = new ArrayList<>();
        Contract contract;

        ContractFile file() {
            return new ContractFile(ContractFile.FORMAT, number, title, buyer, vendor, currency, linked, contract);
        }

        void read(JsonNode root) {
            ObjectNode top = (ObjectNode) root;
            fields.onlyKnown(top, "", TOP);
            Integer format = fields.integer(top, "", "format", REQUIRED);
            if (format != null && format != ContractFile.FORMAT)
                throw invalid("format", "unsupported format " + format + "; this server reads format " + ContractFile.FORMAT);

            ObjectNode c = fields.object(top, "", "contract", REQUIRED, CONTRACT);
            number = fields.text(c, "contract", "number", REQUIRED, Fields.Text.ID);
            title = fields.text(c, "contract", "title", OPTIONAL, Fields.Text.NAME);
            buyer = fields.text(c, "contract", "buyer", OPTIONAL, Fields.Text.NAME);
            vendor = vendor(c);
            currency = orElse(fields.choice(c, "contract", "currency", List.of(ContractFile.CURRENCY), OPTIONAL),
                    ContractFile.CURRENCY);
            String site = fields.text(c, "contract", "site", OPTIONAL, Fields.Text.NAME);
            LocalDate signedOn = fields.date(c, "contract", "signedOn", REQUIRED);
            List<Item> items = items(c);
            Terms terms = terms(fields.object(top, "", "terms", REQUIRED, TERMS), site);
            List<Milestone> milestones = milestones(fields.list(top, "", "milestones", REQUIRED));
            List<BuyerDuty> duties = duties(fields.list(top, "", "buyerDuties", OPTIONAL));
            List<ContractEvent> events = events(fields.list(top, "", "events", OPTIONAL));
            List<Claim> claims = claims(fields.list(top, "", "claims", OPTIONAL));
            contract = new Contract(orElse(number, ""), orElse(signedOn, LocalDate.MIN), items, terms, milestones,
                    events, claims, duties);
        }

        /**
         * Identifiers that differ only in letter case ({@code HW} and {@code hw}) are refused: they look the same to
         * the officers who read them. Identical ones are the validator's ({@code … is listed twice}).
         */
        private void unique(Map<String, String> seen, String id, String path, String what) {
            if (id == null) return;
            String earlier = seen.putIfAbsent(Fields.caseless(id), id);
            if (earlier != null && !earlier.equals(id))
                fields.add(path, what + " " + id + " differs from " + what + " " + earlier
                        + " only in letter case; identifiers must differ regardless of case");
        }

        private ContractFile.Vendor vendor(ObjectNode contract) {
            ObjectNode v = fields.object(contract, "contract", "vendor", OPTIONAL, VENDOR);
            String id = fields.text(v, "contract.vendor", "id", OPTIONAL, Fields.Text.ID);
            String name = fields.text(v, "contract.vendor", "name", REQUIRED, Fields.Text.NAME);
            return name == null ? null : new ContractFile.Vendor(id, name);
        }

        private List<Item> items(ObjectNode contract) {
            List<Item> items = new ArrayList<>();
            Map<String, String> seen = new java.util.HashMap<>();
            ArrayNode list = fields.list(contract, "contract", "items", REQUIRED);
            if (list == null) return items;
            for (int i = 0; i < list.size(); i++) {
                String path = at("contract.items", i);
                ObjectNode o = fields.object(list.get(i), path, ITEM);
                String code = fields.text(o, path, "code", REQUIRED, Fields.Text.CODE);
                String name = fields.text(o, path, "name", OPTIONAL, Fields.Text.NAME);
                BigDecimal amount = fields.amount(o, path, "amount", REQUIRED);
                items.add(new Item(orElse(code, path), name, orElse(amount, BigDecimal.ZERO)));
                unique(seen, code, path + ".code", "item");
            }
            return items;
        }

        private Terms terms(ObjectNode t, String site) {
            String calendar = orElse(fields.text(t, "terms", "calendar", OPTIONAL, Fields.Text.ID), "TW");
            DeadlineDays deadlineDays =
                    orElse(fields.choice(t, "terms", "deadlineDays", DeadlineDays.class, OPTIONAL), DeadlineDays.CALENDAR);
            boolean rollover = orElse(fields.bool(t, "terms", "lastDayRollover", OPTIONAL), true);
            ObjectNode p = fields.object(t, "terms", "penalty", REQUIRED, PENALTY);
            BigDecimal rate = fields.rate(p, "terms.penalty", "ratePerMille", REQUIRED);
            PenaltyBasis basis =
                    orElse(fields.choice(p, "terms.penalty", "basis", PenaltyBasis.class, OPTIONAL), PenaltyBasis.LATE_ITEMS);
            Rounding rounding =
                    orElse(fields.choice(p, "terms.penalty", "rounding", Rounding.class, OPTIONAL), Rounding.FORMULA);
            BigDecimal cap = fields.percent(p, "terms.penalty", "capPercent", OPTIONAL);
            BigDecimal termination = fields.percent(p, "terms.penalty", "terminationRightAtPercent", OPTIONAL);
            BigDecimal bond = fields.amount(t, "terms", "performanceBond", OPTIONAL);
            linkedContracts(fields.list(t, "terms", "linkedContracts", OPTIONAL));
            return new Terms(calendar, site, deadlineDays, rollover,
                    new PenaltyTerms(orElse(rate, BigDecimal.ZERO), basis, cap, termination, rounding), bond);
        }

        private void linkedContracts(ArrayNode list) {
            if (list == null) return;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = at("terms.linkedContracts", i);
                ObjectNode o = fields.object(list.get(i), path, LINKED);
                String linkedNumber = fields.text(o, path, "number", REQUIRED, Fields.Text.ID);
                String kind = fields.text(o, path, "kind", REQUIRED, Fields.Text.CODE);
                BigDecimal amount = fields.amount(o, path, "amount", REQUIRED);
                BigDecimal bond = fields.amount(o, path, "performanceBond", OPTIONAL);
                boolean ends = orElse(fields.bool(o, path, "terminatesWithThis", OPTIONAL), false);
                if (linkedNumber != null && number != null && Fields.caseless(linkedNumber).equals(Fields.caseless(number)))
                    fields.add(path + ".number", "is the number of this contract; a linked contract is another one");
                else if (linkedNumber != null && !seen.add(Fields.caseless(linkedNumber)))
                    fields.add(path + ".number", "contract " + linkedNumber + " is linked twice");
                if (linkedNumber != null && kind != null && amount != null)
                    linked.add(new ContractFile.LinkedContract(linkedNumber, kind, amount, bond, ends));
            }
        }

        private List<Milestone> milestones(ArrayNode list) {
            List<Milestone> milestones = new ArrayList<>();
            Map<String, String> seen = new java.util.HashMap<>();
            if (list == null) return milestones;
            for (int i = 0; i < list.size(); i++) {
                String path = at("milestones", i);
                ObjectNode o = fields.object(list.get(i), path, MILESTONE);
                String id = fields.text(o, path, "id", REQUIRED, Fields.Text.ID);
                String name = fields.text(o, path, "name", OPTIONAL, Fields.Text.NAME);
                List<String> items = fields.codes(o, path, "items", REQUIRED);
                DueRule due = due(fields.object(o, path, "due", REQUIRED, DUE), path + ".due");
                List<ChecklistItem> checklist = checklist(fields.list(o, path, "checklist", OPTIONAL), path + ".checklist");
                unique(seen, id, path + ".id", "milestone");
                milestones.add(new Milestone(orElse(id, path), name, orElse(items, List.of()),
                        orElse(due, new DueRule.Relative(0, Anchor.SIGNED)), checklist));
            }
            return milestones;
        }

        /**
         * A milestone's checklist. A MEASURE has {@code nominal} and {@code tolerance}, or {@code min} and/or
         * {@code max}, and a {@code unit}, and may have {@code parts}; a PASS_FAIL item none of these; a CHOICE item
         * its {@code allowed} values. Items with a problem are left out (and reported).
         */
        private List<ChecklistItem> checklist(ArrayNode list, String path) {
            List<ChecklistItem> checklist = new ArrayList<>();
            if (list == null) return checklist;
            Map<String, String> seen = new java.util.HashMap<>();
            for (int j = 0; j < list.size(); j++) {
                String itemPath = at(path, j);
                int before = fields.count();
                ObjectNode o = fields.object(list.get(j), itemPath, CHECK_ITEM);
                String id = fields.text(o, itemPath, "id", REQUIRED, Fields.Text.ID);
                String name = fields.text(o, itemPath, "name", OPTIONAL, Fields.Text.NAME);
                ChecklistItem.Kind kind = fields.choice(o, itemPath, "kind", ChecklistItem.Kind.class, REQUIRED);
                BigDecimal nominal = fields.measure(o, itemPath, "nominal", OPTIONAL);
                BigDecimal tolerance = fields.tolerance(o, itemPath, "tolerance", OPTIONAL);
                BigDecimal min = fields.measure(o, itemPath, "min", OPTIONAL);
                BigDecimal max = fields.measure(o, itemPath, "max", OPTIONAL);
                String unit = fields.text(o, itemPath, "unit", OPTIONAL, Fields.Text.CODE);
                List<String> allowed = fields.texts(o, itemPath, "allowed", OPTIONAL, Fields.Text.NAME);
                String spec = fields.text(o, itemPath, "spec", OPTIONAL, Fields.Text.NAME);
                List<ChecklistItem.Part> parts = parts(fields.list(o, itemPath, "parts", OPTIONAL), itemPath + ".parts");
                unique(seen, id, itemPath + ".id", "checklist item");
                if (o != null && kind != null) checklistKind(o, itemPath, kind, nominal, tolerance, min, max, allowed);
                if (fields.count() == before)
                    checklist.add(new ChecklistItem(id, name, kind, nominal, tolerance, min, max, unit, allowed, spec, parts));
            }
            return checklist;
        }

        /** The keys each kind of checklist item needs and refuses. */
        private void checklistKind(ObjectNode o, String path, ChecklistItem.Kind kind, BigDecimal nominal,
                                   BigDecimal tolerance, BigDecimal min, BigDecimal max, List<String> allowed) {
            List<String> numeric = List.of("nominal", "tolerance", "min", "max", "unit", "parts");
            if (kind != ChecklistItem.Kind.MEASURE) {
                for (String key : numeric)
                    if (o.hasNonNull(key)) fields.add(at(path, key), "is a field of a MEASURE item; this item is " + kind);
                if (kind == ChecklistItem.Kind.PASS_FAIL && o.hasNonNull("allowed"))
                    fields.add(at(path, "allowed"), "is a field of a CHOICE item; this item is PASS_FAIL");
                if (kind == ChecklistItem.Kind.CHOICE && (allowed == null || allowed.isEmpty()) && !o.hasNonNull("allowed"))
                    fields.add(at(path, "allowed"), "is required: the values that pass, e.g. allowed: [\"銀灰\", \"白\"]");
                else if (kind == ChecklistItem.Kind.CHOICE && allowed != null && allowed.isEmpty())
                    fields.add(at(path, "allowed"), "must list at least one value");
                return;
            }
            if (o.hasNonNull("allowed")) fields.add(at(path, "allowed"), "is a field of a CHOICE item; this item is MEASURE");
            if (!o.hasNonNull("unit")) fields.add(at(path, "unit"), "is required for a MEASURE, e.g. unit: mm");
            boolean tol = o.hasNonNull("tolerance"), limits = o.hasNonNull("min") || o.hasNonNull("max");
            if (tol && limits) fields.add(path, "give nominal and tolerance, or min and/or max, not both");
            else if (tol && !o.hasNonNull("nominal"))
                fields.add(at(path, "nominal"), "is required with a tolerance (nominal ± tolerance)");
            else if (!tol && !limits)
                fields.add(path, "a MEASURE needs nominal and tolerance, e.g. { nominal: 600, tolerance: 10 }, or min "
                        + "and/or max, e.g. { min: 590, max: 610 }");
            else if (min != null && max != null && max.compareTo(min) < 0)
                fields.add(at(path, "max"), max.toPlainString() + " is less than min (" + min.toPlainString() + ")");
            else if (!tol && nominal != null && ((min != null && nominal.compareTo(min) < 0) || (max != null && nominal.compareTo(max) > 0)))
                fields.add(at(path, "nominal"), "lies outside min and max");
        }

        private List<ChecklistItem.Part> parts(ArrayNode list, String path) {
            List<ChecklistItem.Part> parts = new ArrayList<>();
            if (list == null) return parts;
            if (list.isEmpty()) fields.add(path, "must list at least one part, or be left out");
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < list.size(); k++) {
                String partPath = at(path, k);
                ObjectNode o = fields.object(list.get(k), partPath, PART);
                String item = fields.text(o, partPath, "item", REQUIRED, Fields.Text.ID);
                Integer count = fields.count(o, partPath, "count", OPTIONAL);
                if (item != null && !seen.add(item)) fields.add(partPath + ".item", "item " + item + " is a part already; give its count");
                if (item != null) parts.add(new ChecklistItem.Part(item, orElse(count, 1)));
            }
            return parts;
        }

        /** The buyer's duties (協力義務): what the buyer delivers, due on a date or N days from an anchor. */
        private List<BuyerDuty> duties(ArrayNode list) {
            List<BuyerDuty> duties = new ArrayList<>();
            if (list == null) return duties;
            Map<String, String> seen = new java.util.HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String path = at("buyerDuties", i);
                ObjectNode o = fields.object(list.get(i), path, DUTY);
                String id = fields.text(o, path, "id", REQUIRED, Fields.Text.ID);
                String name = fields.text(o, path, "name", OPTIONAL, Fields.Text.NAME);
                DueRule due = due(fields.object(o, path, "due", REQUIRED, DUE), path + ".due");
                unique(seen, id, path + ".id", "duty");
                duties.add(new BuyerDuty(orElse(id, path), name, orElse(due, new DueRule.Relative(0, Anchor.SIGNED))));
            }
            return duties;
        }

        /** An inspection record: {@code results: [{ item, value | verdict }]} and {@code inspectors: [names]}. */
        private InspectionRecord inspectionRecord(ObjectNode o, String path) {
            ArrayNode list = fields.list(o, path, "results", OPTIONAL);
            List<InspectionRecord.Result> results = new ArrayList<>();
            if (list != null) {
                for (int k = 0; k < list.size(); k++) {
                    String resultPath = at(at(path, "results"), k);
                    ObjectNode r = fields.object(list.get(k), resultPath, RESULT);
                    String item = fields.text(r, resultPath, "item", REQUIRED, Fields.Text.ID);
                    boolean value = r != null && r.hasNonNull("value"), verdict = r != null && r.hasNonNull("verdict");
                    if (r != null && value == verdict) {
                        fields.add(resultPath, value ? "give value or verdict, not both"
                                : "needs value (a measure, e.g. value: 603) or verdict (PASS, FAIL, or the value found)");
                        continue;
                    }
                    BigDecimal measured = value ? fields.measure(r, resultPath, "value", REQUIRED) : null;
                    String found = verdict ? fields.text(r, resultPath, "verdict", REQUIRED, Fields.Text.NAME) : null;
                    if (item != null && (measured != null || found != null))
                        results.add(new InspectionRecord.Result(item, measured, found));
                }
            }
            List<String> inspectors = fields.texts(o, path, "inspectors", OPTIONAL, Fields.Text.NAME);
            return new InspectionRecord(results, inspectors);
        }

        private DueRule due(ObjectNode due, String path) {
            if (due == null) return null;
            boolean fixed = due.hasNonNull("date");
            boolean relative = due.hasNonNull("days") || due.hasNonNull("from");
            if (fixed && relative) {
                fields.add(path, "give either days and from, or a date, not both");
                return null;
            }
            if (fixed) {
                LocalDate date = fields.date(due, path, "date", REQUIRED);
                return date == null ? null : new DueRule.Fixed(date);
            }
            if (!relative) {
                fields.add(path, "needs days and from, e.g. { days: 60, from: SIGNED }, or a date, e.g. { date: 2019-03-11 }");
                return null;
            }
            Integer days = fields.days(due, path, "days", REQUIRED);
            Anchor from = anchor(due, path);
            return days == null || from == null ? null : new DueRule.Relative(days, from);
        }

        private Anchor anchor(ObjectNode due, String path) {
            JsonNode node = fields.value(due, path, "from", REQUIRED);
            if (node == null) return null;
            String text = node.isTextual() ? node.asText() : "";
            if (text.equals("SIGNED")) return Anchor.SIGNED;
            int dot = text.lastIndexOf('.');
            if (dot > 0) {
                String milestone = text.substring(0, dot);
                String kind = text.substring(dot + 1);
                if (kind.equals("TENDERED")) return Anchor.tendered(milestone);
                if (kind.equals("ACCEPTED")) return Anchor.accepted(milestone);
            }
            fields.add(path + ".from",
                    "must be SIGNED, MILESTONE.TENDERED or MILESTONE.ACCEPTED, was " + Fields.describe(node));
            return null;
        }

        private List<ContractEvent> events(ArrayNode list) {
            List<ContractEvent> events = new ArrayList<>();
            if (list == null) return events;
            for (int i = 0; i < list.size(); i++) {
                String path = at("events", i);
                int before = fields.count();
                ObjectNode o = fields.object(list.get(i), path);
                LocalDate date = fields.date(o, path, "date", REQUIRED);
                String type = o == null ? null : eventType(o, path);
                if (o != null) eventFieldsKnown(o, path, type);
                List<DocumentRef> refs = o == null ? List.of() : documentRefs(o, path);
                if (!refs.isEmpty()) documents.put(i, refs);
                ContractEvent event = type == null ? null : event(o, path, date, type);
                if (event != null && fields.count() == before) {
                    events.add(event);
                    eventIndex.add(i);
                } else {
                    JsonNode milestone = o == null ? null : o.get("milestone");
                    leftOut.add(new LeftOut(-1, date, type,
                            milestone != null && milestone.isTextual() ? milestone.asText() : null));
                }
            }
            return events;
        }

        /**
         * {@code documents: [{ sha256, name, size, contentType }]} of an event: each by its SHA-256 (64 lower-case
         * hex digits), each once.
         */
        private List<DocumentRef> documentRefs(ObjectNode o, String path) {
            ArrayNode list = fields.list(o, path, "documents", OPTIONAL);
            if (list == null) return List.of();
            List<DocumentRef> refs = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (int j = 0; j < list.size(); j++) {
                String at = at(path + ".documents", j);
                ObjectNode d = fields.object(list.get(j), at, List.of("sha256", "name", "size", "contentType"));
                if (d == null) continue;
                String sha = fields.text(d, at, "sha256", REQUIRED, Fields.Text.ID);
                String name = fields.text(d, at, "name", REQUIRED, Fields.Text.NAME);
                Integer size = fields.integer(d, at, "size", REQUIRED);
                String type = fields.text(d, at, "contentType", REQUIRED, Fields.Text.NAME);
                if (sha != null && !sha.matches("[0-9a-f]{64}")) {
                    fields.add(at + ".sha256", "must be a SHA-256 as 64 lower-case hex digits, was \"" + sha + "\"");
                    continue;
                }
                if (size != null && size < 0) {
                    fields.add(at + ".size", "must not be negative");
                    continue;
                }
                if (sha != null && !seen.add(sha)) {
                    fields.add(at + ".sha256", "document " + sha + " is listed twice");
                    continue;
                }
                if (sha != null && name != null && size != null && type != null) refs.add(new DocumentRef(sha, name, size, type));
            }
            return refs;
        }

        /** The event, or null if something it needs is missing (and reported). */
        private ContractEvent event(ObjectNode o, String path, LocalDate date, String type) {
            String note = fields.text(o, path, "note", OPTIONAL, Fields.Text.NOTE);
            switch (type) {
                case "TENDERED", "ACCEPTED", "INSPECTION_FAILED" -> {
                    String milestone = fields.text(o, path, "milestone", REQUIRED, Fields.Text.ID);
                    List<String> items = fields.codes(o, path, "items", OPTIONAL);
                    LocalDate cureBy = type.equals("INSPECTION_FAILED") ? fields.date(o, path, "cureBy", OPTIONAL) : null;
                    InspectionRecord record = type.equals("TENDERED") ? null : inspectionRecord(o, path);
                    if (date == null || milestone == null) return null;
                    return switch (type) {
                        case "TENDERED" -> new Tendered(date, milestone, items, note);
                        case "ACCEPTED" -> new Accepted(date, milestone, items, note, record);
                        default -> new InspectionFailed(date, milestone, items, cureBy, note, record);
                    };
                }
                case "EXCUSED" -> {
                    DateRange range = range(o, path);
                    String reason = reasonOrNote(o, path, type, note);
                    return date == null || range == null ? null : new Excused(date, range, reason);
                }
                case "MEDIATION_FILED" -> {
                    return date == null ? null : new MediationFiled(date, note);
                }
                case "MEDIATION_CONCLUDED" -> {
                    Outcome outcome = fields.choice(o, path, "outcome", Outcome.class, REQUIRED);
                    DateRange excused = range(fields.object(o, path, "excused", OPTIONAL, RANGE), path + ".excused");
                    Period deadline = period(fields.object(o, path, "completionDeadline", OPTIONAL, PERIOD),
                            path + ".completionDeadline");
                    boolean resetDue = orElse(fields.bool(o, path, "resetDue", OPTIONAL), false);
                    boolean capWaived = orElse(fields.bool(o, path, "capWaived", OPTIONAL), false);
                    if (date == null || outcome == null) return null;
                    return new MediationConcluded(date, outcome, excused, deadline, resetDue, capWaived, note);
                }
                case "EXTENDED" -> {
                    String milestone = fields.text(o, path, "milestone", REQUIRED, Fields.Text.ID);
                    boolean days = o.hasNonNull("days"), to = o.hasNonNull("to");
                    String reason = reasonOrNote(o, path, type, note);
                    if (days == to) {
                        fields.add(path, days ? "give days or to, not both"
                                : "needs days, e.g. days: 30 (30 more calendar days), or to, e.g. to: 2019-03-31 (the new due date)");
                        return null;
                    }
                    Integer n = days ? fields.days(o, path, "days", REQUIRED) : null;
                    if (n != null && n < 1) {
                        fields.add(at(path, "days"), "must be at least 1: an extension grants one day or more");
                        return null;
                    }
                    LocalDate until = to ? fields.date(o, path, "to", REQUIRED) : null;
                    if (date == null || milestone == null || (n == null && until == null)) return null;
                    return new Extended(date, milestone, n, until, reason);
                }
                case "DELIVERED" -> {
                    String duty = fields.text(o, path, "duty", REQUIRED, Fields.Text.ID);
                    return date == null || duty == null ? null : new ContractEvent.Delivered(date, duty, note);
                }
                case "DELIVERY_ACKNOWLEDGED" -> {
                    String duty = fields.text(o, path, "duty", REQUIRED, Fields.Text.ID);
                    LocalDate delivered = fields.date(o, path, "delivered", REQUIRED);
                    return date == null || duty == null || delivered == null ? null
                            : new ContractEvent.DeliveryAcknowledged(date, duty, delivered, note);
                }
                case "AMENDED" -> {
                    List<ItemChange> changes = itemChanges(fields.list(o, path, "items", REQUIRED), path + ".items");
                    String reason = reasonOrNote(o, path, type, note);
                    return date == null || changes == null ? null : new Amended(date, changes, reason);
                }
                default -> {
                    String ground = fields.text(o, path, "ground", OPTIONAL, Fields.Text.NAME);
                    return date == null ? null : new Terminated(date, ground, note);
                }
            }
        }

        private String eventType(ObjectNode o, String path) {
            JsonNode node = fields.value(o, path, "type", REQUIRED);
            if (node == null) return null;
            if (node.isTextual() && EVENT_FIELDS.containsKey(node.asText())) return node.asText();
            fields.add(path + ".type", "unknown event type " + Fields.describe(node) + "; known types: "
                    + String.join(", ", EVENT_FIELDS.keySet()));
            return null;
        }

        /** Fields of another event type are named as such; other keys are unknown fields. */
        private void eventFieldsKnown(ObjectNode o, String path, String type) {
            Set<String> any = new LinkedHashSet<>(List.of("date", "type", "documents"));
            EVENT_FIELDS.values().forEach(any::addAll);
            if (type == null) {
                fields.onlyKnown(o, path, any);
                return;
            }
            List<String> known = new ArrayList<>(List.of("date", "type"));
            known.addAll(EVENT_FIELDS.get(type));
            for (var keys = o.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (known.contains(key) || key.equals("documents")) continue;   // every event may name its documents
                if (any.contains(key))
                    fields.add(at(path, key), "is not a field of type " + type + "; its fields are "
                            + String.join(", ", known));
                else fields.add(at(path, key), Fields.unknownField(key, known));
            }
        }

        /** EXCUSED and AMENDED keep one text, their reason; {@code note} is read as the reason. */
        private String reasonOrNote(ObjectNode o, String path, String type, String note) {
            String reason = fields.text(o, path, "reason", OPTIONAL, Fields.Text.NOTE);
            if (reason != null && note != null)
                fields.add(path + ".note", "an " + type + " event has one text: give reason or note, not both");
            return orElse(reason, note);
        }

        private DateRange range(ObjectNode range, String path) {
            if (range == null) return null;
            LocalDate from = fields.date(range, path, "from", REQUIRED);
            LocalDate to = fields.date(range, path, "to", REQUIRED);
            if (from == null || to == null) return null;
            if (to.isBefore(from)) {
                fields.add(path + ".to", to + " is before from (" + from + ")");
                return null;
            }
            return new DateRange(from, to);
        }

        private Period period(ObjectNode period, String path) {
            if (period == null) return null;
            boolean days = period.hasNonNull("days");
            boolean workingDays = period.hasNonNull("workingDays");
            boolean date = period.hasNonNull("date");
            int given = (days ? 1 : 0) + (workingDays ? 1 : 0) + (date ? 1 : 0);
            if (given != 1) {
                fields.add(path, given > 1 ? "give one of days, workingDays or a date, not several"
                        : "needs days, e.g. { days: 60 }, workingDays, e.g. { workingDays: 40 }, or a date, e.g. { date: 2019-11-01 }");
                return null;
            }
            if (days) {
                Integer n = fields.days(period, path, "days", REQUIRED);
                return n == null ? null : Period.ofDays(n);
            }
            if (workingDays) {
                Integer n = fields.days(period, path, "workingDays", REQUIRED);
                return n == null ? null : Period.ofWorkingDays(n);
            }
            LocalDate on = fields.date(period, path, "date", REQUIRED);
            return on == null ? null : Period.on(on);
        }

        private List<ItemChange> itemChanges(ArrayNode list, String path) {
            if (list == null) return null;
            List<ItemChange> changes = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                String itemPath = at(path, j);
                ObjectNode o = fields.object(list.get(j), itemPath, CHANGE);
                String code = fields.text(o, itemPath, "code", REQUIRED, Fields.Text.CODE);
                String name = fields.text(o, itemPath, "name", OPTIONAL, Fields.Text.NAME);
                BigDecimal amount = fields.amount(o, itemPath, "amount", REQUIRED);
                String milestone = fields.text(o, itemPath, "milestone", OPTIONAL, Fields.Text.ID);
                if (code != null && amount != null) changes.add(new ItemChange(code, name, amount, milestone));
            }
            return changes;
        }

        private List<Claim> claims(ArrayNode list) {
            List<Claim> claims = new ArrayList<>();
            if (list == null) return claims;
            for (int i = 0; i < list.size(); i++) {
                String path = at("claims", i);
                ObjectNode o = fields.object(list.get(i), path, CLAIM);
                LocalDate accrualThrough = fields.date(o, path, "accrualThrough", REQUIRED);
                List<Claim.Reduction> reductions = reductions(fields.list(o, path, "reductions", OPTIONAL),
                        path + ".reductions");
                BigDecimal bondOffset = fields.amount(o, path, "bondOffset", OPTIONAL);
                Claim.Interest interest = interest(fields.object(o, path, "interest", OPTIONAL, INTEREST),
                        path + ".interest");
                claims.add(new Claim(orElse(accrualThrough, LocalDate.MAX), reductions, bondOffset, interest));
            }
            return claims;
        }

        private List<Claim.Reduction> reductions(ArrayNode list, String path) {
            List<Claim.Reduction> reductions = new ArrayList<>();
            if (list == null) return reductions;
            for (int j = 0; j < list.size(); j++) {
                String reductionPath = at(path, j);
                ObjectNode o = fields.object(list.get(j), reductionPath, REDUCTION);
                BigDecimal percent = fields.percent(o, reductionPath, "percent", REQUIRED);
                String reason = fields.text(o, reductionPath, "reason", OPTIONAL, Fields.Text.NOTE);
                if (percent != null) reductions.add(new Claim.Reduction(percent, reason));
            }
            return reductions;
        }

        private Claim.Interest interest(ObjectNode interest, String path) {
            if (interest == null) return null;
            BigDecimal rate = fields.percent(interest, path, "ratePercent", OPTIONAL);
            LocalDate from = fields.date(interest, path, "from", REQUIRED);
            LocalDate through = fields.date(interest, path, "through", OPTIONAL);
            if (from != null && through != null && through.isBefore(from))
                fields.add(path + ".through", through + " is before from (" + from + ")");
            return from == null ? null : new Claim.Interest(rate, from, through);
        }

        /**
         * The validator's findings with the file's paths, leaving out what was already reported (a finding at or
         * inside a field with a problem) and findings about an event's place in the history that an event left out
         * of the replay could explain: one left out of the contract, or one the validator itself could not apply.
         */
        List<Violation> semanticViolations(List<Violation> found) {
            List<LeftOut> notReplayed = new ArrayList<>(leftOut);
            for (Violation v : found) {
                Matcher m = EVENT_PATH.matcher(v.path());
                if (m.matches() && !m.group(2).isEmpty()) {
                    int index = Integer.parseInt(m.group(1));
                    notReplayed.add(LeftOut.of(index, contract.events().get(index)));
                }
            }
            List<Violation> result = new ArrayList<>();
            for (Violation v : found) {
                Matcher m = EVENT_PATH.matcher(v.path());
                if (m.matches() && m.group(2).isEmpty()) {
                    int index = Integer.parseInt(m.group(1));
                    ContractEvent event = contract.events().get(index);
                    if (notReplayed.stream().anyMatch(x -> x.index() != index && x.mayExplain(event))) continue;
                }
                Violation mapped = v.at(filePath(v.path()));
                if (!alreadyReported(mapped.path())) result.add(mapped);
            }
            return result;
        }

        private String filePath(String path) {
            if (path.equals("items") || path.startsWith("items[") || path.startsWith("items."))
                return "contract." + path;
            Matcher m = EVENT_PATH.matcher(path);
            if (m.matches()) return "events[" + eventIndex.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
            return path;
        }

        private boolean alreadyReported(String path) {
            return fields.violations().stream().map(Violation::path).anyMatch(reported -> path.equals(reported)
                    || path.startsWith(reported + ".") || path.startsWith(reported + "["));
        }

    }

    /**
     * An event that was not replayed: its index in the contract (-1 if it is not in the contract), and its date,
     * type and milestone where they could be read.
     */
    private record LeftOut(int index, LocalDate date, String type, String milestone) {
        private static final Set<String> MILESTONE_TYPES = Set.of("TENDERED", "INSPECTION_FAILED", "ACCEPTED");

        static LeftOut of(int index, ContractEvent event) {
            return new LeftOut(index, event.date(), event.type(),
                    event instanceof ContractEvent.MilestoneEvent m ? m.milestone()
                            : event instanceof Extended x ? x.milestone() : null);
        }

        /** Whether this event, had it been applied, could have changed how {@code event} was judged. */
        boolean mayExplain(ContractEvent event) {
            if (date != null && date.isAfter(event.date())) return false;
            if (type == null || type.equals("TERMINATED")) return true;
            if (event instanceof ContractEvent.MilestoneEvent m)
                return MILESTONE_TYPES.contains(type) && (milestone == null || milestone.equals(m.milestone()));
            if (event instanceof MediationFiled || event instanceof MediationConcluded)
                return type.startsWith("MEDIATION_");
            return false;
        }
    }
}
