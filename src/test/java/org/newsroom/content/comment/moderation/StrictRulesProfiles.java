package org.newsroom.content.comment.moderation;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Settings the shared test profile relaxes, turned back on for the tests of the rules themselves. */
final class StrictRulesProfiles {

    private StrictRulesProfiles() {
    }

    /** The repeat rule as in production: the same client's same body within a day is held. */
    public static class RepeatRule implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.repeat-window", "P1D");
        }
    }

    /** Pre-moderation: every comment waits for a moderator. */
    public static class PreModeration implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("content.comments.moderation", "pre");
        }
    }
}
