package tw.yanshou.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tw.yanshou.api.ApiTestSupport;
import tw.yanshou.calculus.CalendarSource;
import tw.yanshou.calculus.ContractValidator;
import tw.yanshou.calculus.Statement;
import tw.yanshou.calculus.StatementCalculator;
import tw.yanshou.contract.file.ContractFile;
import tw.yanshou.contract.file.ContractFileReader;

/** The timeline of the court case (臺灣高等法院111年度上字第122號) as SVG: valid XML with the case's dates and figures. */
class TimelineChartTest {
    static final ContractFileReader READER = new ContractFileReader(new ContractValidator(CalendarSource.shipped()));
    static final StatementCalculator CALCULATOR = new StatementCalculator(CalendarSource.shipped());
    static final TimelineChart CHART = new TimelineChart(null, null, messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static ContractFile courtCase() { return READER.read(ApiTestSupport.resource("/contracts/ilocker-107.yaml")); }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static XPath xpath() { return XPathFactory.newInstance().newXPath(); }

    static Element one(Document d, String expression) throws Exception {
        NodeList nodes = (NodeList) xpath().evaluate(expression, d, XPathConstants.NODESET);
        assertThat(nodes.getLength()).as(expression).isEqualTo(1);
        return (Element) nodes.item(0);
    }

    static String text(Document d, String expression) throws Exception {
        return (String) xpath().evaluate("string(" + expression + ")", d, XPathConstants.STRING);
    }

    @Test
    void drawsTheCourtCaseAsValidSvgWithItsEventsAndFigures() throws Exception {
        ContractFile file = courtCase();
        Statement s = CALCULATOR.statement(file.contract(), LocalDate.of(2024, 6, 25));
        Document d = parse(CHART.svg(file, s, Locale.TAIWAN));

        Element svg = d.getDocumentElement();
        assertThat(svg.getNamespaceURI()).isEqualTo(TimelineChart.SVG_NS);
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("aria-labelledby")).contains("-title", "-desc");
        assertThat(text(d, "/*[local-name()='svg']/*[local-name()='title']")).contains("107-ILOCKER-30");
        String desc = text(d, "/*[local-name()='svg']/*[local-name()='desc']");
        // 108/01/25 is 2019-01-25 (2019 − 1911 = 108); the cure period runs to 2019-02-15
        assertThat(desc).contains("108/01/25", "108/02/15", "108/03/19", "108/09/02", "108/12/30", "6,615,840", "2,076,000");

        // three lanes, in the contract's milestone order
        NodeList lanes = (NodeList) xpath().evaluate("//*[@class='milestone']", d, XPathConstants.NODESET);
        assertThat(lanes.getLength()).isEqualTo(3);
        assertThat(((Element) lanes.item(0)).getAttribute("data-milestone")).isEqualTo("FACTORY_INSPECTION");

        // the failed factory inspection of 2019-01-25, red and labelled, with its cure period to 2019-02-15
        Element failed = one(d, "//*[@data-milestone='FACTORY_INSPECTION']/*[@class='inspection failed'][@data-date='2019-01-25']");
        assertThat(failed.getAttribute("data-cure-by")).isEqualTo("2019-02-15");
        assertThat(text(d, "//*[@class='inspection failed'][@data-date='2019-01-25']/*[@class='failed-label']"))
                .isEqualTo("× 不合格 108/01/25");
        assertThat(xpath().evaluate("count(//*[@class='inspection failed'][@data-date='2019-01-25']/*[@stroke='#b00020'])", d))
                .isNotEqualTo("0");
        one(d, "//*[@class='inspection failed'][@data-date='2019-01-25']/*[@class='cure']");
        // the second failed inspection (stage 2, 2019-11-05) and the tenders of 2019-01-14, 2019-02-15, 2019-10-31 (×2)
        one(d, "//*[@data-milestone='STAGE2']/*[@class='inspection failed'][@data-date='2019-11-05']");
        assertThat(xpath().evaluate("count(//*[@class='tender'])", d)).isEqualTo("4");
        one(d, "//*[@data-milestone='FACTORY_INSPECTION']/*[@class='inspection accepted'][@data-date='2019-02-19']");

        // the mediation's excused days 2019-03-19..2019-09-02, shaded and labelled
        Element excused = one(d, "//*[@class='excused']");
        assertThat(excused.getAttribute("data-from")).isEqualTo("2019-03-19");
        assertThat(excused.getAttribute("data-to")).isEqualTo("2019-09-02");
        assertThat(text(d, "//*[@class='excused']/*[@class='excused-label']")).isEqualTo("調解不計工期 108/03/19–108/09/02");
        one(d, "//*[@class='termination'][@data-date='2019-12-30']");

        // the curve ends at the judgment's 6,615,840 (the cap is waived), above the cap line at 2,076,000
        Element curve = one(d, "//*[local-name()='polyline'][@class='penalty']");
        assertThat(curve.getAttribute("data-end-amount")).isEqualTo("6615840");
        assertThat(text(d, "//*[@class='penalty-label']")).isEqualTo("違約金 6,615,840");
        Element cap = one(d, "//*[@class='cap']");
        assertThat(cap.getAttribute("data-amount")).isEqualTo("2076000");
        assertThat(cap.getAttribute("data-waived")).isEqualTo("true");
        assertThat(text(d, "//*[@class='cap']/*[@class='cap-label']")).contains("2,076,000", "已免除");
        double capY = Double.parseDouble(((Element) cap.getElementsByTagNameNS(TimelineChart.SVG_NS, "line").item(0)).getAttribute("y1"));
        List<double[]> points = points(curve.getAttribute("points"));
        double[] last = points.get(points.size() - 1);
        // y grows downwards: 6,615,840 / 2,076,000 ≈ 3.19 times as far above the zero line as the cap line
        double zeroY = points.get(0)[1];
        assertThat((zeroY - last[1]) / (zeroY - capY)).isCloseTo(6_615_840.0 / 2_076_000.0, org.assertj.core.data.Offset.offset(0.02));
        // a step curve never goes down
        for (int i = 1; i < points.size(); i++) assertThat(points.get(i)[1]).isLessThanOrEqualTo(points.get(i - 1)[1]);
        // flat through the excused days: no rise between 2019-03-19 and 2019-09-02
        Element band = (Element) excused.getElementsByTagNameNS(TimelineChart.SVG_NS, "rect").item(0);
        double bandFrom = Double.parseDouble(band.getAttribute("x")), bandTo = bandFrom + Double.parseDouble(band.getAttribute("width"));
        assertThat(yAt(points, bandTo - 1)).isEqualTo(yAt(points, bandFrom + 1));
        assertThat(yAt(points, bandFrom + 1)).isLessThan(zeroY);   // 28 + 56 days accrued before it
        // terminated, so no projection
        assertThat(xpath().evaluate("count(//*[@class='projection'])", d)).isEqualTo("0");
        // the statement day is far after the termination: an arrow at the edge names it
        assertThat(text(d, "//*[@class='as-of-label']")).isEqualTo("計算日 113/06/25 →");
        // 民國 months on the axis
        assertThat(text(d, "(//*[@class='month'])[1]")).matches("10[78]年\\d+月");
    }

    /** Writes the chart to target/ for a look (tests do not need it). */
    @Test
    void writesTheChartForALook() throws Exception {
        ContractFile file = courtCase();
        String svg = CHART.svg(file, CALCULATOR.statement(file.contract(), LocalDate.of(2024, 6, 25)), Locale.TAIWAN);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/timeline-court-case.svg"), svg);
        String open = CHART.svg(file, CALCULATOR.statement(file.contract(), LocalDate.of(2019, 3, 1)), Locale.ENGLISH);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/timeline-court-case-2019-03-01-en.svg"), open);
        parse(svg);
    }

    @Test
    void labelsInEnglishWithIsoDates() throws Exception {
        ContractFile file = courtCase();
        Document d = parse(CHART.svg(file, CALCULATOR.statement(file.contract(), LocalDate.of(2024, 6, 25)), Locale.ENGLISH));
        assertThat(text(d, "//*[@class='inspection failed'][@data-date='2019-01-25']/*[@class='failed-label']"))
                .isEqualTo("× failed 2019-01-25");
        assertThat(text(d, "(//*[@class='month'])[1]")).matches("201[89]-\\d\\d");
    }

    @Test
    void anOpenContractShowsTheProjectionDashedToTheCap() throws Exception {
        ContractFile file = courtCase();
        // as of 2019-03-01 (before the mediation): stage 2 is late, nothing is settled yet
        Statement s = CALCULATOR.statement(file.contract(), LocalDate.of(2019, 3, 1));
        assertThat(s.projection()).isNotNull();
        Document d = parse(CHART.svg(file, s, Locale.TAIWAN));
        Element projection = one(d, "//*[@class='projection']");
        assertThat(projection.getAttribute("data-date")).isEqualTo(s.projection().capReachedOn().toString());
        assertThat(((Element) projection.getElementsByTagNameNS(TimelineChart.SVG_NS, "line").item(0)).getAttribute("stroke-dasharray"))
                .isNotEmpty();
        assertThat(text(d, "//*[@class='cap']/*[@class='cap-label']")).doesNotContain("已免除");
    }

    @Test
    void escapesUserTextAndDropsWhatXmlCannotHold() throws Exception {
        // the reader refuses control characters; the chart must not rely on that (a stored name, another caller)
        ContractFile read = READER.read(ApiTestSupport.resource("/contracts/ilocker-107.yaml"));
        java.util.List<tw.yanshou.calculus.Milestone> milestones = new java.util.ArrayList<>(read.contract().milestones());
        tw.yanshou.calculus.Milestone first = milestones.get(0);
        milestones.set(0, new tw.yanshou.calculus.Milestone(first.id(), "<script>alert('x')</script> & \u0001 \"廠驗\"",
                first.items(), first.due()));
        tw.yanshou.calculus.Contract c = read.contract();
        ContractFile file = new ContractFile(read.format(), read.number(), read.title(), read.buyer(), read.vendor(),
                read.currency(), read.linkedContracts(), new tw.yanshou.calculus.Contract(c.number(), c.signedOn(), c.items(),
                c.terms(), milestones, c.events(), c.claims()));
        Document d = parse(CHART.svg(file, CALCULATOR.statement(file.contract(), LocalDate.of(2024, 6, 25)), Locale.TAIWAN));
        assertThat(xpath().evaluate("count(//*[local-name()='script'])", d)).isEqualTo("0");
        assertThat(text(d, "//*[@data-milestone='FACTORY_INSPECTION']/*[@class='milestone-name']/*[local-name()='title']"))
                .isEqualTo("<script>alert('x')</script> & \uFFFD \"廠驗\"");
    }

    /** The curve's y at x: the last point at or left of x. */
    private static double yAt(List<double[]> points, double x) {
        double y = points.get(0)[1];
        for (double[] p : points) if (p[0] <= x) y = p[1];
        return y;
    }

    private static List<double[]> points(String attribute) {
        List<double[]> points = new ArrayList<>();
        for (String p : attribute.trim().split("\\s+")) {
            String[] xy = p.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
