package org.newsroom.content.shared.cache;

import org.newsroom.content.support.PackagedAppServices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The purge keys of {@link PurgeKeysTest}, on the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppServices.class)
class PurgeKeysIT extends PurgeKeysTest {
}
