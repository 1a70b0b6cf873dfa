package org.newsroom.content.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.config.ContentConfig;

/** Why a new or edited comment must wait for a moderator (docs/http-api.md §5), or nothing when it may appear at once. */
@ApplicationScoped
public class HoldRules {

    static final String LINKS = "links";
    static final String BANNED_WORD = "banned-word";
    static final String REPEATED = "repeated";
    static final String REPORTS = "reports";
    static final String PRE_MODERATION = "pre-moderation";

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S");

    private final ContentConfig config;
    private final Optional<Pattern> bannedWords;

    public HoldRules(ContentConfig config) {
        this.config = config;
        List<String> words = config.comments().bannedWords().orElse(List.of()).stream().map(String::strip)
                .filter(word -> !word.isEmpty()).toList();
        this.bannedWords = words.isEmpty()
                ? Optional.empty()
                : Optional.of(Pattern.compile(
                        "(?<![\\p{L}\\p{N}_])(?:" + words.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                                + ")(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** For a new comment: the content rules, this client's repeats, and pre-moderation. */
    public Optional<String> reasonToHoldNew(String body, String clientAddress, Instant now) {
        Optional<String> byContent = reasonToHoldContent(body);
        if (byContent.isPresent()) {
            return byContent;
        }
        Duration repeatWindow = config.comments().repeatWindow();
        if (!repeatWindow.isZero() && Comment.existsRepeat(clientAddress, body, now.minus(repeatWindow))) {
            return Optional.of(REPEATED);
        }
        if (config.comments().moderation() == ContentConfig.Comments.Moderation.PRE) {
            return Optional.of(PRE_MODERATION);
        }
        return Optional.empty();
    }

    /** For an edit: what the text itself says, then pre-moderation (an edit is new text, never seen by a moderator). */
    public Optional<String> reasonToHoldEdit(String body) {
        Optional<String> byContent = reasonToHoldContent(body);
        if (byContent.isPresent() || config.comments().moderation() != ContentConfig.Comments.Moderation.PRE) {
            return byContent;
        }
        return Optional.of(PRE_MODERATION);
    }

    /** What the text itself says. */
    public Optional<String> reasonToHoldContent(String body) {
        if (countLinks(body) > config.comments().maxLinks()) {
            return Optional.of(LINKS);
        }
        if (bannedWords.isPresent() && bannedWords.get().matcher(body).find()) {
            return Optional.of(BANNED_WORD);
        }
        return Optional.empty();
    }

    static int countLinks(String body) {
        Matcher matcher = LINK.matcher(body);
        int links = 0;
        while (matcher.find()) {
            links++;
        }
        return links;
    }
}
