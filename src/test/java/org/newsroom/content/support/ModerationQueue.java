package org.newsroom.content.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.newsroom.content.comment.Comment;
import org.newsroom.content.comment.CommentService;
import org.newsroom.content.shared.web.Representations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

/**
 * The moderators' queue, read whole: every test of a JVM shares one database, so a queue holds far more than one
 * page, and a comment is looked for on every page, following {@code nextCursor} to the end.
 */
public final class ModerationQueue {

    public static final String PATH = "/api/v1/moderation/comments";

    private ModerationQueue() {
    }

    /** Each page of the queue with this status ({@code null}: the default one), as raw JSON, in cursor order. */
    public static List<String> queuePages(String status) {
        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.moderator()).queryParam("limit", 100);
            if (status != null) {
                request.queryParam("status", status);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            String page = request.get(PATH).then().statusCode(200).header("Cache-Control", "private, no-store")
                    .extract().asString();
            pages.add(page);
            cursor = JsonPath.from(page).getString("nextCursor");
            assertTrue(pages.size() < 1000, "the walk ends");
        } while (cursor != null);
        return pages;
    }

    public static List<Map<String, Object>> queueItems(String status) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String page : queuePages(status)) {
            items.addAll(JsonPath.from(page).getList("items"));
        }
        return items;
    }

    public static List<Integer> queueIds(String status) {
        return queueItems(status).stream().map(item -> (Integer) item.get("id")).toList();
    }

    /**
     * The comment's current ETag, read straight from the database (null when there is no such comment), for tests that
     * decide without walking the queue for its {@code etag}. In-process ({@code @QuarkusTest}) only.
     */
    public static String currentEtag(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Comment comment = Comment.findById(id);
            return comment == null ? null : Representations.etag(CommentService.version(comment));
        });
    }

    /** The comment's item in the queue; fails if it is on none of its pages. */
    public static Map<String, Object> findInQueue(String status, long id) {
        return queueItems(status).stream().filter(item -> ((Integer) item.get("id")) == id).findFirst()
                .orElseThrow(() -> new AssertionError("comment " + id + " is not in the "
                        + (status == null ? "default" : status) + " queue"));
    }
}
