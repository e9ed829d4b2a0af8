package tw.yanshou.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The registration form: its fields are named by their paths in a contract file ({@code contract.items[0].amount},
 * {@code milestones[1].due.from}), it gives a contract file (format 1, JSON) that goes through the same door as an
 * uploaded file, and a violation's path names the row it came from even when empty rows were left out.
 */
public final class ContractForm {
    static final int MAX_ROWS = 50;
    private static final Pattern ROW = Pattern.compile("^(contract\\.items|terms\\.linkedContracts|milestones)\\[(\\d+)](.*)$");

    public final int items;
    public final int milestones;
    public final int linked;
    /** File index → form row, per list. */
    private final List<Integer> itemRows = new ArrayList<>();
    private final List<Integer> milestoneRows = new ArrayList<>();
    private final List<Integer> linkedRows = new ArrayList<>();

    ContractForm(int items, int milestones, int linked) {
        this.items = clamp(items);
        this.milestones = clamp(milestones);
        this.linked = clamp(linked);
    }

    static ContractForm of(Map<String, String> form) {
        return new ContractForm(count(form, "rows.items", 3), count(form, "rows.milestones", 3), count(form, "rows.linked", 1));
    }

    ContractForm more() { return new ContractForm(items + 2, milestones + 2, linked + 1); }

    private static int clamp(int n) { return Math.max(1, Math.min(n, MAX_ROWS)); }

    private static int count(Map<String, String> form, String field, int otherwise) {
        try {
            return Integer.parseInt(form.getOrDefault(field, String.valueOf(otherwise)));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Every field of the form. */
    Set<String> fields() {
        Set<String> f = new LinkedHashSet<>(List.of("contract.number", "contract.title", "contract.buyer", "contract.vendor.id",
                "contract.vendor.name", "contract.site", "contract.signedOn", "terms.deadlineDays", "terms.lastDayRollover",
                "terms.penalty.ratePerMille", "terms.penalty.basis", "terms.penalty.capPercent",
                "terms.penalty.terminationRightAtPercent", "terms.performanceBond"));
        for (int i = 0; i < items; i++) for (String k : List.of("code", "name", "amount")) f.add("contract.items[" + i + "]." + k);
        for (int i = 0; i < milestones; i++)
            for (String k : List.of("id", "name", "items", "due.days", "due.from", "due.date")) f.add("milestones[" + i + "]." + k);
        for (int i = 0; i < linked; i++)
            for (String k : List.of("number", "kind", "amount", "performanceBond", "terminatesWithThis"))
                f.add("terms.linkedContracts[" + i + "]." + k);
        return f;
    }

    /** The contract file, or null if the desk's own checks (dates, numbers) found problems, noted in {@code errors}. */
    String json(Map<String, String> form, FormErrors errors, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", 1);
        ObjectNode c = root.putObject("contract");
        put(c, "number", Forms.text(form, "contract.number"));
        put(c, "title", Forms.text(form, "contract.title"));
        put(c, "buyer", Forms.text(form, "contract.buyer"));
        String vendorId = Forms.text(form, "contract.vendor.id");
        String vendorName = Forms.text(form, "contract.vendor.name");
        if (vendorId != null || vendorName != null) {
            ObjectNode v = c.putObject("vendor");
            put(v, "id", vendorId);
            put(v, "name", vendorName);
        }
        c.put("currency", "TWD");
        put(c, "site", Forms.text(form, "contract.site"));
        LocalDate signed = Forms.date(form, "contract.signedOn", true, errors);
        if (signed != null) c.put("signedOn", signed.toString());
        ArrayNode itemList = c.putArray("items");
        for (int i = 0; i < items; i++) {
            String p = "contract.items[" + i + "].";
            if (blank(form, p, "code", "name", "amount")) continue;
            ObjectNode o = itemList.addObject();
            put(o, "code", Forms.text(form, p + "code"));
            put(o, "name", Forms.text(form, p + "name"));
            number(o, "amount", Forms.amount(form, p + "amount", true, errors));
            itemRows.add(i);
        }

        ObjectNode t = root.putObject("terms");
        t.put("calendar", "TW");
        put(t, "deadlineDays", Forms.text(form, "terms.deadlineDays"));
        t.put("lastDayRollover", form.containsKey("terms.lastDayRollover"));
        ObjectNode penalty = t.putObject("penalty");
        number(penalty, "ratePerMille", Forms.amount(form, "terms.penalty.ratePerMille", true, errors));
        put(penalty, "basis", Forms.text(form, "terms.penalty.basis"));
        number(penalty, "capPercent", Forms.amount(form, "terms.penalty.capPercent", false, errors));
        number(penalty, "terminationRightAtPercent", Forms.amount(form, "terms.penalty.terminationRightAtPercent", false, errors));
        number(t, "performanceBond", Forms.amount(form, "terms.performanceBond", false, errors));
        ArrayNode links = mapper.createArrayNode();
        for (int i = 0; i < linked; i++) {
            String p = "terms.linkedContracts[" + i + "].";
            if (blank(form, p, "number", "kind", "amount", "performanceBond")) continue;
            ObjectNode o = links.addObject();
            put(o, "number", Forms.text(form, p + "number"));
            put(o, "kind", Forms.text(form, p + "kind"));
            number(o, "amount", Forms.amount(form, p + "amount", true, errors));
            number(o, "performanceBond", Forms.amount(form, p + "performanceBond", false, errors));
            if (form.containsKey(p + "terminatesWithThis")) o.put("terminatesWithThis", true);
            linkedRows.add(i);
        }
        if (!links.isEmpty()) t.set("linkedContracts", links);

        ArrayNode ms = root.putArray("milestones");
        for (int i = 0; i < milestones; i++) {
            String p = "milestones[" + i + "].";
            if (blank(form, p, "id", "name", "items", "due.days", "due.from", "due.date")) continue;
            ObjectNode o = ms.addObject();
            put(o, "id", Forms.text(form, p + "id"));
            put(o, "name", Forms.text(form, p + "name"));
            String codes = Forms.text(form, p + "items");
            if (codes != null) {
                ArrayNode list = o.putArray("items");
                for (String code : codes.split("[,，\\s]+")) if (!code.isBlank()) list.add(code.strip());
            }
            ObjectNode due = o.putObject("due");
            Integer days = Forms.days(form, p + "due.days", false, errors);
            if (days != null) due.put("days", days);
            put(due, "from", Forms.text(form, p + "due.from"));
            LocalDate date = Forms.date(form, p + "due.date", false, errors);
            if (date != null) due.put("date", date.toString());
            milestoneRows.add(i);
        }
        return errors.any() ? null : root.toString();
    }

    /** The form field a violation path names, or null for one of the whole file. */
    String field(String path) {
        String p = path;
        Matcher m = ROW.matcher(p);
        if (m.matches()) {
            List<Integer> rows = switch (m.group(1)) {
                case "contract.items" -> itemRows;
                case "terms.linkedContracts" -> linkedRows;
                default -> milestoneRows;
            };
            int index = Integer.parseInt(m.group(2));
            if (index >= rows.size()) return null;
            p = m.group(1) + "[" + rows.get(index) + "]" + m.group(3);
        }
        Set<String> fields = fields();
        if (fields.contains(p)) return p;
        String stripped = p.replaceAll("\\[\\d+]$", "");
        if (fields.contains(stripped)) return stripped;
        if (p.endsWith(".due")) return p + ".days";
        if (p.equals("contract.vendor")) return "contract.vendor.name";
        if (p.equals("terms.calendar") || p.equals("contract.currency")) return null;
        return null;
    }

    private static boolean blank(Map<String, String> form, String prefix, String... keys) {
        for (String k : keys) if (Forms.text(form, prefix + k) != null) return false;
        return true;
    }

    private static void put(ObjectNode o, String key, String value) {
        if (value != null) o.put(key, value);
    }

    private static void number(ObjectNode o, String key, BigDecimal value) {
        if (value != null) o.put(key, value);
    }
}
