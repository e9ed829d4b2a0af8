package tw.yanshou.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.RocDates;
import tw.yanshou.contract.InspectionRecords;
import tw.yanshou.security.Actor;
import tw.yanshou.web.NotFoundException;

/**
 * The inspection record of one result (驗收紀錄) as a PDF of its own, for a supervisor or a judge: the template
 * {@code inspection/pdf} rendered by {@link StatementPdf} (openhtmltopdf, the bundled Noto Sans TC). Traditional
 * Chinese first, English beside every label; dates in 民國 with the ISO date; every figure is
 * {@link InspectionRecords#record}'s, the one the API answers as JSON. Who may see it is that service's rule: staff
 * every contract, a vendor its own, anything else 404.
 */
@Component
class InspectionRecordPdf {
    static final Locale ZH = Locale.forLanguageTag("zh-TW");
    private final InspectionRecords records;
    private final StatementPdf pdf;
    private final MessageSource messages;

    InspectionRecordPdf(InspectionRecords records, StatementPdf pdf, MessageSource messages) {
        this.records = records;
        this.pdf = pdf;
        this.messages = messages;
    }

    /** The record's PDF as an attachment; 404 for an id that is no UUID, another vendor's contract or no result. */
    ResponseEntity<byte[]> download(String contractId, String eventId, Actor actor) {
        InspectionRecords.Record record = records.record(uuid(contractId), uuid(eventId), actor);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", record);
        model.put("t", new Words(messages));
        String name = messages.getMessage("record.file", null, ZH) + "-"
                + record.contract().number().replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-" + record.milestone()
                .replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-" + record.date() + "-" + record.entry().seq() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(pdf.render("inspection/pdf", model, ZH));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no inspection record " + text);
        }
    }

    /** The template's words and formats: each label in Chinese and English, 民國 and ISO dates, plain numbers. */
    public static final class Words {
        private final MessageSource messages;

        Words(MessageSource messages) { this.messages = messages; }

        public String zh(String key, Object... args) { return Labels.xmlSafe(messages.getMessage(key, args, ZH)); }

        public String en(String key, Object... args) { return Labels.xmlSafe(messages.getMessage(key, args, Locale.ENGLISH)); }

        /** {@code 108年1月25日 (2019-01-25)}. */
        public String date(LocalDate date) {
            if (date == null) return "";
            return (date.isBefore(LocalDate.of(1912, 1, 1)) ? "" : RocDates.format(date) + " ") + "(" + date + ")";
        }

        /** {@code 600}, {@code 612.5}: as written, without trailing zeros. */
        public String number(BigDecimal value) {
            if (value == null) return "";
            BigDecimal s = value.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }

        /** {@code 590 – 610}, {@code ≥ 5}, {@code ≤ 7} of a measure, or empty. */
        public String limits(InspectionRecords.RecordLine line) {
            BigDecimal lower = line.tolerance() != null && line.nominal() != null ? line.nominal().subtract(line.tolerance()) : line.min();
            BigDecimal upper = line.tolerance() != null && line.nominal() != null ? line.nominal().add(line.tolerance()) : line.max();
            if (lower != null && upper != null) return number(lower) + " – " + number(upper);
            if (lower != null) return "≥ " + number(lower);
            if (upper != null) return "≤ " + number(upper);
            return "";
        }

        public String text(String text) { return Labels.xmlSafe(text); }
    }
}
