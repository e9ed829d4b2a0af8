package tw.yanshou.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import tw.yanshou.api.ApiTestSupport;

/**
 * The statement page and its PDF on the running server (embedded PostgreSQL, the engine) for the court case
 * (臺灣高等法院111年度上字第122號), signed in through the form login: the court's formulas and figures, 民國 dates,
 * the PDF's text, font and file name; bad days and other people's contracts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementPageTest extends ApiTestSupport {
    static final String NUMBER = "107-ILOCKER-30-STMT";
    String id;
    @org.springframework.beans.factory.annotation.Autowired tw.yanshou.security.SecondFactors factors;

    @BeforeAll
    void registerTheCourtCase() {
        String yaml = resource("/contracts/ilocker-107.yaml").replace("107-ILOCKER-30\"", NUMBER + "\"");
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        id = created.getBody().get("id").asText();
        for (Map<String, Object> user : List.of(
                Map.<String, Object>of("username", "stmt-officer", "password", "officer-passphrase-1", "roles", List.of("OFFICER")),
                Map.<String, Object>of("username", "stmt-other-vendor", "password", "vendor-passphrase-12", "roles", List.of("VENDOR"),
                        "vendorId", "vendor-someone-else"))) {
            assertThat(api().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).body(user).retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        }
    }

    @Test
    void showsTheCourtsFormulasAndFiguresWithRocDates() throws Exception {
        Session officer = signIn("stmt-officer", "officer-passphrase-1");
        HttpResponse<String> page = officer.get("/contracts/" + id + "/statement?asOf=2024-06-25");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        // 10,380,000 × 4‰ = 41,520 a day; 28 + 7 + 119 = 154 days: 6,394,080 (the judgment's figure)
        assertThat(html).contains("10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080");
        // 990,000 × 4‰ × 56 = 221,760; 6,394,080 + 221,760 = 6,615,840
        assertThat(html).contains("990,000 × 4‰ × 56 = 221,760", "6,615,840", "2,076,000");
        // the claim: 4,166,160 halved (民法第252條) = 2,083,080, less the bond of 1,050,000 = 1,033,080
        assertThat(html).contains("2,083,080", "1,033,080");
        // 民國 dates with ISO beside them: 2019-01-25 is 108年1月25日; 2024-06-25 is 113年6月25日
        assertThat(html).contains("113年6月25日", "108年12月30日", "（2019-12-30）", "<time datetime=\"2019-12-30\">");
        // the head of the event log the statement was computed from, as the API gives it: the court case's 10 events
        String head = api().get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", id).retrieve()
                .body(com.fasterxml.jackson.databind.JsonNode.class).at("/eventLog/hash").asText();
        assertThat(head).hasSize(64);
        assertThat(html).contains("第 10 筆", head);
        assertThat(html).contains("<svg", "role=\"img\"", "class=\"excused\"");
        assertThat(html).contains("lang=\"zh-Hant-TW\"");

        // typed as 民國: the same statement
        HttpResponse<String> roc = officer.get("/contracts/" + id + "/statement?asOf=" + enc("113/06/25"));
        assertThat(roc.statusCode()).isEqualTo(200);
        assertThat(roc.body()).contains("6,615,840", "value=\"113/06/25\"");
    }

    @Test
    void aBadDayIsShownNextToTheFieldAsTypedWith400() throws Exception {
        Session officer = signIn("stmt-officer", "officer-passphrase-1");
        HttpResponse<String> page = officer.get("/contracts/" + id + "/statement?asOf=" + enc("108/02/30"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"asOf-error\"", "無法辨識「108/02/30」為日期", "value=\"108/02/30\"",
                "aria-invalid=\"true\"");
        assertThat(page.body()).doesNotContain("6,615,840");
        HttpResponse<String> english = officer.get("/contracts/" + id + "/statement?asOf=" + enc("<b>x</b>"), "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("&quot;&lt;b&gt;x&lt;/b&gt;&quot; is not a date this field reads").doesNotContain("<b>x</b>");
        assertThat(officer.get("/contracts/" + id + "/statement.pdf?asOf=13/13/13").statusCode()).isEqualTo(400);
    }

    @Test
    void othersGetTheSameAnswersAsFromTheApi() throws Exception {
        Session vendor = signIn("stmt-other-vendor", "vendor-passphrase-12");
        // the desk's pages are staff pages: a vendor is refused before any contract is looked up
        assertThat(vendor.get("/contracts/" + id + "/statement").statusCode()).isEqualTo(403);
        assertThat(vendor.get("/contracts/" + id + "/statement.pdf").statusCode()).isEqualTo(403);
        Session officer = signIn("stmt-officer", "officer-passphrase-1");
        assertThat(officer.get("/contracts/00000000-0000-0000-0000-000000000000/statement").statusCode()).isEqualTo(404);
        assertThat(officer.get("/contracts/not-a-uuid/statement").statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/contracts/" + id + "/statement")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
    }

    @Test
    void thePdfHasTheFormulasTheFiguresAndChineseTextInAnEmbeddedFont() throws Exception {
        Session officer = signIn("stmt-officer", "officer-passphrase-1");
        HttpResponse<byte[]> pdf = officer.getBytes("/contracts/" + id + "/statement.pdf?asOf=" + enc("113年6月25日"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("107-ILOCKER-30-STMT-2024-06-25.pdf");
        java.nio.file.Files.write(java.nio.file.Path.of("target/statement-court-case.pdf"), pdf.body());   // for a look
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("10,380,000 × 4‰ × (28 + 7 + 119) = 6,394,080", "990,000 × 4‰ × 56 = 221,760");
            assertThat(flat).contains("10,380,000 × 4‰ × (28 + 7 + 60) = 3,944,400");
            assertThat(flat).contains("6,615,840", "1,033,080", "2,076,000");
            String head = api().get().uri("/api/contracts/{id}/statement?asOf=2024-06-25", id).retrieve()
                    .body(com.fasterxml.jackson.databind.JsonNode.class).at("/eventLog/hash").asText();
            // the font sets "ff" as a ligature, which the text extraction drops: the hash with or without it
            String compact = flat.replace(" ", "");
            assertThat(compact.contains(head) || compact.contains(head.replace("ff", ""))).as("log head %s", head).isTrue();
            assertThat(flat).contains("違約金", "計算式", "108年12月30日", "中華郵政股份有限公司", "慶臻實業有限公司");
            // on paper, 民國 only
            assertThat(flat).doesNotContain("（2019-12-30）");
            boolean embedded = false;
            for (PDPage p : doc.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont font = p.getResources().getFont(name);
                    if (font.getName().contains("NotoSansTC") && font.isEmbedded()) embedded = true;
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(embedded).as("Noto Sans TC embedded").isTrue();
        }
    }

    @Test
    void thePageAndThePdfShowTheBuyersDeliveriesWithTheirDatesAndChainHashes() throws Exception {
        String yaml = resource("/contracts/ilocker-107-checklist.yaml").replace("107-ILOCKER-30\"", "107-ILOCKER-30-DUTIES\"");
        ResponseEntity<JsonNode> created = api().post().uri("/api/contracts").contentType(MediaType.parseMediaType("application/yaml"))
                .body(yaml).retrieve().toEntity(JsonNode.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String duties = created.getBody().get("id").asText();
        JsonNode delivery = api().get().uri("/api/contracts/{id}", duties).retrieve().body(JsonNode.class)
                .at("/buyerDuties/2/deliveries/0");
        String hash = delivery.at("/entry/hash").asText();
        int seq = delivery.at("/entry/seq").asInt();
        assertThat(hash).matches("[0-9a-f]{64}");

        Session officer = signIn("stmt-officer", "officer-passphrase-1");
        String html = officer.get("/contracts/" + duties + "/statement?asOf=2024-06-25").body();
        // the manual: due 60 days after 107年10月18日 = 107年12月17日, delivered 108年9月5日, late
        assertThat(html).contains("機關協力義務", "i郵箱安裝及使用手冊", "107年12月17日", "108年9月5日", "逾期", "#" + seq + " " + hash);
        assertThat(html).contains("尚未提供");
        try (PDDocument doc = Loader.loadPDF(officer.getBytes("/contracts/" + duties + "/statement.pdf?asOf=2024-06-25").body())) {
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(flat).contains("機關協力義務", "108年9月5日", "#" + seq);
            // the font sets "ff" as a ligature, which the text extraction drops: the hash with or without it
            assertThat(flat.contains(hash) || flat.contains(hash.replace("ff", ""))).as("hash %s in %s", hash, flat).isTrue();
        }
        // the statement without duties has no such section
        assertThat(officer.get("/contracts/" + id + "/statement?asOf=2024-06-25").body()).doesNotContain("機關協力義務");
    }

    // ---- signing in through the form login --------------------------------------------------------------------

    record Session(HttpClient client, StatementPageTest test) {
        HttpResponse<String> get(String path) throws IOException, InterruptedException { return get(path, "zh-TW"); }

        HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(test.uri(path)).header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(test.uri(path)).header("Accept-Language", "zh-TW").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    Session signIn(String username, String password) throws IOException, InterruptedException {
        String totp = tw.yanshou.security.TestMfa.enrol(factors, username);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(login);
        assertThat(csrf.find()).as("a _csrf field on /login").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // the second factor (staff and vendors alike), an authenticator app enrolled before
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/login/mfa");
        tw.yanshou.security.FormSignIn.secondStep(client, "http://localhost:" + port, totp);
        return new Session(client, this);
    }

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
