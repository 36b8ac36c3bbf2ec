package org.ventrack.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ventrack.devstack.LocalStack;

/**
 * The study dashboard in a real headless Chromium (Debian's chromium and chromedriver) against the packaged stack with
 * the paper's 12 patients: one stack and one browser for all the steps, which run in order like a user's session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final String SITE = "FR-RDB";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static LocalStack stack;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startTheStackAndTheBrowser() throws IOException {
        stack = StackFixture.start(true);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ventrack.chromium", "/usr/bin/chromium"));
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("ventrack.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    static void stopThem() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            StackFixture.stop(stack);
        }
    }

    @Test
    @Order(1)
    void signInShowsTheTwelveDemoPatients() {
        browser.get(stack.dashboardUrl());
        WebElement token = browser.findElement(By.id("token"));
        assertEquals("textarea", token.getTagName());
        assertTrue(browser.findElement(By.cssSelector("label[for=token]")).isDisplayed(), "the token field has a label");
        token.sendKeys(stack.token("site-user", SITE));
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("caller"), "sites " + SITE));
        wait.until(d -> rows("summary").size() == 2);
        assertEquals(List.of("OS", "12"), rows("summary").get(0).subList(0, 2));
        assertEquals(List.of("EFS", "12"), rows("summary").get(1).subList(0, 2));
        wait.until(d -> rows("response-rates").size() == 3);
        assertEquals(List.of(List.of("VEN_CHEMO", "5"), List.of("VEN_HMA", "5"), List.of("VEN_MONO", "2")),
                rows("response-rates").stream().map(r -> r.subList(0, 2)).toList());
        wait.until(d -> rows("table2").stream().anyMatch(r -> r.get(0).equals("Sepsis")));
        wait.until(d -> rows("table1").stream().anyMatch(r -> r.get(0).equals("n") && r.get(1).equals("12")));
        wait.until(d -> rows("data-quality").size() == 7);
        assertTrue(rows("data-quality").stream().allMatch(r -> r.get(0).equals(SITE)), rows("data-quality").toString());
        wait.until(d -> figureLoaded("km-os") && figureLoaded("km-efs") && figureLoaded("swimmer"));
        assertTrue(browser.getCurrentUrl().indexOf(stack.token("site-user", SITE).substring(0, 20)) < 0, "no token in the URL");
        assertEquals(0L, ((Number) js("return Object.keys(localStorage).length")).longValue(), "the token is not kept beyond the tab");
    }

    @Test
    @Order(2)
    void changingTheGroupingRedrawsTheCurves() {
        String before = browser.findElement(By.id("km-os")).getAttribute("src");
        new Select(browser.findElement(By.id("group-by"))).selectByValue("regimen");
        wait.until(ExpectedConditions.attributeToBe(By.id("km-os"), "data-group-by", "regimen"));
        assertNotEquals(before, browser.findElement(By.id("km-os")).getAttribute("src"));
        assertTrue(figureLoaded("km-os"));
    }

    @Test
    @Order(3)
    void acknowledgingAnAlertRemovesItFromTheOpenOnes() {
        wait.until(d -> Integer.parseInt(browser.findElement(By.id("alerts")).getDomAttribute("data-open")) > 0);
        int open = Integer.parseInt(browser.findElement(By.id("alerts")).getDomAttribute("data-open"));
        WebElement first = browser.findElement(By.cssSelector("#alerts button.ack"));
        String label = first.getAttribute("aria-label");
        first.click();
        wait.until(ExpectedConditions.attributeToBe(By.id("alerts"), "data-open", Integer.toString(open - 1)));
        given().auth().oauth2(stack.token("site-user", SITE)).queryParam("status", "acknowledged")
                .get(stack.serviceUrl("pk-service") + "/api/v1/pk/alerts").then().statusCode(200)
                .body("items.acknowledgedBy", hasItem(org.hamcrest.Matchers.notNullValue()));
        assertTrue(label.startsWith("Acknowledge "), label);
    }

    @Test
    @Order(4)
    void anAssessmentPostedThroughTheApiUpdatesThePageWithoutAReload() {
        js("window.ventrackSamePage = true");
        String siteUser = stack.token("site-user", SITE);
        String patientId = given().auth().oauth2(siteUser).queryParam("upn", "UPN03")
                .get(stack.serviceUrl("patient-service") + "/api/v1/patients").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(siteUser).contentType("application/json").body("""
                {"patientId":"%s","assessmentDate":"2020-10-20","cycle":1,"blastPercent":3,"circulatingBlasts":false,
                 "extramedullaryDisease":false,"extramedullarySites":[],"platelets":120,"anc":1.4,
                 "transfusionDependent":false,"mrdStatus":"NEGATIVE","baseline":false}""".formatted(patientId))
                .post(stack.serviceUrl("response-service") + "/api/v1/assessments").then().log().ifValidationFails()
                .statusCode(201);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-status"), patientId));
        assertEquals(Boolean.TRUE, js("return window.ventrackSamePage === true"), "the page was not reloaded");
    }

    @Test
    @Order(5)
    void screenshotForTheReadme() throws IOException {
        new Select(browser.findElement(By.id("group-by"))).selectByValue("none");
        wait.until(ExpectedConditions.attributeToBe(By.id("km-os"), "data-group-by", "none"));
        wait.until(d -> figureLoaded("km-os") && figureLoaded("swimmer"));
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height + 140, 4000)));
        Path shot = Path.of("target", "dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(shot) > 10_000, "a screenshot with content");
    }

    private static List<List<String>> rows(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList()).toList();
    }

    private static boolean figureLoaded(String imgId) {
        return Boolean.TRUE.equals(js("const i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 0", imgId));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
