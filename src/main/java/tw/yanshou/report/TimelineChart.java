package tw.yanshou.report;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tw.yanshou.calculus.ContractEvent;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.calculus.RocDates;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.Statement.Line;
import tw.yanshou.calculus.Statement.MilestoneStatus;
import tw.yanshou.contract.ContractLoader;
import tw.yanshou.contract.StatementService;
import tw.yanshou.contract.file.ContractFile;

/**
 * The timeline of a contract as inline SVG, drawn on the server: one lane per milestone (due date, tenders,
 * inspections — failed ones red <em>and</em> marked × with a label —, cure periods), excused intervals and a pending
 * mediation shaded over the whole chart, the termination, and below the accrued penalty as a step curve (one step a
 * day) with the cap and the termination threshold as horizontal lines and the calculus's projection dashed.
 *
 * <p>The figures are the {@link Statement}'s; the events are the contract's events in force known on the statement
 * day. Every text is escaped by the XML writer (contract texts are user input), the chart has {@code role="img"}, a
 * {@code <title>} and a {@code <desc>} that says in words what it shows, and it reads in grey-scale (shapes, dash
 * patterns and hatching, not colour alone). It does not check who may see the contract: callers do
 * ({@code ContractService.statement(id, asOf, actor)}) before they ask for the chart.
 */
@Component
public class TimelineChart {
    static final String SVG_NS = "http://www.w3.org/2000/svg";

    static final int WIDTH = 960;
    static final int LEFT = 200;
    static final int RIGHT = 40;
    static final int TOP = 34;
    static final int LANE = 52;
    static final int CURVE_HEIGHT = 190;

    static final String INK = "#1d2733";
    static final String MUTED = "#4a5866";
    static final String FAILED = "#b00020";
    static final String ACCEPTED = "#1b5e20";
    static final String CURVE = "#1f4e79";

    private final StatementService statements;
    private final ContractLoader loader;
    private final MessageSource messages;

    TimelineChart(StatementService statements, ContractLoader loader, MessageSource messages) {
        this.statements = statements;
        this.loader = loader;
        this.messages = messages;
    }

    /** The chart of the contract as of {@code asOf}, labelled in {@code locale}. The caller checks access first. */
    public String svg(UUID contractId, LocalDate asOf, Locale locale) {
        return svg(loader.load(contractId), statements.statement(contractId, asOf), locale);
    }

    /** The chart of a contract file and its statement (when the caller has both already). */
    public String svg(ContractFile file, Statement statement, Locale locale) {
        try {
            return new Drawing(file, statement, locale).draw();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the timeline chart could not be written", e);
        }
    }

    /** One chart being drawn. */
    private final class Drawing {
        private final ContractFile file;
        private final Statement s;
        private final Locale locale;
        private final List<ContractEvent> events;
        private final LocalDate start;
        private final LocalDate end;
        private final double perDay;
        private final int lanesBottom;
        private final int curveTop;
        private final int curveBottom;
        private final int height;
        private final BigDecimal maxAmount;
        private final String idPrefix;
        private XMLStreamWriter w;

        Drawing(ContractFile file, Statement s, Locale locale) {
            this.file = file;
            this.s = s;
            this.locale = locale;
            this.events = file.contract().events().stream().filter(e -> !e.date().isAfter(s.asOf())).toList();
            this.idPrefix = "timeline-" + Integer.toHexString(file.number().hashCode() ^ s.asOf().hashCode());
            LocalDate first = file.contract().signedOn();
            LocalDate last = s.accruedThrough().isBefore(first) ? first : s.accruedThrough();
            for (ContractEvent e : events) {
                last = later(last, e.date());
                if (e instanceof ContractEvent.InspectionFailed f) last = later(last, f.cureBy());
            }
            for (MilestoneStatus m : s.milestones()) if (m.dueOn() != null) last = later(last, m.dueOn());
            for (Statement.ExcusedDays x : s.excused()) last = later(last, x.to());
            // a projection within a year is drawn to its day; a later one leaves the chart at the right edge
            if (s.projection() != null) {
                LocalDate horizon = last.plusYears(1);
                for (LocalDate d : new LocalDate[] {s.projection().capReachedOn(), s.projection().terminationRightOn()})
                    if (d != null && !d.isAfter(horizon)) last = later(last, d);
            }
            if (!s.asOf().isAfter(last.plusDays(120))) last = later(last, s.asOf());
            long span = Math.max(30, ChronoUnit.DAYS.between(first, last) + 1);
            long pad = Math.max(3, span / 40);
            this.start = first.minusDays(pad);
            this.end = last.plusDays(pad + 1);
            this.perDay = (double) (WIDTH - LEFT - RIGHT) / ChronoUnit.DAYS.between(start, end);
            this.lanesBottom = TOP + LANE * Math.max(1, s.milestones().size());
            this.curveTop = lanesBottom + 30;
            this.curveBottom = curveTop + CURVE_HEIGHT;
            this.height = curveBottom + 92;
            BigDecimal max = s.penaltyBeforeCap();
            if (s.cap() != null) max = max.max(s.cap().amount());
            BigDecimal threshold = threshold();
            if (threshold != null) max = max.max(threshold);
            this.maxAmount = max.signum() == 0 ? BigDecimal.valueOf(1000) : max.multiply(BigDecimal.valueOf(1.1));
        }

        String draw() throws XMLStreamException {
            StringWriter out = new StringWriter();
            w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartElement("svg");
            w.writeDefaultNamespace(SVG_NS);
            attr("viewBox", "0 0 " + WIDTH + " " + height);
            attr("width", String.valueOf(WIDTH));
            attr("height", String.valueOf(height));
            attr("role", "img");
            attr("aria-labelledby", idPrefix + "-title " + idPrefix + "-desc");
            attr("class", "timeline-chart");
            attr("font-family", "'Noto Sans TC', 'Noto Sans CJK TC', 'Microsoft JhengHei', sans-serif");
            attr("font-size", "12");
            attr("data-start", start.toString());
            attr("data-end", end.toString());
            element("title", idPrefix + "-title", msg("statement.chart.title", file.number()));
            element("desc", idPrefix + "-desc", description());
            defs();
            rect(0, 0, WIDTH, height, "#ffffff", null, "background");
            shading();
            lanes();
            termination();
            asOfMarker();
            curve();
            axis();
            legend();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        }

        // ---- parts ------------------------------------------------------------------------------------------

        private void defs() throws XMLStreamException {
            w.writeStartElement("defs");
            w.writeStartElement("pattern");
            attr("id", idPrefix + "-hatch");
            attr("patternUnits", "userSpaceOnUse");
            attr("width", "8");
            attr("height", "8");
            attr("patternTransform", "rotate(45)");
            rect(0, 0, 8, 8, "#e6eaee", null, null);
            line(0, 0, 0, 8, "#8a96a3", 2, null, null);
            w.writeEndElement();
            w.writeEndElement();
        }

        /** Excused intervals and a pending mediation, over lanes and curve alike. */
        private void shading() throws XMLStreamException {
            int row = 0;
            for (Statement.ExcusedDays x : s.excused()) {
                double x1 = x(x.from()), x2 = x(x.to().plusDays(1));
                group("excused", Map.of("data-from", x.from().toString(), "data-to", x.to().toString()));
                rect(x1, TOP - 6, x2 - x1, curveBottom - TOP + 6, "url(#" + idPrefix + "-hatch)", null, null);
                text(x1 + 3, 14 + 13 * (row++ % 2), msg("statement.chart.excused", Labels.xmlSafe(x.reason()),
                        date(x.from()), date(x.to())), "start", 11, INK, "excused-label");
                w.writeEndElement();
            }
            if (s.mediationPendingSince() != null) {
                double x1 = x(s.mediationPendingSince()), x2 = x(s.accruedThrough().plusDays(1));
                group("mediation-pending", Map.of("data-from", s.mediationPendingSince().toString()));
                rect(x1, TOP - 6, Math.max(2, x2 - x1), curveBottom - TOP + 6, "#f1e9d2", "#8a6d1a", null);
                text(x1 + 3, 14 + 13 * (row % 2), msg("statement.chart.mediationPending", date(s.mediationPendingSince())),
                        "start", 11, INK, "mediation-label");
                w.writeEndElement();
            }
        }

        private void lanes() throws XMLStreamException {
            Map<String, Milestone> defined = file.contract().milestones().stream()
                    .collect(Collectors.toMap(Milestone::id, Function.identity()));
            int i = 0;
            for (MilestoneStatus m : s.milestones()) {
                int top = TOP + LANE * i++;
                int base = top + LANE / 2 + 4;
                group("milestone", Map.of("data-milestone", Labels.xmlSafe(m.id()), "data-status", m.status().name()));
                if (i % 2 == 0) rect(0, top, LEFT - 8, LANE, "#f4f6f8", null, null);
                String name = Labels.xmlSafe(m.name() == null ? m.id() : m.name());
                String shown = name.codePointCount(0, name.length()) > 15
                        ? name.substring(0, name.offsetByCodePoints(0, 14)) + "…" : name;
                w.writeStartElement("text");
                attr("x", "8");
                attr("y", String.valueOf(top + 18));
                attr("font-weight", "bold");
                attr("fill", INK);
                attr("class", "milestone-name");
                if (!shown.equals(name)) element("title", null, name);
                w.writeCharacters(shown);
                w.writeEndElement();
                text(8, top + 34, msg("statement.status." + m.status().name()), "start", 11, MUTED, "milestone-status");
                line(LEFT, base, WIDTH - RIGHT, base, "#c3cbd3", 1, null, null);
                if (m.dueOn() != null) due(m.dueOn(), top, base);
                Milestone def = defined.get(m.id());
                if (def != null) events(def, top, base);
                w.writeEndElement();
            }
            line(0, lanesBottom, WIDTH, lanesBottom, "#c3cbd3", 1, null, null);
        }

        private void due(LocalDate dueOn, int top, int base) throws XMLStreamException {
            double x = x(dueOn.plusDays(1));
            group("due", Map.of("data-date", dueOn.toString()));
            line(x, top + 4, x, top + LANE - 2, INK, 1, "3 2", null);
            polygon(new double[] {x, base - 6, x + 6, base, x, base + 6, x - 6, base}, "#ffffff", INK);
            text(x + 8, top + 13, msg("statement.chart.due", date(dueOn)), "start", 11, INK, "due-label");
            w.writeEndElement();
        }

        /** Tenders (▲), failed inspections (red ✗ with a label and the cure period), acceptances (✓). */
        private void events(Milestone def, int top, int base) throws XMLStreamException {
            int failedRow = 0;
            for (ContractEvent e : events) {
                if (!(e instanceof ContractEvent.MilestoneEvent me) || !me.milestone().equals(def.id())) continue;
                double x = x(e.date()) + perDay / 2;
                if (e instanceof ContractEvent.Tendered) {
                    group("tender", Map.of("data-date", e.date().toString()));
                    element("title", null, msg("statement.chart.tender", date(e.date())));
                    polygon(new double[] {x, base - 7, x + 6, base + 4, x - 6, base + 4}, "#ffffff", INK);
                    w.writeEndElement();
                } else if (e instanceof ContractEvent.InspectionFailed f) {
                    group("inspection failed", Map.of("data-date", f.date().toString(), "data-cure-by", f.cureBy().toString()));
                    if (f.cureBy().isAfter(f.date())) {
                        double x2 = x(f.cureBy()) + perDay / 2;
                        w.writeStartElement("g");
                        attr("class", "cure");
                        element("title", null, msg("statement.chart.cure", date(f.cureBy())));
                        rect(x, base - 2, x2 - x, 4, FAILED, null, null);
                        line(x2, base - 7, x2, base + 7, FAILED, 2, null, null);
                        w.writeEndElement();
                    }
                    line(x - 5, base - 5, x + 5, base + 5, FAILED, 3, null, null);
                    line(x - 5, base + 5, x + 5, base - 5, FAILED, 3, null, null);
                    text(x, top + LANE - 3 - 11 * (failedRow++ % 2), "× " + msg("statement.chart.failed", date(f.date())),
                            "middle", 11, FAILED, "failed-label");
                    w.writeEndElement();
                } else if (e instanceof ContractEvent.Accepted) {
                    group("inspection accepted", Map.of("data-date", e.date().toString()));
                    element("title", null, msg("statement.chart.accepted", date(e.date())));
                    path("M" + f(x - 6) + " " + f(base) + " L" + f(x - 1) + " " + f(base + 5) + " L" + f(x + 7) + " " + f(base - 6),
                            ACCEPTED, 3, null, null);
                    w.writeEndElement();
                }
            }
        }

        private void termination() throws XMLStreamException {
            if (s.terminatedOn() == null) return;
            double x = x(s.terminatedOn()) + perDay;
            group("termination", Map.of("data-date", s.terminatedOn().toString()));
            line(x, TOP - 6, x, curveBottom, INK, 3, null, null);
            text(x - 4, curveTop - 8, msg("statement.chart.terminated", date(s.terminatedOn())), "end", 11, INK,
                    "termination-label");
            w.writeEndElement();
        }

        private void asOfMarker() throws XMLStreamException {
            group("as-of", Map.of("data-date", s.asOf().toString()));
            String label = msg("statement.chart.asOf", date(s.asOf()));
            if (s.asOf().isBefore(end)) {
                double x = x(s.asOf().plusDays(1));
                line(x, curveTop, x, curveBottom, MUTED, 1, "1 3", null);
                text(x - 3, curveBottom - 6, label, "end", 11, MUTED, "as-of-label");
            } else {
                text(WIDTH - RIGHT, curveBottom + 34, label + " →", "end", 11, MUTED, "as-of-label");
            }
            w.writeEndElement();
        }

        /** The running penalty, one step a day (capped while the cap applies), the cap, the threshold, the projection. */
        private void curve() throws XMLStreamException {
            rect(LEFT, curveTop, WIDTH - LEFT - RIGHT, CURVE_HEIGHT, "none", "#c3cbd3", "curve-frame");
            text(8, curveTop + 14, msg("statement.chart.penaltyAxis"), "start", 12, INK, "curve-title");
            for (BigDecimal tick : ticks()) {
                double y = y(tick);
                line(LEFT - 4, y, WIDTH - RIGHT, y, "#e1e6eb", 1, null, null);
                text(LEFT - 8, y + 4, Labels.amount(tick), "end", 11, MUTED, "amount-tick");
            }
            BigDecimal capApplies = s.cap() != null && !s.cap().waived() ? s.cap().amount() : null;
            BigDecimal threshold = threshold();
            if (s.cap() != null) {
                double y = y(s.cap().amount());
                boolean same = threshold != null && threshold.compareTo(s.cap().amount()) == 0;
                String key = same ? "statement.chart.capAndThreshold" : s.cap().waived() ? "statement.chart.capWaived" : "statement.chart.cap";
                group("cap", Map.of("data-amount", s.cap().amount().toPlainString(), "data-waived", String.valueOf(s.cap().waived())));
                line(LEFT, y, WIDTH - RIGHT, y, "#6a1b9a", 2, "10 5", null);
                text(LEFT + 6, y - 5, msg(key, Labels.amount(s.cap().amount()))
                        + (same && s.cap().waived() ? msg("statement.chart.waivedSuffix") : ""), "start", 11, "#4a148c", "cap-label");
                w.writeEndElement();
                if (same) threshold = null;
            }
            if (threshold != null) {
                double y = y(threshold);
                group("threshold", Map.of("data-amount", threshold.toPlainString()));
                line(LEFT, y, WIDTH - RIGHT, y, "#8a4b00", 2, "2 4", null);
                text(LEFT + 6, y + 14, msg("statement.chart.threshold", Labels.amount(threshold)), "start", 11, "#6d3b00",
                        "threshold-label");
                w.writeEndElement();
            }

            List<double[]> points = new ArrayList<>();
            boolean daily = s.lines().stream().mapToLong(Line::days).sum() <= 3000;
            BigDecimal running = BigDecimal.ZERO;
            points.add(new double[] {x(file.contract().signedOn()), y(BigDecimal.ZERO)});
            for (Line line : s.lines()) {
                long days = Math.max(1, line.days());
                long calendarDays = ChronoUnit.DAYS.between(line.from(), line.to()) + 1;
                if (daily && calendarDays == days) {
                    points.add(new double[] {x(line.from()), y(cap(running, capApplies))});
                    for (long d = 0; d < days; d++) {
                        BigDecimal after = running.add(line.amount().multiply(BigDecimal.valueOf(d + 1))
                                .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_UP));
                        double x = x(line.from().plusDays(d));
                        points.add(new double[] {x, y(cap(after, capApplies))});
                        points.add(new double[] {x + perDay, y(cap(after, capApplies))});
                    }
                } else {
                    points.add(new double[] {x(line.from()), y(cap(running, capApplies))});
                    points.add(new double[] {x(line.to().plusDays(1)), y(cap(running.add(line.amount()), capApplies))});
                }
                running = running.add(line.amount());
            }
            double endX = x(s.accruedThrough().plusDays(1));
            BigDecimal shown = capApplies == null ? running : running.min(capApplies);
            points.add(new double[] {endX, y(shown)});
            w.writeStartElement("polyline");
            attr("class", "penalty");
            attr("data-end-amount", s.penalty().toPlainString());
            attr("fill", "none");
            attr("stroke", CURVE);
            attr("stroke-width", "2.5");
            attr("stroke-linejoin", "round");
            attr("points", points.stream().map(p -> f(p[0]) + "," + f(p[1])).collect(Collectors.joining(" ")));
            element("title", null, msg("statement.chart.penalty", Labels.amount(s.penalty())));
            w.writeEndElement();
            circle(endX, y(shown), 4, CURVE, "#ffffff", "penalty-end");
            text(endX - 8, y(shown) - 8, msg("statement.chart.penalty", Labels.amount(s.penalty())), "end", 12, CURVE,
                    "penalty-label");

            if (s.projection() != null) projection(endX, shown, threshold());
        }

        /** The dashed projection from the last accrued day to the day the cap (threshold) will be reached. */
        private void projection(double fromX, BigDecimal from, BigDecimal threshold) throws XMLStreamException {
            List<Object[]> targets = new ArrayList<>();
            if (s.projection().capReachedOn() != null && s.cap() != null)
                targets.add(new Object[] {s.projection().capReachedOn(), s.cap().amount(), "statement.chart.projection"});
            if (s.projection().terminationRightOn() != null && threshold != null
                    && (s.cap() == null || threshold.compareTo(s.cap().amount()) != 0))
                targets.add(new Object[] {s.projection().terminationRightOn(), threshold, "statement.chart.projectionThreshold"});
            int row = 0;
            for (Object[] t : targets) {
                LocalDate day = (LocalDate) t[0];
                BigDecimal amount = (BigDecimal) t[1];
                double toX = x(day.plusDays(1));
                double toY = y(amount);
                double rightEdge = WIDTH - RIGHT;
                if (toX > rightEdge) {   // beyond the chart: leave it at the edge, on the same straight line
                    double share = (rightEdge - fromX) / (toX - fromX);
                    toY = y(from) + (toY - y(from)) * share;
                    toX = rightEdge;
                }
                group("projection", Map.of("data-date", day.toString(), "data-amount", amount.toPlainString()));
                line(fromX, y(from), toX, toY, CURVE, 2, "6 4", null);
                text(Math.min(toX, rightEdge) - 4, toY - 8 - 14 * row++, msg((String) t[2], date(day)), "end", 11, CURVE,
                        "projection-label");
                w.writeEndElement();
            }
        }

        private BigDecimal cap(BigDecimal amount, BigDecimal cap) {
            return cap == null ? amount : amount.min(cap);
        }

        private void axis() throws XMLStreamException {
            int y = curveBottom;
            line(LEFT, y, WIDTH - RIGHT, y, INK, 1, null, null);
            long months = ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
            double monthWidth = (WIDTH - LEFT - RIGHT) / Math.max(1.0, months);
            int step = 1;
            for (int candidate : new int[] {1, 2, 3, 6, 12, 24, 60, 120}) {
                step = candidate;
                if (monthWidth * candidate >= 64) break;
            }
            YearMonth first = YearMonth.from(start).plusMonths(1);
            while ((first.getMonthValue() - 1) % step != 0) first = first.plusMonths(1);
            w.writeStartElement("g");
            attr("class", "axis");
            boolean firstLabel = true;
            for (YearMonth m = first; !m.atDay(1).isAfter(end); m = m.plusMonths(step)) {
                double x = x(m.atDay(1));
                if (x < LEFT + 10 || x > WIDTH - RIGHT - 10) continue;
                line(x, y, x, y + 5, INK, 1, null, null);
                line(x, TOP - 6, x, y, "#eef1f4", 1, null, null);
                text(x, y + 18, monthLabel(m, firstLabel || m.getMonthValue() == 1), "middle", 11, INK, "month");
                firstLabel = false;
            }
            w.writeEndElement();
        }

        private String monthLabel(YearMonth m, boolean withYear) {
            if (!Labels.chinese(locale)) return m.toString();
            int rocYear = RocDates.rocYear(m.atDay(1));
            return withYear ? rocYear + "年" + m.getMonthValue() + "月" : m.getMonthValue() + "月";
        }

        private void legend() throws XMLStreamException {
            int y = curveBottom + 58;
            w.writeStartElement("g");
            attr("class", "legend");
            double x = 8;
            polygon(new double[] {x + 6, y - 7, x + 12, y + 4, x, y + 4}, "#ffffff", INK);
            x = legendText(x + 16, y, "statement.chart.legend.tender");
            line(x + 1, y - 5, x + 11, y + 5, FAILED, 3, null, null);
            line(x + 1, y + 5, x + 11, y - 5, FAILED, 3, null, null);
            x = legendText(x + 16, y, "statement.chart.legend.failed");
            rect(x, y - 2, 18, 4, FAILED, null, null);
            x = legendText(x + 22, y, "statement.chart.legend.cure");
            path("M" + f(x) + " " + f(y) + " L" + f(x + 5) + " " + f(y + 5) + " L" + f(x + 13) + " " + f(y - 6), ACCEPTED, 3, null, null);
            x = legendText(x + 18, y, "statement.chart.legend.accepted");
            polygon(new double[] {x + 6, y - 6, x + 12, y, x + 6, y + 6, x, y}, "#ffffff", INK);
            x = legendText(x + 16, y, "statement.chart.legend.due");
            rect(x, y - 7, 18, 12, "url(#" + idPrefix + "-hatch)", "#8a96a3", null);
            legendText(x + 22, y, "statement.chart.legend.excused");
            int y2 = y + 22;
            x = 8;
            line(x, y2, x + 24, y2, CURVE, 2.5, null, null);
            x = legendText(x + 30, y2, "statement.chart.legend.penalty");
            line(x, y2, x + 24, y2, CURVE, 2, "6 4", null);
            x = legendText(x + 30, y2, "statement.chart.legend.projection");
            line(x, y2, x + 24, y2, "#6a1b9a", 2, "10 5", null);
            x = legendText(x + 30, y2, "statement.chart.legend.cap");
            line(x, y2, x + 24, y2, "#8a4b00", 2, "2 4", null);
            x = legendText(x + 30, y2, "statement.chart.legend.threshold");
            line(x, y2 - 8, x, y2 + 6, INK, 3, null, null);
            legendText(x + 8, y2, "statement.chart.legend.termination");
            w.writeEndElement();
        }

        /** Writes a legend entry; returns where the next one starts (CJK text counts 12 px, other 7 px a character). */
        private double legendText(double x, int y, String key) throws XMLStreamException {
            String label = msg(key);
            text(x, y + 4, label, "start", 11, INK, null);
            double width = label.codePoints().mapToDouble(c -> c > 0x2E80 ? 11.5 : 6.5).sum();
            return x + width + 18;
        }

        private String description() {
            List<String> parts = new ArrayList<>();
            for (MilestoneStatus m : s.milestones()) {
                String name = Labels.xmlSafe(m.name() == null ? m.id() : m.name());
                parts.add(m.dueOn() == null ? msg("statement.chart.desc.milestoneWaiting", name, msg("statement.status." + m.status().name()))
                        : msg("statement.chart.desc.milestone", name, date(m.dueOn()), msg("statement.status." + m.status().name())));
            }
            for (ContractEvent e : events)
                if (e instanceof ContractEvent.InspectionFailed f)
                    parts.add(msg("statement.chart.desc.failed", milestoneName(f.milestone()), date(f.date()), date(f.cureBy())));
            for (Statement.ExcusedDays x : s.excused())
                parts.add(msg("statement.chart.excused", Labels.xmlSafe(x.reason()), date(x.from()), date(x.to())));
            if (s.terminatedOn() != null) parts.add(msg("statement.chart.terminated", date(s.terminatedOn())));
            parts.add(msg("statement.chart.penalty", Labels.amount(s.penalty())));
            if (s.cap() != null)
                parts.add(msg(s.cap().waived() ? "statement.chart.capWaived" : "statement.chart.cap", Labels.amount(s.cap().amount())));
            BigDecimal threshold = threshold();
            if (threshold != null) parts.add(msg("statement.chart.threshold", Labels.amount(threshold)));
            return msg("statement.chart.desc", date(s.asOf()), String.join(msg("statement.chart.desc.separator"), parts));
        }

        private String milestoneName(String id) {
            return s.milestones().stream().filter(m -> m.id().equals(id)).findFirst()
                    .map(m -> Labels.xmlSafe(m.name() == null ? m.id() : m.name())).orElse(Labels.xmlSafe(id));
        }

        /** The termination threshold in TWD: the calculus's percentage of the contract total, rounded as it rounds. */
        private BigDecimal threshold() {
            BigDecimal percent = file.contract().terms().penalty().terminationRightAtPercent();
            if (percent == null) return null;
            return tw.yanshou.calculus.Amounts.whole(tw.yanshou.calculus.Amounts.percent(s.contractTotal(), percent));
        }

        private List<BigDecimal> ticks() {
            double raw = maxAmount.doubleValue() / 4;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double nice = raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10;
            BigDecimal step = BigDecimal.valueOf(nice * magnitude).setScale(0, RoundingMode.HALF_UP);
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = BigDecimal.ZERO; t.compareTo(maxAmount) <= 0; t = t.add(step)) ticks.add(t);
            return ticks;
        }

        // ---- geometry and primitives ------------------------------------------------------------------------

        /** The left edge of a day. */
        private double x(LocalDate day) { return LEFT + ChronoUnit.DAYS.between(start, day) * perDay; }

        private double y(BigDecimal amount) {
            return curveBottom - amount.doubleValue() / maxAmount.doubleValue() * (CURVE_HEIGHT - 8);
        }

        private String date(LocalDate day) { return Labels.shortDate(day, locale); }

        private String msg(String key, Object... args) { return messages.getMessage(key, args, locale); }

        private void attr(String name, String value) throws XMLStreamException { w.writeAttribute(name, Labels.xmlSafe(value)); }

        private void group(String cls, Map<String, String> data) throws XMLStreamException {
            w.writeStartElement("g");
            attr("class", cls);
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(data).entrySet()) attr(e.getKey(), e.getValue());
        }

        private void element(String name, String id, String text) throws XMLStreamException {
            w.writeStartElement(name);
            if (id != null) attr("id", id);
            w.writeCharacters(Labels.xmlSafe(text));
            w.writeEndElement();
        }

        private void text(double x, double y, String text, String anchor, int size, String fill, String cls)
                throws XMLStreamException {
            w.writeStartElement("text");
            attr("x", f(x));
            attr("y", f(y));
            attr("text-anchor", anchor);
            attr("font-size", String.valueOf(size));
            attr("fill", fill);
            if (cls != null) attr("class", cls);
            w.writeCharacters(Labels.xmlSafe(text));
            w.writeEndElement();
        }

        private void rect(double x, double y, double width, double height, String fill, String stroke, String cls)
                throws XMLStreamException {
            w.writeEmptyElement("rect");
            attr("x", f(x));
            attr("y", f(y));
            attr("width", f(width));
            attr("height", f(height));
            attr("fill", fill);
            if (stroke != null) attr("stroke", stroke);
            if (cls != null) attr("class", cls);
        }

        private void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash, String cls)
                throws XMLStreamException {
            w.writeEmptyElement("line");
            attr("x1", f(x1));
            attr("y1", f(y1));
            attr("x2", f(x2));
            attr("y2", f(y2));
            attr("stroke", stroke);
            attr("stroke-width", f(width));
            if (dash != null) attr("stroke-dasharray", dash);
            if (cls != null) attr("class", cls);
        }

        private void path(String d, String stroke, double width, String fill, String cls) throws XMLStreamException {
            w.writeEmptyElement("path");
            attr("d", d);
            attr("fill", fill == null ? "none" : fill);
            attr("stroke", stroke);
            attr("stroke-width", f(width));
            attr("stroke-linecap", "round");
            if (cls != null) attr("class", cls);
        }

        private void polygon(double[] xy, String fill, String stroke) throws XMLStreamException {
            w.writeEmptyElement("polygon");
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < xy.length; i += 2) points.append(i == 0 ? "" : " ").append(f(xy[i])).append(',').append(f(xy[i + 1]));
            attr("points", points.toString());
            attr("fill", fill);
            attr("stroke", stroke);
            attr("stroke-width", "1.5");
        }

        private void circle(double cx, double cy, double r, String stroke, String fill, String cls) throws XMLStreamException {
            w.writeEmptyElement("circle");
            attr("cx", f(cx));
            attr("cy", f(cy));
            attr("r", f(r));
            attr("fill", fill);
            attr("stroke", stroke);
            attr("stroke-width", "2");
            if (cls != null) attr("class", cls);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) { return b != null && b.isAfter(a) ? b : a; }

    /** A coordinate with at most one decimal. */
    static String f(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }
}
