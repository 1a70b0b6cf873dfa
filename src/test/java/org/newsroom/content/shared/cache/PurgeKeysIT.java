package org.newsroom.content.shared.cache;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The purge keys of {@link PurgeKeysTest}, on the packaged application. */
@QuarkusIntegrationTest
class PurgeKeysIT extends PurgeKeysTest {
}
