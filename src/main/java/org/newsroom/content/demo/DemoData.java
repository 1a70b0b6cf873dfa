package org.newsroom.content.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsroom.content.article.Article;
import org.newsroom.content.article.ArticleResponse;
import org.newsroom.content.article.ArticleService;
import org.newsroom.content.article.ArticleText;
import org.newsroom.content.article.ArticleWrite;
import org.newsroom.content.article.ParagraphWrite;
import org.newsroom.content.comment.CommentRequest;
import org.newsroom.content.comment.CommentService;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.idempotency.IdempotencyKey;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/** Dev mode only: a few sample articles (one with a comment thread) so that the first curl shows something. */
@IfBuildProfile("dev")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private record Sample(String file, String section, List<String> tags, Duration age) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("rainfall-record.txt", "weather", List.of("rain", "records"), Duration.ofHours(30)),
            new Sample("library-robots.txt", "culture", List.of("libraries", "education"), Duration.ofHours(6)),
            new Sample("harbour-ferry.txt", "local", List.of("transport", "islands"), Duration.ofHours(2)));

    private static final IdempotencyKey NO_KEY = IdempotencyKey.of("demo data", null);

    private final ArticleService articles;
    private final CommentService comments;
    private final Clock clock;

    public DemoData(ArticleService articles, CommentService comments, Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.clock = clock;
    }

    @Transactional
    void load(@Observes StartupEvent started) {
        if (Article.count() > 0) {
            return;
        }
        String lastSlug = null;
        for (Sample sample : SAMPLES) {
            ArticleText.Document document = ArticleText.parse(read(sample.file()));
            ArticleWrite write = new ArticleWrite(null, document.headline(), document.subheadline(),
                    document.dateline(), "Demo Desk", sample.section(), sample.tags(), "published",
                    Time.now(clock).minus(sample.age()), true, document.blocks().stream()
                            .map(block -> new ParagraphWrite(block.type(), block.text(), block.attribution()))
                            .toList());
            lastSlug = ((ArticleResponse) articles.create(write, NO_KEY).body()).slug();
        }
        // Three readers at documentation addresses (RFC 5737), so that the demo's comments count against none of the
        // limits of the person trying the API from this machine.
        var first = comments.store(lastSlug, new CommentRequest("Reader in Stromness", null,
                "Took it last night. Slept most of the way,\nwoke up to the lighthouse.", null), "192.0.2.1");
        comments.store(lastSlug, new CommentRequest("Maren", null, "Glad you made it! Breakfast is at eight.",
                first.id()), "192.0.2.2");
        comments.store(lastSlug, new CommentRequest("Old skipper", null,
                "Eleven years too long. Good luck to the crew.", null), "192.0.2.3");
        LOG.infof("Loaded %d demo articles: try curl localhost:8080/api/v1/articles", SAMPLES.size());
    }

    private static String read(String file) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
