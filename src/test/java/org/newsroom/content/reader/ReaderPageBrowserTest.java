package org.newsroom.content.reader;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The reader page at {@code /} in a real browser: Debian's Chromium, headless, driven by Selenium through
 * {@code chromedriver}. Where either is missing the browser tests are skipped, never failed.
 */
@QuarkusTest
class ReaderPageBrowserTest {

    private static final String CHROME_BIN = env("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final String MISSING = "Headless Chromium not found: apt-get install -y chromium chromium-driver"
            + " (or set CHROME_BIN / CHROMEDRIVER)";
    private static final Path SCREENSHOT = Path.of("target", "reader-page.png");
    private static final Path LIST_SCREENSHOT = Path.of("target", "reader-page-list.png");

    /**
     * Runs in the page before posting: the first POST reaches the server, but its answer is thrown away as a
     * network error, so the page must retry once with the same Idempotency-Key. Every POST's key is recorded.
     */
    private static final String LOSE_FIRST_ANSWER = """
            window.__postKeys = [];
            const realFetch = window.fetch;
            window.fetch = function (url, init) {
                if (init && init.method === 'POST') {
                    window.__postKeys.push(init.headers['Idempotency-Key']);
                    if (window.__postKeys.length === 1) {
                        return realFetch(url, init).then(function () {
                            throw new TypeError('Failed to fetch (the test lost the answer)');
                        });
                    }
                }
                return realFetch(url, init);
            };
            """;

    /** The page, on whatever free port the test instance was given. */
    @TestHTTPResource("/")
    URL page;

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    @Test
    void servesTheReaderPageAndItsAssetsAsStaticFilesWithoutAuthentication() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<main"), containsString("reader.js"));
        given().get("/reader.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().get("/reader.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("textContent"));
    }

    @Test
    void aReaderFindsAnArticleReadsItsBlocksInOrderAndPostsACommentThatIsStoredOnce() throws IOException {
        ChromeDriver browser = browser(); // skips the test where there is no Chromium
        String headline = Fixtures.unique("Browser story");
        String hostile = "<img src=x onerror=\"window.__injected=1\"> is shown as text";
        Map<String, Object> created = Fixtures.createArticle(Map.of("headline", headline,
                "subheadline", "Told in five blocks", "dateline", "BUSAN", "section", "local", "status", "published",
                "publishedAt", Instant.now().minusSeconds(5).toString(), "paragraphs", List.of(
                        Map.of("type", "paragraph", "text", "The opening paragraph of the story."),
                        Map.of("type", "heading", "text", "What the witnesses said"),
                        Map.of("type", "blockquote", "text", "We saw the ferry leave on time.", "attribution",
                                "A harbour worker"),
                        Map.of("type", "paragraph", "text", hostile),
                        Map.of("type", "pullquote", "text", "On time, every time.", "attribution", "The timetable"))))
                .jsonPath().getMap("$");
        long articleId = ((Number) created.get("id")).longValue();
        String slug = (String) created.get("slug");
        long earlier = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Early reader", "body", "An earlier comment."))
                .post("/api/v1/articles/" + articleId + "/comments").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Replier", "body", "A reply to the earlier comment.", "parentId", earlier))
                .post("/api/v1/articles/" + articleId + "/comments").then().statusCode(201);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(page.toString());

        // The list: follow "More" until the article shows, then check its row.
        By row = By.cssSelector("[data-testid='article-item'][data-slug='" + slug + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='article-item']")));
        for (int pages = 0; browser.findElements(row).isEmpty() && pages < 50; pages++) {
            WebElement more = browser.findElement(By.id("more-articles"));
            assertTrue(more.isDisplayed(), "the article is in the list or a More button follows nextCursor");
            int before = browser.findElements(By.cssSelector("[data-testid='article-item']")).size();
            more.click();
            wait.until(d -> d.findElements(By.cssSelector("[data-testid='article-item']")).size() > before);
        }
        WebElement item = browser.findElement(row);
        assertEquals(headline, item.findElement(By.tagName("h2")).getText());
        assertEquals("The opening paragraph of the story.",
                item.findElement(By.cssSelector("[data-testid='article-excerpt']")).getText());
        assertNotNull(item.findElement(By.cssSelector("time")).getAttribute("datetime"));
        saveScreenshot(browser, LIST_SCREENSHOT);

        // One article: opened by hash route, blocks rendered by type, in order.
        item.findElement(By.cssSelector("[data-testid='article-link']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("article-headline"), headline));
        assertTrue(browser.getCurrentUrl().endsWith("#/articles/" + slug), browser.getCurrentUrl());
        assertEquals("Told in five blocks", browser.findElement(By.id("article-subheadline")).getText());
        assertEquals("BUSAN", browser.findElement(By.cssSelector("#article-meta [data-testid='article-dateline']"))
                .getText());
        List<WebElement> blocks = browser.findElements(By.cssSelector("#article-body > [data-testid='block']"));
        assertEquals(List.of("p", "h2", "blockquote", "p", "aside"),
                blocks.stream().map(WebElement::getTagName).toList());
        assertEquals(List.of("paragraph", "heading", "blockquote", "paragraph", "pullquote"),
                blocks.stream().map(b -> b.getAttribute("data-type")).toList());
        assertEquals("What the witnesses said", blocks.get(1).getText());
        assertEquals("We saw the ferry leave on time.", blocks.get(2).findElement(By.tagName("p")).getText());
        assertEquals("A harbour worker", blocks.get(2).findElement(By.tagName("cite")).getText());
        assertEquals(hostile, blocks.get(3).getText());
        assertTrue(blocks.get(3).findElements(By.tagName("img")).isEmpty(), "text is never parsed as HTML");
        assertTrue(blocks.get(4).getText().contains("On time, every time."));

        // The comments: the earlier one, its reply loaded on demand.
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comment-list > [data-comment-id='" + earlier + "']")));
        assertEquals("An earlier comment.", first.findElement(By.cssSelector("[data-testid='comment-body-text']"))
                .getText());
        WebElement showReplies = first.findElement(By.cssSelector("[data-testid='show-replies']"));
        assertEquals("Show 1 reply", showReplies.getText());
        showReplies.click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(first,
                By.cssSelector("[data-testid='reply-list'] > [data-testid='comment']"))).get(0);
        assertEquals("A reply to the earlier comment.",
                reply.findElement(By.cssSelector("[data-testid='comment-body-text']")).getText());
        assertTrue(browser.findElement(By.id("comments-empty")).getAttribute("hidden") != null);

        // Post a comment; its first answer is lost, so the page retries once with the same key.
        ((JavascriptExecutor) browser).executeScript(LOSE_FIRST_ANSWER);
        String body = Fixtures.unique("Good to hear") + "\nSecond line of the comment.";
        browser.findElement(By.id("comment-name")).sendKeys("Reader in Busan");
        browser.findElement(By.id("comment-body")).sendKeys(body);
        browser.findElement(By.id("comment-submit")).click();
        By posted = By.cssSelector("#comment-list > [data-testid='comment']:not([data-comment-id='" + earlier + "'])");
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(posted));
        assertEquals("published", comment.getAttribute("data-status"));
        assertEquals("Reader in Busan",
                comment.findElement(By.cssSelector("[data-testid='comment-author']")).getText());
        assertEquals(body, comment.findElement(By.cssSelector("[data-testid='comment-body-text']")).getText());
        assertEquals("", browser.findElement(By.id("comment-body")).getAttribute("value"), "the form is cleared");
        assertTrue(browser.findElement(By.id("comment-form-success")).isDisplayed());

        List<?> keys = (List<?>) ((JavascriptExecutor) browser).executeScript("return window.__postKeys;");
        assertEquals(2, keys.size(), "one network error, one retry: " + keys);
        assertEquals(keys.get(0), keys.get(1), "the retry carries the same Idempotency-Key");
        assertTrue(
                keys.get(0).toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                keys.get(0).toString());
        String commentId = comment.getAttribute("data-comment-id");
        Object token = ((JavascriptExecutor) browser)
                .executeScript("return localStorage.getItem('newsroom.comment-token.' + arguments[0]);", commentId);
        assertNotNull(token, "the token is kept under the comment id");
        assertTrue(token.toString().matches("[A-Za-z0-9_-]{43}"), token.toString());

        // Through the API: exactly one comment with that body was stored, despite the retry.
        List<Map<String, Object>> stored = given().get("/api/v1/articles/" + articleId + "/comments?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(1, stored.stream().filter(c -> body.equals(c.get("body"))).count(), stored.toString());
        assertEquals(commentId, String.valueOf(stored.stream().filter(c -> body.equals(c.get("body"))).findFirst()
                .orElseThrow().get("id")));

        saveScreenshot(browser, SCREENSHOT);

        // A second comment with an empty name: the problem's detail and the field error show in the form.
        browser.findElement(By.id("comment-name")).clear();
        browser.findElement(By.id("comment-body")).sendKeys("A comment without a name.");
        browser.findElement(By.id("comment-submit")).click();
        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-name-error")));
        assertTrue(nameError.getText().startsWith("Name "), nameError.getText());
        assertTrue(nameError.getText().contains("must not be blank"), nameError.getText());
        assertEquals("true", browser.findElement(By.id("comment-name")).getAttribute("aria-invalid"));
        assertEquals("1 field is invalid", browser.findElement(By.id("comment-form-error")).getText());
        assertTrue(browser.findElement(By.id("comment-body-error")).getText().isEmpty());
        assertEquals("A comment without a name.", browser.findElement(By.id("comment-body")).getAttribute("value"),
                "what the reader wrote is kept");
        assertEquals(1, browser.findElements(posted).size());
        assertEquals(2, given().get("/api/v1/articles/" + articleId + "/comments").then().statusCode(200).extract()
                .jsonPath().getList("items").size(), "the earlier comment and ours, nothing from the failed post");
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__injected;"));

        // And back to the list.
        browser.findElement(By.id("back-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        assertTrue(browser.findElement(row).isDisplayed());

        // The page's Content-Security-Policy (no inline code, this origin only) refused nothing the page does.
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), refused.toString());
    }

    @Test
    void aReaderSeesImagesAsFiguresWithAltLazyLoadingAndTheirSize() throws IOException {
        ChromeDriver browser = browser(); // skips the test where there is no Chromium
        Map<String, Object> created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Picture story"),
                "status", "published", "publishedAt", Instant.now().minusSeconds(5).toString(), "leadImage",
                Map.of("src", "https://images.example/lead.jpg", "alt", "The harbour at dawn", "width", 1200,
                        "height", 800),
                "paragraphs", List.of(Map.of("type", "paragraph", "text", "Words first."),
                        Map.of("type", "image", "image", Map.of("src", "https://images.example/dock.jpg", "alt",
                                "Dock 4 at night", "caption", "Dock 4", "credit", "Harbour office", "width", 640,
                                "height", 480)),
                        Map.of("type", "image", "image", Map.of("src", "https://images.example/rule.png",
                                "decorative", true)))))
                .jsonPath().getMap("$");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(page.toString() + "#/articles/" + created.get("slug"));
        WebElement lead = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='article-lead-figure'] img")));
        assertEquals("The harbour at dawn", lead.getAttribute("alt"));
        // The attributes as written (the properties are the rendered size: the picture fits the column).
        assertEquals("1200", lead.getDomAttribute("width"));
        List<WebElement> blocks = browser.findElements(By.cssSelector("#article-body > [data-testid='block']"));
        assertEquals(List.of("p", "figure", "figure"), blocks.stream().map(WebElement::getTagName).toList());
        WebElement img = blocks.get(1).findElement(By.tagName("img"));
        assertEquals("https://images.example/dock.jpg", img.getAttribute("src"));
        assertEquals("Dock 4 at night", img.getAttribute("alt"));
        assertEquals("lazy", img.getDomAttribute("loading"));
        assertEquals("640", img.getDomAttribute("width"));
        assertEquals("480", img.getDomAttribute("height"));
        assertEquals("Dock 4 Harbour office", blocks.get(1).findElement(By.tagName("figcaption")).getText());
        assertEquals("", blocks.get(2).findElement(By.tagName("img")).getAttribute("alt"));
        assertTrue(blocks.get(2).findElements(By.tagName("figcaption")).isEmpty());
        // img-src allows https pictures: the policy refused none of them.
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), refused.toString());
    }

    @Test
    void aNewCommentBySomeoneElseAppearsWithoutAReloadAndLeavesWhenDeleted() throws IOException {
        ChromeDriver browser = browser(); // skips the test where there is no Chromium
        Map<String, Object> created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Live story"),
                "status", "published", "publishedAt", Instant.now().minusSeconds(5).toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Talk below.")))).jsonPath().getMap("$");
        long articleId = ((Number) created.get("id")).longValue();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(page.toString() + "#/articles/" + created.get("slug"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comments-empty")));
        // Set in this document: a reload would lose it.
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
        // The stream is open (its first line has arrived) before someone else posts.
        wait.until(ExpectedConditions.attributeToBe(By.id("comment-list"), "data-live", "open"));

        String body = Fixtures.unique("Posted elsewhere");
        var posted = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "Someone Else", "body", body))
                .post("/api/v1/articles/" + articleId + "/comments").then().statusCode(201).extract().jsonPath();
        long commentId = posted.getLong("id");
        By node = By.cssSelector("#comment-list > [data-comment-id='" + commentId + "']");
        WebElement comment = wait.until(ExpectedConditions.visibilityOfElementLocated(node));
        assertEquals(body, comment.findElement(By.cssSelector("[data-testid='comment-body-text']")).getText());
        assertEquals("Someone Else", comment.findElement(By.cssSelector("[data-testid='comment-author']")).getText());
        assertTrue(browser.findElement(By.id("comments-empty")).getAttribute("hidden") != null);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.__sameDocument;"),
                "the page was not reloaded");

        given().header("Comment-Token", posted.getString("token")).delete("/api/v1/comments/" + commentId).then()
                .statusCode(204);
        wait.until(ExpectedConditions.numberOfElementsToBe(node, 0));

        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).filter(message -> message.contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), refused.toString());
    }

    // ---- the browser

    private ChromeDriver browser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROME_BIN)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                MISSING);
        profile = Files.createTempDirectory("reader-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROME_BIN);
        // The console, so that the test sees what the Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // Without the background-networking flags Chromium keeps calling out to a network that is closed here.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1100,900", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        return driver;
    }

    /** The whole page, not only the viewport: the window is grown to the document's height first. */
    private static void saveScreenshot(ChromeDriver browser, Path file) throws IOException {
        Number height = (Number) browser.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(1100, Math.min(height.intValue() + 160, 6000)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1100, 900));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
                profile = null;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
