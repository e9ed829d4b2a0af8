package tw.yanshou.desk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The form of each event type, and the event it gives, written as in a contract file's {@code events} list (the
 * reader of the contract module checks it, as for the API). Field names are the keys of the file, so that a
 * violation's path ({@code event.cureBy}) names its field ({@code cureBy}).
 */
final class EventForm {
    private EventForm() { }

    static final String MILESTONE_EVENTS = "TENDERED INSPECTION_FAILED ACCEPTED";

    /** The types in the order an officer meets them, each with its fields. */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put("TENDERED", List.of("date", "milestone", "items", "note"));
        FIELDS.put("INSPECTION_FAILED", List.of("date", "milestone", "items", "cureBy", "note"));
        FIELDS.put("ACCEPTED", List.of("date", "milestone", "items", "note"));
        FIELDS.put("EXCUSED", List.of("date", "from", "to", "reason"));
        FIELDS.put("MEDIATION_FILED", List.of("date", "note"));
        FIELDS.put("MEDIATION_CONCLUDED", List.of("date", "outcome", "excused.from", "excused.to",
                "completionDeadline.days", "completionDeadline.date", "resetDue", "capWaived", "note"));
        FIELDS.put("AMENDED", List.of("date", "items[0].code", "items[0].name", "items[0].amount", "items[1].code",
                "items[1].name", "items[1].amount", "reason"));
        FIELDS.put("TERMINATED", List.of("date", "ground", "note"));
        FIELDS.put("DELIVERED", List.of("date", "duty", "note"));
    }

    static final List<String> DATE_FIELDS = List.of("date", "cureBy", "from", "to", "excused.from", "excused.to",
            "completionDeadline.date");

    /** The event as JSON, or null if the desk's own checks (dates, numbers) found problems, noted in {@code errors}. */
    static String json(String type, Map<String, String> form, FormErrors errors, ObjectMapper mapper) {
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            errors.add("type", "error.eventType");
            return null;
        }
        ObjectNode o = mapper.createObjectNode();
        for (String field : fields) {
            if (DATE_FIELDS.contains(field)) {
                LocalDate d = Forms.date(form, field, field.equals("date"), errors);
                if (d != null) put(o, field, d.toString());
            }
        }
        o.put("type", type);
        switch (type) {
            case "TENDERED", "INSPECTION_FAILED", "ACCEPTED" -> {
                put(o, "milestone", Forms.text(form, "milestone"));
                String items = Forms.text(form, "items");
                if (items != null) {
                    ArrayNode list = o.putArray("items");
                    for (String code : items.split("[,，\\s]+")) if (!code.isBlank()) list.add(code.strip());
                }
                put(o, "note", Forms.text(form, "note"));
            }
            case "EXCUSED" -> put(o, "reason", Forms.text(form, "reason"));
            case "DELIVERED" -> {
                // the delivered documents themselves are attached by the documents feature (a seam: it adds files here)
                put(o, "duty", Forms.text(form, "duty"));
                put(o, "note", Forms.text(form, "note"));
            }
            case "MEDIATION_FILED", "TERMINATED" -> {
                if (type.equals("TERMINATED")) put(o, "ground", Forms.text(form, "ground"));
                put(o, "note", Forms.text(form, "note"));
            }
            case "MEDIATION_CONCLUDED" -> {
                put(o, "outcome", Forms.text(form, "outcome"));
                Integer days = Forms.days(form, "completionDeadline.days", false, errors);
                if (days != null) child(o, "completionDeadline").put("days", days);
                if (form.containsKey("resetDue")) o.put("resetDue", true);
                if (form.containsKey("capWaived")) o.put("capWaived", true);
                put(o, "note", Forms.text(form, "note"));
            }
            case "AMENDED" -> {
                ArrayNode items = o.putArray("items");
                for (int i = 0; i < 2; i++) {
                    String code = Forms.text(form, "items[" + i + "].code");
                    var amount = Forms.amount(form, "items[" + i + "].amount", code != null, errors);
                    if (code == null) continue;
                    ObjectNode item = items.addObject();
                    item.put("code", code);
                    String name = Forms.text(form, "items[" + i + "].name");
                    if (name != null) item.put("name", name);
                    if (amount != null) item.put("amount", amount);
                }
                put(o, "reason", Forms.text(form, "reason"));
            }
            default -> { }
        }
        return errors.any() ? null : o.toString();
    }

    /** {@code a.b} puts into a nested object, as the file has it. */
    private static void put(ObjectNode o, String field, String value) {
        if (value == null) return;
        int dot = field.indexOf('.');
        if (dot < 0) o.put(field, value);
        else child(o, field.substring(0, dot)).put(field.substring(dot + 1), value);
    }

    private static ObjectNode child(ObjectNode o, String name) {
        return o.get(name) instanceof ObjectNode c ? c : o.putObject(name);
    }

    /** The field of this type's form that a violation path names ({@code event.items[2]} → {@code items}). */
    static String field(String type, String path) {
        List<String> fields = FIELDS.getOrDefault(type, List.of());
        String p = path.startsWith("event.") ? path.substring("event.".length()) : path;
        if (fields.contains(p)) return p;
        String stripped = p.replaceAll("\\[\\d+]$", "");
        if (fields.contains(stripped)) return stripped;
        if (p.equals("completionDeadline")) return "completionDeadline.days";
        if (p.equals("excused")) return "excused.from";
        if (p.equals("event") || p.equals("type")) return null;
        return null;
    }
}
